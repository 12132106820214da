"""Every public page against a bare Streamlit page with as many trivial plotly charts, side by side.

    .venv/bin/python bench/browser_vs_bare.py [--repeat 7] [--port 8621] [--db FILE] [--detail]
        [--same-content]

Serves, on loopback and in one run, (1) our app as a public-only process does
(``IMPACTDASH_PUBLIC_ONLY=1 serve.py``, the demo publication, or ``--db``'s) and (2) a bare
Streamlit app (``streamlit run``) with one generated script per public page: a title and as
many trivial ``st.plotly_chart`` calls as our page draws (counted on our page first), drawn
as ours are (``theme=None``, no mode bar), with the same ``.streamlit/config.toml`` (theme,
toolbar, no usage statistics). Both are Streamlit multipage apps with the sidebar's menu.

Each measurement opens a new tab (its own Streamlit session; the HTTP cache of the one
browser context is shared, so Streamlit's and plotly's scripts come from the cache as for
a returning visitor) and times, in headless Chromium, from navigation until the page is
ready: the script run has finished (Streamlit's running indicator gone), the page's title
is shown, and every chart is drawn (plotly's ``.main-svg`` in each, as many as expected).
Both apps are warmed on every page first; then, per repeat, each page is loaded in both,
alternating which goes first, so load on the shared machine hits both alike. Prints the
medians per page: ours, bare, ratio (the target of issue 15: ≤ 1.2). ``--detail`` adds
Chrome's own counters (``Performance.getMetrics``: script, layout and style time, DOM
nodes) per page and app, to see where a difference comes from. ``--same-content`` adds a
third app whose pages show our pages' content (read from our drawn page) with Streamlit's
plain elements: ours against it is what our code adds, it against the bare page what the
content alone costs. Judges nothing: exit code 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.time_pages import CHROMIUM_ARGS  # noqa: E402 (one list of Chromium flags for the benches)
from impactdash import config  # noqa: E402 (after the path)

#: Every public page: (name, url path). The programme page shows its first programme.
PAGES = [
    ("overview", ""),
    ("budget", "budget"),
    ("property", "property"),
    ("ecosystem", "ecosystem"),
    ("ambitions", "ambitions"),
    ("compare", "compare"),
    ("method", "method"),
    ("changelog", "changelog"),
    ("accessibility", "accessibility"),
    ("programme", "programme"),
]
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1366, "height": 900}
#: Chrome's counters shown by --detail (seconds, except the node count).
METRICS = ("ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration", "Nodes")

#: Ready: the run is over, the title is there and ``n`` charts hold their SVG.
READY = """(n) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  return charts.length === n && [...charts].every((c) => c.querySelector('.main-svg'));
}"""

BARE_ENTRY = '''"""A bare Streamlit multipage app: one generated page per public page."""

import streamlit as st

st.set_page_config(page_icon="📊", layout="wide")
PAGES = {pages!r}
entries = [
    st.Page(f"bare_pages/{{name}}.py", title=name.title(), url_path=name, default=(i == 0))
    for i, name in enumerate(PAGES)
]
st.navigation(entries).run()
'''

BARE_PAGE = '''"""{name}: a title and {charts} trivial plotly chart(s), drawn as ours are."""

import plotly.graph_objects as go
import streamlit as st

st.title({title!r})
for i in range({charts}):
    figure = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
    st.plotly_chart(figure, key=f"chart_{{i}}", theme=None, config={{"displayModeBar": False}})
'''


#: ``--same-content``: what our page shows, element by element in order (main and sidebar), so
#: that a bare page can show the same with Streamlit's plain elements and nothing of ours.
CONTENT = """() => {
  const kinds = ["stHeading", "stMarkdown", "stCaption", "stAlert", "stTable", "stPlotlyChart",
    "stSelectbox", "stMultiSelect", "stTextInput", "stDateInput", "stRadio", "stButtonGroup",
    "stDownloadButton", "stButton", "stPageLink", "stMetric"];
  const walk = (root) => {
    const out = [];
    for (const child of root.children) {
      const id = child.getAttribute("data-testid");
      if (id === "stExpander") {
        out.push({kind: "expander", label: child.querySelector("summary").innerText,
                  children: walk(child.querySelector("details") || child)});
      } else if (id === "stHorizontalBlock") {
        out.push({kind: "columns", children: [...child.children].map((c) => walk(c))});
      } else if (id === "stElementContainer") {
        const inner = kinds.map((k) => child.querySelector(`[data-testid="${k}"]`)).find((e) => e);
        if (!inner) continue;
        const kind = inner.getAttribute("data-testid");
        const label = inner.querySelector("label")?.innerText || "";
        if (kind === "stTable") {
          const rows = [...inner.querySelectorAll("tr")].map(
            (tr) => [...tr.querySelectorAll("th, td")].map((c) => c.innerText.replaceAll("\u00ad", "")));
          out.push({kind, rows});
        } else if (kind === "stHeading") {
          const h = inner.querySelector("h1, h2, h3, h4");
          out.push({kind, level: h ? h.tagName : "H2", text: inner.innerText});
        } else {
          out.push({kind, label, text: inner.innerText});
        }
      } else {
        out.push(...walk(child));
      }
    }
    return out;
  };
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const side = document.querySelector('[data-testid="stSidebarUserContent"]');
  return {main: main ? walk(main) : [], sidebar: side ? walk(side) : []};
}"""


def same_content_script(name: str, content: dict) -> str:
    """A bare page that shows ``content`` (from ``CONTENT``) with Streamlit's plain elements.

    The same headings, paragraphs, tables (their cells' text), widgets with their labels and
    expanders, in the same order, main and sidebar; charts are trivial ones, as on the bare
    page. What is left out: our page style and scripts, our caching, queries and figures.
    """
    lines = [
        f'"""{name}: our page\'s content with Streamlit\'s plain elements."""',
        "import pandas as pd",
        "import plotly.graph_objects as go",
        "import streamlit as st",
        "",
    ]
    counter = iter(range(10_000))

    def emit(items: list, target: str, indent: str) -> None:
        for item in items:
            kind, n = item["kind"], next(counter)
            text, label = item.get("text", ""), item.get("label", "") or f"x{n}"
            if kind == "expander":
                lines.append(f"{indent}with {target}.expander({item['label']!r}):")
                emit(item["children"], "st", indent + "    ")
                lines.append(f"{indent}    pass")
            elif kind == "columns":
                lines.append(f"{indent}cols_{n} = {target}.columns({max(len(item['children']), 1)})")
                for i, column in enumerate(item["children"]):
                    emit(column, f"cols_{n}[{i}]", indent)
            elif kind == "stHeading":
                call = {"H1": "title", "H2": "header"}.get(item["level"], "subheader")
                lines.append(f"{indent}{target}.{call}({text!r}, anchor=False)")
            elif kind in ("stMarkdown", "stPageLink", "stMetric"):
                lines.append(f"{indent}{target}.markdown({text!r})")
            elif kind == "stCaption":
                lines.append(f"{indent}{target}.caption({text!r})")
            elif kind == "stAlert":
                lines.append(f"{indent}{target}.info({text!r})")
            elif kind == "stTable":
                rows = item["rows"] or [[""]]
                width = max(len(r) for r in rows)
                rows = [r + [""] * (width - len(r)) for r in rows]
                header = [f"{c} " * (i + 1) for i, c in enumerate(rows[0])]  # unique names
                frame = f"pd.DataFrame({rows[1:]!r}, columns={header!r})"
                lines.append(f"{indent}{target}.table({frame}, hide_index=True)")
            elif kind == "stPlotlyChart":
                figure = "go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))"
                config = '{"displayModeBar": False}'
                lines.append(
                    f"{indent}{target}.plotly_chart({figure}, key='c{n}', theme=None, config={config})"
                )
            elif kind in ("stSelectbox", "stMultiSelect"):
                call = "selectbox" if kind == "stSelectbox" else "multiselect"
                lines.append(f"{indent}{target}.{call}({label!r}, [{text!r}], key='w{n}')")
            elif kind in ("stTextInput", "stDateInput"):
                lines.append(f"{indent}{target}.text_input({label!r}, key='w{n}')")
            elif kind in ("stRadio", "stButtonGroup"):
                options = [o for o in text.split("\n")[1:] if o] or ["a", "b"]
                lines.append(f"{indent}{target}.segmented_control({label!r}, {options!r}, key='w{n}')")
            elif kind == "stDownloadButton":
                lines.append(f"{indent}{target}.download_button({text!r}, b'x', key='w{n}')")
            elif kind == "stButton":
                lines.append(f"{indent}{target}.button({text!r}, key='w{n}')")

    emit(content["sidebar"], "st.sidebar", "")
    emit(content["main"], "st", "")
    return "\n".join(lines) + "\n"


def _serve(argv: list[str], cwd: Path, env: dict, log: Path) -> subprocess.Popen:
    """Start a server and wait for its health address."""
    port = argv[argv.index("--server.port") + 1]
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server on {port} stopped: {log.read_text()[-2000:]}") from None
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"server on {port} did not start: {log.read_text()[-2000:]}")


def _flags(port: int) -> list[str]:
    return ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]


def _content(context, url: str, charts: int) -> dict:
    """What our page at ``url`` shows, element by element (``CONTENT``), once it is ready."""
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="commit")
        tab.wait_for_function(READY, arg=charts, timeout=120_000)
        return tab.evaluate(CONTENT)
    finally:
        tab.close()


def load(context, url: str, charts: int, detail: bool) -> tuple[float, dict[str, float], int]:
    """Open ``url`` in a new tab; return ms until ready, Chrome's counters and the charts seen."""
    tab = context.new_page()
    try:
        cdp = context.new_cdp_session(tab) if detail else None
        if cdp:
            cdp.send("Performance.enable")
        start = time.perf_counter()
        tab.goto(url, wait_until="commit")
        if charts < 0:  # not known yet (our page, warming): wait for the run and whatever it draws
            tab.wait_for_function(READY.replace("charts.length === n && ", ""), arg=0, timeout=120_000)
        else:
            tab.wait_for_function(READY, arg=charts, timeout=120_000)
        ms = (time.perf_counter() - start) * 1000
        seen = tab.locator('[data-testid="stPlotlyChart"]').count()
        metrics = {}
        if cdp:
            got = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            metrics = {name: got.get(name, 0.0) for name in METRICS}
        return ms, metrics, seen
    finally:
        tab.close()


def main() -> None:
    """Serve both apps, warm them, time every page alternately, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--port", type=int, default=8621, help="ours; the bare app takes the next")
    parser.add_argument("--db", type=Path, help="a database with a publication (default: a new demo)")
    parser.add_argument("--pages", nargs="+", help="only these pages (names as in the table)")
    parser.add_argument("--detail", action="store_true", help="also Chrome's script/layout/style time")
    parser.add_argument(
        "--same-content",
        action="store_true",
        help="also a bare app showing our pages' content with plain elements",
    )
    args = parser.parse_args()
    pages = [(n, p) for n, p in PAGES if not args.pages or n in args.pages]
    folder = Path(tempfile.mkdtemp(prefix="browser-vs-bare-"))
    procs: list[subprocess.Popen] = []
    try:
        db = folder / "impact.duckdb"
        if args.db:
            shutil.copy(args.db, db)
            shutil.copytree(config.publications_dir(args.db), config.publications_dir(db))
        else:
            from impactdash import startup

            startup.build_database(db, "demo")
        env = {**os.environ, "IMPACTDASH_DB": str(db), "IMPACTDASH_PUBLIC_ONLY": "1"}
        ours_url = f"http://127.0.0.1:{args.port}"
        bare_url = f"http://127.0.0.1:{args.port + 1}"
        procs.append(_serve([sys.executable, "serve.py", *_flags(args.port)], ROOT, env, folder / "ours.log"))

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
            # Warm ours on every page (its caches, the browser's cache) and count its charts.
            counts, contents = {}, {}
            for name, path in pages:
                load(context, f"{ours_url}/{path}", -1, False)
                counts[name] = load(context, f"{ours_url}/{path}", -1, False)[2]
                if args.same_content:
                    contents[name] = _content(context, f"{ours_url}/{path}", counts[name])
            # The bare app: generated now that the counts are known, same settings file.
            bare = folder / "bare"
            (bare / "bare_pages").mkdir(parents=True)
            shutil.copytree(ROOT / ".streamlit", bare / ".streamlit")
            (bare / "bare.py").write_text(BARE_ENTRY.format(pages=[n for n, _ in pages]))
            for name, _ in pages:
                script = BARE_PAGE.format(name=name, title=name.title(), charts=counts[name])
                (bare / "bare_pages" / f"{name}.py").write_text(script)
            bare_env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACTDASH_")}
            bare_argv = [sys.executable, "-m", "streamlit", "run", "bare.py", *_flags(args.port + 1)]
            procs.append(_serve(bare_argv, bare, bare_env, folder / "bare.log"))
            bare_paths = {name: ("" if i == 0 else name) for i, (name, _) in enumerate(pages)}
            for name, _ in pages:
                load(context, f"{bare_url}/{bare_paths[name]}", counts[name], False)
            apps = ["ours", "bare"]
            if args.same_content:
                same = folder / "same"
                (same / "bare_pages").mkdir(parents=True)
                shutil.copytree(ROOT / ".streamlit", same / ".streamlit")
                (same / "bare.py").write_text(BARE_ENTRY.format(pages=[n for n, _ in pages]))
                for name, _ in pages:
                    (same / "bare_pages" / f"{name}.py").write_text(same_content_script(name, contents[name]))
                same_argv = [sys.executable, "-m", "streamlit", "run", "bare.py", *_flags(args.port + 2)]
                procs.append(_serve(same_argv, same, bare_env, folder / "same.log"))
                for name, _ in pages:
                    load(context, f"http://127.0.0.1:{args.port + 2}/{bare_paths[name]}", counts[name], False)
                apps.append("same")

            times = {name: {app: [] for app in apps} for name, _ in pages}
            detail = {name: {app: [] for app in apps} for name, _ in pages}
            print(
                f"# {os.cpu_count()} cores; load average before: {os.getloadavg()}; "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
                flush=True,
            )
            for r in range(args.repeat):
                for name, path in pages:
                    runs = [("ours", f"{ours_url}/{path}"), ("bare", f"{bare_url}/{bare_paths[name]}")]
                    if args.same_content:
                        runs.append(("same", f"http://127.0.0.1:{args.port + 2}/{bare_paths[name]}"))
                    for which, url in runs if r % 2 == 0 else runs[::-1]:
                        ms, metrics, _ = load(context, url, counts[name], args.detail)
                        times[name][which].append(ms)
                        detail[name][which].append(metrics)
            browser.close()

        print(f"# load average after: {os.getloadavg()}; {args.repeat} loads each, medians")
        print("| page | charts | ours | bare | ratio |")
        print("|---|---:|---:|---:|---:|")
        ratios = []
        for name, _ in pages:
            ours, plain = (statistics.median(times[name][w]) for w in ("ours", "bare"))
            ratios.append(ours / plain)
            print(f"| {name} | {counts[name]} | {ours:,.0f} ms | {plain:,.0f} ms | {ours / plain:.2f}× |")
        print(f"# worst ratio {max(ratios):.2f}×")
        if args.same_content:
            print("\n| page | ours | same content, plain elements | ratio | plain elements / bare |")
            print("|---|---:|---:|---:|---:|")
            for name, _ in pages:
                ours, plain, same_ms = (statistics.median(times[name][w]) for w in ("ours", "bare", "same"))
                ratio, floor = ours / same_ms, same_ms / plain
                print(f"| {name} | {ours:,.0f} ms | {same_ms:,.0f} ms | {ratio:.2f}× | {floor:.2f}× |")
        if args.detail:
            print("\n| page | app | " + " | ".join(METRICS) + " |")
            print("|---|---|" + "---:|" * len(METRICS))
            for name, _ in pages:
                for which in apps:
                    row = []
                    for metric in METRICS:
                        value = statistics.median(m[metric] for m in detail[name][which])
                        row.append(f"{value:,.0f}" if metric == "Nodes" else f"{value * 1000:,.0f} ms")
                    print(f"| {name} | {which} | " + " | ".join(row) + " |")
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
