"""nginx in front of two public-only processes: pages, sticky downloads, open data, a new publication.

One deployment for the module (about 10 s to start); each check goes through the balancer
as a visitor would. Page views are websocket sessions (deploy/visitor.py), the same client
as bench/load_public.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import socket
import urllib.error
import urllib.request

import pytest

from deploy import launch
from deploy.visitor import ROUTE_COOKIE, view_page
from impactdash import config
from impactdash.publish import light_pages
from impactdash.report import light
from tests.conftest import run_async
from tests.publishing import publish_now


def _free_ports(count: int) -> int:
    """Return the first of ``count`` consecutive free loopback ports."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count >= 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, demo_db_file):
    folder = tmp_path_factory.mktemp("deployed")
    db_path = folder / "impact.duckdb"
    shutil.copy(demo_db_file, db_path)
    shutil.copytree(config.publications_dir(demo_db_file), config.publications_dir(db_path))
    first = _free_ports(5)
    layout = launch.Layout(
        processes=2,
        port=first,
        staff_port=first + 1,
        backend_port=first + 2,
        run_dir=folder / "run",
        publications=config.publications_dir(db_path),
    )
    # No staff process: the test itself publishes into the working database, which a staff
    # process would hold open.
    deployment = launch.Deployment(layout, env={"IMPACTDASH_DB": str(db_path)}, staff=False)
    with deployment:
        yield deployment, db_path


def _get(url: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": f"{ROUTE_COOKIE}={cookie}"} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _cookies_per_process(deployment) -> dict[str, str]:
    """Return one sticky-cookie value per public process (its port → the value), from nginx's log."""
    base = f"http://127.0.0.1:{deployment.layout.port}"
    for i in range(40):
        _get(f"{base}/_stcore/health", cookie=f"probe{i}")
    found = {}
    for line in (deployment.layout.run_dir / "access.log").read_text().splitlines():
        hit = re.search(r"upstream=127\.0\.0\.1:(\d+) route=(probe\d+)", line)
        if hit:
            found.setdefault(hit.group(1), hit.group(2))
    return found


def test_pages_downloads_open_data_and_a_new_publication_through_the_balancer(deployed, monkeypatch):
    deployment, db_path = deployed
    base = f"http://127.0.0.1:{deployment.layout.port}"

    # The app's page and the sticky cookie that keeps a visitor on one process.
    status, headers, body = _get(base + "/")
    assert status == 200 and b"<html" in body.lower()
    assert f"{ROUTE_COOKIE}=" in headers.get("Set-Cookie", "")

    # Both processes serve, each visitor always the same one.
    cookies = _cookies_per_process(deployment)
    assert set(cookies) == {str(p) for p in deployment.layout.public_backends}

    async def views(page: str):
        return await asyncio.gather(*(view_page(base, page, cookie=c) for c in cookies.values()))

    first, second = list(cookies.values())
    for view in run_async(views("method")):
        assert view.finished and any("Q3 2026" in t for t in view.texts)

    # A download built on click lives in the memory of the process that holds the session,
    # so it is found with the same cookie only (the other process answers with the app's page).
    view = run_async(view_page(base, "method", cookie=first, download="download_open_data"))
    address = base + view.downloaded["download_open_data"]
    status, headers, body = _get(address, first)
    assert status == 200 and body[:2] == b"PK"
    assert _get(address, second)[2][:2] != b"PK"

    # Open data straight from the publication folder, no Python.
    status, _, body = _get(base + "/open-data/current.json")
    assert status == 200 and json.loads(body)["id"] == 1
    status, _, body = _get(base + "/open-data/pub-0001-open-data/datapackage.json")
    assert status == 200 and json.loads(body)["resources"]

    # Light pages, files served by nginx: the launcher wrote the demo publication's.
    status, headers, body = _get(base + "/light/nl/GM0518/budget.html")
    assert status == 200 and b"Q3 2026" in body and b"<script" not in body

    # A publication made with the package API is served at once by both processes, and
    # its light pages (written by the staff app's writer, registered here) by nginx.
    monkeypatch.setattr(light_pages, "_writers", [light.write])
    current = publish_now(db_path, label="Balancer test")
    overview = run_async(views(""))
    for view in overview:
        assert view.finished and any("Balancer test" in t for t in view.texts), view.texts[:4]
    status, _, body = _get(base + "/open-data/current.json")
    assert json.loads(body)["id"] == current.id
    name = f"pub-{current.id:04d}-open-data"
    assert _get(f"{base}/open-data/{name}/budget.csv")[0] == 200
    for lang in ("nl", "en"):
        status, _, body = _get(f"{base}/light/{lang}/GM0518/overview.html")
        assert status == 200 and b"Balancer test" in body


def test_the_staff_instance_has_its_own_port_and_the_processes_their_health(deployed):
    deployment, _ = deployed
    text = launch.render(deployment.layout)
    assert f"listen 127.0.0.1:{deployment.layout.staff_port};" in text
    assert f"server 127.0.0.1:{deployment.layout.staff_backend}" in text
    for port in deployment.layout.public_backends:
        assert launch.healthy(port)
    assert launch.healthy(deployment.layout.port, "/healthz")
