"""Publishing: four eyes, snapshots that hold only public rows, atomic swap, withdrawal, recovery."""

from __future__ import annotations

import json
import os

import pytest

from impactdash import config
from impactdash.publish import changes, pointer, workflow
from impactdash.store import db
from impactdash.write import edits, permissions
from tests.publishing import EDITOR, REVIEWER

ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}))
BOTH = permissions.Actor("erik", frozenset({"editor", "reviewer"}))


@pytest.fixture
def work(demo_copy):
    """A writable demo copy (its first publication current) and its publications folder."""
    con = db.connect(demo_copy)
    yield con, config.publications_dir(demo_copy)
    con.close()


def change_spend(con, amount: float = 123_456_789.0) -> None:
    """Make a draft change that shows in the figures: one spend line's amount."""
    values, version = edits.get_record(con, "spend", "DH-2026-000001")
    edits.save_record(con, EDITOR, "spend", edits.as_text("spend", values) | {"amount": str(amount)}, version)


def spend_total(path) -> float:
    snap = db.connect(path, read_only=True)
    try:
        return snap.execute("select sum(amount) from spend").fetchone()[0]
    finally:
        snap.close()


def statuses(con) -> dict[int, str]:
    return dict(con.execute("select id, status from publication").fetchall())


def test_the_demo_ships_with_an_approved_current_publication(work):
    con, folder = work
    current = pointer.current(folder)
    assert current is not None and current.label == "Q3 2026"
    row = con.execute(
        "select requested_by, decided_by, status from publication where id = $i", {"i": current.id}
    )
    assert row.fetchone() == ("editor.demo", "reviewer.demo", "approved")
    assert (folder / pointer.open_data_name(current.id) / "datapackage.json").exists()


def test_a_snapshot_holds_only_what_the_public_may_see(work):
    con, folder = work
    snap = db.connect(pointer.current(folder).path, read_only=True)
    try:
        for table in ("app_user", "user_role", "audit_log", "publication", "sign_in_throttle"):
            assert snap.execute(f"select count(*) from {table}").fetchone()[0] == 0, table  # noqa: S608
        assert con.execute("select count(*) from note where visibility = 'internal'").fetchone()[0] > 0
        assert snap.execute("select count(*) from note where visibility <> 'public'").fetchone()[0] == 0
        assert snap.execute("select count(*) from note where author <> ''").fetchone()[0] == 0
        public_notes = con.execute("select count(*) from note where visibility = 'public'").fetchone()[0]
        assert snap.execute("select count(*) from note").fetchone()[0] == public_notes
        for table in ("spend", "budget", "property", "occupancy", "organisation", "connection", "ambition"):
            count = f"select count(*) from {table}"
            assert snap.execute(count).fetchone() == con.execute(count).fetchone(), table
        assert snap.execute("select count(*) from metric_value").fetchone()[0] > 0
    finally:
        snap.close()


def test_a_snapshot_is_read_only(work):
    _, folder = work
    path = pointer.current(folder).path
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # root ignores file modes
    assert oct(path.stat().st_mode & 0o777) == oct(0o444)
    snap = db.connect(path, read_only=True)
    with pytest.raises(Exception, match="read-only"):
        snap.execute("delete from spend")
    snap.close()


def test_request_then_approve_by_another_makes_the_new_figures_public(work):
    con, folder = work
    before = pointer.current(folder)
    change_spend(con)
    publication_id = workflow.request(con, EDITOR, "Q4 2026", "Nieuwe uitgaven", folder)
    assert pointer.current(folder) == before, "a request alone publishes nothing"
    assert statuses(con)[publication_id] == "requested"
    current = workflow.approve(con, REVIEWER, publication_id, folder, "Akkoord")
    assert pointer.current(folder) == current and current.label == "Q4 2026"
    assert spend_total(current.path) != spend_total(before.path)
    actions = [
        a for (a,) in con.execute("select action from audit_log where dataset = 'publication'").fetchall()
    ]
    assert actions.count("publication_request") == 2 and actions.count("publication_approve") == 2


def test_what_is_approved_is_what_was_requested(work):
    con, folder = work
    publication_id = workflow.request(con, EDITOR, "Q4 2026", None, folder)
    requested_total = spend_total(folder / pointer.snapshot_name(publication_id))
    change_spend(con)  # edited after the request: not part of it
    current = workflow.approve(con, REVIEWER, publication_id, folder)
    assert spend_total(current.path) == requested_total


def test_the_requester_cannot_approve_or_reject_their_own_request(work):
    con, folder = work
    before = pointer.current(folder)
    publication_id = workflow.request(con, BOTH, "Eigen", None, folder)
    for decide in (workflow.approve, workflow.reject):
        with pytest.raises(workflow.PublishError) as refused:
            decide(con, BOTH, publication_id, folder)
        assert refused.value.message_key == "publish_own_request"
        assert "vier ogen" in refused.value.message("nl")
    assert statuses(con)[publication_id] == "requested"
    assert pointer.current(folder) == before


@pytest.mark.parametrize(
    ("actor", "step"),
    [
        (REVIEWER, "request"),
        (EDITOR, "approve"),
        (EDITOR, "reject"),
        (EDITOR, "withdraw"),
        (REVIEWER, "withdraw"),
        (permissions.ANONYMOUS, "request"),
    ],
)
def test_each_step_needs_its_permission(work, actor, step):
    con, folder = work
    publication_id = workflow.request(con, EDITOR, "Q4", None, folder)
    current = pointer.current(folder)
    calls = {
        "request": lambda: workflow.request(con, actor, "X", None, folder),
        "approve": lambda: workflow.approve(con, actor, publication_id, folder),
        "reject": lambda: workflow.reject(con, actor, publication_id, folder),
        "withdraw": lambda: workflow.withdraw(con, actor, current.id, folder),
    }
    with pytest.raises(permissions.PermissionDenied):
        calls[step]()
    assert statuses(con)[publication_id] == "requested" and pointer.current(folder) == current


@pytest.mark.parametrize(("label", "key"), [("", "publish_label_missing"), ("   ", "publish_label_missing")])
def test_a_request_needs_a_label(work, label, key):
    con, folder = work
    count = len(statuses(con))
    with pytest.raises(workflow.PublishError) as refused:
        workflow.request(con, EDITOR, label, None, folder)
    assert refused.value.message_key == key
    assert len(statuses(con)) == count
    assert sorted(p.name for p in folder.glob("pub-*.duckdb")) == ["pub-0001.duckdb"]


def test_too_long_texts_are_refused(work):
    con, folder = work
    with pytest.raises(workflow.PublishError) as refused:
        workflow.request(con, EDITOR, "x" * (workflow.LABEL_MAX + 1), None, folder)
    assert refused.value.message_key == "publish_too_long"


def test_an_interrupted_publication_leaves_the_previous_one_serving_intact(work, monkeypatch):
    con, folder = work
    previous = pointer.current(folder)
    checksum = pointer.checksum(previous.path)
    change_spend(con)
    publication_id = workflow.request(con, EDITOR, "Q4 2026", None, folder)

    def fail(*_args):
        raise OSError("disk full")

    # The failure falls between writing the snapshot and swapping it in.
    monkeypatch.setattr(workflow, "_swap_pointer", fail)
    with pytest.raises(OSError, match="disk full"):
        workflow.approve(con, REVIEWER, publication_id, folder)
    assert pointer.current(folder) == previous
    assert pointer.checksum(previous.path) == checksum
    assert statuses(con)[publication_id] == "requested", "the decision was rolled back"
    assert (
        not con.execute("select count(*) from audit_log where action = 'publication_approve'").fetchone()[0]
        > 1
    )
    monkeypatch.undo()
    assert workflow.approve(con, REVIEWER, publication_id, folder).id == publication_id


def test_a_failing_request_leaves_no_files_and_no_row(work, monkeypatch):
    con, folder = work
    count = len(statuses(con))

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(workflow, "_write_open_data", fail)
    with pytest.raises(OSError):
        workflow.request(con, EDITOR, "Q4", None, folder)
    assert len(statuses(con)) == count
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["current.json", pointer.HISTORY, "pub-0001.duckdb", pointer.open_data_name(1)]
    )


def test_a_changed_snapshot_is_not_approved(work):
    con, folder = work
    publication_id = workflow.request(con, EDITOR, "Q4", None, folder)
    path = folder / pointer.snapshot_name(publication_id)
    path.chmod(0o644)
    with open(path, "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(workflow.PublishError) as refused:
        workflow.approve(con, REVIEWER, publication_id, folder)
    assert refused.value.message_key == "publish_snapshot_damaged"
    assert pointer.current(folder).id == 1


def test_reject_removes_the_snapshot_and_ends_the_request(work):
    con, folder = work
    publication_id = workflow.request(con, EDITOR, "Q4", None, folder)
    workflow.reject(con, REVIEWER, publication_id, folder, "Nog niet compleet")
    assert statuses(con)[publication_id] == "rejected"
    assert not (folder / pointer.snapshot_name(publication_id)).exists()
    assert not (folder / pointer.open_data_name(publication_id)).exists()
    with pytest.raises(workflow.PublishError) as refused:
        workflow.approve(con, ADMIN, publication_id, folder)
    assert refused.value.message_key == "publish_not_pending"


def test_withdraw_makes_the_previous_publication_current_again(work):
    con, folder = work
    first = pointer.current(folder)
    second = workflow.approve(con, REVIEWER, workflow.request(con, EDITOR, "Q4", None, folder), folder)
    assert pointer.current(folder) == second
    assert workflow.withdraw(con, ADMIN, second.id, folder) == first
    assert statuses(con)[second.id] == "withdrawn"
    withdrawn = con.execute("select withdrawn_by from publication where id = $i", {"i": second.id}).fetchone()
    assert withdrawn == ("admin.demo",)
    assert (
        con.execute("select count(*) from audit_log where action = 'publication_withdraw'").fetchone()[0] == 1
    )
    # Withdrawing the last one leaves nothing public.
    assert workflow.withdraw(con, ADMIN, first.id, folder) is None
    assert pointer.current(folder) is None
    with pytest.raises(workflow.PublishError):
        workflow.withdraw(con, ADMIN, first.id, folder)


def test_reconcile_repairs_a_pointer_that_disagrees_with_the_database(work):
    con, folder = work
    current = pointer.current(folder)
    (folder / pointer.POINTER).write_text(
        json.dumps({"id": 9, "label": "x", "file": "gone", "approved_at": "2026"})
    )
    assert pointer.current(folder) is None
    assert pointer.reconcile(con, folder) == current
    (folder / pointer.POINTER).unlink()
    assert pointer.reconcile(con, folder) == current


def test_draft_changes_are_listed_and_never_in_the_publication(work):
    con, folder = work
    current = pointer.current(folder)
    snap = db.connect(current.path, read_only=True)
    assert changes.compare(snap, con).empty, "the demo's drafts equal its publication"
    change_spend(con)
    differ = changes.compare(snap, con)
    assert not differ.empty and set(differ["change"]) == {"changed"}
    assert set(differ["municipality_code"]) == {"GM0518"}
    assert "programme_spend" in set(differ["metric_code"])
    assert spend_total(current.path) != con.execute("select sum(amount) from spend").fetchone()[0]
    snap.close()


def test_public_only_mode_is_read_from_the_environment(monkeypatch):
    monkeypatch.delenv(config.PUBLIC_ONLY_ENV, raising=False)
    assert not config.public_only()
    for value, expected in (("1", True), ("true", True), ("0", False), ("", False)):
        monkeypatch.setenv(config.PUBLIC_ONLY_ENV, value)
        assert config.public_only() is expected


def test_publications_live_beside_their_database(tmp_path, monkeypatch):
    monkeypatch.delenv(config.PUBLICATIONS_ENV, raising=False)
    assert config.publications_dir(tmp_path / "stad.duckdb") == tmp_path / "stad-publications"
    monkeypatch.setenv(config.PUBLICATIONS_ENV, str(tmp_path / "elders"))
    assert config.publications_dir(tmp_path / "stad.duckdb") == tmp_path / "elders"
