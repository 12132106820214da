"""Throughput of N public-only processes behind nginx: concurrent page views, p95 and server CPU per view.

    .venv/bin/python bench/load_public.py --processes 1 2 4 --visitors 10 25 50 [--page ""] [--rounds 3]

For each process count it starts the deployment of deploy/launch.py on loopback (nginx and
N public-only processes, no staff process) against a copy of the demo publication, warms
every process (each views every public page once), then for each visitor count lets that
many new visitors arrive at once: each opens its own session through nginx (its own sticky
cookie, so they spread over the processes) and views the page over Streamlit's websocket
(deploy/visitor.py: the script run, the figures' serialisation and every delta message,
all the server does for a page view; the browser's drawing costs the server nothing).

Per row: the wall time of the burst, page views per second, the median and p95 time of a
view, and the server CPU per view (user + system time of the public processes, read from
/proc before and after, divided by the views). Bounded: at most 200 visitors at once and
8 processes, loopback only. The machine is shared: note the load average printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy import launch  # noqa: E402
from deploy.visitor import view_page  # noqa: E402
from impactdash import config, startup  # noqa: E402

MAX_VISITORS = 200
MAX_PROCESSES = 8
PUBLIC_PAGES = ("", "budget", "ecosystem", "method")
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    """Return the user + system CPU seconds the processes ``pids`` have used so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


async def burst(base: str, page: str, visitors: int, tag: str) -> tuple[float, list[float]]:
    """Let ``visitors`` new visitors view ``page`` at once; return the wall time and each view's time."""
    start = time.perf_counter()
    views = await asyncio.gather(
        *(view_page(base, page, cookie=f"{tag}-{i}", timeout=300) for i in range(visitors))
    )
    wall = time.perf_counter() - start
    assert all(v.finished for v in views), "a page view did not finish"
    return wall, [v.seconds for v in views]


def p95(values: list[float]) -> float:
    """Return the 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def run(processes: int, visitor_counts: list[int], page: str, rounds: int, port: int, folder: Path) -> list:
    """Measure one process count; return one row per visitor count."""
    layout = launch.Layout(
        processes=processes,
        port=port,
        staff_port=port + 1,
        backend_port=port + 2,
        run_dir=folder / f"run-{processes}",
        publications=config.publications_dir(folder / "impact.duckdb"),
    )
    rows = []
    env = {"IMPACTDASH_DB": str(folder / "impact.duckdb"), "IMPACTDASH_THREADS": "1"}
    with launch.Deployment(layout, env=env, staff=False) as deployment:
        base = f"http://127.0.0.1:{port}"
        public = [c.pid for c in deployment.children[:-1]]  # nginx is the last one
        # Warm every process on every page: enough sessions that each process gets some.
        for warm_page in PUBLIC_PAGES:
            asyncio.run(burst(base, warm_page, 4 * processes, f"warm-{warm_page}"))
        for visitors in visitor_counts:
            walls, times, cpu = [], [], 0.0
            for r in range(rounds):
                before = cpu_seconds(public)
                wall, each = asyncio.run(burst(base, page, visitors, f"v{visitors}-r{r}"))
                cpu += cpu_seconds(public) - before
                walls.append(wall)
                times += each
            wall = statistics.median(walls)
            rows.append(
                (
                    processes,
                    visitors,
                    wall,
                    visitors / wall,
                    statistics.median(times),
                    p95(times),
                    cpu / (visitors * rounds),
                )
            )
            print(_line(rows[-1]), flush=True)
    return rows


def _line(row) -> str:
    processes, visitors, wall, rate, median, high, cpu = row
    return (
        f"| {processes} | {visitors} | {wall:.2f} s | {rate:.1f} | {median * 1000:,.0f} ms "
        f"| {high * 1000:,.0f} ms | {cpu * 1000:.0f} ms |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--visitors", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--page", default="", help="url path of the page ('' = overview)")
    parser.add_argument("--rounds", type=int, default=3, help="bursts per visitor count")
    parser.add_argument("--port", type=int, default=8630, help="nginx's port; the processes take the next")
    args = parser.parse_args()
    if max(args.visitors) > MAX_VISITORS or max(args.processes) > MAX_PROCESSES:
        raise SystemExit(f"at most {MAX_VISITORS} visitors and {MAX_PROCESSES} processes")
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        raise SystemExit("needs Debian's nginx: apt-get install nginx")
    folder = Path(tempfile.mkdtemp(prefix="load-public-"))
    try:
        startup.build_database(folder / "impact.duckdb", "demo")
        print(
            f"# {os.cpu_count()} cores; load average before: {os.getloadavg()};"
            f" page {args.page or 'overview'}"
        )
        print("| processes | visitors at once | burst | views/s | median | p95 | server CPU per view |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for processes in args.processes:
            run(processes, args.visitors, args.page, args.rounds, args.port, folder)
        print(f"# load average after: {os.getloadavg()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
