"""What the public may see: the one definition that the snapshot and the open data derive from.

Left out entirely: ``app_user``, ``user_role``, ``audit_log`` (and ``import_change``, its
imports' values), ``publication``, ``sign_in_throttle``. A note is public only when marked
so, and its author (a civil servant's name) is blanked. Nothing else in the code decides
what leaves the working database: the snapshot copies :data:`PUBLIC_TABLES`, and the open
data describes exactly the tables of :func:`open_table_names` with the rows and columns allowed here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublicTable:
    """A table the public may see: which rows, which columns are blanked, whether it is open data."""

    name: str
    #: The rows the public may see (SQL condition over the table's own columns), all if empty.
    where: str = ""
    #: Columns kept (so the schema stays the working one) but emptied, with the reason.
    blanked: tuple[tuple[str, str], ...] = ()
    #: Columns that say nothing once the rows are filtered, left out of the open data, with the reason.
    redundant: tuple[tuple[str, str], ...] = ()
    #: Offered as a file of the open data (settings and derived sums are not).
    open_data: bool = True
    #: The natural key "what changed" matches rows by (publish/changes.py); with ``compared``
    #: a summary of the public rows (``{rows}``) is compared instead, and the key is its key.
    key: tuple[str, ...] = ()
    #: SQL summarising the public rows ``{rows}`` for the comparison (a ledger is compared by
    #: its totals, not line by line); empty: the rows themselves.
    compared: str = ""
    #: Why a table is left out of "what changed" (empty: it is compared).
    not_compared: str = ""

    @property
    def select(self) -> str:
        """The query copying the public rows into a snapshot (names from this module only)."""
        replace = ", ".join(f"'' as {column}" for column, _ in self.blanked)
        star = f"* replace ({replace})" if replace else "*"
        where = f" where {self.where}" if self.where else ""
        return f"select {star} from {self.name}{where}"  # noqa: S608 - names and filters from PUBLIC

    @property
    def comparison(self) -> str:
        """The query whose rows "what changed" compares: the public rows, or their summary."""
        rows = f"({self.select})"
        if self.compared:
            return self.compared.format(rows=rows)
        return f"select * from {rows}"  # noqa: S608 - names and filters from PUBLIC


#: The tables a publication holds, parents before children (foreign keys).
PUBLIC: tuple[PublicTable, ...] = (
    PublicTable(
        "app_setting",
        open_data=False,
        key=("key",),
        # The publication's own label, number and time differ in every snapshot by design.
        compared="select * from {rows}"
        " where key not in ('publication_id', 'publication_label', 'snapshot_at')",
    ),
    PublicTable("municipality", key=("code",)),
    PublicTable("population", key=("municipality_code", "year")),
    PublicTable("domain", key=("code",)),
    PublicTable("instrument", key=("code",)),
    PublicTable("metric", key=("code",)),
    PublicTable("programme", key=("code",)),
    PublicTable("ambition", key=("code",)),
    PublicTable("milestone", key=("ambition_code", "due_date")),
    PublicTable("programme_ambition", key=("programme_code", "ambition_code")),
    PublicTable("budget", key=("programme_code", "year", "moment")),
    PublicTable(
        "spend",
        key=("programme_code", "year"),
        # A ledger of millions of lines: compared as the totals the pages show.
        compared="select programme_code, year(booking_date) as year, sum(amount)::double as amount,"
        " count(*) as lines from {rows} group by all",
    ),
    # Derived from spend (impactdash/store/spend_month.py); read in the same transaction, so in step.
    PublicTable("spend_month", open_data=False, not_compared="derived from spend, which is compared"),
    PublicTable(
        "cofunding",
        key=("programme_code", "year", "funder"),
        compared="select programme_code, year, funder, sum(amount)::double as amount"
        " from {rows} group by all",
    ),
    PublicTable("property", key=("code",)),
    PublicTable("occupancy", key=("property_code", "year", "quarter")),
    PublicTable("observation", key=("metric_code", "municipality_code", "observed_on")),
    PublicTable("organisation", key=("code",)),
    PublicTable(
        "connection",
        key=("municipality_code", "kind"),
        # Thousands of links between organisations: the pages show their counts.
        compared="select o.municipality_code, c.kind, count(*) as connections from {rows} c"
        " join organisation o on o.code = c.from_org group by all",
    ),
    PublicTable(
        "note",
        where="visibility = 'public'",
        blanked=(("author", "personal data: the name of the civil servant who wrote the note"),),
        redundant=(("visibility", "always 'public' here: internal notes are never published"),),
        key=("id",),
    ),
)

#: (table, query) pairs the snapshot copies, in order.
PUBLIC_TABLES: tuple[tuple[str, str], ...] = tuple((t.name, t.select) for t in PUBLIC)


def table(name: str) -> PublicTable:
    """Return the public definition of one table (KeyError for a table the public never sees)."""
    return {t.name: t for t in PUBLIC}[name]


def open_table_names() -> tuple[str, ...]:
    """Return the names of the published tables offered as open data, in order."""
    return tuple(t.name for t in PUBLIC if t.open_data)


def left_out_columns() -> dict[str, dict[str, str]]:
    """Return, per table, the columns the open data leaves out on purpose, with the reason."""
    return {t.name: dict(t.blanked + t.redundant) for t in PUBLIC if t.blanked or t.redundant}
