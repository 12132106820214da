"""Who is here and in which language: sign-in, the session's guard, language, remembered choices."""

from __future__ import annotations

import functools
import json
import time

import streamlit as st

from impactdash import config, i18n, session_cookie
from impactdash.ui.sources import DRAFT, FIGURES_KEY, PUBLISHED, connection
from impactdash.write import auth, permissions, sessions

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
    if st.query_params.get(LANG_KEY) != chosen:  # each change is a history entry (see ui.linked_choice)
        st.query_params[LANG_KEY] = chosen
    return chosen


#: Runs on every page after a language change: sets ``<html lang>`` and puts Streamlit's own
#: labels in the page's language, now and whenever Streamlit draws them again (an observer,
#: installed once per tab). Only labels (aria-label, title, placeholder, a date part's value
#: text) that equal one of Streamlit's words, and the text of the skip link, of Streamlit's
#: dialogs and of an empty date part, are touched. The browser's ``navigator.language``, from
#: which Streamlit takes the date picker's language, follows the page's (see page_language).
#: Never a "<" in the script: Streamlit's sanitiser would drop it.
_LANGUAGE_SCRIPT = """<script>(() => {
  const lang = %(lang)s;
  document.documentElement.lang = lang;
  const own = Object.getOwnPropertyDescriptor(Navigator.prototype, "language").get;
  const browser = own.call(navigator);
  window.__impactdashLocale = browser.split("-")[0] === lang ? browser : %(locale)s;
  if (!Object.hasOwn(navigator, "language")) {
    Object.defineProperty(navigator, "language", {configurable: true, get: () => window.__impactdashLocale});
  }
  window.__impactdashWords = {words: %(words)s, prefixes: %(prefixes)s};
  const ATTRS = ["aria-label", "title", "placeholder", "aria-valuetext"];
  const TEXTS = '[data-testid="stSkipToContent"], [role="dialog"] :is(h1, h2, h3, p, div, span), '
    + '[role="spinbutton"][data-placeholder="true"]';
  const say = (value) => {
    const {words, prefixes} = window.__impactdashWords;
    if (Object.hasOwn(words, value)) return words[value];
    for (const [from, to] of prefixes) if (value.startsWith(from)) return to + value.slice(from.length);
    return null;
  };
  const fix = (el) => {
    for (const name of ATTRS) {
      const value = el.getAttribute(name);
      const said = value && say(value);
      if (said && said !== value) el.setAttribute(name, said);
    }
    const text = el.childNodes.length === 1 && el.firstChild.nodeType === 3 ? el.firstChild : null;
    if (text && el.matches(TEXTS)) {
      const said = say(text.nodeValue.trim());
      if (said && said !== text.nodeValue) text.nodeValue = said;  // the node React owns, kept
    }
  };
  const fixAll = (root) => {
    // A chart's drawing (hundreds of SVG nodes per plotly chart) holds none of Streamlit's
    // words: searching it on every change slowed a page's first draw.
    if (root.nodeType !== 1 || root instanceof SVGElement || root.closest(".js-plotly-plot")) return;
    fix(root);
    root.querySelectorAll("[aria-label], [title], [placeholder], [aria-valuetext], " + TEXTS).forEach(fix);
  };
  fixAll(document.body);
  if (!window.__impactdashObserver) {
    window.__impactdashObserver = new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === "attributes") fix(change.target);
        else if (change.type === "characterData") fix(change.target.parentElement || document.body);
        else change.addedNodes.forEach(fixAll);
      }
    });
    window.__impactdashObserver.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
    });
  }
})();</script>"""


#: The browser locale the date picker is drawn in on a page of each language, unless the
#: browser's own is a variant of the page's language.
BROWSER_LOCALES = {"nl": "nl-NL", "en": "en-GB"}


def streamlit_words(current_lang: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Return Streamlit's own words, in any language, with their text in ``current_lang``.

    From every language, so a switch back from Dutch to English restores them too; the
    ``_prefix`` texts begin longer labels ("Remove 's-Gravenhage" → "Verwijder 's-Gravenhage").
    """
    words: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for key, texts in i18n.TEXTS.items():
        if not key.startswith("streamlit_"):
            continue
        for text in texts.values():
            if key.endswith("_prefix"):
                prefixes.append((text, texts[current_lang]))
            else:
                words[text] = texts[current_lang]
    return words, prefixes


def page_language(current_lang: str) -> None:
    """Set ``<html lang>`` to this session's language and put Streamlit's own words in it (WCAG 3.1.1).

    Streamlit serves one ``index.html`` with ``lang="en"`` for every page and language;
    ``serve.py`` rewrites it for the address's ``?lang=`` before the page loads (so a screen
    reader starts in the right language), and this script keeps it right after a switch
    in the sidebar, which changes the language without loading the page again. The script
    changes with the language, so Streamlit runs it again exactly when the language changes.
    It also gives Streamlit's fixed English labels ("Main menu", "Clear all", "Show
    password"; ``streamlit_*`` in texts/common.py), which no Streamlit option sets, in the
    page's language. Streamlit draws the date picker's calendar (month and day names, its
    buttons and dates read aloud) in ``navigator.language``, which the script makes the
    page's language (the browser's own if it is a variant of it, such as en-US).
    """
    code = current_lang if current_lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    words, prefixes = streamlit_words(code)
    script = _LANGUAGE_SCRIPT % {
        "lang": json.dumps(code),
        "locale": json.dumps(BROWSER_LOCALES[code]),
        "words": json.dumps(words, ensure_ascii=False),
        "prefixes": json.dumps(prefixes, ensure_ascii=False),
    }
    st.html(script, unsafe_allow_javascript=True, width="content")


ACTOR_KEY = "actor"
#: The session's token (unsigned; the browser's cookie holds it signed). Server-side state only.
SESSION_KEY = "staff_session"
LAST_SEEN_KEY = "last_seen"
#: A cookie to set (its signed value) or to clear (None) on the next run, with its grant.
_COOKIE_KEY = "session_cookie_grant"


def sso_configured() -> bool:
    """Whether single sign-on (Streamlit's OIDC ``st.login``) is set up in secrets.toml."""
    try:
        return bool(st.secrets.get("auth"))
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


@functools.cache
def _signing_key(db_path: str) -> str:
    return sessions.signing_key(db_path)


def _cookie_token() -> str | None:
    """Return the session token in the browser's cookie (sent when the tab connected), if ours and signed."""
    if not session_cookie.served():
        return None
    value = st.context.cookies.get(session_cookie.COOKIE)
    return sessions.unsign(value, _signing_key(str(config.default_db_path()))) if value else None


def _forget() -> None:
    for key in (SESSION_KEY, ACTOR_KEY, LAST_SEEN_KEY):
        st.session_state.pop(key, None)


def current_actor() -> permissions.Actor:
    """Return who is signed in, checked on the server on every run.

    A local sign-in is a row in ``staff_session`` (``write/sessions.py``), found through
    this tab's session state or, after a reload or in a new tab, through the browser's
    cookie. It gives no one once it is signed out (in any tab), idle for longer than
    ``config.session_idle_minutes`` or past ``config.session_max_hours``. The account's
    roles and disabled flag are read afresh on every run, so disabling someone or changing
    their roles takes effect on their next click. Single sign-on maps ``st.user``'s e-mail
    to a local account's roles (an unknown e-mail gets no staff role).

    A username in the session state without a token is a sign-in made on the server
    itself, with no browser to hold a cookie (the tests' ``AppTest``): only code sets
    that key, never a visitor; it ends after the idle time like any other.
    """
    if config.public_only():
        return permissions.ANONYMOUS  # nobody signs in to a public-only process
    token = st.session_state.get(SESSION_KEY)
    if token is None:
        token = _cookie_token()
    if token is not None:
        found = sessions.resume(connection(), token)
        actor = auth.load_actor(connection(), found.username) if found.username else None
        if actor is not None:
            st.session_state[SESSION_KEY] = token
            st.session_state[ACTOR_KEY] = actor.username
            return actor
        if found.username:
            sessions.end(connection(), token, "ended")  # the account was disabled (or removed)
        _forget()
        if found.ended == "idle":
            st.session_state["signed_out_idle"] = True
    elif st.session_state.get(ACTOR_KEY):
        now = time.monotonic()
        last = st.session_state.get(LAST_SEEN_KEY)
        st.session_state[LAST_SEEN_KEY] = now
        if last is not None and now - last > config.session_idle_minutes() * 60:
            _forget()
            st.session_state["signed_out_idle"] = True
            return permissions.ANONYMOUS
        return auth.load_actor(connection(), st.session_state[ACTOR_KEY]) or permissions.ANONYMOUS
    if sso_configured() and st.user.get("is_logged_in"):
        return auth.actor_for_email(connection(), st.user.get("email"))
    return permissions.ANONYMOUS


def sign_in_as(actor: permissions.Actor) -> None:
    """Start a session for a successful local sign-in: in this tab, and in the browser's cookie."""
    token = sessions.start(connection(), actor.username)
    st.session_state[SESSION_KEY] = token
    st.session_state[ACTOR_KEY] = actor.username
    st.session_state.pop("signed_out_idle", None)
    # Staff start on the drafts they work on; the switch was the visitor's 'published'.
    st.session_state.pop(FIGURES_KEY, None)
    st.session_state.pop("figures_choice", None)
    _set_cookie(sessions.sign(token, _signing_key(str(config.default_db_path()))))


def sign_out() -> None:
    """End the session everywhere: its row (every tab is signed out on its next run) and the cookie."""
    sessions.end(connection(), st.session_state.get(SESSION_KEY))
    _forget()
    _set_cookie(None)
    if sso_configured() and st.user.get("is_logged_in"):
        st.logout()


def _set_cookie(value: str | None) -> None:
    if session_cookie.served():
        max_age = config.session_max_hours() * 3600
        st.session_state[_COOKIE_KEY] = session_cookie.grant(value, max_age)


def cookie_sync() -> None:
    """Have the browser fetch the cookie that a sign-in or sign-out granted (called on every run).

    The fetch goes to our own route (``session_cookie.ROUTE``), which answers with the
    HttpOnly cookie; the page only ever holds the single-use grant.
    """
    ticket = st.session_state.get(_COOKIE_KEY)
    if ticket is None:
        return
    if not session_cookie.pending(ticket):
        st.session_state.pop(_COOKIE_KEY, None)  # used (or lapsed): nothing more to do
        return
    request = json.dumps(
        {"method": "POST", "body": ticket, "credentials": "same-origin", "cache": "no-store"}
    )
    st.html(
        f"<script>fetch({json.dumps(session_cookie.ROUTE)}, {request});</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


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


def refused() -> None:
    """Show the refusal at a staff page's address to someone signed in without its right.

    Registered (hidden) under the page's address instead of leaving Streamlit's English
    "page not found" on the overview.
    """
    st.error(i18n.t("no_access", lang()))


def client_source() -> str | None:
    """Return the visitor's address for sign-in throttling, or None where it is not known.

    Streamlit gives no address for a visitor on this machine (loopback) or outside a real
    server; a reverse proxy's ``X-Forwarded-For`` is believed only from the proxies in
    ``IMPACTDASH_TRUSTED_PROXIES`` (``serve.py`` hands them to the server). None is never one
    shared bucket: ``auth.sign_in`` then throttles per account only.
    """
    address = st.context.ip_address
    return address if isinstance(address, str) and address else None


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
