"""Open data: a publication's public figures as CSV and Parquet files with a Data Package.

:func:`write_open_data` reads a publication snapshot (a DuckDB file holding only what the
public may see) and writes, per data set, one CSV file and one Parquet file plus one
``datapackage.json`` (Frictionless Data Package v2, readable by v1 tools) that describes
every file: title, licence (CC-BY-4.0), sources, and a Table Schema with a type and a
description for every field, the unit of every amount, area and count, and the primary
and foreign keys of the tables. :func:`zip_open_data` packs the folder for one download.

Choices (see docs/decisions.md, "Open data"):

- **Columns are listed, never ``select *``.** A column a later migration adds is not
  published until someone describes it here; ``LEFT_OUT`` names the columns left out on
  purpose (personal data, internal bookkeeping) and a test fails on any column that is in
  neither list.
- **Every file is a resource of its own.** ``spend.csv`` is resource ``spend`` and
  ``spend.parquet`` is resource ``spend-parquet`` with the same schema, and foreign keys
  that point at the Parquet resources. The Data Package spec has no "same data in another
  format" property, so this is the only way in which validators check the Parquet files
  too. ``frictionless`` reads Parquet through its ``parquet`` extra, whose only
  requirement is pyarrow, a pinned runtime dependency already.
- **Files are written with pyarrow, not DuckDB's ``COPY ... TO``.** ``db.connect`` limits
  file access to the database's folder: ``COPY`` works for a folder beside or below the
  snapshot (even on a read-only connection) but is refused anywhere else. pyarrow writes
  wherever the caller asks and streams in batches, so a ledger of millions of lines never
  sits in memory whole.
- **CSV holds raw values for machines:** UTF-8 without BOM, comma, header, ISO dates,
  ``.`` as decimal point, ``true``/``false``, empty for missing. Cells are not neutralised
  against spreadsheet formulas (as :mod:`impactdash.publish.exports` does for the page downloads):
  an apostrophe would change the published value itself.
- **The folder appears whole or not at all:** everything is written into a hidden sibling
  folder, synced to disk, and renamed to its final name last.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from impactdash.publish import public
from impactdash.store import files

#: Rows per batch read from DuckDB and written to both files.
BATCH_ROWS = 100_000
DESCRIPTOR = "datapackage.json"
PACKAGE_NAME = "impactpijler-open-data"
PARQUET_SUFFIX = "-parquet"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Naamsvermelding 4.0 Internationaal"
    " / Creative Commons Attribution 4.0 International",
}
#: The codes of ``metric.unit`` and of a field's ``unit`` property, explained once.
UNITS_NL = (
    "eur = euro, m2 = vierkante meter, count = aantal, fte = voltijdbanen, ratio = verhouding, "
    "percent = procent"
)
UNITS_EN = (
    "eur = euro, m2 = square metre, count = number, fte = full-time equivalents, ratio, percent = per cent"
)
UNIT_CODES = ("eur", "m2", "count", "fte", "ratio", "percent")
ISO_SECONDS = "%Y-%m-%dT%H:%M:%S"


@dataclass(frozen=True)
class Column:
    """One published column: its name, a Dutch and an English description, and its unit."""

    name: str
    nl: str
    en: str
    unit: str | None = None
    #: The only values allowed (checked by validators), e.g. the unit codes.
    enum: tuple[str, ...] = ()

    def description(self) -> str:
        """Return the description in Dutch, then English."""
        return f"{self.nl} / {self.en}"


@dataclass(frozen=True)
class OpenTable:
    """One published data set: the table or view it comes from, its columns and its rows.

    ``where`` limits the rows (public notes only). ``select`` replaces the plain read of
    the table for a data set that joins (``metric_value`` with its unit); ``primary_key``
    and ``foreign_keys`` are then given here, as a view has none in the catalogue.
    """

    name: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    columns: tuple[Column, ...]
    where: str = ""
    select: str = ""
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Names of the published columns, in file order."""
        return tuple(c.name for c in self.columns)


def _c(name: str, nl: str, en: str, unit: str | None = None, enum: tuple[str, ...] = ()) -> Column:
    return Column(name, nl, en, unit, enum)


_MUNICIPALITY = _c("municipality_code", "CBS-code van de gemeente", "CBS code of the municipality")
_PROGRAMME = _c("programme_code", "Code van het programma", "Code of the programme")
_METRIC = _c("metric_code", "Code van de maatstaf (zie metric)", "Code of the measure (see metric)")
_YEAR = _c("year", "Jaar", "Year")
_IN_MEASURE_UNIT = ("in de eenheid van de maatstaf (metric.unit)", "in the unit of the measure (metric.unit)")


def _measure_value(name: str, nl: str, en: str) -> Column:
    return _c(name, f"{nl}, {_IN_MEASURE_UNIT[0]}", f"{en}, {_IN_MEASURE_UNIT[1]}")


# The published data sets, parents before children. Kept one column per line.
# fmt: off
OPEN_TABLES: tuple[OpenTable, ...] = (
    OpenTable("municipality", "Gemeenten", "Municipalities",
              "De gemeenten in deze publicatie.", "The municipalities in this publication.", (
        _c("code", "CBS-gemeentecode (GM gevolgd door vier cijfers)",
           "CBS municipality code (GM and four digits)"),
        _c("name", "Naam van de gemeente", "Name of the municipality"),
        _c("province", "Provincie", "Province"),
        _c("pillar_start", "Datum waarop impactondernemen een pijler van het economisch beleid werd",
           "Date impact entrepreneurship became a pillar of economic policy"),
        _c("is_demo", "Waar: illustratieve demonstratiecijfers, geen echte",
           "True: illustrative demo figures, not real ones"),
    )),
    OpenTable("population", "Inwonertallen", "Population",
              "Inwoners per gemeente en jaar, voor vergelijking per inwoner.",
              "Inhabitants per municipality and year, for per-capita comparison.", (
        _MUNICIPALITY,
        _YEAR,
        _c("inhabitants", "Aantal inwoners", "Number of inhabitants", "count"),
    )),
    OpenTable("domain", "Domeinen", "Domains",
              "De domeinen van het ecosysteem waarop een gemeente werkt.",
              "The ecosystem domains a municipality works on.", (
        _c("code", "Code van het domein", "Code of the domain"),
        _c("name_nl", "Naam (Nederlands)", "Name (Dutch)"),
        _c("name_en", "Naam (Engels)", "Name (English)"),
        _c("sort", "Volgorde van weergave", "Display order"),
    )),
    OpenTable("instrument", "Instrumenten", "Instruments",
              "Soorten beleidsinstrumenten waarmee programma's werken.",
              "Kinds of policy instrument that programmes use.", (
        _c("code", "Code van het instrument", "Code of the instrument"),
        _c("domain_code", "Code van het domein", "Code of the domain"),
        _c("name_nl", "Naam (Nederlands)", "Name (Dutch)"),
        _c("name_en", "Naam (Engels)", "Name (English)"),
        _c("description_nl", "Omschrijving (Nederlands)", "Description (Dutch)"),
        _c("description_en", "Omschrijving (Engels)", "Description (English)"),
    )),
    OpenTable("metric", "Maatstaven", "Measures",
              "De catalogus van maatstaven: definitie, eenheid, richting en bron van elke meetwaarde.",
              "The measure catalogue: definition, unit, direction and source of every measure.", (
        _c("code", "Code van de maatstaf", "Code of the measure"),
        _c("name_nl", "Naam (Nederlands)", "Name (Dutch)"),
        _c("name_en", "Naam (Engels)", "Name (English)"),
        _c("unit", f"Eenheid ({UNITS_NL})", f"Unit ({UNITS_EN})", enum=UNIT_CODES),
        _c("direction", "Beter is: higher (hoger) of lower (lager)", "Better is: higher or lower"),
        _c("aggregation", "Hoe waarden over de tijd samengaan: sum (stroom), last (stand), mean (gemiddelde)",
           "How values combine over time: sum (flow), last (stock), mean (rate)"),
        _c("period", "Periode van een waarde: year (jaar) of quarter (kwartaal)",
           "Period of a value: year or quarter"),
        _c("kind", "observed: waargenomen; derived: afgeleid uit de registraties",
           "observed: recorded observations; derived: computed from the records"),
        _c("domain_code", "Code van het domein (leeg: de pijler als geheel)",
           "Code of the domain (empty: the pillar as a whole)"),
        _c("headline", "Waar: kerncijfer", "True: headline figure"),
        _c("sort", "Volgorde van weergave", "Display order"),
        _c("definition_nl", "Definitie (Nederlands)", "Definition (Dutch)"),
        _c("definition_en", "Definitie (Engels)", "Definition (English)"),
        _c("source_nl", "Bron (Nederlands)", "Source (Dutch)"),
        _c("source_en", "Bron (Engels)", "Source (English)"),
    )),
    OpenTable("programme", "Programma's", "Programmes",
              "De programma's van de impactpijler.", "The programmes of the impact pillar.", (
        _c("code", "Code van het programma", "Code of the programme"),
        _MUNICIPALITY,
        _c("instrument_code", "Code van het instrument", "Code of the instrument"),
        _c("name", "Naam", "Name"),
        _c("lead", "Trekker: municipality (gemeente) of partner", "Lead: municipality or partner"),
        _c("partner_name", "Naam van de partnerorganisatie die trekt",
           "Name of the partner organisation that leads"),
        _c("start_date", "Startdatum", "Start date"),
        _c("end_date", "Einddatum (leeg: loopt door)", "End date (empty: ongoing)"),
        _c("sdgs", "Nummers van de duurzame ontwikkelingsdoelen (SDG's), gescheiden door ;",
           "Numbers of the Sustainable Development Goals served, separated by ;"),
        _c("description", "Omschrijving (Nederlands)", "Description (Dutch)"),
        _c("description_en", "Omschrijving in het Engels (leeg: alleen Nederlands)",
           "Description in English (empty: Dutch only)"),
    )),
    OpenTable("ambition", "Ambities", "Ambitions",
              "Door de raad vastgestelde ambities: maatstaf, nulmeting en streefwaarde.",
              "Ambitions set by the council: measure, baseline and target.", (
        _c("code", "Code van de ambitie", "Code of the ambition"),
        _METRIC,
        _MUNICIPALITY,
        _c("baseline_date", "Datum van de nulmeting", "Baseline date"),
        _measure_value("baseline_value", "Waarde van de nulmeting", "Baseline value"),
        _c("target_date", "Streefdatum", "Target date"),
        _measure_value("target_value", "Streefwaarde", "Target value"),
        _c("cumulative", "Waar: waarden per periode tellen op vanaf de nulmeting",
           "True: values per period add up from the baseline"),
        _c("document", "Document waarin de ambitie is vastgesteld", "Document that set the ambition"),
        _c("document_en", "Engelse titel van dat document (leeg: alleen Nederlands)",
           "English title of that document (empty: Dutch only)"),
        _c("document_url", "Link naar dat document", "Link to that document"),
    )),
    OpenTable("milestone", "Mijlpalen", "Milestones",
              "Tussendoelen van de ambities.", "Interim targets of the ambitions.", (
        _c("ambition_code", "Code van de ambitie", "Code of the ambition"),
        _c("due_date", "Datum", "Due date"),
        _measure_value("value", "Tussendoel", "Interim target"),
    )),
    OpenTable("programme_ambition", "Programma's per ambitie", "Programmes per ambition",
              "Welke programma's aan welke ambities werken.", "Which programmes serve which ambitions.", (
        _PROGRAMME,
        _c("ambition_code", "Code van de ambitie", "Code of the ambition"),
    )),
    OpenTable("budget", "Begroting", "Budget",
              "Begroting per programma, jaar en P&C-moment.",
              "Budget per programme, year and planning-and-control moment.", (
        _PROGRAMME,
        _YEAR,
        _c("moment",
           "P&C-moment: original (primitieve begroting), spring (voorjaarsnota), autumn (najaarsnota), "
           "final (jaarrekening)",
           "Planning-and-control moment: original budget, spring or autumn amendment, final accounts"),
        _c("amount", "Begroot bedrag in euro", "Budgeted amount in euros", "eur"),
        _c("iv3_task_field", "Iv3-taakveld", "Iv3 task field (Dutch municipal accounting)"),
    )),
    OpenTable("spend", "Uitgaven", "Spend",
              "Het uitgavengrootboek van de programma's; negatieve bedragen zijn correcties (creditnota's).",
              "The spend ledger of the programmes; negative amounts are corrections (credit notes).", (
        _c("entry_ref", "Boekingsnummer in de financiële administratie",
           "Booking number in the financial system"),
        _PROGRAMME,
        _c("booking_date", "Boekingsdatum", "Booking date"),
        _c("amount", "Bedrag in euro; negatief is een correctie",
           "Amount in euros; negative is a correction", "eur"),
        _c("description", "Omschrijving van de boeking", "Description of the booking"),
        _c("counterparty_kind", "Soort wederpartij", "Kind of counterparty"),
    )),
    OpenTable("cofunding", "Cofinanciering", "Co-funding",
              "Geld van anderen dat per jaar in de programma's is ingebracht.",
              "Money from others brought into the programmes per year.", (
        _PROGRAMME,
        _YEAR,
        _c("funder", "Naam van de financier (een organisatie)", "Name of the funder (an organisation)"),
        _c("funder_kind", "Soort financier", "Kind of funder"),
        _c("amount", "Bedrag in euro", "Amount in euros", "eur"),
    )),
    OpenTable("property", "Panden", "Buildings",
              "Gemeentelijke of bemiddelde panden met ruimte voor impactondernemers.",
              "Municipal or brokered buildings with space for impact entrepreneurs.", (
        _c("code", "Code van het pand", "Code of the building"),
        _MUNICIPALITY,
        _c("programme_code", "Code van het programma (leeg: geen)", "Code of the programme (empty: none)"),
        _c("name", "Naam van het pand", "Name of the building"),
        _c("address", "Adres van het pand", "Address of the building"),
        _c("district", "Wijk", "District"),
        _c("latitude", "Breedtegraad (WGS84, decimale graden)", "Latitude (WGS84, decimal degrees)"),
        _c("longitude", "Lengtegraad (WGS84, decimale graden)", "Longitude (WGS84, decimal degrees)"),
        _c("gross_floor_m2", "Bruto vloeroppervlak in m²", "Gross floor area in m²", "m2"),
        _c("impact_floor_m2", "Vloeroppervlak beschikbaar voor impactondernemers in m²",
           "Floor area available to impact entrepreneurs in m²", "m2"),
        _c("rent_regime",
           "Huurregime: market (markthuur), reduced (verlaagd), social (sociaal), free (gratis)",
           "Rent regime: market, reduced, social or free"),
        _c("rent_discount_eur_year", "Huurkorting ten opzichte van markthuur, euro per jaar",
           "Rent discount on the market rent, euros per year", "eur"),
        _c("available_from", "Beschikbaar vanaf", "Available from"),
        _c("available_until", "Beschikbaar tot en met (leeg: doorlopend)",
           "Available until (empty: ongoing)"),
        _c("description", "Omschrijving van het pand (Nederlands)", "Description of the building (Dutch)"),
        _c("description_en", "Omschrijving van het pand in het Engels (leeg: alleen Nederlands)",
           "Description of the building in English (empty: Dutch only)"),
    )),
    OpenTable("occupancy", "Bezetting", "Occupancy",
              "Bezetting van het impactvloeroppervlak per pand en kwartaal.",
              "Occupancy of the impact floor area per building and quarter.", (
        _c("property_code", "Code van het pand", "Code of the building"),
        _YEAR,
        _c("quarter", "Kwartaal (1-4)", "Quarter (1-4)"),
        _c("occupied_m2", "Verhuurd vloeroppervlak in m²", "Let floor area in m²", "m2"),
        _c("tenants", "Aantal huurders", "Number of tenants", "count"),
        _c("impact_tenants", "Aantal huurders dat een impactonderneming is",
           "Number of tenants that are impact enterprises", "count"),
    )),
    OpenTable("observation", "Waarnemingen", "Observations",
              "Waargenomen waarden van maatstaven (bijvoorbeeld uit de jaarlijkse impactmonitor).",
              "Recorded values of measures (for example from the yearly impact monitor).", (
        _METRIC,
        _MUNICIPALITY,
        _c("observed_on", "Peildatum", "Date observed"),
        _measure_value("value", "Waarde", "Value"),
        _c("source", "Bron van de waarneming", "Source of the observation"),
    )),
    OpenTable("organisation", "Organisaties", "Organisations",
              "Organisaties in het ecosysteemnetwerk.", "Organisations in the ecosystem network.", (
        _c("code", "Code van de organisatie", "Code of the organisation"),
        _MUNICIPALITY,
        _c("name", "Naam van de organisatie", "Name of the organisation"),
        _c("kind", "Soort organisatie", "Kind of organisation"),
        _c("joined_date", "Lid van het netwerk sinds", "Joined the network on"),
        _c("left_date", "Uit het netwerk vertrokken op (leeg: nog lid)",
           "Left the network on (empty: still a member)"),
    )),
    OpenTable("connection", "Verbindingen", "Connections",
              "Verbindingen tussen organisaties in het netwerk; de gemeente is die van de organisatie "
              "die de verbinding legde.",
              "Connections between organisations in the network; the municipality is the initiating "
              "organisation's.", (
        _c("id", "Nummer van de verbinding", "Number of the connection"),
        _c("from_org", "Code van de organisatie die de verbinding legde",
           "Code of the initiating organisation"),
        _c("to_org", "Code van de andere organisatie", "Code of the other organisation"),
        _c("kind", "Soort verbinding", "Kind of connection"),
        _c("connected_on", "Datum", "Date"),
        _c("programme_code", "Programma waardoor de verbinding ontstond (leeg: geen)",
           "Programme through which the connection was made (empty: none)"),
    )),
    OpenTable("note", "Toelichtingen", "Notes",
              "Openbare toelichtingen bij cijfers; interne toelichtingen worden nooit gepubliceerd.",
              "Public notes explaining figures; internal notes are never published.", (
        _c("id", "Nummer van de toelichting", "Number of the note"),
        _c("subject_kind", "Soort onderwerp: metric, programme, property of ambition",
           "Kind of subject: metric, programme, property or ambition"),
        _c("subject_code", "Code van het onderwerp", "Code of the subject"),
        _c("municipality_code", "CBS-code van de gemeente (leeg: alle gemeenten)",
           "CBS code of the municipality (empty: all municipalities)"),
        _c("period_start", "Begin van de periode waarover de toelichting gaat",
           "Start of the period explained"),
        _c("period_end", "Einde van die periode", "End of that period"),
        _c("body", "Tekst (Nederlands)", "Text (Dutch)"),
        _c("body_en", "Tekst in het Engels (leeg: alleen Nederlands)", "Text in English (empty: Dutch only)"),
        _c("created_at", "Geschreven op (lokale tijd)", "Written at (local time)"),
    ), where=public.table("note").where),
    OpenTable("metric_value", "Meetwaarden", "Measure values",
              "Elke waarde van elke maatstaf per gemeente en periode, met de eenheid: de cijfers achter de "
              "pagina's. Afgeleide maatstaven zijn berekend uit de andere tabellen, tot de rapportagedatum.",
              "Every value of every measure per municipality and period, with its unit: the figures behind "
              "the pages. Derived measures are computed from the other tables, up to the reporting date.", (
        _METRIC,
        _MUNICIPALITY,
        _c("period_end", "Einde van de periode (of de rapportagedatum voor een stand)",
           "End of the period (or the reporting date for a stock)"),
        _c("value", "Waarde, in de eenheid van kolom unit", "Value, in the unit given in column unit"),
        _c("unit", f"Eenheid van de maatstaf ({UNITS_NL})", f"Unit of the measure ({UNITS_EN})",
           enum=UNIT_CODES),
    ), select=(
        "select v.metric_code, v.municipality_code, v.period_end, v.value, m.unit"
        " from metric_value as v join metric as m on m.code = v.metric_code"
        " order by v.metric_code, v.municipality_code, v.period_end"
    ), primary_key=("metric_code", "municipality_code", "period_end"), foreign_keys=(
        (("metric_code",), "metric", ("code",)),
        (("municipality_code",), "municipality", ("code",)),
    )),
)
# fmt: on

#: Columns of the published tables left out on purpose, with the reason (docs/decisions.md).
LEFT_OUT: dict[str, dict[str, str]] = public.left_out_columns()

#: Measure values are derived from the published tables; every other data set is one of them.
DERIVED = ("metric_value",)
if tuple(t.name for t in OPEN_TABLES if t.name not in DERIVED) != public.open_table_names():
    raise RuntimeError(
        "OPEN_TABLES must describe exactly the open tables of impactdash.publish.public, in order"
    )


# --- public API ------------------------------------------------------------------------


def write_open_data(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    *,
    publication_id: int,
    label: str,
    published_at: dt.datetime,
) -> Path:
    """Write the public figures of the snapshot ``con`` as open data into ``folder``; return it.

    One CSV and one Parquet file per data set of :data:`OPEN_TABLES` and a
    ``datapackage.json`` describing them. The folder appears whole or not at all: it is
    built under a hidden sibling name and renamed last; on any error the partial folder is
    removed and the error raised. An existing ``folder`` is never overwritten (a
    publication's open data is immutable): ``FileExistsError``. A naive ``published_at``
    is taken as local time.
    """
    folder = Path(folder)
    if folder.exists():
        raise FileExistsError(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # A work folder left by a process that was killed midway is never going to be finished.
    for stale in folder.parent.glob(f".{folder.name}.*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    # Hidden, unique and on the same file system as the target, so the rename is atomic.
    work = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}.tmp")
    work.mkdir()
    try:
        _write_package(con, work, publication_id=publication_id, label=label, published_at=published_at)
        _fsync_folder(work)
        work.rename(folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _fsync_path(folder.parent)
    return folder


def zip_open_data(folder: Path) -> bytes:
    """Return the files of an open-data folder as one zip archive (``datapackage.json`` at its root)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in Path(folder).iterdir() if p.is_file()):
            archive.write(path, arcname=path.name)
    return buffer.getvalue()


# --- writing ---------------------------------------------------------------------------


def _write_package(
    con: duckdb.DuckDBPyConnection, work: Path, *, publication_id: int, label: str, published_at: dt.datetime
) -> None:
    cur = con.cursor()
    # One transaction: every file shows the same state even if ``con`` is not a snapshot.
    cur.execute("begin transaction")
    try:
        keys = _catalogue_keys(cur)
        resources = []
        for table in OPEN_TABLES:
            schema = _write_table(cur, _ordered(table, keys), table.name, work)
            table_schema = _table_schema(table, schema, keys, cur)
            if table.name == "metric_value":
                _name_units(cur, table_schema)
            resources.append(_resource(table, table_schema, work, "csv"))
            resources.append(_resource(table, table_schema, work, "parquet"))
        descriptor = _package(cur, resources, publication_id, label, published_at)
    finally:
        cur.execute("rollback")
        cur.close()
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (work / DESCRIPTOR).write_text(text, encoding="utf-8")


def _query(table: OpenTable) -> str:
    if table.select:
        return table.select
    columns = ", ".join(f'"{c}"' for c in table.column_names)
    where = f" where {table.where}" if table.where else ""
    # Names and filters come from OPEN_TABLES, never from user text.
    return f'select {columns} from "{table.name}"{where}'  # noqa: S608 (names from OPEN_TABLES)


def _ordered(table: OpenTable, keys: dict) -> str:
    """Return the query with its rows in key order, so a file's rows never reshuffle."""
    if table.select:
        return table.select
    key = keys.get(table.name, {}).get("primary", ()) or table.column_names
    return _query(table) + " order by " + ", ".join(f'"{k}"' for k in key)


def _write_table(cur: duckdb.DuckDBPyConnection, query: str, name: str, work: Path) -> pa.Schema:
    """Stream one data set into its CSV and Parquet files; return the schema written."""
    csv_options = pa_csv.WriteOptions(include_header=True, delimiter=",", quoting_style="needed")
    # The reader is closed even on an error: DuckDB refuses the next statement on the
    # cursor (the rollback) while a result is still open.
    with cur.sql(query).to_arrow_reader(BATCH_ROWS) as reader:
        schema = _file_schema(reader.schema)
        with (
            pq.ParquetWriter(work / f"{name}.parquet", schema) as parquet,
            pa_csv.CSVWriter(work / f"{name}.csv", _csv_schema(schema), write_options=csv_options) as csv,
        ):
            for batch in reader:
                # Unsafe cast on purpose: it drops the sub-second part of timestamps.
                batch = batch.cast(schema, safe=False)
                parquet.write_batch(batch)
                csv.write_batch(_csv_batch(batch))
    return schema


def _file_schema(schema: pa.Schema) -> pa.Schema:
    """Timestamps to whole seconds: the same value in both files, and plain ISO text in CSV."""
    return pa.schema(
        [pa.field(f.name, pa.timestamp("s")) if pa.types.is_timestamp(f.type) else f for f in schema]
    )


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_timestamp(f.type) else f for f in schema])


def _csv_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    # Arrow writes timestamps with a space; ISO 8601 (and Table Schema's datetime) wants a "T".
    columns = [
        pc.strftime(col, format=ISO_SECONDS) if pa.types.is_timestamp(col.type) else col
        for col in batch.columns
    ]
    return pa.RecordBatch.from_arrays(columns, schema=_csv_schema(batch.schema))


def _fsync_folder(folder: Path) -> None:
    """Flush every file and the folder itself to disk before the rename makes them visible."""
    for path in folder.iterdir():
        _fsync_path(path)
    _fsync_path(folder)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- describing ------------------------------------------------------------------------


def _catalogue_keys(cur: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Return per table its primary key and foreign keys, as the database declares them."""
    rows = cur.execute(
        "select table_name, constraint_type, constraint_column_names, referenced_table,"
        " referenced_column_names from duckdb_constraints()"
        " where constraint_type in ('PRIMARY KEY', 'FOREIGN KEY') and schema_name = 'main'"
        " order by table_name, constraint_index"
    ).fetchall()
    keys: dict[str, dict] = {}
    for table, kind, columns, parent, parent_columns in rows:
        entry = keys.setdefault(table, {"primary": (), "foreign": []})
        if kind == "PRIMARY KEY":
            entry["primary"] = tuple(columns)
        else:
            entry["foreign"].append((tuple(columns), parent, tuple(parent_columns)))
    return keys


def _required(cur: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = cur.execute(
        "select column_name from information_schema.columns"
        " where table_schema = 'main' and table_name = $t and is_nullable = 'NO'",
        {"t": table},
    ).fetchall()
    return {r[0] for r in rows}


def _table_schema(table: OpenTable, schema: pa.Schema, keys: dict, cur: duckdb.DuckDBPyConnection) -> dict:
    """Return the Table Schema of one data set (without the foreign keys' resource suffix)."""
    declared = keys.get(table.name, {"primary": (), "foreign": []})
    primary = table.primary_key or declared["primary"]
    required = _required(cur, table.name) | set(primary)
    published = {t.name for t in OPEN_TABLES}
    foreign = table.foreign_keys or tuple(declared["foreign"])
    descriptor: dict = {
        "fields": [
            _field(column, schema.field(column.name).type, column.name in required)
            for column in table.columns
        ],
        "missingValues": [""],
    }
    if primary:
        descriptor["primaryKey"] = list(primary)
    # A key to a table that is not published cannot be followed; none exists today.
    links = [(f, p, pf) for f, p, pf in foreign if p in published and set(f) <= set(table.column_names)]
    if links:
        descriptor["foreignKeys"] = [
            {"fields": list(f), "reference": {"resource": p, "fields": list(pf)}} for f, p, pf in links
        ]
    return descriptor


def _name_units(cur: duckdb.DuckDBPyConnection, table_schema: dict) -> None:
    """Add each measure's unit to the description of ``value``, so the schema alone says it."""
    pairs = cur.execute("select code, unit from metric order by sort, code").fetchall()
    units = "; ".join(f"{code} = {unit}" for code, unit in pairs)
    for field in table_schema["fields"]:
        if field["name"] == "value":
            field["description"] += f". Eenheid per maatstaf / unit per measure: {units}"


def _field(column: Column, arrow_type: pa.DataType, required: bool) -> dict:
    field = {"name": column.name, "type": _field_type(arrow_type), "description": column.description()}
    if column.unit:
        # Not in the spec (extra field properties are allowed); uses metric.unit's codes.
        field["unit"] = column.unit
    constraints = {"required": True} if required else {}
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _field_type(arrow_type: pa.DataType) -> str:
    """Return the Table Schema type of an Arrow column type."""
    checks = (
        (pa.types.is_boolean, "boolean"),
        (pa.types.is_integer, "integer"),
        (pa.types.is_floating, "number"),
        (pa.types.is_decimal, "number"),
        (pa.types.is_date, "date"),
        (pa.types.is_timestamp, "datetime"),
        (pa.types.is_string, "string"),
        (pa.types.is_large_string, "string"),
    )
    for check, name in checks:
        if check(arrow_type):
            return name
    raise TypeError(f"No Table Schema type for Arrow type {arrow_type}")


def _resource(table: OpenTable, table_schema: dict, work: Path, fmt: str) -> dict:
    """Return the resource descriptor of one file of a data set."""
    path = work / f"{table.name}.{fmt}"
    schema = json.loads(json.dumps(table_schema))  # a copy: the Parquet keys point elsewhere
    resource = {
        "name": table.name if fmt == "csv" else table.name + PARQUET_SUFFIX,
        "type": "table",
        "path": path.name,
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        "title": f"{table.title_nl} / {table.title_en}",
        "description": f"{table.description_nl} / {table.description_en}",
    }
    if fmt == "csv":
        resource["encoding"] = "utf-8"
        # Size and checksum let a reader (and the validator) check the file arrived whole.
        resource["bytes"] = path.stat().st_size
        resource["hash"] = "sha256:" + files.sha256(path)
    else:
        # Binary: text inside Parquet is UTF-8 by its own spec, so no encoding. No size or
        # checksum either: frictionless reads Parquet through pyarrow, not as a byte stream,
        # so it cannot check them and reports them as wrong.
        for key in schema.get("foreignKeys", []):
            key["reference"]["resource"] += PARQUET_SUFFIX
    resource["schema"] = schema
    return resource


def _package(
    cur: duckdb.DuckDBPyConnection,
    resources: list[dict],
    publication_id: int,
    label: str,
    published_at: dt.datetime,
) -> dict:
    """Return the package descriptor around ``resources``."""
    created = published_at if published_at.tzinfo else published_at.astimezone()
    demo = cur.execute("select coalesce(bool_or(is_demo), false) from municipality").fetchone()[0]
    description = (
        f"Gepubliceerde cijfers van de impactpijler, publicatie {label}: begroting, uitgaven, "
        "cofinanciering, vastgoed, programma's, ambities en ecosysteem, en alle meetwaarden per gemeente "
        "(metric_value). Elk gegevensbestand als CSV en als Parquet. Bedragen in euro, "
        "oppervlakten in m².\n\n"
        f"Published figures of the impact pillar, publication {label}: budget, spend, co-funding, "
        "property, programmes, ambitions and the ecosystem, and every measure value per municipality "
        "(metric_value). Each data set as CSV and as Parquet. Amounts in euros, areas in m²."
    )
    if demo:
        description += (
            "\n\nLet op: bevat illustratieve demonstratiecijfers (municipality.is_demo). / "
            "Note: holds illustrative demo figures (municipality.is_demo)."
        )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": f"Impactpijler: gepubliceerde cijfers {label} / Impact pillar: published figures {label}",
        "description": description,
        "version": str(publication_id),
        "created": created.isoformat(timespec="seconds"),
        "keywords": ["impactondernemen", "impact entrepreneurship", "gemeente", "municipality", "open data"],
        "licenses": [LICENSE],
        "sources": _sources(cur),
        # Not in the spec (extra properties are allowed): the publication these figures are.
        "publication": {
            "id": publication_id,
            "label": label,
            "published_at": created.isoformat(timespec="seconds"),
        },
        "resources": resources,
    }


def _sources(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return the sources of the measures, as the catalogue names them."""
    rows = cur.execute(
        "select distinct source_nl, source_en from metric order by source_nl, source_en"
    ).fetchall()
    return [{"title": f"{nl} / {en}"} for nl, en in rows]
