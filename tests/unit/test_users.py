"""User management: permission first, one transaction with an audit entry, no secrets in the audit."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from impactdash.store import db
from impactdash.write import auth, sessions, users
from impactdash.write.permissions import Actor, PermissionDenied
from impactdash.write.validation import EditError

ADMIN = Actor("admin.demo", frozenset({"admin"}), "Admin Demo")
EDITOR = Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
PASSWORD = "a-long-password-123"


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


def audit(con, action=None):
    return con.execute(
        "select actor, action, record_key, before_json, after_json, detail from audit_log"
        " where dataset = 'app_user' and ($a is null or action = $a) order by id",
        {"a": action},
    ).fetchall()


def listed(con, username):
    return db.run_query(con, "users_list", username=username).iloc[0]


def test_add_user_writes_the_account_and_an_audit_entry_without_the_password(con):
    users.add_user(con, ADMIN, "nieuw.lid", "Nieuw Lid", "lid@example.nl", PASSWORD, ["editor", "reviewer"])
    row = listed(con, "nieuw.lid")
    assert row["roles"] == "editor,reviewer" and row["email"] == "lid@example.nl"
    assert "password_hash" not in db.run_query(con, "users_list", username=None).columns
    entry = audit(con, "create_user")[-1]
    assert entry[0] == "admin.demo" and entry[2] == "nieuw.lid"
    assert PASSWORD not in json.dumps(entry) and "argon2" not in json.dumps(entry)
    assert auth.sign_in(con, "nieuw.lid", PASSWORD, "test").roles == {"editor", "reviewer"}


@pytest.mark.parametrize(
    ("username", "name", "email", "password", "roles", "key"),
    [
        ("Bad Name", "X", None, PASSWORD, ["editor"], "users_bad_username"),
        ("ok.name", "", None, PASSWORD, ["editor"], "users_no_name"),
        ("ok.name", "X", "not-an-address", PASSWORD, ["editor"], "users_bad_email"),
        ("ok.name", "X", None, "short", ["editor"], "users_short_password"),
        ("ok.name", "X", None, PASSWORD, [], "users_bad_roles"),
        ("editor.demo", "X", None, PASSWORD, ["editor"], "users_exists"),
    ],
)
def test_bad_new_user_is_refused_and_nothing_changes(con, username, name, email, password, roles, key):
    before = db.table_counts(con)
    with pytest.raises(EditError) as caught:
        users.add_user(con, ADMIN, username, name, email, password, roles)
    assert caught.value.message_key == key
    assert caught.value.message("nl") and caught.value.message("en")
    assert db.table_counts(con) == before


def test_only_user_managers_may_change_users(con):
    before = db.table_counts(con)
    with pytest.raises(PermissionDenied):
        users.add_user(con, EDITOR, "x.y", "X", None, PASSWORD, ["editor"])
    for call in (
        lambda: users.set_roles(con, EDITOR, "editor.demo", ["admin"]),
        lambda: users.set_disabled(con, EDITOR, "admin.demo", True),
        lambda: users.reset_password(con, EDITOR, "admin.demo", PASSWORD),
        lambda: users.unlock(con, EDITOR, "admin.demo"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert db.table_counts(con) == before


def test_change_roles_is_audited_with_before_and_after(con):
    users.set_roles(con, ADMIN, "editor.demo", ["editor", "reviewer"])
    assert listed(con, "editor.demo")["roles"] == "editor,reviewer"
    entry = audit(con, "update_user")[-1]
    assert json.loads(entry[3])["roles"] == ["editor"] and json.loads(entry[4])["roles"] == [
        "editor",
        "reviewer",
    ]


def test_disable_and_enable(con):
    users.set_disabled(con, ADMIN, "editor.demo", True)
    assert auth.load_actor(con, "editor.demo") is None
    users.set_disabled(con, ADMIN, "editor.demo", False)
    assert auth.load_actor(con, "editor.demo") is not None
    assert len(audit(con, "update_user")) == 2


def test_reset_password_and_unlock(con):
    con.execute(
        "update app_user set failed_attempts = 3, locked_until = $t where username = 'editor.demo'",
        {"t": dt.datetime(2099, 1, 1)},
    )
    users.unlock(con, ADMIN, "editor.demo")
    assert pd.isna(listed(con, "editor.demo")["locked_until"])
    users.reset_password(con, ADMIN, "editor.demo", PASSWORD)
    assert auth.sign_in(con, "editor.demo", PASSWORD, "test").username == "editor.demo"
    entry = audit(con, "reset_password")[-1]
    assert PASSWORD not in json.dumps(entry) and "argon2" not in json.dumps(entry)
    with pytest.raises(EditError, match="users_short_password"):
        users.reset_password(con, ADMIN, "editor.demo", "short")


def test_last_enabled_admin_cannot_be_disabled_or_lose_the_role(con):
    before = db.table_counts(con)
    with pytest.raises(EditError) as caught:
        users.set_disabled(con, ADMIN, "admin.demo", True)
    assert caught.value.message_key == "users_last_admin"
    with pytest.raises(EditError, match="users_last_admin"):
        users.set_roles(con, ADMIN, "admin.demo", ["reviewer"])
    assert db.table_counts(con) == before
    assert listed(con, "admin.demo")["roles"] == "admin"
    # With a second admin, the first may step down.
    users.set_roles(con, ADMIN, "reviewer.demo", ["admin", "reviewer"])
    users.set_roles(con, ADMIN, "admin.demo", ["reviewer"])
    assert listed(con, "admin.demo")["roles"] == "reviewer"


def test_unknown_user_is_refused(con):
    with pytest.raises(EditError, match="users_unknown"):
        users.unlock(con, ADMIN, "nobody")


def test_an_admin_lifts_an_address_lock_and_it_is_audited(con):
    for _ in range(auth.SOURCE_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "nobody", "whatever password", "203.0.113.7")
    assert [a for a, _ in auth.current_locks(con)["addresses"]] == ["203.0.113.7"]
    with pytest.raises(PermissionDenied):
        users.unlock_address(con, EDITOR, "203.0.113.7")
    users.unlock_address(con, ADMIN, "203.0.113.7")
    assert auth.current_locks(con)["addresses"] == []
    entry = con.execute(
        "select actor, action, record_key from audit_log where action = 'unlock_address'"
    ).fetchall()
    assert entry == [("admin.demo", "unlock_address", "203.0.113.7")]
    assert auth.sign_in(con, "editor.demo", "demo-editor-2026", "203.0.113.7").username == "editor.demo"
    with pytest.raises(EditError) as err:
        users.unlock_address(con, ADMIN, "203.0.113.7")
    assert err.value.message_key == "users_address_unknown"


def test_a_password_reset_or_disabling_ends_the_accounts_sessions(con):
    first, second = sessions.start(con, "editor.demo"), sessions.start(con, "editor.demo")
    other = sessions.start(con, "reviewer.demo")
    users.reset_password(con, ADMIN, "editor.demo", PASSWORD)
    assert sessions.resume(con, first).ended == "ended" and sessions.resume(con, second).ended == "ended"
    assert json.loads(audit(con, "reset_password")[-1][5]) == {"password": "reset", "sessions_ended": 2}
    assert sessions.resume(con, other).username == "reviewer.demo"
    users.set_disabled(con, ADMIN, "reviewer.demo", True)
    assert sessions.resume(con, other).ended == "ended"
