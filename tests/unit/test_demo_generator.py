"""The demo generator (tools/make_demo_data.py) reproduces data/demo/*.csv byte for byte,
and uses the status rules of impactdash.measures.metrics instead of its own copy."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from impactdash.measures import metrics
from tools import make_demo_data
from tools.demo import ambitions, buildings, dates, money, network, spec, tables

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
        f"the generator no longer reproduces {', '.join(different)} in data/demo/; if the change "
        "is intended, run `python tools/make_demo_data.py` and commit the CSV files with it"
    )


# --- The generator uses the dashboard's status rules, not a copy of them. ---------------

GENERATOR_MODULES = [make_demo_data, ambitions, buildings, dates, money, network, spec, tables]
RULES = ["ON_TRACK_MAX_GAP", "AT_RISK_MAX_GAP", "trajectory", "position", "assess"]


@pytest.mark.parametrize("module", GENERATOR_MODULES, ids=lambda m: m.__name__)
def test_generator_has_no_copy_of_the_status_rules(module):
    # Importing the very object from impactdash.measures.metrics would be fine; a copy is not.
    copies = [
        rule for rule in RULES if getattr(module, rule, getattr(metrics, rule)) is not getattr(metrics, rule)
    ]
    assert not copies, f"{module.__name__} has its own {copies}: import them from impactdash.measures.metrics"


def test_aim_bands_follow_the_package_thresholds(monkeypatch):
    monkeypatch.setattr(metrics, "ON_TRACK_MAX_GAP", 0.2)
    monkeypatch.setattr(metrics, "AT_RISK_MAX_GAP", 0.4)
    assert ambitions.aim_band("risk") == pytest.approx((0.21, 0.39))
    assert ambitions.aim_band("behind")[0] == pytest.approx(0.45)


@pytest.mark.parametrize("aim", ["ahead", "risk", "behind"])
def test_every_gap_in_an_aims_band_gives_its_status_on_the_dashboard(aim):
    amb = metrics.Ambition(metrics.Point(date(2020, 12, 31), 0.0), metrics.Point(date(2030, 12, 31), 100.0))
    on = date(2025, 12, 31)
    expected = metrics.trajectory(amb, on)
    lo, hi = ambitions.aim_band(aim)
    for gap in (lo, (lo + hi) / 2, hi):
        latest = metrics.Point(on, expected - gap * 100.0)
        assert metrics.position(amb, latest) == ambitions.AIM_STATUS[aim], gap
