"""Time every named query of ``queries/`` against a database.

    python bench/time_queries.py --db bench/out/scale100.duckdb [--repeat 5] [--target-ms 300]

Each query gets its own fresh read-only connection (``impactdash.store.db.connect``): the first
run after connecting is reported as *cold*, then ``--repeat`` further runs as *warm*
(median and max). Queries run with the example parameters they declare in their
``-- example:`` line. Also timed: reading the ``metric_value`` view in full for one
municipality (the example one, and the first cloned ``GM9xxx`` one if present).
``--municipality CODE`` runs every per-municipality query for ``CODE`` instead of its
example (e.g. a clone, whose spend ledger is split and so ~28x denser). The
script reports, it does not judge: the exit code is always 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from impactdash.store import db  # noqa: E402

METRIC_VALUE_SQL = "select * from metric_value where municipality_code = $municipality"


def read_metric_value(con, municipality: str):
    """Return every row of ``metric_value`` for one municipality as a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(METRIC_VALUE_SQL, {"municipality": municipality}).df()
    finally:
        cur.close()


def measure(path: Path, label: str, run, repeat: int) -> tuple[str, int, float, float, float, float]:
    """Open a fresh read-only connection, call ``run(con)`` once cold and ``repeat`` times warm.

    Returns label, rows, cold ms, warm median ms, warm max ms and warm median CPU ms (all
    threads of this process; on a busy machine it shows the work apart from the waiting).
    """
    con = db.connect(path, read_only=True)
    wall, cpu, rows = [], [], 0
    try:
        for _ in range(repeat + 1):
            start, start_cpu = time.perf_counter(), time.process_time()
            rows = len(run(con))
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    finally:
        con.close()
    return label, rows, wall[0], statistics.median(wall[1:]), max(wall[1:]), statistics.median(cpu[1:])


def clone_programme(path: Path, municipality: str, programme: str) -> str:
    """Return ``programme`` or its clone (``<code>-s<n>``, see make_scaled.py) in ``municipality``."""
    con = db.connect(path, read_only=True)
    try:
        row = con.execute(
            "select min(code) from programme where municipality_code = $m"
            " and (code = $p or code like $p || '-s%')",
            {"m": municipality, "p": programme},
        ).fetchone()
    finally:
        con.close()
    return row[0] or programme


def main() -> None:
    """Parse the arguments, time the queries and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="database file (opened read-only)")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per query (default 5)")
    parser.add_argument("--target-ms", type=float, default=300, help="warm median target (default 300)")
    parser.add_argument("--municipality", help="run per-municipality queries for this code instead")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    results = []
    for name in db.query_names():
        params = db.query_example_params(name)
        if args.municipality and "municipality" in params:
            params["municipality"] = args.municipality
            if "programme" in params:  # the same programme in the other (cloned) municipality
                params["programme"] = clone_programme(args.db, args.municipality, params["programme"])
        run = lambda con, n=name, p=params: db.run_query(con, n, **p)  # noqa: E731
        try:
            results.append(measure(args.db, name, run, repeat))
        except Exception as exc:  # report a broken query and go on: this script does not judge
            print(f"{name}: failed: {exc}", file=sys.stderr)
            results.append((f"{name} (failed)", 0, float("nan"), float("inf"), float("nan"), float("nan")))

    con = db.connect(args.db, read_only=True)
    try:
        example = db.query_example_params("metric_values").get("municipality", "GM0518")
        municipalities = [args.municipality or example]
        clone = con.execute("select min(code) from municipality where code like 'GM9%'").fetchone()[0]
    finally:
        con.close()
    extra = []
    for code in dict.fromkeys([*municipalities, *([clone] if clone else [])]):
        run = lambda con, c=code: read_metric_value(con, c)  # noqa: E731
        extra.append(measure(args.db, f"metric_value in full ({code})", run, repeat))

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    who = f"  municipality: {args.municipality}" if args.municipality else ""
    print(f"database: {args.db}  warm runs: {repeat}  target: warm median <= {args.target_ms:g} ms{who}")
    print(f"load average at the end (1 / 5 / 15 min): {load} on {os.cpu_count()} CPUs\n")
    print("| query | rows | cold ms | warm median ms | warm max ms | within target | warm CPU ms |")
    print("|---|---:|---:|---:|---:|:---:|---:|")
    for label, rows, cold, median, worst, cpu in results + extra:
        ok = "yes" if median <= args.target_ms else "**no**"
        print(f"| {label} | {rows:,} | {cold:,.1f} | {median:,.1f} | {worst:,.1f} | {ok} | {cpu:,.1f} |")
    within = sum(r[3] <= args.target_ms for r in results)
    print(f"\n{within} of {len(results)} queries within target")


if __name__ == "__main__":
    main()
