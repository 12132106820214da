"""Light pages in the publication folder: where they go, who writes them, which ones are current.

Each requested publication gets a folder of static HTML pages beside its snapshot
(``pub-0007-light/``); the renderer lives in ``report/light.py`` (it needs the views,
which publishing may not import), so it is handed in with :func:`register` by the process
that publishes (the staff app; a script calls ``impactdash.report.light.enable()``).
Without a registered writer a publication simply has no light pages.

The load balancer serves ``light/`` in the publication folder: a symbolic link to the
current publication's pages, replaced in one rename whenever the pointer is
(:func:`point`), so nginx needs to know nothing of ``current.json``. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

#: The link the balancer serves (``location /light/`` in deploy/nginx.conf.template).
LINK = "light"

Writer = Callable[..., object]
_writers: list[Writer] = []


def light_name(publication_id: int) -> str:
    """Return the folder name of a publication's light pages."""
    return f"pub-{publication_id:04d}-light"


def register(writer: Writer) -> None:
    """Have ``writer(snapshot, target, label=..., published_at=...)`` write each new publication's pages."""
    if writer not in _writers:
        _writers.append(writer)


def write(snapshot: Path, folder: Path, publication_id: int, label: str, at: dt.datetime) -> Path | None:
    """Write the light pages of a requested publication with the registered writer; return their folder."""
    if not _writers:
        return None
    target = Path(folder) / light_name(publication_id)
    shutil.rmtree(target, ignore_errors=True)
    for writer in _writers:
        writer(snapshot, target, label=label, published_at=at)
    return target


def remove(folder: Path, publication_id: int) -> None:
    """Remove a publication's light pages (a rejected or unfinished request)."""
    shutil.rmtree(Path(folder) / light_name(publication_id), ignore_errors=True)


def point(folder: Path, entry: dict | None) -> None:
    """Point ``light`` at the light pages of the pointer's ``entry`` (none: remove the link), atomically."""
    folder = Path(folder)
    link = folder / LINK
    target = light_name(int(entry["id"])) if entry else None
    if target is None or not (folder / target).is_dir():
        if link.is_symlink():
            link.unlink()
        return
    tmp = folder / f".{LINK}.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)  # relative: the folder may be mounted elsewhere on another machine
    os.replace(tmp, link)
