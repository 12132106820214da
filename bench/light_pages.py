"""How light the light pages are: Lighthouse's mobile run on them, or size and first paint in Chromium.

    .venv/bin/python bench/light_pages.py [--lighthouse PATH/TO/node_modules/.bin/lighthouse]

Writes the light pages of the demo publication into a temporary folder, serves them over
loopback with nginx as the deployment does (deploy/nginx.conf.template, ``/light/``), and
for a few pages in both languages runs Lighthouse (its default mobile profile: slow 4G, 4×
slower CPU) in Debian's Chromium when ``--lighthouse`` (or ``lighthouse`` on the PATH) is
there: performance, accessibility, first contentful paint, total blocking time, bytes. Without
it: the page's bytes and its first contentful paint in headless Chromium on loopback (no
throttling), from the browser's own paint timing.

Lighthouse is an npm package, not a project dependency: ``npm install lighthouse`` in any
folder (the registry is reachable here) and pass its ``node_modules/.bin/lighthouse``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy import launch  # noqa: E402
from impactdash import config, startup  # noqa: E402

PAGES = (
    "nl/GM0518/overview.html",
    "nl/GM0518/budget.html",
    "nl/GM0518/ambitions.html",
    "en/GM0014/overview.html",
    "en/GM0014/budget.html",
    "en/GM0014/ambitions.html",
    "nl/GM0518/property.html",
    "en/GM0518/ecosystem.html",
    "nl/compare.html",
    "en/method.html",
)
CHROMIUM_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def lighthouse(binary: str, url: str, out: Path) -> dict:
    """Run Lighthouse's mobile profile on ``url``; return the figures of its report."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    command = [binary, url, "--output=json", f"--output-path={out}", "--quiet"]
    command += [f"--chrome-flags={CHROMIUM_FLAGS}", "--only-categories=performance,accessibility"]
    subprocess.run(command, env=env, check=True, timeout=300)
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def chromium(urls: list[str]) -> list[dict]:
    """Return each page's bytes (as sent) and first contentful paint in headless Chromium."""
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS.split())
        for url in urls:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            answer = page.goto(url)
            fcp = page.evaluate(
                "() => new Promise(done => new PerformanceObserver((list, observer) => {"
                " const e = list.getEntriesByName('first-contentful-paint')[0];"
                " if (e) { observer.disconnect(); done(e.startTime); } })"
                ".observe({type: 'paint', buffered: true}))"
            )
            found.append({"fcp_s": fcp / 1000, "bytes": len(answer.body())})
            page.close()
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse"))
    parser.add_argument("--port", type=int, default=8636)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), help="paths below /light/")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="light-pages-"))
    try:
        startup.build_database(folder / "impact.duckdb", "demo")
        publications = config.publications_dir(folder / "impact.duckdb")
        launch.ensure_light_pages(publications)
        layout = launch.Layout(1, args.port, args.port + 1, args.port + 2, folder / "run", publications)
        # nginx alone serves the light pages: no Streamlit process runs (its upstream stays down).
        deployment = launch.Deployment(layout, staff=False)
        conf = launch.write_config(layout)
        nginx = subprocess.Popen(
            [deployment.nginx, "-p", str(layout.run_dir), "-c", str(conf)]
            + ["-e", str(layout.run_dir / "error.log"), "-g", "daemon off;"]
        )
        try:
            deployment.children.append(nginx)
            deployment._wait_nginx(30)
            pages = args.pages
            urls = [f"http://127.0.0.1:{args.port}/light/{p}" for p in pages]
            print(f"# load average: {os.getloadavg()}")
            if args.lighthouse:
                print(
                    "| page | performance | accessibility | first contentful paint | total blocking | bytes |"
                )
                print("|---|---:|---:|---:|---:|---:|")
                for page, url in zip(pages, urls, strict=True):
                    r = lighthouse(args.lighthouse, url, folder / "lh.json")
                    print(
                        f"| {page} | {r['performance']} | {r['accessibility']} | {r['fcp_s']:.1f} s "
                        f"| {r['tbt_ms']:.0f} ms | {r['bytes'] / 1000:.0f} kB |"
                    )
            else:
                print("# Lighthouse not found: size and first paint in headless Chromium, unthrottled")
                print("| page | bytes | first contentful paint |")
                print("|---|---:|---:|")
                for page, r in zip(pages, chromium(urls), strict=True):
                    print(f"| {page} | {r['bytes'] / 1000:.0f} kB | {r['fcp_s'] * 1000:.0f} ms |")
        finally:
            deployment.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
