"""Time the council report: reading the content, the HTML file and the PDF.

    python bench/time_report.py [--db bench/out/scale1.duckdb] [--lang nl] [--repeat 3]
                                [--municipality GM0518 ...]

Without ``--db`` the demo database is built in a temporary folder first
(``impactdash.startup.build_database``). The first run of each format is reported as
*cold* (it also imports matplotlib or reportlab and loads fonts), later runs as the
median and max of ``--repeat``. Prints a table; judges nothing, so the exit code is 0.

At ×100 (``bench/make_scaled.py --scale 100``) time the report a council receives, one
municipality's (``--municipality GM0518``), over the whole scaled database: a report of all
500 municipalities would be 2,500 ambitions and some 6,000 pages, which nobody reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from impactdash import startup  # noqa: E402
from impactdash.report import build as report  # noqa: E402
from impactdash.store import db

LABEL = "Bench"


def _timed(run) -> tuple[float, float, object]:
    """Return wall ms, CPU ms of this process (DuckDB's threads included) and the result."""
    start, cpu = time.perf_counter(), time.process_time()
    result = run()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, result


def measure(con, lang: str, municipalities: list[str] | None, repeat: int) -> list[tuple]:
    """Return (what, cold ms, warm median ms, warm max ms, warm CPU ms, size) per output.

    The outputs are the content alone (queries and assessment), the HTML and the PDF; the
    CPU column (median) tells a busy shared machine from a slow report.
    """
    when = dt.datetime.now()
    kwargs = {"label": LABEL, "published_at": when, "municipalities": municipalities}
    runs = {
        "content (queries + assessment)": lambda: report.build(con, lang, **kwargs),
        "html": lambda: report.report_html(con, lang, **kwargs),
        "pdf": lambda: report.report_pdf(con, lang, **kwargs),
    }
    rows = []
    for what, run in runs.items():
        cold, cold_cpu, result = _timed(run)
        warm = [_timed(run)[:2] for _ in range(repeat)] or [(cold, cold_cpu)]
        walls, cpus = [w for w, _ in warm], [c for _, c in warm]
        size = len(result.sections) if what.startswith("content") else len(result)
        rows.append((what, cold, statistics.median(walls), max(walls), statistics.median(cpus), size))
    return rows


def main() -> None:
    """Parse the arguments, time the report and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database file (default: the demo, built in a temp folder)")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per format (default 3)")
    parser.add_argument("--municipality", nargs="*", help="CBS codes to cover (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            path = Path(folder) / "demo.duckdb"
            print(f"building the demo database in {path} …", flush=True)
            startup.build_database(path, "demo")
        con = db.connect(path, read_only=True)
        try:
            rows = measure(con, args.lang, args.municipality, args.repeat)
        finally:
            con.close()
    towns = ", ".join(args.municipality) if args.municipality else "all"
    print(f"\ncouncil report, lang={args.lang}, municipalities={towns}, db={args.db or 'demo (temporary)'}")
    print(f"{'what':32} {'cold ms':>9} {'warm med':>9} {'warm max':>9} {'cpu med':>9}  size")
    for what, cold, median, worst, cpu, size in rows:
        unit = "ambitions" if what.startswith("content") else "bytes"
        print(f"{what:32} {cold:9.0f} {median:9.0f} {worst:9.0f} {cpu:9.0f}  {size:,} {unit}")


if __name__ == "__main__":
    main()
