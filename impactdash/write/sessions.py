"""Staff sessions kept on the server: start, resume on every run, end (one tab or every tab).

No Streamlit here. A session is a random token (``secrets.token_urlsafe``, 256 bits). The
browser holds it in an HttpOnly cookie, signed with ``itsdangerous`` (:func:`sign`,
:func:`unsign`); the ``staff_session`` table holds only its SHA-256, so a copy of the
database (a backup) gives no one a live session. :func:`resume` runs on every run of the
app: a session that was signed out, idle too long or past its absolute end gives no one.
Who the person is, their roles and whether their account is enabled are not kept here:
the caller reads them from ``app_user`` on every run (``auth.load_actor``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import duckdb
from itsdangerous import BadSignature, URLSafeTimedSerializer

from impactdash import config

#: last_seen is written at most this often, so a click costs no write most of the time.
TOUCH_SECONDS = 60
#: Ended sessions are kept this long (for an administrator's questions), then removed.
KEEP_ENDED = dt.timedelta(days=7)
_SALT = "impactdash-staff-session"


@dataclass(frozen=True)
class Resumed:
    """What :func:`resume` found: the username of a live session, or why there is none.

    ``ended`` is None for a live session, else 'signed_out', 'idle', 'expired', 'ended'
    (by an administrator) or 'unknown' (no such session, or a token not ours).
    """

    username: str | None
    ended: str | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(con: duckdb.DuckDBPyConnection, username: str, now: dt.datetime | None = None) -> str:
    """Start a session for ``username`` (already signed in); return its token, to keep and to sign."""
    now = now or _now()
    token = secrets.token_urlsafe(32)
    cur = con.cursor()
    cur.execute("begin transaction")
    try:
        # Forget sessions ended (or past their end) long ago: the table stays small.
        cur.execute(
            "delete from staff_session where coalesce(ended_at, expires_at) < $old", {"old": now - KEEP_ENDED}
        )
        cur.execute(
            "insert into staff_session (id, username, created_at, last_seen, expires_at)"
            " values ($id, $u, $n, $n, $e)",
            {
                "id": _id(token),
                "u": username,
                "n": now,
                "e": now + dt.timedelta(hours=config.session_max_hours()),
            },
        )
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise
    return token


def resume(con: duckdb.DuckDBPyConnection, token: str | None, now: dt.datetime | None = None) -> Resumed:
    """Return whose live session ``token`` is, noting the activity; or why it has ended.

    An idle or expired session is ended here, so it stays ended even if the clock or the
    settings change later.
    """
    if not token:
        return Resumed(None, "unknown")
    now = now or _now()
    cur = con.cursor()
    row = cur.execute(
        "select username, last_seen, expires_at, ended_at, end_reason from staff_session where id = $id",
        {"id": _id(token)},
    ).fetchone()
    if row is None:
        return Resumed(None, "unknown")
    username, last_seen, expires_at, ended_at, reason = row
    if ended_at is not None:
        return Resumed(None, reason or "ended")
    idle = dt.timedelta(minutes=config.session_idle_minutes())
    ended = "expired" if now >= expires_at else "idle" if now - last_seen > idle else None
    if ended:
        _end(cur, "id", _id(token), now, ended)
        return Resumed(None, ended)
    if (now - last_seen).total_seconds() >= TOUCH_SECONDS:
        try:
            cur.execute(
                "update staff_session set last_seen = $n where id = $id and last_seen < $n",
                {"id": _id(token), "n": now},
            )
        except duckdb.TransactionException:
            pass  # another tab of the same session noted the same activity at the same moment
    return Resumed(username)


def end(con: duckdb.DuckDBPyConnection, token: str | None, reason: str = "signed_out") -> None:
    """End one session (signing out): every tab that holds it is signed out on its next run."""
    if token:
        _end(con.cursor(), "id", _id(token), _now(), reason)


def end_all(cur: duckdb.DuckDBPyConnection, username: str, reason: str = "ended") -> int:
    """End every live session of ``username`` (a password reset, a disabled account); return how many.

    Runs on ``cur`` as given, so it joins the caller's transaction.
    """
    live = cur.execute(
        "select count(*) from staff_session where username = $u and ended_at is null", {"u": username}
    ).fetchone()[0]
    _end(cur, "username", username, _now(), reason)
    return live


_END = {
    "id": "update staff_session set ended_at = $n, end_reason = $r where id = $k and ended_at is null",
    "username": "update staff_session set ended_at = $n, end_reason = $r"
    " where username = $k and ended_at is null",
}


def _end(cur: duckdb.DuckDBPyConnection, by: str, key: str, now: dt.datetime, reason: str) -> None:
    cur.execute(_END[by], {"k": key, "n": now, "r": reason})


# --- the signed cookie value ---------------------------------------------------------


def signing_key(db_path: Path | str | None = None) -> str:
    """Return the key that signs session cookies: the setting, or a random key kept beside the database.

    The generated key is written once, readable by its owner only, so sessions survive a
    restart; deleting the file (or changing the setting) signs everyone out.
    """
    configured = config.session_secret_env()
    if configured:
        return configured
    path = config.session_key_path(db_path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process wrote it first: read theirs
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


def _serializer(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt=_SALT)


def sign(token: str, key: str) -> str:
    """Return the cookie value for ``token``: the token with a timestamp and a signature."""
    return _serializer(key).dumps(token)


def unsign(value: str | None, key: str) -> str | None:
    """Return the token in a cookie value, or None if it is not ours or older than the session's limit."""
    if not value:
        return None
    try:
        token = _serializer(key).loads(value, max_age=config.session_max_hours() * 3600)
    except BadSignature:  # SignatureExpired is one too
        return None
    return token if isinstance(token, str) else None
