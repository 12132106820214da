"""Staff sessions (issue 12): kept on the server, ended by sign-out, idleness or age; the signed cookie; the route.

Also the settings they read (idle time, age, signing key, trusted proxies).
"""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from itsdangerous import TimestampSigner
from starlette.requests import Request

from impactdash import config, session_cookie
from impactdash.write import auth, sessions
from tests.conftest import run_async

T0 = dt.datetime(2026, 12, 2, 9, 0)
KEY = "a signing key for the tests only"


@pytest.fixture
def con(empty_con, monkeypatch):
    for name in (config.SESSION_IDLE_ENV, config.SESSION_MAX_ENV, config.SESSION_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    auth.create_user(empty_con, "erik", "a long enough password", ["editor"], "Erik Editor", None)
    return empty_con


def test_a_session_resumes_and_the_token_itself_is_not_stored(con):
    token = sessions.start(con, "erik", now=T0)
    assert len(token) >= 43  # 32 random bytes
    assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=5)) == sessions.Resumed("erik")
    stored = con.execute("select * from staff_session").fetchall()
    assert len(stored) == 1 and token not in str(stored)


@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 43])
def test_no_or_a_strange_token_gives_no_one(con, token):
    sessions.start(con, "erik", now=T0)
    assert sessions.resume(con, token, now=T0) == sessions.Resumed(None, "unknown")


def test_signing_out_ends_the_session_for_every_holder(con):
    token = sessions.start(con, "erik", now=T0)
    other = sessions.start(con, "erik", now=T0)  # the same person in another browser
    sessions.end(con, token)
    assert sessions.resume(con, token, now=T0) == sessions.Resumed(None, "signed_out")
    assert sessions.resume(con, other, now=T0).username == "erik"
    sessions.end(con, None)  # nothing to end: no error


def test_an_idle_session_ends_and_stays_ended(con, monkeypatch):
    monkeypatch.setenv(config.SESSION_IDLE_ENV, "30")
    token = sessions.start(con, "erik", now=T0)
    assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=29)).username == "erik"
    # Activity moved last_seen on: 29 minutes after that it is still alive.
    assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=58)).username == "erik"
    assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=89)) == sessions.Resumed(None, "idle")
    assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=90)) == sessions.Resumed(None, "idle")


def test_last_seen_is_written_at_most_once_a_minute(con):
    token = sessions.start(con, "erik", now=T0)
    sessions.resume(con, token, now=T0 + dt.timedelta(seconds=30))
    assert con.execute("select last_seen from staff_session").fetchone()[0] == T0
    sessions.resume(con, token, now=T0 + dt.timedelta(seconds=61))
    assert con.execute("select last_seen from staff_session").fetchone()[0] == T0 + dt.timedelta(seconds=61)


def test_an_active_session_ends_at_its_maximum_age(con, monkeypatch):
    monkeypatch.setenv(config.SESSION_MAX_ENV, "2")
    token = sessions.start(con, "erik", now=T0)
    for minutes in range(10, 120, 10):
        assert sessions.resume(con, token, now=T0 + dt.timedelta(minutes=minutes)).username == "erik"
    assert sessions.resume(con, token, now=T0 + dt.timedelta(hours=2)) == sessions.Resumed(None, "expired")


def test_end_all_ends_every_live_session_of_one_person(con):
    tokens = [sessions.start(con, "erik", now=T0) for _ in range(3)]
    sessions.end(con, tokens[0])
    assert sessions.end_all(con, "erik") == 2
    assert all(sessions.resume(con, t, now=T0).username is None for t in tokens)


def test_long_ended_sessions_are_removed_when_a_new_one_starts(con):
    old = sessions.start(con, "erik", now=T0)
    sessions.end(con, old)
    con.execute(
        "update staff_session set ended_at = $t", {"t": T0 - sessions.KEEP_ENDED - dt.timedelta(days=1)}
    )
    sessions.start(con, "erik", now=T0)
    assert con.execute("select count(*) from staff_session").fetchone()[0] == 1


# --- the signed cookie value ---------------------------------------------------------


def test_the_cookie_value_is_signed_and_checked(monkeypatch):
    monkeypatch.delenv(config.SESSION_MAX_ENV, raising=False)
    value = sessions.sign("the-token", KEY)
    assert value != "the-token" and sessions.unsign(value, KEY) == "the-token"
    assert sessions.unsign(value, "another key") is None
    assert sessions.unsign(value[:-2] + ("AA" if not value.endswith("AA") else "BB"), KEY) is None
    assert sessions.unsign("the-token", KEY) is None
    assert sessions.unsign(None, KEY) is None and sessions.unsign("", KEY) is None


def test_a_cookie_older_than_the_session_limit_is_refused(monkeypatch):
    monkeypatch.setenv(config.SESSION_MAX_ENV, "1")
    value = sessions.sign("the-token", KEY)
    now = TimestampSigner.get_timestamp(TimestampSigner(KEY))
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now + 3601)
    assert sessions.unsign(value, KEY) is None


def test_the_generated_signing_key_is_kept_private_and_stable(tmp_path, monkeypatch):
    monkeypatch.delenv(config.SESSION_SECRET_ENV, raising=False)
    db_path = tmp_path / "impact.duckdb"
    key = sessions.signing_key(db_path)
    path = config.session_key_path(db_path)
    assert path.name == "impact-session.key" and len(key) >= 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sessions.signing_key(db_path) == key
    monkeypatch.setenv(config.SESSION_SECRET_ENV, "set by the administrator")
    assert sessions.signing_key(db_path) == "set by the administrator"


# --- settings ------------------------------------------------------------------------


def test_session_settings_have_defaults_and_refuse_nonsense(monkeypatch):
    monkeypatch.delenv(config.SESSION_IDLE_ENV, raising=False)
    monkeypatch.delenv(config.SESSION_MAX_ENV, raising=False)
    assert config.session_idle_minutes() == 30 and config.session_max_hours() == 12
    monkeypatch.setenv(config.SESSION_IDLE_ENV, "5")
    assert config.session_idle_minutes() == 5
    for bad in ("0", "-3", "half an hour"):
        monkeypatch.setenv(config.SESSION_IDLE_ENV, bad)
        with pytest.raises(ValueError, match=config.SESSION_IDLE_ENV):
            config.session_idle_minutes()


def test_trusted_proxies_are_none_by_default_and_must_be_addresses(monkeypatch):
    monkeypatch.delenv(config.TRUSTED_PROXIES_ENV, raising=False)
    assert config.trusted_proxies() == []
    monkeypatch.setenv(config.TRUSTED_PROXIES_ENV, " 127.0.0.1, 10.0.0.0/24 ,::1,")
    assert config.trusted_proxies() == ["127.0.0.1", "10.0.0.0/24", "::1"]
    for bad in ("*", "proxy.example.org", "10.0.0.0/99"):
        monkeypatch.setenv(config.TRUSTED_PROXIES_ENV, bad)
        with pytest.raises(ValueError, match=config.TRUSTED_PROXIES_ENV):
            config.trusted_proxies()


# --- the route that sets the cookie --------------------------------------------------


def _post(body: str, origin: str | None = "http://127.0.0.1:8615", scheme: str = "http"):
    headers = [(b"host", b"127.0.0.1:8615")] + ([(b"origin", origin.encode())] if origin else [])
    scope = {
        "type": "http",
        "method": "POST",
        "scheme": scheme,
        "path": session_cookie.ROUTE,
        "raw_path": session_cookie.ROUTE.encode(),
        "query_string": b"",
        "headers": headers,
        "server": ("127.0.0.1", 8615),
    }

    async def receive():
        return {"type": "http.request", "body": body.encode(), "more_body": False}

    return run_async(session_cookie._session(Request(scope, receive)))


def test_a_grant_sets_the_cookie_httponly_strict_once():
    ticket = session_cookie.grant("signed-value", 3600)
    assert session_cookie.pending(ticket)
    response = _post(ticket)
    assert response.status_code == 204
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{session_cookie.COOKIE}=signed-value;")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "Max-Age=3600" in cookie and "Secure" not in cookie
    assert not session_cookie.pending(ticket)
    assert _post(ticket).status_code == 403  # single use


def test_over_https_the_cookie_is_secure():
    response = _post(
        session_cookie.grant("signed-value", 60), origin="https://127.0.0.1:8615", scheme="https"
    )
    assert "Secure" in response.headers["set-cookie"]


def test_a_clearing_grant_expires_the_cookie():
    response = _post(session_cookie.grant(None, 3600))
    assert response.status_code == 204
    assert 'impactdash_session=""' in response.headers["set-cookie"]
    assert "Max-Age=0" in response.headers["set-cookie"]


@pytest.mark.parametrize("origin", [None, "http://elsewhere.example", "null"])
def test_a_grant_from_another_page_is_refused(origin):
    ticket = session_cookie.grant("signed-value", 60)
    assert _post(ticket, origin=origin).status_code == 403
    assert "set-cookie" not in _post("made-up grant").headers


def test_a_lapsed_grant_is_refused(monkeypatch):
    ticket = session_cookie.grant("signed-value", 60)
    later = session_cookie.time.monotonic() + session_cookie.GRANT_SECONDS + 1
    monkeypatch.setattr(session_cookie.time, "monotonic", lambda: later)
    assert not session_cookie.pending(ticket)
    assert _post(ticket).status_code == 403
