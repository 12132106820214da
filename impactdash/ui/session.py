"""Who is here and in which language: sign-in, the session's guard, language, remembered choices."""

from __future__ import annotations

import time

import streamlit as st

from impactdash import config, i18n
from impactdash.ui.sources import DRAFT, FIGURES_KEY, PUBLISHED, connection
from impactdash.write import auth, permissions

LANG_KEY = "lang"


def lang() -> str:
    """Return the language chosen in this session (Dutch by default)."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def language_switch() -> str:
    """Show the language switch in the sidebar; the choice holds across pages and reloads."""
    # On the run a click starts, the switch's own state already holds the new choice: its
    # label must be in that language too, not in the one this session had before.
    clicked = st.session_state.get("lang_switch")
    current = clicked if clicked in i18n.LANGUAGES else lang()
    choice = st.sidebar.segmented_control(
        i18n.t("language", current),
        options=list(i18n.LANGUAGES),
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        default=current,
        key="lang_switch",
    )
    chosen = choice or current
    st.session_state[LANG_KEY] = chosen
    st.query_params[LANG_KEY] = chosen
    return chosen


ACTOR_KEY = "actor"

LAST_SEEN_KEY = "last_seen"


def sso_configured() -> bool:
    """Whether single sign-on (Streamlit's OIDC ``st.login``) is set up in secrets.toml."""
    try:
        return bool(st.secrets.get("auth"))
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def current_actor() -> permissions.Actor:
    """Return who is signed in this session, ending the session after inactivity.

    Local sign-in keeps the actor in the session; single sign-on maps ``st.user``'s
    e-mail to a local account's roles (an unknown e-mail gets no staff role). Roles are
    re-read from the database on every run, so a disabled account loses access at once.
    """
    if config.public_only():
        return permissions.ANONYMOUS  # nobody signs in to a public-only process
    now = time.monotonic()
    last = st.session_state.get(LAST_SEEN_KEY)
    st.session_state[LAST_SEEN_KEY] = now
    username = st.session_state.get(ACTOR_KEY)
    if username and last is not None and now - last > auth.IDLE_MINUTES * 60:
        sign_out()
        st.session_state["signed_out_idle"] = True
        return permissions.ANONYMOUS
    if username:
        return auth.load_actor(connection(), username) or permissions.ANONYMOUS
    if sso_configured() and st.user.get("is_logged_in"):
        return auth.actor_for_email(connection(), st.user.get("email"))
    return permissions.ANONYMOUS


def sign_in_as(actor: permissions.Actor) -> None:
    """Remember a successful local sign-in in this session."""
    st.session_state[ACTOR_KEY] = actor.username
    st.session_state[LAST_SEEN_KEY] = time.monotonic()
    # Staff start on the drafts they work on; the switch was the visitor's 'published'.
    st.session_state.pop(FIGURES_KEY, None)
    st.session_state.pop("figures_choice", None)


def sign_out() -> None:
    """Forget the local sign-in of this session."""
    st.session_state.pop(ACTOR_KEY, None)


def guard(action: str) -> permissions.Actor:
    """Stop the page unless the person here may perform ``action``; return the actor.

    Every staff page starts with this, however it was reached (menu, typed URL, stale
    session): hiding a page from the menu is not protection.
    """
    actor = current_actor()
    if not permissions.allowed(actor, action):
        st.error(i18n.t("no_access", lang()))
        st.stop()
    return actor


def client_source() -> str:
    """Return the visitor's address for sign-in throttling ('unknown' when not served over HTTP)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


def figures_switch(actor: permissions.Actor, current_lang: str) -> str:
    """Let staff who may see drafts choose drafts or the publication; everyone else reads published.

    Called on every run by the entry script, so a signed-out or downgraded session falls
    back to the published figures at once.
    """
    if config.public_only() or not permissions.allowed(actor, "view_drafts"):
        st.session_state[FIGURES_KEY] = PUBLISHED
        return PUBLISHED
    choice = st.sidebar.segmented_control(
        i18n.t("figures_switch", current_lang),
        options=[DRAFT, PUBLISHED],
        format_func=lambda v: i18n.t(f"figures_{v}", current_lang),
        default=st.session_state.get(FIGURES_KEY, DRAFT),
        key="figures_choice",
    )
    st.session_state[FIGURES_KEY] = choice or DRAFT
    return st.session_state[FIGURES_KEY]


def flash(page: str, text: str, kind: str = "success") -> None:
    """Keep a message (Markdown, typed text already escaped) to show on ``page`` after the rerun.

    A page that writes reruns itself so everything on it shows the new figures; the
    message saying what was written must survive that rerun.
    """
    st.session_state[f"flash_{page}"] = (kind, text)


def show_flash(page: str) -> None:
    """Show the message kept for ``page``, once."""
    kind, text = st.session_state.pop(f"flash_{page}", (None, None))
    if kind == "success":
        st.success(text, icon="✅")
    elif kind == "error":
        st.error(text)


def remember(name: str, chosen):
    """Keep a widget's choice across a language switch and return it.

    Widgets whose option labels depend on the language carry the language in their key
    (``f"{name}_{lang}"``): a keyed widget would otherwise go on showing the labels of the
    language it was first drawn in. The new widget starts from the choice kept here.
    """
    st.session_state[f"kept_{name}"] = chosen
    return chosen


def kept(name: str, options: list, default=None):
    """Return the choice kept for ``name`` if it is still offered (for a list: the part still offered)."""
    value = st.session_state.get(f"kept_{name}", default)
    if isinstance(value, list):
        return [v for v in value if v in options]
    return value if value in options else default
