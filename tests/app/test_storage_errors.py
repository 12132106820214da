"""True messages on the pages: a full disk, a read-only folder and a lock, never Streamlit's error box.

The failures are simulated as DuckDB reports them (see tests/unit/test_storage_errors.py);
the lock is real, held by a second process.
"""

from __future__ import annotations

import errno
import subprocess
import sys

import duckdb
from streamlit.testing.v1 import AppTest

from impactdash import config, ui
from impactdash.publish import workflow
from impactdash.store import db
from impactdash.write import backup, importer, transaction
from tests.app.conftest import ROOT
from tests.unit.test_storage_errors import HOLD, _Connection, full_disk_on_commit

CSV = (
    b"entry_ref,programme_code,booking_date,amount,description,counterparty_kind\n"
    b"FULL-001,DH-P03,2025-03-15,12.50,Test,supplier\n"
)


def shown(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_a_full_disk_during_a_publication_request_is_said_on_the_page(app, demo_copy, monkeypatch):
    # Regression: Streamlit's generic "This app has encountered an error" box.
    def full(con, target, settings):
        raise duckdb.IOException(f'IO Error: Could not write file "{target}.tmp": No space left on device')

    monkeypatch.setattr(workflow, "write_snapshot", full)
    at = app("nl", page="app_pages/publish.py", signed_in="editor.demo")
    at.text_input[0].set_value("Q4 2026")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, [e.message for e in at.exception]
    (message,) = shown(at)
    assert message.startswith("De schijf is vol") and "Maak ruimte vrij" in message
    assert not at.success


def test_a_full_disk_during_an_import_is_not_blamed_on_a_colleague(app, demo_copy, monkeypatch):
    # Regression: "Someone else saved the same figures at the same moment… please try again".
    real = transaction.in_transaction

    def on_a_full_disk(con, work):
        return real(_Connection(con, full_disk_on_commit(demo_copy)), work)

    monkeypatch.setattr(importer, "in_transaction", on_a_full_disk)
    at = app("en", page="app_pages/import_data.py", signed_in="editor.demo")
    at.selectbox(key="import_page_dataset").set_value("spend").run()
    at.file_uploader(key="import_page_file").set_value(("spend.csv", CSV, "text/csv")).run()
    before = db.table_counts(ui.connection())
    at.button(key="import_page_apply").click().run()
    assert not at.exception, [e.message for e in at.exception]
    errors = shown(at)
    assert any(e.startswith("The disk is full") for e in errors), errors
    assert not any("Someone else" in e for e in errors)
    assert db.table_counts(ui.connection()) == before


def test_a_full_disk_on_the_backup_page_is_said_in_dutch(app, demo_copy, monkeypatch):
    def full(copy, target):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backup, "_pack", full)
    at = app("nl", page="app_pages/backup.py", signed_in="admin.demo")
    at.button(key="backup_now").click().run()
    assert not at.exception, [e.message for e in at.exception]
    (message,) = shown(at)
    assert message.startswith("De schijf is vol") and str(demo_copy.parent / "backups") in message
    assert backup.list_backups(demo_copy) == []


def test_a_database_held_by_another_program_is_said_at_start_up_in_both_languages(demo_copy, monkeypatch):
    # Regression: "The database could not be opened. Please contact the administrator." blamed
    # the database; the command line (or another dashboard) was holding it.
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_copy)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        monkeypatch.setenv(config.DB_ENV, str(demo_copy))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert not at.exception, [e.message for e in at.exception]
    (message,) = shown(at)
    assert "een ander programma heeft de database in gebruik" in message
    assert "another program is using the database" in message
    # Visitors see this page too: no folder, no process id (those go to the server's log).
    assert str(demo_copy.parent) not in message and str(holder.pid) not in message
