"""The demo's CSV files as an older schema knew them, for tests of migrations on loaded data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from impactdash import config

#: The columns migration 0011 added (English texts beside the Dutch), per file.
ENGLISH_COLUMNS = {
    "note": ["body_en"],
    "programme": ["description_en"],
    "ambition": ["document_en"],
    "property": ["description", "description_en"],
}


def demo_without_english(folder: Path) -> Path:
    """Copy today's demo files into ``folder`` without migration 0011's columns; return ``folder``."""
    shutil.copytree(config.DEMO_DIR, folder)
    for name, columns in ENGLISH_COLUMNS.items():
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        frame.drop(columns=columns).to_csv(folder / f"{name}.csv", index=False)
    return folder
