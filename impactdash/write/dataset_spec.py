"""The building blocks of a data set spec: fields, cross-field rules and the data set itself.

The registry of every editable data set, built from these, is ``impactdash.write.datasets``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("text", "int", "decimal", "float", "date", "bool", "choice")
_IDENT = re.compile(r"[a-z_][a-z0-9_]*")


@dataclass(frozen=True)
class Field:
    """One column of a data set as the staff see it.

    ``minimum``/``maximum`` are inclusive unless ``min_exclusive``/``max_exclusive``;
    ``nonzero`` refuses 0 (spend corrections may be negative but never zero).
    ``default`` is the text used when the cell is empty. ``auto`` is ``'sequence'`` for a
    key the database numbers (note id) and ``'actor'`` for a field filled with the
    signed-in user's name when left empty (note author).
    """

    name: str
    kind: str
    label_nl: str
    label_en: str
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False
    max_exclusive: bool = False
    nonzero: bool = False
    pattern: str | None = None
    example: str = ""
    references: tuple[str, str] | None = None
    default: str | None = None
    auto: str | None = None

    def __post_init__(self) -> None:
        # Field names become SQL identifiers: only plain lower-case names are allowed.
        if not _IDENT.fullmatch(self.name) or self.kind not in KINDS:
            raise ValueError(f"bad field spec {self.name!r} ({self.kind!r})")

    def label(self, lang: str) -> str:
        """Return the field's label in ``lang`` ('nl' or 'en')."""
        return self.label_en if lang == "en" else self.label_nl


@dataclass(frozen=True)
class Compare:
    """Same-row rule ``field op other`` (both filled in); reported on ``field``."""

    field: str
    op: str
    other: str


@dataclass(frozen=True)
class RequiredWhen:
    """``field`` is required when ``other`` has the value ``value``."""

    field: str
    other: str
    value: str


@dataclass(frozen=True)
class Bound:
    """Cross-table rule: ``field op <column of the matching row(s) in table>``.

    ``on`` pairs a staged field with a column of ``table``. With ``agg`` (``'min'`` or
    ``'max'``) the staged row is compared with an aggregate over all matching rows, e.g. a
    property's impact floor area must stay at or above the largest occupancy recorded for it.
    """

    field: str
    op: str
    table: str
    on: tuple[tuple[str, str], ...]
    column: str
    message: str
    agg: str | None = None


@dataclass(frozen=True)
class Match:
    """Cross-table rule: the referenced row of ``table`` must have ``column = value``."""

    field: str
    table: str
    on: tuple[tuple[str, str], ...]
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class SubjectRef:
    """A polymorphic reference: ``code_field`` must exist in the table named by ``kind_field``."""

    kind_field: str
    code_field: str
    tables: tuple[tuple[str, str], ...]  # (kind value, table whose ``code`` it refers to)


Rule = Compare | RequiredWhen | Bound | Match | SubjectRef


@dataclass(frozen=True)
class Dataset:
    """An editable table: its fields, natural key, extra unique keys and cross-field rules.

    ``insert``/``delete`` say whether records may be added or removed (the measure
    catalogue's codes are fixed, so only its texts can change). ``content_key`` is used
    for data sets whose key is numbered by the database (notes): an imported row without
    an id that equals an existing record on these fields is that record, so re-importing
    a file adds nothing.
    """

    name: str
    label_nl: str
    label_en: str
    key: tuple[str, ...]
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    insert: bool = True
    delete: bool = True
    content_key: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if not _IDENT.fullmatch(self.name) or not set(self.key) <= set(names):
            raise ValueError(f"bad data set spec {self.name!r}")

    def label(self, lang: str) -> str:
        """Return the data set's label in ``lang``."""
        return self.label_en if lang == "en" else self.label_nl

    def field(self, name: str) -> Field:
        """Return the field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> tuple[str, ...]:
        """Names of all fields, in template order."""
        return tuple(f.name for f in self.fields)

    @property
    def import_columns(self) -> tuple[str, ...]:
        """Columns of the import template (a key numbered by the database is left out)."""
        return tuple(f.name for f in self.fields if f.auto != "sequence")

    @property
    def required_columns(self) -> tuple[str, ...]:
        """Columns an import file must have: the key, and every required field for new rows."""
        needed = [f.name for f in self.fields if f.name in self.key and f.auto != "sequence"]
        if self.insert:
            needed += [
                f.name for f in self.fields if f.required and f.default is None and f.name not in needed
            ]
        return tuple(n for n in self.import_columns if n in needed)
