"""Managing users from the staff pages: add, change roles, disable/enable, reset a password, lift locks.

No Streamlit here. Every function checks ``manage_users`` first, then writes the change,
its audit entry and the data version in one transaction. The audit entry holds the
account's public fields only: never a password or its hash. Refusals raise
:class:`~impactdash.write.validation.EditError` (``message(lang)`` says why).
"""

from __future__ import annotations

import re

import duckdb

from impactdash.write import audit, auth, permissions, sessions
from impactdash.write.permissions import ROLES, Actor
from impactdash.write.validation import EditError

USERNAME = re.compile(r"[a-z0-9._-]{2,40}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _public(cur, username: str) -> dict | None:
    row = cur.execute(
        "select username, display_name, email, disabled, locked_until from app_user where username = $u",
        {"u": username},
    ).fetchall()
    if not row:
        return None
    name, display, email, disabled, locked = row[0]
    roles = [
        r
        for (r,) in cur.execute(
            "select role from user_role where username = $u order by role", {"u": name}
        ).fetchall()
    ]
    return {
        "username": name,
        "display_name": display,
        "email": email,
        "roles": roles,
        "disabled": bool(disabled),
        "locked_until": locked.isoformat(sep=" ") if locked else None,
    }


def _check_roles(roles) -> list[str]:
    roles = sorted(set(roles))
    if not roles or any(r not in ROLES for r in roles):
        raise EditError("users_bad_roles")
    return roles


def _change(con: duckdb.DuckDBPyConnection, actor: Actor, username: str, action: str, work) -> dict:
    """Run ``work(cur, before)`` in one transaction with the audit entry; return the account after."""
    permissions.require(actor, "manage_users")
    cur = con.cursor()
    cur.execute("begin transaction")
    try:
        before = _public(cur, username)
        if before is None:
            raise EditError("users_unknown", username=username)
        detail = work(cur, before)
        after = _public(cur, username)
        audit.record(
            cur,
            audit.Entry(
                actor.username,
                action,
                "app_user",
                key=username,
                before=before,
                after=after,
                detail=detail or None,
            ),
        )
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise
    return after


def _keeps_an_admin(cur, username: str) -> None:
    """Refuse a change that would leave no enabled admin (``username`` loses admin or is disabled)."""
    others = cur.execute(
        "select count(*) from app_user u join user_role r on r.username = u.username"
        " where r.role = 'admin' and not u.disabled and u.username <> $u",
        {"u": username},
    ).fetchone()[0]
    if others == 0:
        raise EditError("users_last_admin", username=username)


def add_user(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    username: str,
    display_name: str,
    email: str | None,
    password: str,
    roles,
) -> None:
    """Add an account; the username must be new, the password at least 12 characters."""
    permissions.require(actor, "manage_users")
    username = (username or "").strip()
    display_name = (display_name or "").strip()
    email = (email or "").strip() or None
    if not USERNAME.fullmatch(username):
        raise EditError("users_bad_username")
    if not display_name:
        raise EditError("users_no_name")
    if email and not EMAIL.fullmatch(email):
        raise EditError("users_bad_email")
    if len(password or "") < auth.MIN_PASSWORD_LENGTH:
        raise EditError("users_short_password", length=auth.MIN_PASSWORD_LENGTH)
    roles = _check_roles(roles)
    cur = con.cursor()
    if cur.execute("select count(*) from app_user where username = $u", {"u": username}).fetchone()[0]:
        raise EditError("users_exists", username=username)
    if (
        email
        and cur.execute(
            "select count(*) from app_user where lower(email) = lower($e)", {"e": email}
        ).fetchone()[0]
    ):
        raise EditError("users_email_taken", email=email)
    auth.create_user(con, username, password, roles, display_name, email, actor=actor.username)


def set_roles(con: duckdb.DuckDBPyConnection, actor: Actor, username: str, roles) -> dict:
    """Replace an account's roles (one or more); the last enabled admin keeps the admin role."""
    permissions.require(actor, "manage_users")
    roles = _check_roles(roles)

    def work(cur, before):
        if "admin" in before["roles"] and "admin" not in roles and not before["disabled"]:
            _keeps_an_admin(cur, username)
        cur.execute("delete from user_role where username = $u", {"u": username})
        for role in roles:
            cur.execute("insert into user_role values ($u, $r)", {"u": username, "r": role})
        return None

    return _change(con, actor, username, "update_user", work)


def set_disabled(con: duckdb.DuckDBPyConnection, actor: Actor, username: str, disabled: bool) -> dict:
    """Disable or enable an account; the last enabled admin cannot be disabled."""

    def work(cur, before):
        if disabled and "admin" in before["roles"] and not before["disabled"]:
            _keeps_an_admin(cur, username)
        cur.execute(
            "update app_user set disabled = $d where username = $u", {"d": bool(disabled), "u": username}
        )
        if disabled:
            sessions.end_all(cur, username)  # signed out everywhere, not only on the next click
        return None

    return _change(con, actor, username, "update_user", work)


def reset_password(con: duckdb.DuckDBPyConnection, actor: Actor, username: str, password: str) -> dict:
    """Give an account a new password (at least 12 characters); it is also unlocked."""
    permissions.require(actor, "manage_users")
    if len(password or "") < auth.MIN_PASSWORD_LENGTH:
        raise EditError("users_short_password", length=auth.MIN_PASSWORD_LENGTH)
    password_hash = auth.hash_password(password)

    def work(cur, before):
        cur.execute(
            "update app_user set password_hash = $h, failed_attempts = 0, locked_until = null"
            " where username = $u",
            {"h": password_hash, "u": username},
        )
        # Whoever knew the old password is signed out with it.
        return {"password": "reset", "sessions_ended": sessions.end_all(cur, username)}

    return _change(con, actor, username, "reset_password", work)


def unlock(con: duckdb.DuckDBPyConnection, actor: Actor, username: str) -> dict:
    """End an account's lock after failed sign-ins."""

    def work(cur, before):
        cur.execute(
            "update app_user set failed_attempts = 0, locked_until = null where username = $u",
            {"u": username},
        )
        return None

    return _change(con, actor, username, "update_user", work)


def unlock_address(con: duckdb.DuckDBPyConnection, actor: Actor, address: str) -> None:
    """End the lock of a client address after failed sign-ins (audited)."""
    permissions.require(actor, "manage_users")
    cur = con.cursor()
    cur.execute("begin transaction")
    try:
        row = cur.execute(
            "select failures, last_failure, locked_until from sign_in_throttle where source = $s",
            {"s": address},
        ).fetchone()
        if row is None:
            raise EditError("users_address_unknown", address=address)
        cur.execute("delete from sign_in_throttle where source = $s", {"s": address})
        before = {"address": address, "locked_until": audit.jsonable(row[2])}
        audit.record(
            cur, audit.Entry(actor.username, "unlock_address", "sign_in_throttle", key=address, before=before)
        )
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise
