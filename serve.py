"""Serve the dashboard: Streamlit's app (``dashboard.py``) plus the route that sets the session cookie.

Run with ``python serve.py`` and Streamlit's options as flags
(``python serve.py --server.port 8501 --server.address 0.0.0.0``) or as ``STREAMLIT_*``
variables. ``streamlit run dashboard.py`` still serves every page, but without this
route a reload or a second tab signs staff out, as before issue 12.

Why a launcher: a Streamlit script cannot send a ``Set-Cookie`` header, and a cookie that
page JavaScript sets cannot be HttpOnly. ``st.App`` (Streamlit 1.67) serves extra routes
beside the app; ``impactdash/session_cookie.py`` is ours. The server (uvicorn) believes
``X-Forwarded-For`` only from the addresses in ``FORWARDED_ALLOW_IPS``, which it reads when
it starts (its default: this machine); this launcher sets it from
``IMPACTDASH_TRUSTED_PROXIES`` first, so only proxies the administrator names are believed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs

from impactdash import config, i18n

HERE = Path(__file__).resolve().parent


def flags(argv: list[str]) -> dict[str, str]:
    """Return Streamlit's options from ``--section.option value`` (or ``=value``) flags."""
    options: dict[str, str] = {}
    items = iter(argv)
    for item in items:
        if not item.startswith("--") or "." not in item:
            raise SystemExit(f"serve.py: expected --section.option value, not {item!r}")
        name, _, value = item[2:].partition("=")
        options[name] = value if value else next(items, "")
    return options


#: Addresses Streamlit serves other than its page (``index.html``): left untouched.
_NOT_THE_PAGE = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/", "/_impactdash/")


class PageLanguage:
    """Serve ``index.html`` with ``<html lang>`` in the language the address asks for (WCAG 3.1.1).

    Streamlit serves one ``index.html`` with ``lang="en"`` for every page. The address holds
    the language (``?lang=en``, Dutch without it), so this rewrites the attribute before the
    page loads and a screen reader starts in the right language; after a switch in the
    sidebar (no new load) ``ui.page_language`` sets it from the script. Only the page is
    touched: it is asked for uncompressed (it is 2 kB) so its text can be read.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        """Pass every request on; hold the page's answer and rewrite its language."""
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith(_NOT_THE_PAGE):
            await self.app(scope, receive, send)
            return
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
        lang = asked if asked in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start: dict | None = None
        body: list[bytes] = []

        async def rewrite(message):
            nonlocal start
            if message["type"] == "http.response.start":
                kinds = [v for k, v in message.get("headers", []) if k.lower() == b"content-type"]
                if kinds and kinds[0].startswith(b"text/html"):
                    start = message  # held until the whole body is here
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = b"".join(body).replace(b'<html lang="en">', f'<html lang="{lang}">'.encode(), 1)
                kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                kept.append((b"content-length", str(len(page)).encode()))
                await send({**start, "headers": kept})
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, rewrite)


# Before the server starts: an empty list believes no proxy (uvicorn reads it once, at start).
os.environ["FORWARDED_ALLOW_IPS"] = ",".join(config.trusted_proxies())

import streamlit as st  # noqa: E402 - after FORWARDED_ALLOW_IPS, which the server reads
from starlette.middleware import Middleware  # noqa: E402

from impactdash import session_cookie  # noqa: E402

app = st.App(HERE / "dashboard.py", routes=session_cookie.routes(), middleware=[Middleware(PageLanguage)])

if __name__ == "__main__":
    app.run(config=flags(sys.argv[1:]))
