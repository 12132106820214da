#!/usr/bin/env python3
"""Generate the illustrative demo data set in ``data/demo/`` (one CSV file per table).

The demo shows three real municipalities (real names and CBS codes) with *illustrative*
figures: The Hague with an impact pillar since 2018, Groningen (2021) and Leeuwarden (2022)
that are starting. The files double as import templates for civil servants, so the columns
are exactly the table's columns in table order (``connection.csv`` without ``id``,
``note.csv`` without ``id`` and ``created_at``: the database fills those in).

Format: UTF-8, comma separated, ISO dates, decimal point, empty field = NULL, booleans as
``true``/``false``.

The figures (cities, programmes, budgets, buildings, observations, ambitions, notes, name
parts) are data in ``tools/demo_spec/*.toml``; the rules that turn them into facts are in
``tools/demo/``. Status thresholds and trajectories come from ``impactdash.measures.metrics``.

Deterministic: standard-library ``random.Random`` seeded per section, no clock, no network;
running it twice gives byte-identical files (``tests/unit/test_demo_generator.py`` checks
that it reproduces ``data/demo/``). Ambition baselines are computed from the generated
facts the same way the views of migration 0002 compute them, and targets are chosen so that
the demo shows a mix of ambitions on track, at risk and off track; the script checks that
mix before it writes anything.

Usage: python tools/make_demo_data.py [--out DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "data" / "demo"
sys.path.insert(0, str(ROOT))  # impactdash and tools.demo, when run as a script

from tools.demo import spec  # noqa: E402
from tools.demo.tables import generate, write_csv  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    parser.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = parser.parse_args(argv)

    tables, report = generate(spec.load())
    args.out.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        write_csv(args.out, table, rows)
    if args.quiet:
        return
    for table, rows in tables.items():
        print(f"{table:20s} {len(rows):6d} rows")
    print()
    head = ("ambition", "baseline", "latest on", "latest", "target", "gap")
    print("{:18s} {:>14s} {:>10s} {:>14s} {:>14s} {:>6s}".format(*head))
    for code, baseline, latest_date, latest, target, gap, aim in report:
        print(
            f"{code:18s} {baseline:14,.2f} {latest_date.isoformat():>10s} {latest:14,.2f} "
            f"{target:14,.2f} {gap:6.2f} {aim}"
        )


if __name__ == "__main__":
    main()
