"""Server CPU per warm public page view, per page: what one visitor's view costs the process.

    .venv/bin/python bench/cpu_per_view.py --db bench/out/scale1.duckdb [--views 10] [--port 8611]
        [--pages overview budget ...] [--profile /tmp/cpu/prof] [--lang en]

Starts one public-only process (``serve.py`` through ``bench/profiled_serve.py``, which also
adds up the CPU time of the script runs) on loopback against the current publication of
``--db`` (read only), views every page twice to warm its caches, then lets ``--views`` new
visitors view each page one after the other, each over its own websocket session
(``deploy/visitor.py``: the script run, the figures' serialisation and every delta
message). Per page it prints the process's CPU seconds per view (user + system, from
/proc: the robust figure on a shared machine, where wall time is the load's), the part
spent in the script thread (our code, figure building and serialisation, Streamlit's
marshalling into protobuf) and the rest (the event loop: the new session, sending the
messages), and the median wall time of a view. With ``--profile DIR`` each page's script
runs are also profiled with cProfile (``DIR/<page>.pstats``; the CPU figures then include
the profiler's overhead, so take them from a run without it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.visitor import view_page  # noqa: E402

PAGES = (
    "overview",
    "budget",
    "property",
    "ecosystem",
    "ambitions",
    "compare",
    "method",
    "changelog",
    "programme",
    "accessibility",
)
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """Return the user + system CPU seconds process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


#: Where the script thread's time goes, by the file a function is in (its own time, not its callees').
GROUPS = (
    ("our code", ("/impactdash/", "/app_pages/", "dashboard.py")),
    ("plotly", ("/plotly/", "/_plotly_utils/")),
    ("pandas, numpy, arrow", ("/pandas/", "/numpy/", "/pyarrow/")),
    ("duckdb", ("/duckdb",)),
    ("babel", ("/babel/",)),
    ("streamlit", ("/streamlit/",)),
    ("protobuf", ("/google/protobuf/",)),
)
#: Work done inside one call, its callees included: (label, file ending, function name).
CALLS = (
    ("st.plotly_chart (figure to JSON)", "elements/plotly_chart.py", "plotly_chart"),
    ("plotly_wire.send (kept JSON)", "ui/plotly_wire.py", "send"),
    ("plotly to_json", "plotly/io/_json.py", "to_json"),
    ("figure.to_dict (deep copy)", "plotly/basedatatypes.py", "to_dict"),
    ("cached reads (st.cache_data/resource)", "caching/cache_utils.py", "__call__"),
    ("ui.shared / ui.figure (pickle, digest)", "ui/sources.py", "shared"),
    ("delta messages (_enqueue)", "streamlit/delta_generator.py", "_enqueue"),
    ("st.navigation", "commands/navigation.py", "navigation"),
    ("the page's own script", "streamlit/navigation/page.py", "run"),
)


def split(stats_file: Path, views: int) -> list[tuple[str, float]]:
    """Return the script thread's time per view by group (own time) and in a few calls (cumulative)."""
    import pstats

    stats = pstats.Stats(str(stats_file)).stats
    groups = dict.fromkeys([name for name, _ in GROUPS] + ["C functions", "other Python"], 0.0)
    calls = dict.fromkeys([label for label, _, _ in CALLS], 0.0)
    for (file, _line, function), (_cc, _nc, own, cumulative, _callers) in stats.items():
        group = next((name for name, parts in GROUPS if any(p in file for p in parts)), None)
        if group is None:
            group = "C functions" if file == "~" else "other Python"
        groups[group] += own
        for label, ending, name in CALLS:
            if function == name and file.endswith(ending):
                calls[label] += cumulative
    return [(f"own: {k}", v / views) for k, v in groups.items()] + [(k, v / views) for k, v in calls.items()]


def _resident_mb(pid: int) -> float:
    """Return the resident memory of process ``pid`` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait_healthy(port: int, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def _script_totals(server: subprocess.Popen, out: Path) -> dict:
    """Ask the server for its script runs' totals since the last ask (SIGUSR1), and return them."""
    out.unlink(missing_ok=True)
    server.send_signal(signal.SIGUSR1)
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return json.loads(out.read_text())


def measure(base: str, page: str, views: int, query: str) -> list[float]:
    """View ``page`` ``views`` times, one new visitor after the other; return each view's wall time."""
    times = []
    for _ in range(views):
        view = asyncio.run(view_page(base, "" if page == "overview" else page, timeout=300, query=query))
        assert view.finished, f"{page}: the view did not finish"
        times.append(view.seconds)
    return times


def main() -> None:
    """Serve ``--db``'s publication, view every page, print the CPU per view per page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--views", type=int, default=10, help="views per page (after two to warm it)")
    parser.add_argument("--port", type=int, default=8611)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--lang", default="nl", help="the pages' language (nl, en)")
    parser.add_argument("--profile", type=Path, help="folder for one cProfile file per page")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cpu-per-view-"))
    out = work / "totals.json"
    env = {
        **os.environ,
        "IMPACTDASH_DB": str(args.db.resolve()),
        "IMPACTDASH_PUBLIC_ONLY": "1",
        "IMPACTDASH_THREADS": "1",
        "IMPACTDASH_PROFILE_OUT": str(out),
        "IMPACTDASH_PROFILE": "1" if args.profile else "0",
    }
    command = [sys.executable, str(ROOT / "bench" / "profiled_serve.py"), "--server.port", str(args.port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    log = (work / "server.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    query = "" if args.lang == "nl" else f"lang={args.lang}"
    details = []
    try:
        _wait_healthy(args.port, server)
        base = f"http://127.0.0.1:{args.port}"
        load = os.getloadavg()
        print(f"# {args.db}, {args.views} views per page, language {args.lang}; load average {load}")
        print("| page | CPU per view | script thread | rest | median wall |")
        print("|---|---:|---:|---:|---:|")
        for page in args.pages:
            measure(base, page, 2, query)  # warm: the page's queries and figures cached
            _script_totals(server, out)
            before = cpu_seconds(server.pid)
            times = measure(base, page, args.views, query)
            total = (cpu_seconds(server.pid) - before) / args.views
            script = _script_totals(server, out)
            if args.profile:
                args.profile.mkdir(parents=True, exist_ok=True)
                saved = args.profile / f"{page}.pstats"
                out.with_suffix(".pstats").replace(saved)
                details.append((page, split(saved, args.views)))
            per_script = script["script_cpu"] / args.views
            print(
                f"| {page} | {total * 1000:.0f} ms | {per_script * 1000:.0f} ms "
                f"| {(total - per_script) * 1000:.0f} ms | {statistics.median(times) * 1000:.0f} ms |",
                flush=True,
            )
        resident = _resident_mb(server.pid)
        print(f"# load average after: {os.getloadavg()}; server resident memory {resident:.0f} MB")
        for page, parts in details:  # profiled: the profiler's overhead is in these
            print(f"\n## {page}: script thread per view, profiled (ms)")
            for label, seconds in parts:
                print(f"- {label}: {seconds * 1000:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


if __name__ == "__main__":
    main()
