"""What every editable data set looks like: fields, natural keys and the rules between fields.

One place per rule: the form, the grid and the import all validate through the same
declarations here (``impactdash.write.staging`` and ``impactdash.write.validation`` turn them into
SQL over a staging table). The database keeps its own constraints as a last line of
defence; this layer exists to give messages that name the row and the field, and to check
rules across tables, which DuckDB cannot (it has no triggers).

Labels are lower case because they are used inside sentences ("Rij 12, veld ‘bedrag’ …");
pages capitalise them for column headers. Import files may use a field's name or either
label as column header. A text a visitor reads has an optional English field beside the
Dutch one (``body_en``, ``description_en``, ``document_en``): English pages show it where
filled in, else the Dutch text marked as Dutch. The building blocks (``Field``, ``Dataset``, the rule classes)
live in ``impactdash.write.dataset_spec``.
"""

from __future__ import annotations

from impactdash.write.dataset_spec import (
    KINDS,
    Bound,
    Compare,
    Dataset,
    Field,
    Match,
    RequiredWhen,
    Rule,
    SubjectRef,
)

__all__ = [
    "DATASETS",
    "KINDS",
    "Bound",
    "Compare",
    "Dataset",
    "Field",
    "Match",
    "RequiredWhen",
    "Rule",
    "SubjectRef",
    "get",
    "referenced_by",
    "subject_references",
]


def _text(name, nl, en, **kw) -> Field:
    return Field(name, "text", nl, en, **kw)


def _ref(name, table, nl, en, required=True, column="code") -> Field:
    return Field(name, "text", nl, en, required=required, references=(table, column))


def _date(name, nl, en, required=True) -> Field:
    return Field(name, "date", nl, en, required=required)


def _choice(name, nl, en, *choices) -> Field:
    return Field(name, "choice", nl, en, required=True, choices=choices)


def _year(low: int = 2000) -> Field:
    return Field("year", "int", "jaar", "year", required=True, minimum=low, maximum=2100)


def _amount(name="amount", nl="bedrag", en="amount", **kw) -> Field:
    return Field(name, "decimal", nl, en, **kw)


_MUNICIPALITY = _ref("municipality_code", "municipality", "gemeente", "municipality")
_PROGRAMME = _ref("programme_code", "programme", "programma", "programme")
_AMBITION = _ref("ambition_code", "ambition", "ambitie", "ambition")
_METRIC = _ref("metric_code", "metric", "maatstaf", "measure")
_CODE = _text("code", "code", "code", required=True)
_NAME = _text("name", "naam", "name", required=True)
_TO_MILESTONES = (("code", "ambition_code"),)
_TO_AMBITION = (("ambition_code", "code"),)

# The declarations below are tables of data: kept one field per line, not reflowed.
# fmt: off
_ALL = (
    Dataset("municipality", "gemeenten", "municipalities", ("code",), (
        _text("code", "CBS-code", "CBS code", required=True, pattern="GM[0-9]{4}", example="GM0518"),
        _NAME,
        _text("province", "provincie", "province"),
        _date("pillar_start", "start impactpijler", "impact pillar start", required=False),
        Field("is_demo", "bool", "demo", "demo", default="false"),
    ), unique=(("name",),)),
    Dataset("population", "inwonertallen", "population", ("municipality_code", "year"), (
        _MUNICIPALITY,
        _year(1900),
        Field("inhabitants", "int", "inwoners", "inhabitants", required=True, minimum=0, min_exclusive=True),
    )),
    Dataset("instrument", "instrumenten", "instruments", ("code",), (
        _CODE,
        _ref("domain_code", "domain", "domein", "domain"),
        _text("name_nl", "naam (Nederlands)", "name (Dutch)", required=True),
        _text("name_en", "naam (Engels)", "name (English)", required=True),
        _text("description_nl", "omschrijving (Nederlands)", "description (Dutch)"),
        _text("description_en", "omschrijving (Engels)", "description (English)"),
    )),
    Dataset("programme", "programma's", "programmes", ("code",), (
        _CODE,
        _MUNICIPALITY,
        _ref("instrument_code", "instrument", "instrument", "instrument"),
        _NAME,
        _choice("lead", "trekker", "lead", "municipality", "partner"),
        _text("partner_name", "partner", "partner name"),
        _date("start_date", "startdatum", "start date"),
        _date("end_date", "einddatum", "end date", required=False),
        _text("sdgs", "SDG's", "SDGs", pattern="([1-9]|1[0-7])(;([1-9]|1[0-7]))*", example="8;17"),
        _text("description", "omschrijving", "description"),
        _text("description_en", "omschrijving (Engels)", "description (English)"),
    ), rules=(
        Compare("end_date", ">=", "start_date"),
        RequiredWhen("partner_name", "lead", "partner"),
    )),
    Dataset("ambition", "ambities", "ambitions", ("code",), (
        _CODE,
        _METRIC,
        _MUNICIPALITY,
        _date("baseline_date", "datum nulmeting", "baseline date"),
        Field("baseline_value", "float", "waarde nulmeting", "baseline value", required=True),
        _date("target_date", "streefdatum", "target date"),
        Field("target_value", "float", "streefwaarde", "target value", required=True),
        Field("cumulative", "bool", "cumulatief", "cumulative", default="false"),
        _text("document", "document", "document", required=True),
        _text("document_url", "link naar document", "document link"),
        _text("document_en", "document (Engelse titel)", "document (English title)"),
    ), rules=(
        Compare("target_date", ">", "baseline_date"),
        # Changing the baseline or target must keep the ambition's milestones inside them.
        Bound("baseline_date", "<", "milestone", _TO_MILESTONES, "due_date", "edit_ambition_after_milestone",
              agg="min"),
        Bound("target_date", ">", "milestone", _TO_MILESTONES, "due_date", "edit_ambition_before_milestone",
              agg="max"),
    ),
        # A UNIQUE constraint until migration 0005 (with it, DuckDB refused every update of an
        # ambition that has milestones); the rule now lives here.
        unique=(("metric_code", "municipality_code", "target_date"),)),
    Dataset("milestone", "mijlpalen", "milestones", ("ambition_code", "due_date"), (
        _AMBITION,
        _date("due_date", "datum", "due date"),
        Field("value", "float", "waarde", "value", required=True),
    ), rules=(
        Bound("due_date", ">", "ambition", _TO_AMBITION, "baseline_date", "edit_milestone_before_baseline"),
        Bound("due_date", "<", "ambition", _TO_AMBITION, "target_date", "edit_milestone_after_target"),
    )),
    Dataset("programme_ambition", "koppelingen programma–ambitie", "programme–ambition links",
            ("programme_code", "ambition_code"), (_PROGRAMME, _AMBITION)),
    Dataset("budget", "begrotingen", "budgets", ("programme_code", "year", "moment"), (
        _PROGRAMME,
        _year(),
        _choice("moment", "P&C-moment", "P&C moment", "original", "spring", "autumn", "final"),
        _amount(required=True, minimum=0),
        _text("iv3_task_field", "Iv3-taakveld", "Iv3 task field", pattern=r"[0-9]\.[0-9]{1,2}",
              example="3.4"),
    )),
    Dataset("spend", "uitgaven", "spend", ("entry_ref",), (
        _text("entry_ref", "boekingsnummer", "entry reference", required=True),
        _PROGRAMME,
        _date("booking_date", "boekingsdatum", "booking date"),
        # Negative amounts are corrections (credit notes); only zero is refused.
        _amount(required=True, nonzero=True),
        _text("description", "omschrijving", "description"),
        _choice("counterparty_kind", "soort wederpartij", "counterparty kind", "impact_enterprise",
                "supplier", "partner", "knowledge_institution", "government", "foundation", "other"),
    )),
    Dataset("cofunding", "cofinanciering", "co-funding", ("programme_code", "year", "funder"), (
        _PROGRAMME,
        _year(),
        _text("funder", "financier", "funder", required=True),
        _choice("funder_kind", "soort financier", "funder kind", "private", "financier", "foundation",
                "province", "national", "eu", "other"),
        _amount(required=True, minimum=0),
    )),
    Dataset("property", "panden", "properties", ("code",), (
        _CODE,
        _MUNICIPALITY,
        _ref("programme_code", "programme", "programma", "programme", required=False),
        _NAME,
        _text("address", "adres", "address", required=True),
        _text("district", "wijk", "district", required=True),
        Field("latitude", "float", "breedtegraad", "latitude", minimum=-90, maximum=90),
        Field("longitude", "float", "lengtegraad", "longitude", minimum=-180, maximum=180),
        Field("gross_floor_m2", "float", "bruto vloeroppervlak (m²)", "gross floor area (m²)", required=True,
              minimum=0, min_exclusive=True),
        Field("impact_floor_m2", "float", "impactvloeroppervlak (m²)", "impact floor area (m²)",
              required=True, minimum=0),
        _choice("rent_regime", "huurregime", "rent regime", "market", "reduced", "social", "free"),
        _amount("rent_discount_eur_year", "huurkorting per jaar (€)", "rent discount per year (€)", minimum=0,
                default="0"),
        _date("available_from", "beschikbaar vanaf", "available from"),
        _date("available_until", "beschikbaar tot", "available until", required=False),
        _text("description", "omschrijving", "description"),
        _text("description_en", "omschrijving (Engels)", "description (English)"),
    ), rules=(
        Compare("impact_floor_m2", "<=", "gross_floor_m2"),
        Compare("available_until", ">=", "available_from"),
        Bound("impact_floor_m2", ">=", "occupancy", (("code", "property_code"),), "occupied_m2",
              "edit_property_below_occupancy", agg="max"),
    )),
    Dataset("occupancy", "bezetting", "occupancy", ("property_code", "year", "quarter"), (
        _ref("property_code", "property", "pand", "property"),
        _year(),
        Field("quarter", "int", "kwartaal", "quarter", required=True, minimum=1, maximum=4),
        Field("occupied_m2", "float", "verhuurd (m²)", "occupied (m²)", required=True, minimum=0),
        Field("tenants", "int", "huurders", "tenants", required=True, minimum=0),
        Field("impact_tenants", "int", "impacthuurders", "impact tenants", required=True, minimum=0),
    ), rules=(
        Compare("impact_tenants", "<=", "tenants"),
        Bound("occupied_m2", "<=", "property", (("property_code", "code"),), "impact_floor_m2",
              "edit_occupancy_above_floor"),
    )),
    Dataset("observation", "waarnemingen", "observations",
            ("metric_code", "municipality_code", "observed_on"), (
        _METRIC,
        _MUNICIPALITY,
        _date("observed_on", "peildatum", "observed on"),
        Field("value", "float", "waarde", "value", required=True),
        _text("source", "bron", "source"),
    ), rules=(
        Match("metric_code", "metric", (("metric_code", "code"),), "kind", "observed",
              "edit_metric_not_observed"),
    )),
    Dataset("organisation", "organisaties", "organisations", ("code",), (
        _CODE,
        _MUNICIPALITY,
        _NAME,
        _choice("kind", "soort", "kind", "impact_enterprise", "financier", "supplier",
                "knowledge_institution", "government", "foundation_ngo", "corporate"),
        _date("joined_date", "lid sinds", "joined on"),
        _date("left_date", "vertrokken op", "left on", required=False),
    ), rules=(Compare("left_date", ">=", "joined_date"),)),
    Dataset("connection", "verbindingen", "connections", ("from_org", "to_org", "kind", "connected_on"), (
        _ref("from_org", "organisation", "van organisatie", "from organisation"),
        _ref("to_org", "organisation", "naar organisatie", "to organisation"),
        _choice("kind", "soort", "kind", "introduction", "customer", "investment", "partnership", "mentoring",
                "knowledge"),
        _date("connected_on", "datum", "date"),
        _ref("programme_code", "programme", "programma", "programme", required=False),
    ), rules=(Compare("to_org", "<>", "from_org"),)),
    # Notes are edited by their number; imported rows without one are new notes, unless an
    # identical note exists (content_key), so re-importing a file adds nothing.
    Dataset("note", "toelichtingen", "notes", ("id",), (
        Field("id", "int", "nummer", "number", auto="sequence", minimum=1),
        _choice("subject_kind", "onderwerp", "subject", "metric", "programme", "property", "ambition"),
        _text("subject_code", "code onderwerp", "subject code", required=True),
        _ref("municipality_code", "municipality", "gemeente", "municipality", required=False),
        _date("period_start", "periode vanaf", "period from"),
        _date("period_end", "periode tot en met", "period to"),
        _text("body", "tekst", "text", required=True),
        _choice("visibility", "zichtbaarheid", "visibility", "public", "internal"),
        _text("author", "auteur", "author", auto="actor"),
        _text("body_en", "tekst (Engels)", "text (English)"),
    ), rules=(
        Compare("period_end", ">=", "period_start"),
        SubjectRef("subject_kind", "subject_code", (("metric", "metric"), ("programme", "programme"),
                                                    ("property", "property"), ("ambition", "ambition"))),
    ), content_key=("subject_kind", "subject_code", "municipality_code", "period_start", "period_end", "body",
                    "visibility")),
    # The measure catalogue: codes are fixed (views and ambitions use them); only texts change.
    Dataset("metric", "maatstaven", "measures", ("code",), (
        _CODE,
        _text("name_nl", "naam (Nederlands)", "name (Dutch)", required=True),
        _text("name_en", "naam (Engels)", "name (English)", required=True),
        _text("definition_nl", "definitie (Nederlands)", "definition (Dutch)", required=True),
        _text("definition_en", "definitie (Engels)", "definition (English)", required=True),
        _text("source_nl", "bron (Nederlands)", "source (Dutch)", required=True),
        _text("source_en", "bron (Engels)", "source (English)", required=True),
    ), insert=False, delete=False),
)
# fmt: on

#: Every editable data set by name (= its table).
DATASETS: dict[str, Dataset] = {ds.name: ds for ds in _ALL}


def get(name: str) -> Dataset:
    """Return the data set called ``name``; a name that is not editable is a ``KeyError``."""
    try:
        return DATASETS[name]
    except KeyError:
        raise KeyError(f"{name!r} is not an editable data set") from None


def referenced_by(name: str) -> list[tuple[str, str, str]]:
    """Return (table, column, parent column) of every field in any data set that refers to ``name``.

    Used to refuse deleting a record that other records still point at, with a message
    saying which, before the database refuses it with a bare constraint error.
    """
    found = []
    for ds in DATASETS.values():
        for f in ds.fields:
            if f.references and f.references[0] == name:
                found.append((ds.name, f.name, f.references[1]))
    return found


def subject_references(name: str) -> list[tuple[str, str, str, str]]:
    """Return (table, kind field, code field, kind) of polymorphic references that can point at ``name``."""
    found = []
    for ds in DATASETS.values():
        for rule in ds.rules:
            if isinstance(rule, SubjectRef):
                found += [
                    (ds.name, rule.kind_field, rule.code_field, k)
                    for k, table in rule.tables
                    if table == name
                ]
    return found
