"""Time every public page: server time of an AppTest run (cold and warm) and, with --browser,
the browser's time from navigation until every chart is drawn.

    python bench/time_pages.py --db bench/out/scale1.duckdb [--repeat 5] [--browser]

Cold is the first run in this process (empty caches); warm is the median of later reruns
of the same session (what a visitor's next click costs). In the browser table, "script done"
is the median time until the page's script run has finished and its elements are shown; the
rest of the time, up to "median ms", is the charts being drawn. Prints tables; judges nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from impactdash import config  # noqa: E402 (after the path)

PAGES = ["overview", "budget", "property", "ecosystem", "ambitions", "compare", "method"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def time_server(db_path: Path, repeat: int) -> list[tuple[str, float, float, float]]:
    """Return (page, cold ms, warm median ms, warm max ms) per page, via AppTest."""
    from streamlit.testing.v1 import AppTest

    os.environ["IMPACTDASH_DB"] = str(db_path)
    rows = []
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.run()
        if name != "overview":
            at.switch_page(f"app_pages/{name}.py")
        start = time.perf_counter()
        at.run()
        cold = (time.perf_counter() - start) * 1000
        assert not at.exception, (name, [e.message for e in at.exception])
        warm = []
        for _ in range(repeat):
            start = time.perf_counter()
            at.run()
            warm.append((time.perf_counter() - start) * 1000)
        rows.append((name, cold, statistics.median(warm), max(warm)))
    return rows


def time_browser(db_path: Path, repeat: int) -> list[tuple[str, float, float, float]]:
    """Serve the app on loopback; return (page, first ms, median ms, median ms until the script is done).

    The first two are the time from navigation until every chart is drawn.
    """
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "IMPACTDASH_DB": str(db_path)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(url)  # the first visit builds caches and loads plotly.js once
            _wait(page)
            for name in PAGES:
                times, script = [], []
                for _ in range(repeat):
                    start = time.perf_counter()
                    page.goto(f"{url}/{'' if name == 'overview' else name}")
                    done = _wait(page)
                    times.append((time.perf_counter() - start) * 1000)
                    script.append((done - start) * 1000)
                rows.append((name, times[0], statistics.median(times), statistics.median(script)))
            browser.close()
        return rows
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait(page) -> float:
    """Wait until the script run is done and every chart is drawn; return when the run was done."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
    done = time.perf_counter()
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stSkeleton"]') &&
                 [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                   .every(c => c.querySelector('.main-svg'))""",
        timeout=120_000,
    )
    return done


def copy_with_publications(source: Path, target: Path) -> None:
    """Copy a database and its publications (the public pages read the current one)."""

    shutil.copy(source, target)
    if config.publications_dir(source).exists():
        shutil.copytree(config.publications_dir(source), config.publications_dir(target))


def main() -> None:
    """Parse arguments, time the pages on a private copy of the database, print tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "impact.duckdb"
        copy_with_publications(
            args.db, copy
        )  # the app opens its database read-write; keep the source pristine
        print(f"Server time per page (AppTest), {args.db.name}")
        print(f"{'page':<12}{'cold ms':>10}{'warm median':>14}{'warm max':>10}")
        for name, cold, warm, worst in time_server(copy, args.repeat):
            print(f"{name:<12}{cold:>10.0f}{warm:>14.0f}{worst:>10.0f}")
        if args.browser:
            # This process's AppTest holds its copy open read-write; the server gets its own.
            served = Path(tmp) / "served.duckdb"
            copy_with_publications(args.db, served)
            print(f"\nBrowser: navigation until every chart is drawn, {args.db.name}")
            print(f"{'page':<12}{'first ms':>10}{'median ms':>12}{'script done':>13}")
            for name, first, median, script in time_browser(served, args.repeat):
                print(f"{name:<12}{first:>10.0f}{median:>12.0f}{script:>13.0f}")


if __name__ == "__main__":
    main()
