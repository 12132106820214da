"""The rules of a data set, checked in SQL over the staging table; every problem names row and field.

One query per rule (generated from the spec in ``impactdash.write.datasets``: identifiers from
the spec, values never spliced) returns the offending rows; all are combined into one
statement, so 100,000 imported rows cost one pass per rule, and only the first problem of
each (row, field) is kept (a value that is not a number is not also "out of range").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from impactdash import i18n
from impactdash.errors import UserFacingError
from impactdash.write.datasets import DATASETS, Bound, Compare, Dataset, Match, RequiredWhen, SubjectRef
from impactdash.write.staging import NUMBER_KINDS, STAGE, Staged, ambiguous, ident, lit, raw_name, readings

#: Problems reported per check; all are counted.
MAX_PROBLEMS = 1000
_OPS = {">=": "ge", ">": "gt", "<=": "le", "<": "lt", "<>": "ne"}
_INT_RANGE = (-2_147_483_648, 2_147_483_647)
_DECIMAL_LIMIT = 9_999_999_999_999_999.99
_VALUE_CHARS = 80


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one row; ``row`` as the person sees it, None in a form."""

    row: int | None
    field: str
    message_key: str
    params: dict = field(default_factory=dict)
    dataset: str = ""

    def field_label(self, lang: str) -> str:
        """Return the label of the field the problem is about."""
        ds = DATASETS.get(self.dataset)
        try:
            return ds.field(self.field).label(lang) if ds else self.field
        except KeyError:
            return self.field

    def message(self, lang: str) -> str:
        """Return e.g. "Rij 12, veld ‘bedrag’: ‘12,5x’ is geen getal." in ``lang``."""
        ds = DATASETS.get(self.dataset)
        params = dict(self.params)
        if isinstance(params.get("value"), str) and len(params["value"]) > _VALUE_CHARS:
            params["value"] = params["value"][: _VALUE_CHARS - 1] + "…"
        if ds and "other" in params:
            params["other"] = ds.field(params["other"]).label(lang)
        if ds and "keys" in params:
            params["keys"] = ", ".join(ds.field(k).label(lang) for k in params["keys"])
        if "target" in params:
            target = DATASETS.get(params["target"])
            params["target"] = (
                target.label(lang) if target else i18n.t(f"edit_table_{params['target']}", lang)
            )
        if self.message_key == "edit_ambiguous_number":
            params.update(_readings(self.params.get("value", ""), lang))
        text = i18n.counted(self.message_key, lang, **params)
        label = self.field_label(lang)
        if self.row is None:
            return i18n.t("edit_at_field", lang, field=label, text=text) if self.field else text
        if not self.field:
            return i18n.t("edit_at_row", lang, row=self.row, text=text)
        return i18n.t("edit_at_row_field", lang, row=self.row, field=label, text=text)


def _readings(value: str, lang: str) -> dict[str, str]:
    """Return the two readings of an ambiguous number, without thousands separators (so neither is)."""
    whole, fraction = readings(value) or (0, 0)
    mark = "," if lang == "nl" else "."
    return {
        "whole": str(whole),
        "fraction": format(fraction, "f").replace(".", mark),
        "separator": i18n.t("edit_separator_point" if "." in value else "edit_separator_comma", lang),
    }


class EditError(UserFacingError):
    """A change was refused; ``message(lang)`` says why in Dutch or English."""


class ValidationError(EditError):
    """Rows did not pass the rules; nothing was written. ``problems`` holds at most MAX_PROBLEMS."""

    def __init__(self, problems: list[Problem], count: int | None = None, preview: object = None):
        self.problems = problems
        self.count = count if count is not None else len(problems)
        self.preview = preview
        super().__init__("edit_invalid", count=self.count)

    def message(self, lang: str) -> str:
        """Return a summary line followed by one line per problem."""
        lines = [i18n.plural("edit_invalid", self.count, lang)]
        lines += [p.message(lang) for p in self.problems]
        if self.count > len(self.problems):
            lines.append(i18n.plural("edit_more_problems", self.count - len(self.problems), lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.message("en")


class ConflictError(EditError):
    """The record changed (or vanished) since the person opened it; their input is kept by the page."""


@dataclass(frozen=True)
class _Check:
    sql: str
    field: str
    message_key: str
    params: dict
    extra: str | None = None  # name of the param that the query's ``extra`` column fills
    ref: str | None = None


def _raw(ds: Dataset, name: str) -> str:
    """Return SQL for what was typed in field ``name`` of the staged row ``s``."""
    return f"s.{ident(raw_name(ds.field(name)))}"


def _select(value: str, where: str, extra: str = "null", ref: str = "null", joins: str = "") -> str:
    """One rule's query: the offending rows, with the typed value shown in the message."""
    return (
        f"select s._pos, s._row, cast({value} as varchar) as value, cast({extra} as varchar) as extra,"  # noqa: S608 (spec names only)
        f" cast({ref} as varchar) as ref from {STAGE} s {joins} where {where}"
    )


def _field_checks(ds: Dataset, present: tuple[str, ...]) -> list[_Check]:
    checks = []
    for f in ds.fields:
        col, raw = f"s.{ident(f.name)}", _raw(ds, f.name)
        if f.required and not f.auto:
            checks.append(_Check(_select(raw, f"{raw} is null"), f.name, "edit_required", {}))
        if f.name not in present:
            continue  # the stored value of a column the file does not carry is already valid
        if f.kind in NUMBER_KINDS:
            num = f"s.{ident('d_' + f.name)}"
            if f.kind != "int":  # a whole-number field reads 1.250 as 1250: never ambiguous
                where = f"{raw} is not null and {num} is null and {ambiguous(raw)}"
                checks.append(_Check(_select(raw, where), f.name, "edit_ambiguous_number", {}))
            checks.append(
                _Check(_select(raw, f"{raw} is not null and {num} is null"), f.name, "edit_not_number", {})
            )
            if f.kind == "int":
                checks.append(
                    _Check(
                        # Fractions only; a whole number too large for the column is "out of range".
                        _select(raw, f"{num} is not null and {num} <> trunc({num})"),
                        f.name,
                        "edit_not_integer",
                        {},
                    )
                )
            if f.kind == "decimal":
                where = f"{num} is not null and {col} is null and abs({num}) <= {_DECIMAL_LIMIT}"
                checks.append(_Check(_select(raw, where), f.name, "edit_too_many_decimals", {"decimals": 2}))
            checks += _range_checks(f, num)
        elif f.kind in ("date", "bool", "choice"):
            key = {"date": "edit_not_date", "bool": "edit_not_bool", "choice": "edit_not_choice"}[f.kind]
            params = {"choices": ", ".join(f.choices)} if f.choices else {}
            checks.append(_Check(_select(raw, f"{raw} is not null and {col} is null"), f.name, key, params))
        if f.pattern:
            where = f"{col} is not null and not regexp_full_match({col}, {lit(f.pattern)})"
            checks.append(_Check(_select(raw, where), f.name, "edit_pattern", {"example": f.example}))
        if f.references:
            table, column = f.references
            found = f"select 1 from {ident(table)} t where t.{ident(column)} = {col}"  # noqa: S608 (spec names)
            where = f"{col} is not null and not exists ({found})"
            if table == ds.name:  # a record may refer to another one in the same upload
                staged = f"select 1 from {STAGE} o where o.{ident(column)} = {col}"  # noqa: S608 (spec names)
                where += f" and not exists ({staged})"
            checks.append(_Check(_select(raw, where), f.name, "edit_reference", {"target": table}))
    return checks


def _range_checks(f, num: str) -> list[_Check]:
    checks = []
    raw = f"s.{ident(raw_name(f))}"
    low, high = f.minimum, f.maximum
    if f.kind == "int":
        low = _INT_RANGE[0] if low is None else low
        high = _INT_RANGE[1] if high is None else high
    if f.kind == "decimal":
        low = -_DECIMAL_LIMIT if low is None else low
        high = _DECIMAL_LIMIT if high is None else high
    if low is not None:
        op, key = ("<=", "edit_min_exclusive") if f.min_exclusive else ("<", "edit_min")
        checks.append(_Check(_select(raw, f"{num} {op} {low!r}"), f.name, key, {"limit": _plain(low)}))
    if high is not None:
        op, key = (">=", "edit_max_exclusive") if f.max_exclusive else (">", "edit_max")
        checks.append(_Check(_select(raw, f"{num} {op} {high!r}"), f.name, key, {"limit": _plain(high)}))
    if f.nonzero:
        checks.append(_Check(_select(raw, f"{num} = 0"), f.name, "edit_zero", {}))
    return checks


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _duplicates(ds: Dataset, cols: tuple[str, ...], key: str, where: str = "true") -> _Check:
    """Rows after the first with the same values of ``cols`` within the upload."""
    group = ", ".join(ident(c) for c in cols)
    join = " and ".join(f"d.{ident(c)} = s.{ident(c)}" for c in cols)
    not_null = " and ".join(f"{ident(c)} is not null" for c in cols)
    dup = (
        f"(select {group}, min(_pos) as first_pos, min(_row) as first_row from {STAGE}"  # noqa: S608 (spec names only)
        f" where {not_null} and {where} group by {group} having count(*) > 1)"
    )
    value = " || ' / ' || ".join(f"coalesce({_raw(ds, c)}, '')" for c in cols)
    return _Check(
        _select(
            value,
            "s._pos > d.first_pos",
            extra="d.first_row",
            joins=f"join {dup} d on {join}",
        ),
        cols[-1],
        key,
        {"keys": cols},
        extra="other_row",
    )


def _key_checks(ds: Dataset) -> list[_Check]:
    checks = []
    seq = [k for k in ds.key if ds.field(k).auto == "sequence"]
    last = ds.key[-1]
    key_value = " || ' / ' || ".join(f"coalesce({_raw(ds, k)}, '')" for k in ds.key)
    if seq and ds.content_key:
        checks.append(_duplicates(ds, ds.key, "edit_duplicate_row"))
        checks.append(
            _duplicates(
                ds, ds.content_key, "edit_duplicate_row", where=f"{ident(raw_name(ds.field(seq[0])))} is null"
            )
        )
        where = f"{_raw(ds, seq[0])} is not null and not s._exists and s._mode <> 'insert'"
        checks.append(_Check(_select(_raw(ds, last), where), last, "edit_unknown_id", {}))
    else:
        checks.append(_duplicates(ds, ds.key, "edit_duplicate_row"))
    checks.append(
        _Check(
            _select(key_value, "s._mode = 'insert' and s._exists"),
            last,
            "edit_exists",
            {"keys": ds.key},
        )
    )
    if not ds.insert:
        checks.append(_Check(_select(key_value, "not s._exists"), last, "edit_no_insert", {}))
    for cols in ds.unique:
        checks.append(_duplicates(ds, cols, "edit_duplicate_row"))
        same = " and ".join(f"t.{ident(c)} = s.{ident(c)}" for c in cols)
        other = " and ".join(f"t.{ident(k)} = s.{ident(k)}" for k in ds.key)
        taken = f"select 1 from {ident(ds.name)} t where {same} and not ({other})"  # noqa: S608 (spec names)
        where = f"exists ({taken})"
        value = " || ' / ' || ".join(f"coalesce({_raw(ds, c)}, '')" for c in cols)
        checks.append(_Check(_select(value, where), cols[-1], "edit_unique_taken", {"keys": cols}))
    return checks


def _rule_checks(ds: Dataset) -> list[_Check]:
    checks = []
    for rule in ds.rules:
        if isinstance(rule, Compare):
            a, b = f"s.{ident(rule.field)}", f"s.{ident(rule.other)}"
            where = f"{a} is not null and {b} is not null and not ({a} {rule.op} {b})"
            extra = _raw(ds, rule.other)
            key = f"edit_cmp_{_OPS[rule.op]}"
            checks.append(
                _Check(
                    _select(_raw(ds, rule.field), where, extra=extra),
                    rule.field,
                    key,
                    {"other": rule.other},
                    extra="other_value",
                )
            )
        elif isinstance(rule, RequiredWhen):
            where = f"s.{ident(rule.field)} is null and s.{ident(rule.other)} = {lit(rule.value)}"
            checks.append(
                _Check(
                    _select(_raw(ds, rule.field), where),
                    rule.field,
                    "edit_required_when",
                    {"other": rule.other, "other_value": rule.value},
                )
            )
        elif isinstance(rule, Bound):
            checks.append(_bound(ds, rule))
        elif isinstance(rule, Match):
            on = " and ".join(f"t.{ident(c)} = s.{ident(f)}" for f, c in rule.on)
            where = f"t.{ident(rule.column)} is distinct from {lit(rule.value)}"
            joins = f"join {ident(rule.table)} t on {on}"
            checks.append(
                _Check(_select(_raw(ds, rule.field), where, joins=joins), rule.field, rule.message, {})
            )
        elif isinstance(rule, SubjectRef):
            code = f"s.{ident(rule.code_field)}"
            cases = " ".join(
                f"when {lit(kind)} then exists (select 1 from {ident(table)} x where x.code = {code})"  # noqa: S608
                for kind, table in rule.tables
            )
            kind = f"s.{ident(rule.kind_field)}"
            where = f"{kind} is not null and {code} is not null and not (case {kind} {cases} else true end)"
            checks.append(
                _Check(
                    _select(_raw(ds, rule.code_field), where, ref=kind),
                    rule.code_field,
                    "edit_subject_missing",
                    {},
                    ref="target",
                )
            )
    return checks


def _bound(ds: Dataset, rule: Bound) -> _Check:
    """``field op column`` of the matching row(s) of another table (an aggregate with ``agg``)."""
    if rule.agg:
        cols = ", ".join(ident(c) for _, c in rule.on)
        source = (
            f"(select {cols}, {rule.agg}({ident(rule.column)}) as v from {ident(rule.table)}"  # noqa: S608 (spec names only)
            f" group by {cols})"
        )
        limit = "t.v"
    else:
        source, limit = ident(rule.table), f"t.{ident(rule.column)}"
    on = " and ".join(f"t.{ident(c)} = s.{ident(f)}" for f, c in rule.on)
    col = f"s.{ident(rule.field)}"
    where = f"{col} is not null and {limit} is not null and not ({col} {rule.op} {limit})"
    ref = _raw(ds, rule.on[0][0])
    return _Check(
        _select(_raw(ds, rule.field), where, extra=limit, ref=ref, joins=f"join {source} t on {on}"),
        rule.field,
        rule.message,
        {},
        extra="limit",
        ref="ref",
    )


def check(cur: duckdb.DuckDBPyConnection, staged: Staged) -> tuple[list[Problem], int]:
    """Run every rule of the staged data set; return (first MAX_PROBLEMS problems, total count)."""
    ds = staged.dataset
    checks = _field_checks(ds, staged.present) + _key_checks(ds) + _rule_checks(ds)
    order = {name: i for i, name in enumerate(ds.field_names)}
    parts = [
        f"select {i} as check_no, {order[c.field]} as field_no, * from ({c.sql})"  # noqa: S608 (generated from the spec)
        for i, c in enumerate(checks)
    ]
    # Only the first problem per row and field: a value that is not a number is not also out of range.
    first = "qualify row_number() over (partition by _pos, field_no order by check_no) = 1"
    union = " union all ".join(parts)
    cur.execute(f"create or replace temp table _problems as select * from ({union}) {first}")  # noqa: S608
    total = cur.execute("select count(*) from _problems").fetchall()[0][0]
    if not total:
        return [], 0
    shown = "select check_no, _row, value, extra, ref from _problems order by _pos, field_no limit $n"
    rows = cur.execute(shown, {"n": MAX_PROBLEMS}).fetchall()
    problems = []
    for check_no, row, value, extra, ref in rows:
        c = checks[check_no]
        params = {**c.params, "value": value if value is not None else ""}
        if c.extra:
            params[c.extra] = _tidy(extra)
        if c.ref:
            params[c.ref] = ref or ""
        problems.append(Problem(row, c.field, c.message_key, params, ds.name))
    return problems, total


def _tidy(text: str | None) -> str:
    """Show a number from the database without a useless ``.0`` (2400.0 → 2400)."""
    if text is None:
        return ""
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text
