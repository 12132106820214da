"""Users, roles and password hashing (argon2id through argon2-cffi)."""

from __future__ import annotations

import json

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("editor", "reviewer", "admin")
MIN_PASSWORD_LENGTH = 12

# argon2-cffi's defaults are argon2id with the RFC 9106 low-memory profile.
_hasher = PasswordHasher()


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Return whether ``password`` matches ``password_hash`` (False for no hash)."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(
    con: duckdb.DuckDBPyConnection,
    username: str,
    password: str,
    roles: list[str],
    display_name: str | None = None,
    email: str | None = None,
    actor: str = "cli",
) -> None:
    """Create a user with roles; the user, roles and audit entry are one transaction."""
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise UserError(f"Roles must be one or more of {', '.join(ROLES)}; got {', '.join(roles) or 'none'}")
    password_hash = hash_password(password)
    cur = con.cursor()
    cur.execute("begin transaction")
    try:
        cur.execute(
            "insert into app_user (username, display_name, email, password_hash) values ($u, $d, $e, $h)",
            {"u": username, "d": display_name or username, "e": email, "h": password_hash},
        )
        for role in sorted(set(roles)):
            cur.execute("insert into user_role values ($u, $r)", {"u": username, "r": role})
        cur.execute(
            "insert into audit_log (actor, action, dataset, record_key, after_json)"
            " values ($a, 'create_user', 'app_user', $u, $j)",
            {"a": actor, "u": username, "j": json.dumps({"username": username, "roles": sorted(set(roles))})},
        )
        cur.execute("update data_version set version = version + 1")
        cur.execute("commit")
    except duckdb.ConstraintException as exc:
        cur.execute("rollback")
        if "username" in str(exc) and "Duplicate" in str(exc):
            raise UserError(f"User {username!r} already exists") from exc
        raise UserError(f"User {username!r} not created: {exc}") from exc
    except duckdb.Error:
        cur.execute("rollback")
        raise
