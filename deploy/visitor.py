"""One page view as a browser makes it, over Streamlit's websocket, without a browser.

A visitor opens ``/_stcore/stream`` (through the balancer, with its sticky cookie), asks
for a page with a ``rerun_script`` message and reads the server's messages until the
script has finished. That is the server's whole share of a page view: the script run, the
figures' serialisation and every delta message sent. What the browser then does with them
(drawing) costs the server nothing, so a load of these measures what the processes serve.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: The sticky cookie the balancer routes on (deploy/nginx.conf.template).
ROUTE_COOKIE = "impactdash_route"


@dataclass
class PageView:
    """What one page view brought: its time, the texts it showed and its download addresses."""

    seconds: float
    texts: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    finished: bool = False
    #: The page's downloads built on click: the button's key (``download_open_data``) → file id.
    deferred: dict[str, str] = field(default_factory=dict)
    #: What :func:`view_page` was asked to download: the button's key → the file's address.
    downloaded: dict[str, str] = field(default_factory=dict)


def _collect(msg: ForwardMsg, view: PageView) -> None:
    """Keep the texts (markdown, headings, captions) and the download buttons' addresses."""
    if msg.WhichOneof("type") != "delta":
        return
    delta = msg.delta
    if delta.WhichOneof("type") != "new_element":
        return
    element = delta.new_element
    kind = element.WhichOneof("type")
    if kind in {"markdown", "heading", "alert", "text", "metric"}:
        part = getattr(element, kind)
        for name in ("body", "label", "body_text"):
            value = getattr(part, name, "")
            if isinstance(value, str) and value:
                view.texts.append(value)
        if kind == "metric":
            view.texts.append(element.metric.body)
    elif kind == "download_button":
        button = element.download_button
        if button.url:
            view.media.append(button.url)
        if button.deferred_file_id:
            view.deferred[button.id.rsplit("-", 1)[-1]] = button.deferred_file_id


async def view_page(
    base: str,
    page: str = "",
    cookie: str | None = None,
    timeout: float = 60,
    download: str | None = None,
    query: str = "",
) -> PageView:
    """Open a session on ``base`` (``http://host:port``), view ``page`` once, return what came.

    ``cookie`` is the balancer's sticky cookie: the same value reaches the same process.
    ``download`` names a download button's key: its file is then built, as a click does,
    and its address (served over HTTP by this session's process only) kept in ``downloaded``.
    ``query`` is the address's query string (``lang=en``), as a browser sends it.
    """
    url = base.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    headers = {"Cookie": f"{ROUTE_COOKIE}={cookie}"} if cookie else {}
    start = time.perf_counter()
    view = PageView(0.0)
    session_id = ""
    async with websockets.connect(
        url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, open_timeout=timeout
    ) as ws:
        back = BackMsg()
        back.rerun_script.query_string = query
        back.rerun_script.page_name = page
        back.rerun_script.context_info.timezone = "Europe/Amsterdam"
        back.rerun_script.context_info.locale = "nl-NL"
        await ws.send(back.SerializeToString())
        async with asyncio.timeout(timeout):
            async for raw in ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                if msg.WhichOneof("type") == "new_session":
                    session_id = msg.new_session.initialize.session_id
                _collect(msg, view)
                if msg.WhichOneof("type") == "script_finished":
                    view.finished = True
                    break
            if download:
                back = BackMsg()
                back.backend_operation_request.request_id = "1"
                back.backend_operation_request.session_id = session_id
                back.backend_operation_request.deferred_file.file_id = view.deferred[download]
                await ws.send(back.SerializeToString())
                async for raw in ws:
                    msg = ForwardMsg()
                    msg.ParseFromString(raw)
                    if msg.WhichOneof("type") == "backend_operation_response":
                        view.downloaded[download] = msg.backend_operation_response.deferred_file.url
                        break
    view.seconds = time.perf_counter() - start
    return view
