"""A reviewer's note on an ambition: the one write the alderman's review makes.

Reviewers may not edit figures (``save_record`` requires 'edit_figures'), so this checks
'review_progress' and then writes through the edit path's own validation, transaction,
audit entry and data version bump.
"""

from __future__ import annotations

import duckdb

from impactdash.write import edits, permissions

#: The fields of a note a reviewer fills in; the rest follows from the ambition and the actor.
NOTE_FIELDS = ("period_start", "period_end", "body", "visibility")


def add_note(
    con: duckdb.DuckDBPyConnection, actor: permissions.Actor, ambition_code: str, values: dict
) -> int:
    """Add a note on one ambition as a reviewer; return its number.

    ``values`` holds :data:`NOTE_FIELDS` as typed (dates, text, 'public' or 'internal').
    The subject is the ambition, the municipality the ambition's, the author the actor.
    Reviewers may not edit figures (``save_record`` requires 'edit_figures'), so this checks
    'review_progress' and then writes through the edit path's own validation, transaction,
    audit entry and data version bump: problems raise :class:`edits.ValidationError` naming
    the field, and nothing is written.
    """
    permissions.require(actor, "review_progress")
    unknown = set(values) - set(NOTE_FIELDS)
    if unknown:
        raise ValueError(f"a reviewer's note has no field(s) {', '.join(sorted(unknown))}")
    cur = con.cursor()
    try:
        found = cur.execute(
            "select municipality_code from ambition where code = $code", {"code": ambition_code}
        ).fetchall()
    finally:
        cur.close()
    record = {
        **values,
        "subject_kind": "ambition",
        "subject_code": ambition_code,
        "municipality_code": found[0][0] if found else None,
    }
    return int(edits.add_record(con, actor, "note", record, action="review_progress")[0])
