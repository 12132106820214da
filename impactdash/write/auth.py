"""Users, roles and password hashing (argon2id through argon2-cffi)."""

from __future__ import annotations

import datetime as dt

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from impactdash.write import audit
from impactdash.write.permissions import ROLES, Actor

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
        after = {"username": username, "roles": sorted(set(roles))}
        audit.record(cur, audit.Entry(actor, "create_user", "app_user", key=username, after=after))
        cur.execute("commit")
    except duckdb.ConstraintException as exc:
        cur.execute("rollback")
        if "username" in str(exc) and "Duplicate" in str(exc):
            raise UserError(f"User {username!r} already exists") from exc
        raise UserError(f"User {username!r} not created: {exc}") from exc
    except duckdb.Error:
        cur.execute("rollback")
        raise


# --- signing in -------------------------------------------------------------------

#: Consecutive failures after which an account is locked, and for how long.
ACCOUNT_MAX_FAILURES = 5
#: Failures from one known client address after which that address is locked, and for how long.
SOURCE_MAX_FAILURES = 20
LOCK_MINUTES = 15

# Verifying against a real hash for unknown users keeps the timing the same, so the
# response time does not tell whether an account exists.
_DUMMY_HASH = _hasher.hash("not a real password, only for constant timing")


class SignInError(Exception):
    """Signing in failed; ``reason`` is 'credentials', 'locked' or 'source_locked'."""

    def __init__(self, reason: str, until: dt.datetime | None = None):
        super().__init__(reason)
        self.reason = reason
        self.until = until


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def sign_in(
    con: duckdb.DuckDBPyConnection,
    username: str,
    password: str,
    source: str | None,
    now: dt.datetime | None = None,
) -> Actor:
    """Check a username and password; return the actor, or raise :class:`SignInError`.

    A disabled or unknown account fails exactly like a wrong password. After
    ``ACCOUNT_MAX_FAILURES`` consecutive failures an account is locked for
    ``LOCK_MINUTES``; after ``SOURCE_MAX_FAILURES`` failures from one client address
    (``source``), that address is. An unknown address (``None``: a visitor on the same
    machine without a trusted proxy in between) has no address bucket at all: one bucket
    for every unknown visitor would let anyone lock out every colleague (issue 12). An
    unknown username leaves no row behind, only the count of its address, so made-up
    names cannot grow the database. Every attempt is written to the audit log.
    """
    now = now or _now()
    source = source or None  # '' is as unknown as None
    cur = con.cursor()
    if source is not None:
        throttle = cur.execute(
            "select locked_until from sign_in_throttle where source = $s", {"s": source}
        ).fetchone()
        if throttle and throttle[0] and throttle[0] > now:
            raise SignInError("source_locked", throttle[0])
    row = cur.execute(
        "select password_hash, disabled, failed_attempts, locked_until, display_name"
        " from app_user where username = $u",
        {"u": username},
    ).fetchone()
    if row and row[3] and row[3] > now:
        raise SignInError("locked", row[3])
    ok = verify_password(row[0] if row else _DUMMY_HASH, password) and row is not None and not row[1]
    cur.execute("begin transaction")
    try:
        if ok:
            cur.execute(
                "update app_user set failed_attempts = 0, locked_until = null where username = $u",
                {"u": username},
            )
            if source is not None:
                cur.execute("delete from sign_in_throttle where source = $s", {"s": source})
        else:
            if row:
                failures = row[2] + 1
                locked = (
                    now + dt.timedelta(minutes=LOCK_MINUTES) if failures >= ACCOUNT_MAX_FAILURES else None
                )
                cur.execute(
                    "update app_user set failed_attempts = $f, locked_until = $l where username = $u",
                    {"f": 0 if locked else failures, "l": locked, "u": username},
                )
            if source is not None:
                _count_source_failure(cur, source, now)
        audit.record(
            cur,
            audit.Entry(
                username if ok else "anonymous",
                "sign_in" if ok else "sign_in_failed",
                "app_user",
                key=username,
                detail={"source": source or "unknown"},
                at=now,
            ),
        )
        cur.execute("commit")
    except duckdb.Error:
        cur.execute("rollback")
        raise
    if not ok:
        raise SignInError("credentials")
    return load_actor(con, username) or Actor()


def _count_source_failure(cur: duckdb.DuckDBPyConnection, source: str, now: dt.datetime) -> None:
    """Count one failure from a known address, locking it at the limit; forget what has lapsed.

    A row lives only while it matters (a lock not yet over, or a failure in the last
    ``LOCK_MINUTES``), so the table holds at most the addresses seen in one lock period.
    """
    window = now - dt.timedelta(minutes=LOCK_MINUTES)
    cur.execute(
        "delete from sign_in_throttle where (locked_until is null or locked_until <= $n)"
        " and (last_failure is null or last_failure < $w)",
        {"n": now, "w": window},
    )
    cur.execute(
        "insert into sign_in_throttle (source, failures, last_failure) values ($s, 1, $n)"
        " on conflict (source) do update"
        " set failures = sign_in_throttle.failures + 1, last_failure = $n",
        {"s": source, "n": now},
    )
    cur.execute(
        "update sign_in_throttle set failures = 0, locked_until = $l where source = $s and failures >= $m",
        {"s": source, "l": now + dt.timedelta(minutes=LOCK_MINUTES), "m": SOURCE_MAX_FAILURES},
    )


def current_locks(con: duckdb.DuckDBPyConnection, now: dt.datetime | None = None) -> dict[str, list]:
    """Return the locks in force: ``{"accounts": [(username, until)], "addresses": [(address, until)]}``."""
    now = now or _now()
    cur = con.cursor()
    accounts = cur.execute(
        "select username, locked_until from app_user where locked_until > $n order by username", {"n": now}
    ).fetchall()
    addresses = cur.execute(
        "select source, locked_until from sign_in_throttle where locked_until > $n order by source",
        {"n": now},
    ).fetchall()
    return {"accounts": accounts, "addresses": addresses}


def load_actor(con: duckdb.DuckDBPyConnection, username: str) -> Actor | None:
    """Return the actor for an enabled account with its current roles, or None."""
    cur = con.cursor()
    row = cur.execute(
        "select display_name from app_user where username = $u and not disabled", {"u": username}
    ).fetchone()
    if not row:
        return None
    rows = cur.execute("select role from user_role where username = $u", {"u": username}).fetchall()
    roles = frozenset(r for (r,) in rows)
    return Actor(username, roles, row[0])


def actor_for_email(con: duckdb.DuckDBPyConnection, email: str | None) -> Actor:
    """Map a single-sign-on e-mail to the local account's roles; unknown gives no staff role."""
    if not email:
        return Actor()
    row = (
        con.cursor()
        .execute(
            "select username from app_user where lower(email) = lower($e) and not disabled", {"e": email}
        )
        .fetchone()
    )
    return (load_actor(con, row[0]) if row else None) or Actor()
