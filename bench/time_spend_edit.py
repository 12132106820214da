"""Time single edits of spend lines through the write path, as the edit page makes them.

    python bench/time_spend_edit.py --db bench/out/scale100.duckdb [--municipality GM9002] [--repeat 5]

Works on a copy of ``--db`` (in a temporary folder beside it, removed afterwards), so the
file itself is never changed. Each round, on one line of a programme of
``--municipality``: change its amount, revert that change from the audit log, move the
line to the next month and back, add a new line and delete it (each one transaction,
with validation and the audit entry). Prints the median and maximum wall time per kind of edit.
The exit code is always 0: it reports, it does not judge.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from impactdash.store import db
from impactdash.write import (
    edits,
    permissions,  # noqa: E402
)

ACTOR = permissions.Actor("bench", frozenset({"editor", "admin"}))


def main() -> None:
    """Parse the arguments, copy the database and time the edits."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--municipality", default="GM0518")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="edit_bench_", dir=args.db.resolve().parent))
    try:
        work = folder / "edit.duckdb"
        shutil.copy(args.db, work)
        con = db.connect(work)
        db.migrate(con)
        times: dict[str, list[float]] = {}

        def timed(kind: str, run):
            start = time.perf_counter()
            result = run()
            times.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
            return result

        ref, programme, booked = con.execute(
            "select s.entry_ref, s.programme_code, s.booking_date from spend s"
            " join programme p on p.code = s.programme_code where p.municipality_code = $m"
            " and month(s.booking_date) < 12 order by s.booking_date desc, s.entry_ref limit 1",
            {"m": args.municipality},
        ).fetchone()
        for i in range(args.repeat):
            _, version = edits.get_record(con, "spend", ref)
            timed(
                "update amount",
                lambda v=version, i=i: edits.save_record(
                    con, ACTOR, "spend", {"entry_ref": ref, "amount": f"{1000 + i}.25"}, v
                ),
            )
            audit_id = con.execute("select max(id) from audit_log").fetchone()[0]
            timed("revert that update", lambda a=audit_id: edits.revert(con, ACTOR, a))
            for date in (booked.replace(month=booked.month + 1, day=1), booked):
                _, version = edits.get_record(con, "spend", ref)
                timed(
                    "move to another month",
                    lambda v=version, d=date: edits.save_record(
                        con, ACTOR, "spend", {"entry_ref": ref, "booking_date": d.isoformat()}, v
                    ),
                )
            new_ref = f"BENCH-EDIT-{i}"
            timed(
                "add a line",
                lambda r=new_ref: edits.save_record(
                    con,
                    ACTOR,
                    "spend",
                    {
                        "entry_ref": r,
                        "programme_code": programme,
                        "booking_date": booked.isoformat(),
                        "amount": "12.34",
                        "description": "bench",
                        "counterparty_kind": "supplier",
                    },
                ),
            )
            _, version = edits.get_record(con, "spend", new_ref)
            timed(
                "delete a line", lambda r=new_ref, v=version: edits.delete_record(con, ACTOR, "spend", r, v)
            )
        con.close()
        print(f"spend line {ref} of {programme} ({args.municipality}), {args.repeat} rounds")
        print(f"{'edit':<24} {'median ms':>10} {'max ms':>8}")
        for kind, values in times.items():
            print(f"{kind:<24} {statistics.median(values):>10.1f} {max(values):>8.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
