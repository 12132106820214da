"""Deployment tests: nginx from Debian's packages in front of public-only processes on loopback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Skip the tests here (marked ``deploy``) only outside CI without nginx; in CI they must run."""
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Debian's nginx is not installed (apt-get install nginx)")
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(skip)
