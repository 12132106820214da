"""AppTest helpers: run the real entry script against the demo database.

Which database an AppTest runs against (see docs/testing.md, "The shared database"):

- a test that only reads runs against one demo database shared by every such test in
  this process (``shared_demo_db``): the same path keeps Streamlit's caches (the cached
  connection, the cached queries) warm from one test to the next, as in production;
- a test that writes, itself or through the app (a save, a sign-in, an import, a
  publication), asks for ``demo_copy``: ``app`` then runs against that private copy, and
  after the test its connections are closed and its entries in Streamlit's caches dropped.

A test that writes to the shared database without asking for ``demo_copy`` fails (the
check runs after every app test), and later tests get a fresh shared copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from impactdash import config, i18n, ui
from impactdash.publish import light_pages
from impactdash.report import light
from impactdash.store import db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="session")
def _show_errors_in_tests():
    # Production hides error details from visitors; the tests need them to say what broke.
    st_config.set_option("client.showErrorDetails", "full")


@pytest.fixture(autouse=True, scope="session")
def _scan_components_once():
    """Scan the installed packages for Streamlit components once per process, not per AppTest.

    Every new AppTest reads the metadata of every installed package (~350) looking for
    components: 0.3 s of CPU each time, most of a reading test's time. The installed
    packages do not change during a run, so every AppTest still registers what the scan
    found (nothing, today), as a running server does after its one scan at startup.
    """
    from streamlit.components.v2 import manifest_scanner

    found = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda max_workers=None: list(found))
        yield


class SharedDatabase:
    """A copy of the demo database that AppTests only read, and the proof that they did."""

    def __init__(self, source: Path, factory: pytest.TempPathFactory) -> None:
        self._source = source
        self._factory = factory
        self.path = self._copy()

    def _copy(self) -> Path:
        path = self._factory.mktemp("shared") / "impact.duckdb"
        shutil.copy(self._source, path)
        shutil.copytree(config.publications_dir(self._source), config.publications_dir(path))
        self._state = self._stat(path)
        return path

    @staticmethod
    def _stat(path: Path) -> dict[str, tuple[int, int]]:
        # Any write commits to the WAL (or, at a checkpoint, to the file itself); a
        # publication, a backup or a new pointer adds or changes a file in this folder.
        return {
            str(f.relative_to(path.parent)): (f.stat().st_size, f.stat().st_mtime_ns)
            for f in sorted(path.parent.rglob("*"))
            if f.is_file()
        }

    def owns(self, path: str) -> bool:
        return Path(path).resolve().is_relative_to(self.path.parent)

    def written(self) -> list[str]:
        """Return the files that changed since the copy was made; after a write, start a new copy."""
        now = self._stat(self.path)
        changed = sorted(set(now.items()) ^ set(self._state.items()))
        if changed:
            self.path = self._copy()  # the written copy is left behind, with its cache entries
        return sorted({name for name, _ in changed})


#: The light-page writes the app asked for in the current test: (snapshot, target folder).
LIGHT_WRITES: list[tuple[Path, Path]] = []


@pytest.fixture(autouse=True)
def _light_pages_asked_not_written(monkeypatch):
    """Record the light pages a publication through the app asks for instead of writing them.

    The entry script registers ``report.light.write`` (``light.enable``), so every publication
    requested on the publish page wrote ~70 static pages (3.3 CPU s, about 20 times in this
    layer), and no app test reads them. Here the registered writer only records its call
    (:data:`LIGHT_WRITES`); test_publishing.py checks that a request through the page asks
    for them, and the unit and deploy tests write and serve the real pages. The registration
    goes into this test's list of writers, so no later test in the worker (a unit test's
    publication) inherits a writer either.
    """
    LIGHT_WRITES.clear()
    monkeypatch.setattr(light_pages, "_writers", [])

    def record(snapshot, target, *, label, published_at):
        LIGHT_WRITES.append((Path(snapshot), Path(target)))
        return []

    monkeypatch.setattr(light, "write", record)


@pytest.fixture(scope="session")
def shared_demo_db(demo_db_file, tmp_path_factory) -> SharedDatabase:
    """The demo database every reading AppTest in this process runs against (never written).

    A copy, not ``demo_db_file`` itself: the app opens its database for writing, and DuckDB
    refuses a read-only connection (as the tests open ``demo_db_file``) to a file that the
    same process holds open for writing.
    """
    return SharedDatabase(demo_db_file, tmp_path_factory)


@pytest.fixture
def app_db(request, shared_demo_db) -> Path:
    """Path of the database this test's AppTests run against: ``demo_copy`` if asked for, else shared."""
    if "demo_copy" in request.fixturenames:
        return request.getfixturevalue("demo_copy")
    return shared_demo_db.path


@pytest.fixture(autouse=True)
def _release_databases(tmp_path, monkeypatch, shared_demo_db):
    """Close what a test opened on a private database; fail a test that wrote to the shared one.

    Asks for ``tmp_path`` so that it is torn down before the test's folder is removed.
    """
    opened: list[tuple[str, object]] = []
    connect = db.connect

    def recording_connect(path, *args, **kwargs):
        con = connect(path, *args, **kwargs)
        opened.append((str(path), con))
        return con

    monkeypatch.setattr(db, "connect", recording_connect)
    yield
    private = [(path, con) for path, con in opened if not shared_demo_db.owns(path)]
    for path, con in private:
        con.close()
        for key in {path, str(Path(path).resolve())}:
            # Keyed by the path: the working database, a publication, its data version.
            ui.sources._prepared.clear(key)
            ui.sources._connection.clear(key)
            ui.sources._snapshot_connection.clear(key)
            ui.sources._snapshot_version.clear(key)
    written = shared_demo_db.written()
    if written:
        pytest.fail(
            f"this test wrote to the shared demo database ({', '.join(written)}): "
            "a test that writes asks for the demo_copy fixture (see docs/testing.md)",
            pytrace=False,
        )


@pytest.fixture
def app(app_db, monkeypatch):
    """Return a factory running dashboard.py, optionally signed in and switched to one page.

    ``app(lang="en", municipality="GM0014", page="app_pages/budget.py", signed_in="editor.demo")``
    returns the AppTest after the page's run, asserting it raised no exception. Every
    chart's data table is then opened, as a visitor would (``tables=False``: left closed).
    It runs against ``app_db``: the shared demo database, or ``demo_copy`` if the test asks
    for it (a test that writes must).
    """
    monkeypatch.setenv(config.DB_ENV, str(app_db))

    def run(
        lang: str = "nl",
        municipality: str | None = None,
        page: str | None = None,
        signed_in: str | None = None,
        tables: bool = True,
    ) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        if signed_in:
            # As after a successful sign-in: the session remembers the username only.
            at.session_state[ui.ACTOR_KEY] = signed_in
        at.query_params["lang"] = lang
        if municipality:
            at.query_params["gm"] = municipality
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        if page:
            at.switch_page(page)
            at.run()
            assert not at.exception, [e.message for e in at.exception]
        if tables:
            open_tables(at)
        return at

    return run


def open_tables(at: AppTest) -> AppTest:
    """Open every chart's data table (built only once its expander is opened) and rerun."""
    # A keyed element's id is "$$ID-<hash>-<key>", and keys may hold dashes themselves.
    keys = [e.proto.id.split("-", 2)[-1] for e in at.expander]
    for key in keys:
        if key.startswith(ui.TABLE_KEY_PREFIX):
            at.session_state[key] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _unhyphenated(value):
    return value.replace(i18n.SOFT_HYPHEN, "") if isinstance(value, str) else value


def read_table(element) -> pd.DataFrame:
    """A shown table as a person reads it: without the soft hyphens that let its long words break.

    ``ui.table`` puts them into every long word of a cell ("Im\xadpact\xadon\xadder\xadne\xadmin\xadgen");
    they are invisible unless the word breaks there. Column names, index and cells.
    """
    frame = element.value.map(_unhyphenated)
    frame.index = pd.Index([_unhyphenated(v) for v in frame.index], name=frame.index.name)
    return frame
