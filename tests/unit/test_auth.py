"""Signing in: argon2id hashes, lockout per account and per source, disabled accounts, SSO mapping."""

from __future__ import annotations

import datetime as dt

import argon2
import pytest

from impactdash.write import auth
from tests.conftest import PRODUCTION_DUMMY_HASH, PRODUCTION_HASHER

PASSWORD = "a long enough password"
T0 = dt.datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def con(empty_con):
    auth.create_user(empty_con, "erik", PASSWORD, ["editor"], "Erik Editor", "erik@example.org")
    auth.create_user(empty_con, "rosa", PASSWORD, ["reviewer", "admin"], "Rosa", None)
    return empty_con


def test_hash_is_argon2id_and_verifies():
    # With the tests' cheap parameters (tests/conftest.py); production's are checked below.
    hashed = auth.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$")
    assert auth.verify_password(hashed, PASSWORD) and not auth.verify_password(hashed, PASSWORD + "x")
    assert not auth.verify_password(None, PASSWORD) and not auth.verify_password("garbage", PASSWORD)


def test_hash_is_argon2id_with_the_production_parameters(monkeypatch):
    monkeypatch.setattr(auth, "_hasher", PRODUCTION_HASHER)
    hashed = auth.hash_password(PASSWORD)
    assert argon2.extract_parameters(hashed) == argon2.profiles.RFC_9106_LOW_MEMORY
    assert auth.verify_password(hashed, PASSWORD) and not auth.verify_password(hashed, PASSWORD + "x")
    # The constant-time answer for an unknown account costs what a real check costs.
    assert argon2.extract_parameters(PRODUCTION_DUMMY_HASH) == argon2.profiles.RFC_9106_LOW_MEMORY


def test_sign_in_returns_the_actor_with_roles(con):
    actor = auth.sign_in(con, "rosa", PASSWORD, "10.0.0.1", now=T0)
    assert actor.username == "rosa" and actor.roles == {"reviewer", "admin"}
    assert con.execute("select count(*) from audit_log where action = 'sign_in'").fetchone()[0] == 1


@pytest.mark.parametrize(("username", "password"), [("erik", "wrong password!"), ("nobody", PASSWORD)])
def test_wrong_password_and_unknown_user_fail_alike(con, username, password):
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, username, password, "10.0.0.1", now=T0)
    assert err.value.reason == "credentials"
    assert con.execute("select count(*) from audit_log where action = 'sign_in_failed'").fetchone()[0] == 1


def test_disabled_user_cannot_sign_in(con):
    con.execute("update app_user set disabled = true where username = 'erik'")
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "erik", PASSWORD, "10.0.0.1", now=T0)
    assert err.value.reason == "credentials"
    assert auth.load_actor(con, "erik") is None


def test_account_locks_after_repeated_failures_and_unlocks_later(con):
    for i in range(auth.ACCOUNT_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "erik", "wrong password!", f"10.0.0.{i}", now=T0)
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "erik", PASSWORD, "10.0.0.99", now=T0 + dt.timedelta(minutes=1))
    assert err.value.reason == "locked"
    assert err.value.until == T0 + dt.timedelta(minutes=auth.LOCK_MINUTES)
    later = T0 + dt.timedelta(minutes=auth.LOCK_MINUTES + 1)
    assert auth.sign_in(con, "erik", PASSWORD, "10.0.0.99", now=later).username == "erik"


def test_success_resets_the_failure_count(con):
    for _ in range(auth.ACCOUNT_MAX_FAILURES - 1):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "erik", "wrong password!", "10.0.0.1", now=T0)
    auth.sign_in(con, "erik", PASSWORD, "10.0.0.1", now=T0)
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "erik", "wrong password!", "10.0.0.1", now=T0)
    assert err.value.reason == "credentials"


def test_source_locks_after_many_failures_across_accounts(con):
    for i in range(auth.SOURCE_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, f"guess{i}", "whatever password", "203.0.113.7", now=T0)
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "rosa", PASSWORD, "203.0.113.7", now=T0)
    assert err.value.reason == "source_locked"
    assert auth.sign_in(con, "rosa", PASSWORD, "198.51.100.1", now=T0).username == "rosa"


def test_sso_email_maps_to_local_roles_and_unknown_gets_none(con):
    assert auth.actor_for_email(con, "ERIK@example.org").roles == {"editor"}
    stranger = auth.actor_for_email(con, "stranger@example.org")
    assert not stranger.signed_in and not stranger.roles
    assert not auth.actor_for_email(con, None).signed_in


# --- issue 12: a lockout that cannot be turned against the staff ---------------------


def test_failures_from_unknown_addresses_never_lock_out_every_account(con):
    """Regression: behind localhost every address was the one key 'unknown'; 20 made-up names locked all."""
    for i in range(25):
        with pytest.raises(auth.SignInError) as err:
            auth.sign_in(con, f"made.up.{i}", "whatever password", None, now=T0)
        assert err.value.reason == "credentials"
    assert auth.sign_in(con, "rosa", PASSWORD, None, now=T0).username == "rosa"
    assert auth.sign_in(con, "erik", PASSWORD, "", now=T0).username == "erik"  # '' is unknown too
    assert con.execute("select count(*) from sign_in_throttle").fetchone()[0] == 0


def test_an_unknown_address_still_locks_the_account_it_guesses(con):
    for _ in range(auth.ACCOUNT_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "erik", "wrong password!", None, now=T0)
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "erik", PASSWORD, None, now=T0)
    assert err.value.reason == "locked"
    assert auth.sign_in(con, "rosa", PASSWORD, None, now=T0).username == "rosa"


def test_made_up_usernames_leave_no_rows_behind(con):
    users_before = con.execute("select count(*) from app_user").fetchone()[0]
    for i in range(50):
        with pytest.raises(auth.SignInError):
            auth.sign_in(
                con, f"made.up.{i}", "whatever password", "203.0.113.7", now=T0 + dt.timedelta(minutes=i)
            )
    assert con.execute("select count(*) from app_user").fetchone()[0] == users_before
    assert con.execute("select source from sign_in_throttle").fetchall() == [("203.0.113.7",)]


def test_lapsed_address_counts_are_forgotten(con):
    for i in range(3):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "nobody", "whatever password", f"198.51.100.{i}", now=T0)
    later = T0 + dt.timedelta(minutes=auth.LOCK_MINUTES + 1)
    with pytest.raises(auth.SignInError):
        auth.sign_in(con, "nobody", "whatever password", "192.0.2.1", now=later)
    assert con.execute("select source from sign_in_throttle").fetchall() == [("192.0.2.1",)]


def test_a_locked_address_is_kept_until_its_lock_ends(con):
    for _ in range(auth.SOURCE_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "nobody", "whatever password", "203.0.113.7", now=T0)
    with pytest.raises(auth.SignInError):  # another address's failure prunes, but not a lock in force
        auth.sign_in(con, "nobody", "whatever password", "192.0.2.1", now=T0 + dt.timedelta(minutes=14))
    with pytest.raises(auth.SignInError) as err:
        auth.sign_in(con, "rosa", PASSWORD, "203.0.113.7", now=T0 + dt.timedelta(minutes=14))
    assert err.value.reason == "source_locked"


def test_current_locks_lists_accounts_and_addresses_in_force(con):
    assert auth.current_locks(con, now=T0) == {"accounts": [], "addresses": []}
    for _ in range(auth.ACCOUNT_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "erik", "wrong password!", None, now=T0)
    for _ in range(auth.SOURCE_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "nobody", "whatever password", "203.0.113.7", now=T0)
    until = T0 + dt.timedelta(minutes=auth.LOCK_MINUTES)
    assert auth.current_locks(con, now=T0) == {
        "accounts": [("erik", until)],
        "addresses": [("203.0.113.7", until)],
    }
    assert auth.current_locks(con, now=until) == {"accounts": [], "addresses": []}
