"""The checksum of a file on disk: publications, their open-data files and backups share one rule."""

from __future__ import annotations

import hashlib
from pathlib import Path

#: Files are read in blocks of this size: a snapshot or a backup can be hundreds of MB.
BLOCK = 1 << 20


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file as hex, read in blocks (snapshots can be hundreds of MB)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()
