"""Time importing 100,000 spend lines from CSV, against DuckDB's own read_csv of the same file.

    python bench/import_spend.py [--rows 100000] [--repeat 3] [--keep]

Generates a CSV of ``--rows`` new spend lines for the demo programmes (in a temporary
folder), builds the demo database there, and for each repeat times on a fresh copy:

* **import**: ``importer.read_upload`` + ``importer.preview`` + ``importer.apply`` (read,
  validate twice — the preview a person sees, then again inside the writing transaction
  — and write, with the audit entry), as the import page runs it;
* **read_csv**: DuckDB's own ``read_csv`` of the same file into a temporary table (parse
  only, no validation, no write);
* **read_csv + insert**: DuckDB loading the file straight into ``spend`` (parse, constraint
  checks and index maintenance, no validation of our rules, no audit).

Then the same lines again with every amount changed (100,000 updates, whose before and
after values the import keeps, issue 11):

* **update import**: read + preview + apply of that file;
* **read_csv + update**: DuckDB updating ``spend`` straight from the file.

It prints the best time of each and the ratios; the target of issue 11 is the import's
apply (read + write, the step after the person presses "Importeren", with its before and
after values kept) in under 3× DuckDB's own load of the same file into the table. The
connection uses the app's limits (``impactdash.store.db.connect``: 2 threads, 2 GB unless
IMPACTDASH_THREADS / _MEMORY_LIMIT). The exit code is always 0: it reports, it does not
judge (targets: import < 10 s; read + apply < 3× read_csv + insert).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from impactdash import startup
from impactdash.store import db
from impactdash.write import (
    importer,
    permissions,  # noqa: E402
)

KINDS = (
    "impact_enterprise",
    "supplier",
    "partner",
    "knowledge_institution",
    "government",
    "foundation",
    "other",
)
ACTOR = permissions.Actor("bench", frozenset({"editor"}))


def make_csv(path: Path, con, rows: int) -> None:
    """Write ``rows`` new, valid spend lines for the demo programmes, each inside its programme's period."""
    programmes = con.execute(
        "select code, start_date, coalesce(end_date, date '2026-09-30') from programme order by code"
    ).fetchall()
    rng = random.Random(42)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("entry_ref,programme_code,booking_date,amount,description,counterparty_kind\n")
        for i in range(rows):
            code, start, end = programmes[i % len(programmes)]
            day = start.toordinal() + rng.randrange(max(1, end.toordinal() - start.toordinal()))
            amount = round(rng.uniform(50, 25_000), 2) * (-1 if i % 97 == 0 else 1)
            booked = type(start).fromordinal(day).isoformat()
            out.write(
                f"BENCH-{i:07d},{code},{booked},{amount:.2f},Factuur {i} impactprogramma,{KINDS[i % 7]}\n"
            )


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="import_bench_"))
    demo = folder / "demo.duckdb"
    startup.build_database(demo, "demo")
    con = db.connect(demo, read_only=True)
    csv_path = folder / "spend_100k.csv"
    make_csv(csv_path, con, args.rows)
    con.close()
    size_mb = csv_path.stat().st_size / 1_048_576
    print(f"{args.rows:,} spend lines, {size_mb:.1f} MB, {db.connect.__module__}.connect limits")

    changed_path = folder / "spend_100k_changed.csv"
    text = csv_path.read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in text[1:]]
    changed_path.write_text(
        "\n".join([text[0], *(",".join([*r[:3], f"{float(r[3]) + 1:.2f}", *r[4:]]) for r in rows)]) + "\n",
        encoding="utf-8",
    )
    results: dict[str, list[float]] = {
        "import": [],
        "read_csv": [],
        "read_csv + insert": [],
        "update import": [],
        "read_csv + update": [],
    }
    # The import's own steps: a person waits for read + preview after choosing the file,
    # and for apply after pressing "Importeren".
    steps: dict[str, list[float]] = {
        "  read the file": [],
        "  preview (stage + validate)": [],
        "  apply (stage + validate + write)": [],
        "  update: read + apply": [],
    }
    for i in range(args.repeat):
        work = folder / f"run{i}.duckdb"
        shutil.copy(demo, work)
        con = db.connect(work)
        before = db.table_counts(con)["spend"]

        def run_import(con=con):
            start = time.perf_counter()
            data = csv_path.read_bytes()
            frame = importer.read_upload(csv_path.name, data, max_bytes=200 * 1_048_576, dataset="spend")
            read = time.perf_counter()
            result = importer.preview(con, "spend", frame)
            assert result.ok and result.inserts == args.rows, result
            previewed = time.perf_counter()
            importer.apply(con, ACTOR, "spend", frame)
            steps["  read the file"].append(read - start)
            steps["  preview (stage + validate)"].append(previewed - read)
            steps["  apply (stage + validate + write)"].append(time.perf_counter() - previewed)

        results["import"].append(timed(run_import))
        assert db.table_counts(con)["spend"] == before + args.rows

        def run_update(con=con):
            data = changed_path.read_bytes()
            frame = importer.read_upload(changed_path.name, data, max_bytes=200 * 1_048_576, dataset="spend")
            result = importer.preview(con, "spend", frame)
            assert result.ok and result.updates == args.rows, result
            start = time.perf_counter()
            frame = importer.read_upload(changed_path.name, data, max_bytes=200 * 1_048_576, dataset="spend")
            importer.apply(con, ACTOR, "spend", frame)
            steps["  update: read + apply"].append(time.perf_counter() - start)

        results["update import"].append(timed(run_update))
        con.close()

        shutil.copy(demo, work)
        con = db.connect(work)
        cur = con.cursor()
        results["read_csv"].append(
            timed(
                lambda cur=cur: cur.execute(
                    "create temp table raw as select * from read_csv($p)", {"p": str(csv_path)}
                )
            )
        )
        results["read_csv + insert"].append(
            timed(
                lambda cur=cur: cur.execute(
                    "insert into spend select * from read_csv($p)", {"p": str(csv_path)}
                )
            )
        )
        results["read_csv + update"].append(
            timed(
                lambda cur=cur: cur.execute(
                    "update spend set amount = r.amount from read_csv($p) r"
                    " where spend.entry_ref = r.entry_ref",
                    {"p": str(changed_path)},
                )
            )
        )
        con.close()

    best = {name: min(times) for name, times in results.items()}
    print(f"{'step':<20} {'best s':>8}   all runs")
    for name, times in results.items():
        print(f"{name:<20} {best[name]:>8.2f}   {', '.join(f'{t:.2f}' for t in times)}")
        if name == "import":
            for step, step_times in steps.items():
                print(f"{step:<34} best {min(step_times):.2f}   {', '.join(f'{t:.2f}' for t in step_times)}")
    print(f"import / read_csv          = {best['import'] / best['read_csv']:.1f}x")
    print(f"import / read_csv + insert = {best['import'] / best['read_csv + insert']:.1f}x")
    apply_new = min(
        r + a
        for r, a in zip(steps["  read the file"], steps["  apply (stage + validate + write)"], strict=True)
    )
    print(f"read + apply (new lines) / read_csv + insert = {apply_new / best['read_csv + insert']:.1f}x")
    apply_upd = min(steps["  update: read + apply"])
    print(f"read + apply (updates) / read_csv + update   = {apply_upd / best['read_csv + update']:.1f}x")
    if args.keep:
        print(f"kept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
