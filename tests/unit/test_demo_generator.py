"""The demo generator reproduces the committed demo data (data/demo/*.csv) byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"


def test_generator_reproduces_the_committed_demo_data(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_demo_data.py"), "--out", str(tmp_path), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    committed = sorted(p.name for p in DEMO.glob("*.csv"))
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == committed
    different = [name for name in committed if (tmp_path / name).read_bytes() != (DEMO / name).read_bytes()]
    assert not different, (
        f"the generator no longer reproduces data/demo/{different}: if the change is intended, "
        "run `python tools/make_demo_data.py` and commit the CSV files with it"
    )
