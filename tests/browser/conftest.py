"""Browser tests: the real app served on loopback, driven in Debian's Chromium by Playwright."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from impactdash import config, i18n, session_cookie

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    """Skip the tests here (marked ``browser`` by tests/conftest.py) only outside CI without Chromium."""
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium)")
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: A person with every role, in the shared server's database only: the accessibility journey
#: walks every staff page in one sign-in (each demo account has one role).
ALL_ROLES_USER = ("staff.a11y", "a11y-all-roles-2026")


def _add_all_roles_user(db_path: Path) -> None:
    """Add :data:`ALL_ROLES_USER` to the database at ``db_path`` (before a server holds it)."""
    from impactdash.store import db
    from impactdash.write import auth, permissions

    con = db.connect(db_path)
    try:
        auth.create_user(con, *ALL_ROLES_USER, list(permissions.ROLES), "Staff A11y")
    finally:
        con.close()


@contextlib.contextmanager
def _serving(folder: Path, demo_db_file: Path, all_roles_user: bool = False):
    """Serve the app as production does (serve.py) on a free loopback port, against a copy of the demo database."""
    db_path = folder / "impact.duckdb"
    shutil.copy(demo_db_file, db_path)
    shutil.copytree(config.publications_dir(demo_db_file), config.publications_dir(db_path))
    if all_roles_user:
        _add_all_roles_user(db_path)
    port = _free_port()
    env = {**os.environ, "IMPACTDASH_DB": str(db_path)}
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "serve.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        raise RuntimeError(f"streamlit did not start: {(folder / 'server.log').read_text()}")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory, demo_db_file):
    """The app served on loopback against a copy of the demo database, shared by the worker's tests.

    Its copy also holds :data:`ALL_ROLES_USER`, for the accessibility journey's staff pages.
    """
    with _serving(tmp_path_factory.mktemp("served"), demo_db_file, all_roles_user=True) as url:
        yield url


@pytest.fixture
def private_server(tmp_path, demo_db_file, context):
    """The app served for one test only, against a copy of its own: nothing to put back after it.

    For a journey that changes what others would read and cannot put it back cheaply (a
    publication stays current; restoring a figure and a target took two more sign-ins and
    edits, ~30 s). Starting a server costs a few seconds, and the first page from it loads
    Streamlit's scripts again (a new port is a new address for the browser's cache).
    That first page, whose run also fills the new server's caches, is opened here with a
    longer wait (on the loaded machine it took over 30 s), so the test's pages find both warm.
    """
    with _serving(tmp_path, demo_db_file) as url:
        first = context.new_page()
        try:
            first.goto(url)
            wait_until_drawn(first, timeout_ms=120_000)
        finally:
            first.close()
        yield url


VIEWPORT = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


class Browser:
    """The session's Chromium; every context it opens reports the hosts its pages ask."""

    def __init__(self, chromium) -> None:
        self._chromium = chromium
        self.requests: list[str] = []

    def new_context(self, **options):
        """Open a browser context (Playwright's ``Browser.new_context``), its requests recorded."""
        context = self._chromium.new_context(**{"viewport": VIEWPORT, "locale": "nl-NL", **options})
        context.on("request", lambda request: self.requests.append(request.url))
        return context


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (per xdist worker)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield Browser(instance)
        instance.close()


@pytest.fixture(scope="session")
def context(browser):
    """The browser context that the tests' pages share (1366 x 900, Dutch).

    Shared for its HTTP cache: a page in a new context downloads and compiles
    Streamlit's and plotly's scripts (~5 MB) again, which took most of a test's time.
    Nothing else is shared: each test gets its own page, so its own Streamlit session,
    and no page gets the session cookie unless it asks (see ``new_page``).
    """
    shared = browser.new_context()
    yield shared
    shared.close()


@pytest.fixture
def new_page(context):
    """Return a factory of fresh pages (each its own Streamlit session) in the shared context.

    Each page is a person of its own: the staff session cookie, which a real browser shares
    between its tabs, is not set for it (the route that sets it answers without one), so an
    editor and a reviewer can work side by side in one context. ``new_page(cookie=True)``
    lets the page have it, for a journey about the cookie itself (test_session_browser.py);
    the cookie is cleared after every test.
    """
    pages = []

    def _without_cookie(route) -> None:
        # The request reaches the server, which uses up its grant as in a real browser (so the
        # page stops asking on its next run), but outside the browser: the cookie is not kept.
        request = route.request
        sent = urllib.request.Request(
            request.url, data=request.post_data_buffer, headers=request.headers, method=request.method
        )
        try:
            with urllib.request.urlopen(sent, timeout=10):
                pass
        except OSError:
            pass  # refused or gone: the page asks again on its next run, as before
        route.fulfill(status=204)

    def make(viewport: dict | None = None, cookie: bool = False):
        pg = context.new_page()
        if viewport:
            pg.set_viewport_size(viewport)
        if not cookie:
            pg.route(f"**{session_cookie.ROUTE}", _without_cookie)
        pages.append(pg)
        return pg

    yield make
    for pg in pages:
        if not pg.is_closed():
            pg.close()
    context.clear_cookies(name=session_cookie.COOKIE)


@pytest.fixture
def page(new_page):
    """A fresh browser page, its own Streamlit session."""
    return new_page()


@pytest.fixture(autouse=True)
def _no_other_host(request):
    """Every browser test: no page it opened asked any host but the local server.

    No visitor's browser may be sent to a third party: no fonts, tiles, scripts or images.
    """
    if "browser" not in request.fixturenames:
        yield
        return
    recorded = request.getfixturevalue("browser").requests
    recorded.clear()
    yield
    others = sorted({url for url in recorded if (urlparse(url).hostname or url) != "127.0.0.1"})
    assert not others, f"the browser asked other hosts: {others}"


def assert_accessible(page) -> None:
    """Run axe-core once over the whole page, sidebar included: no violation at all."""
    from axe_playwright_python.sync_playwright import Axe  # only the browser tests need it

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def wait_until_drawn(page, timeout_ms: int = 30_000) -> None:
    """Wait until the script run has finished and every plotly chart holds its SVG."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout_ms
    )
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                  .every(c => c.querySelector('.main-svg'))""",
        timeout=timeout_ms,
    )


#: Click every closed data-table expander whose summary names one of ``labels``, all in one
#: task of the page's event loop; return how many were clicked.
_CLICK_CLOSED_DATA_EXPANDERS = """labels => {
  let clicked = 0;
  document.querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary').forEach((s) => {
    if (labels.some((l) => s.innerText.includes(l))) { s.click(); clicked++; }
  });
  return clicked;
}"""


def open_data_tables(page, timeout_ms: int = 30_000) -> int:
    """Open every chart's data-table expander and wait for all their tables; return how many.

    A table is built only when its expander is opened (a rerun). The expanders are clicked
    in one go, inside the page (one task of its event loop), so Streamlit gets their new
    states together and runs the page once: clicked one by one from here, each click ran the
    whole page again and redrew every chart (the ecosystem page's 11 tables: 11 runs,
    12 CPU s; together: one run, 2.6 CPU s). A click that Streamlit dropped while it redrew
    (the expander shows open, no run built its table: a 30-second wait failed so under full
    load) is made again, closing and reopening it.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # only the browser tests need it

    labels = [i18n.t("show_data", lang) for lang in ("nl", "en")]
    boxes = page.get_by_test_id("stExpander").filter(
        has=page.locator("summary", has_text=re.compile("|".join(map(re.escape, labels))))
    )
    count = boxes.count()
    page.evaluate(_CLICK_CLOSED_DATA_EXPANDERS, labels)  # those already open stay so
    for i in range(count):
        box = boxes.nth(i)
        for attempt in range(3):
            try:
                box.get_by_test_id("stTable").wait_for(timeout=timeout_ms // 3)
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
                wait_until_drawn(page, timeout_ms)
                if box.get_by_test_id("stTable").count():
                    break
                if box.locator("details[open]").count():
                    box.locator("summary").click()  # close: the next click opens it with a rerun
                    wait_until_drawn(page, timeout_ms)
                box.locator("summary").click()
    wait_until_drawn(page, timeout_ms)
    return count


#: Set to 1 to save a screenshot of every page the tests pass, for a person to look at.
SCREENSHOTS_ENV = "IMPACTDASH_SCREENSHOTS"


def screenshots_wanted() -> bool:
    """Whether screenshots are asked for (``IMPACTDASH_SCREENSHOTS=1``), or a test is failing.

    Called in an ``except`` block (a test's debug screenshot), it always says yes.
    """
    return os.environ.get(SCREENSHOTS_ENV) == "1" or sys.exc_info()[0] is not None


def screenshot(page, name: str) -> Path | None:
    """Save a full-page screenshot under artifacts/ for a person to look at, if asked for.

    Only with ``IMPACTDASH_SCREENSHOTS=1`` (or while a test is failing): taking them cost
    seconds per page and checked nothing.
    """
    if not screenshots_wanted():
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    # Streamlit scrolls inside its main section, so a full-page shot needs a viewport as tall
    # as that section's content.
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 900")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 8000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path
