"""The one HTTP route of our own: it sets (or clears) the staff session cookie, HttpOnly.

A Streamlit script talks to the browser over a websocket and cannot send a ``Set-Cookie``
header, and a cookie set from JavaScript cannot be HttpOnly. So after a sign-in the page
asks this route, served beside Streamlit by ``serve.py`` (``st.App(routes=...)``), to set
it: the page holds only a single-use *grant* (random, expiring after a minute), never the
cookie's value, and the route answers the grant with the cookie. Signing out clears the
cookie the same way. No Streamlit here: the route runs on the server's event loop.
"""

from __future__ import annotations

import secrets
import threading
import time
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

#: The cookie's name and the route's path (outside Streamlit's reserved ``/_stcore/`` etc.).
COOKIE = "impactdash_session"
ROUTE = "/_impactdash/session"
#: A grant not used within this many seconds is refused.
GRANT_SECONDS = 60

_grants: dict[str, tuple[str | None, float, float]] = {}
_lock = threading.Lock()
_served = False


def served() -> bool:
    """Whether this process serves the route (started through ``serve.py``); else nothing sets the cookie."""
    return _served


def grant(value: str | None, max_age: float) -> str:
    """Return a single-use grant for setting the cookie to ``value`` (None: clearing it) for ``max_age`` s."""
    now = time.monotonic()
    ticket = secrets.token_urlsafe(24)
    with _lock:
        for key in [k for k, (_, _, until) in _grants.items() if until < now]:
            del _grants[key]  # unused grants of pages that closed too soon
        _grants[ticket] = (value, max_age, now + GRANT_SECONDS)
    return ticket


def pending(ticket: str) -> bool:
    """Whether ``ticket`` has not been used yet (and has not lapsed)."""
    with _lock:
        found = _grants.get(ticket)
    return found is not None and found[2] >= time.monotonic()


def _take(ticket: str) -> tuple[str | None, float] | None:
    with _lock:
        found = _grants.pop(ticket, None)
    if found is None or found[2] < time.monotonic():
        return None
    return found[0], found[1]


def _same_origin(request: Request) -> bool:
    # A browser names the page that sent a fetch; only our own pages may use a grant.
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc == request.headers.get("host")


async def _session(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403)
    ticket = (await request.body())[:100].decode("ascii", errors="replace")
    found = _take(ticket)
    if found is None:
        return Response(status_code=403)
    value, max_age = found
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    secure = request.url.scheme == "https"  # behind a trusted proxy: what the proxy says
    if value is None:
        response.delete_cookie(COOKIE, path="/", secure=secure, httponly=True, samesite="strict")
    else:
        response.set_cookie(
            COOKIE, value, max_age=int(max_age), path="/", secure=secure, httponly=True, samesite="strict"
        )
    return response


def routes() -> list[Route]:
    """Return the route for ``st.App(routes=...)``; from then on the pages use it."""
    global _served
    _served = True
    return [Route(ROUTE, _session, methods=["POST"])]
