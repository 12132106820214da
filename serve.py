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

from impactdash import config

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


# Before the server starts: an empty list believes no proxy (uvicorn reads it once, at start).
os.environ["FORWARDED_ALLOW_IPS"] = ",".join(config.trusted_proxies())

import streamlit as st  # noqa: E402 - after FORWARDED_ALLOW_IPS, which the server reads

from impactdash import session_cookie  # noqa: E402

app = st.App(HERE / "dashboard.py", routes=session_cookie.routes())

if __name__ == "__main__":
    app.run(config=flags(sys.argv[1:]))
