"""What the public may see: the one definition that the snapshot and the open data derive from.

Left out entirely: ``app_user``, ``user_role``, ``audit_log``, ``publication``,
``sign_in_throttle``. A note is public only when marked so, and its author (a civil
servant's name) is blanked. Nothing else in the code decides what leaves the working
database.
"""

from __future__ import annotations

#: The tables a publication holds, parents before children (foreign keys), each with the
#: rows the public may see. Left out entirely: app_user, user_role, audit_log,
#: publication, sign_in_throttle. A note's author is a civil servant's name: blanked.
PUBLIC_TABLES: tuple[tuple[str, str], ...] = (
    ("app_setting", "select * from app_setting"),
    ("municipality", "select * from municipality"),
    ("population", "select * from population"),
    ("domain", "select * from domain"),
    ("instrument", "select * from instrument"),
    ("metric", "select * from metric"),
    ("programme", "select * from programme"),
    ("ambition", "select * from ambition"),
    ("milestone", "select * from milestone"),
    ("programme_ambition", "select * from programme_ambition"),
    ("budget", "select * from budget"),
    ("spend", "select * from spend"),
    # Derived from spend (impactdash/store/spend_month.py); read in the same transaction, so in step.
    ("spend_month", "select * from spend_month"),
    ("cofunding", "select * from cofunding"),
    ("property", "select * from property"),
    ("occupancy", "select * from occupancy"),
    ("observation", "select * from observation"),
    ("organisation", "select * from organisation"),
    ("connection", "select * from connection"),
    ("note", "select * replace ('' as author) from note where visibility = 'public'"),
)
