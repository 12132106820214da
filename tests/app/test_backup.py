"""The backup page: only admins; back up now, list, restore with confirmation; refusals are clear."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, ui
from impactdash.store import db
from impactdash.write import backup, edits
from impactdash.write.permissions import Actor

from .conftest import ROOT

PAGE = "app_pages/backup.py"
NO_ACCESS = "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft."
EDITOR = Actor("editor.demo", frozenset({"editor"}), "Editor Demo")


def open_page(monkeypatch, path, username: str | None, lang: str = "nl") -> AppTest:
    monkeypatch.setenv(config.DB_ENV, str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if username:
        at.session_state["actor"] = username
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("username", [None, "editor.demo", "reviewer.demo"])
def test_page_is_not_offered_without_the_right(monkeypatch, app_db, username):
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if username:
        at.session_state["actor"] = username
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


@pytest.mark.parametrize("username", [None, "editor.demo", "reviewer.demo"])
def test_page_itself_refuses_without_the_right(monkeypatch, app_db, username):
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    if username:
        at.session_state["actor"] = username
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [NO_ACCESS]
    assert not at.title and not at.button and not at.dataframe
    assert not (app_db.parent / "backups").exists()


def test_admin_backs_up_and_restores_with_confirmation(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    assert [t.value for t in at.title] == ["Back-up"]
    assert [i.value for i in at.info][1:] == ["Er zijn nog geen back-ups."]  # after the demo banner
    at.button(key="backup_now").click().run()
    assert not at.exception
    (made,) = backup.list_backups(demo_copy)
    assert [s.value for s in at.success] == [f"Back-up {made.name} is gemaakt."]
    assert list(at.dataframe[0].value["Bestand"]) == [made.name]

    # A change after the backup, through the app's own connection.
    con = ui.connection()
    _, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.delete_record(con, EDITOR, "spend", "DH-2018-000001", version)

    # Without the tick nothing happens.
    at.button(key="backup_restore").click().run()
    assert [e.value for e in at.error] == ["Vink eerst aan dat u de cijfers wilt vervangen."]
    assert len(backup.list_backups(demo_copy)) == 1
    at.checkbox(key="backup_confirm").check().run()
    at.button(key="backup_restore").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.success and at.success[0].value.startswith(f"{made.name} is teruggezet.")
    assert edits.get_record(con, "spend", "DH-2018-000001")
    assert len(backup.list_backups(demo_copy)) == 2


def test_uploading_a_file_that_is_not_a_database_changes_nothing(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo", lang="en")
    counts = db.table_counts(ui.connection())
    at.file_uploader(key="backup_upload").set_value(
        ("old.duckdb", b"not a database", "application/octet-stream")
    )
    at.run()
    at.checkbox(key="backup_confirm").check().run()
    at.button(key="backup_restore").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [
        "old.duckdb is not a database of this dashboard; nothing was changed."
    ]
    assert db.table_counts(ui.connection()) == counts
    assert backup.list_backups(demo_copy) == []


def test_a_backup_made_on_the_page_restores_by_upload_on_the_page(monkeypatch, demo_copy):
    # Regression: a downloaded backup (20.5-26.5 MB) was over the page's 20 MB upload limit.
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    uploader = at.file_uploader(key="backup_upload")
    assert uploader.proto.max_upload_size_mb == backup.UPLOAD_LIMIT_MB
    at.button(key="backup_now").click().run()
    (made,) = backup.list_backups(demo_copy)
    data = made.path.read_bytes()  # what the download button serves
    assert len(data) * 10 <= uploader.proto.max_upload_size_mb * 1024 * 1024

    con = ui.connection()
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.delete_record(con, EDITOR, "spend", "DH-2018-000001", version)
    at.file_uploader(key="backup_upload").set_value((made.name, data, "application/zip")).run()
    at.checkbox(key="backup_confirm").check().run()
    at.button(key="backup_restore").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.success[0].value.startswith(f"{made.name} is teruggezet.")
    assert edits.get_record(con, "spend", "DH-2018-000001")[0] == values
    names = [b.name for b in backup.list_backups(demo_copy)]
    assert len(names) == 3 and any(n.startswith("impact-upload-") for n in names)


def test_the_import_pages_uploader_keeps_its_own_limit(app):
    at = app("nl", page="app_pages/import_data.py", signed_in="editor.demo")
    assert at.file_uploader(key="import_page_file").proto.max_upload_size_mb == 20
