"""Small date helpers shared by the sections."""

from __future__ import annotations

import random
from datetime import date, timedelta


def year_start(y: int) -> date:
    return date(y, 1, 1)


def year_end(y: int) -> date:
    return date(y, 12, 31)


def quarter_end(y: int, q: int) -> date:
    return date(y, 12, 31) if q == 4 else date(y, 3 * q + 1, 1) - timedelta(days=1)


def days_in_year(y: int) -> int:
    return (year_end(y) - year_start(y)).days + 1


def random_date(r: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=r.randint(0, (end - start).days))


def overlap_days(start: date, end: date | None, y: int, cap: date | None = None) -> int:
    """Days of [start, end] that fall in year y (and not after cap)."""
    lo = max(start, year_start(y))
    hi = min(end or year_end(y), year_end(y), cap or year_end(y))
    return max(0, (hi - lo).days + 1)
