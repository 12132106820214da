"""Read the demo specification (``tools/demo_spec/*.toml``) into plain objects.

The dataclasses name every field a TOML table may have, so a misspelt key fails loudly
instead of being ignored. TOML has no null: a field left out means None (or empty).
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SPEC_DIR = Path(__file__).resolve().parents[1] / "demo_spec"


def _by_year(table: dict) -> dict[int, object]:
    """TOML keys are strings: ``{"2022": x}`` becomes ``{2022: x}``, in file order."""
    return {int(year): value for year, value in table.items()}


@dataclass(frozen=True)
class Instrument:
    code: str
    domain: str
    name_nl: str
    name_en: str
    description_nl: str
    description_en: str


@dataclass(frozen=True)
class Programme:
    code: str
    instrument: str
    name: str
    lead: str  # "municipality" or "partner"
    start: date
    sdgs: str
    weight: int  # relative yearly budget within the city's pillar
    description: str
    partner: str | None = None
    end: date | None = None
    description_en: str | None = None  # left out: Dutch only
    underspend: dict[int, float] = field(default_factory=dict)  # year -> spend / final budget

    def __post_init__(self) -> None:
        object.__setattr__(self, "underspend", _by_year(self.underspend))

    def runs_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Property:
    code: str
    programme: str
    name: str
    address: str
    district: str
    latitude: float
    longitude: float
    gross_m2: int
    impact_m2: int
    rent_regime: str
    available_from: date
    final_occupancy: float  # share of the impact floor area let once filled up
    ramp_quarters: float  # time constant of the fill-up curve
    available_until: date | None = None
    description: str | None = None
    description_en: str | None = None  # left out: Dutch only


@dataclass(frozen=True)
class AmbitionSpec:
    code: str
    metric: str
    baseline_date: date
    target_date: date
    milestones: list[date]
    aim: str  # "ahead", "risk" or "behind": where the latest value should land
    document: str  # key into the city's [documents]
    cumulative: bool = False


@dataclass(frozen=True)
class Note:
    subject_kind: str
    subject_code: str
    period_start: date
    period_end: date
    visibility: str
    body: str
    body_en: str | None = None  # left out: Dutch only


@dataclass(frozen=True)
class City:
    key: str  # "DH": prefix of every code of this city
    code: str  # CBS code
    name: str  # official CBS name
    province: str
    pillar_start: date
    city: str  # everyday name, used in organisation names and sources
    region: str
    funders: list[tuple[str, str]]
    documents: dict[str, str]
    years: dict[int, dict]
    observations: dict[str, dict]
    organisations: dict
    programmes: list[Programme]
    properties: list[Property]
    ambitions: list[AmbitionSpec]
    notes: list[Note]
    documents_en: dict[str, str] = field(default_factory=dict)  # English titles; left out: Dutch only

    def per_year(self, column: str) -> dict[int, object]:
        """One column of [years], for the years that have it."""
        return {y: row[column] for y, row in self.years.items() if column in row}


@dataclass(frozen=True)
class Spec:
    seed: int
    reporting_date: date
    cities: list[City]
    instruments: list[Instrument]
    catalogue: dict
    names: dict

    @property
    def last_year(self) -> int:
        return self.reporting_date.year

    @property
    def programmes(self) -> list[Programme]:
        return [p for c in self.cities for p in c.programmes]

    @property
    def domain(self) -> dict[str, str]:
        """Instrument code -> domain."""
        return {i.code: i.domain for i in self.instruments}

    def city(self, key: str) -> City:
        return next(c for c in self.cities if c.key == key)

    def rng(self, section: str) -> random.Random:
        """One generator per section, so tuning one section leaves the others unchanged."""
        return random.Random(f"{self.seed}:{section}")


def _read(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _city(data: dict) -> City:
    city = City(
        **{
            **data,
            "funders": [tuple(f) for f in data["funders"]],
            "years": _by_year(data["years"]),
            "programmes": [Programme(**p) for p in data["programmes"]],
            "properties": [Property(**p) for p in data["properties"]],
            "ambitions": [AmbitionSpec(**a) for a in data["ambitions"]],
            "notes": [Note(**n) for n in data["notes"]],
        }
    )
    for item in city.programmes + city.properties + city.ambitions:
        if not item.code.startswith(f"{city.key}-"):
            raise ValueError(f"{item.code} is in the file of {city.key}")
    return city


def load(folder: Path = SPEC_DIR) -> Spec:
    demo = _read(folder / "demo.toml")
    catalogue = _read(folder / "catalogue.toml")
    return Spec(
        seed=demo["seed"],
        reporting_date=demo["reporting_date"],
        cities=[_city(_read(folder / f"{name}.toml")) for name in demo["cities"]],
        instruments=[Instrument(**i) for i in catalogue.pop("instruments")],
        catalogue=catalogue,
        names=_read(folder / "names.toml"),
    )
