"""One place for each rule: a second copy of a rule is caught here, not by a reader months later."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "impactdash"
CODE = [*PACKAGE.rglob("*.py"), *(ROOT / "app_pages").glob("*.py"), ROOT / "dashboard.py"]


def _holders(pattern: str) -> list[str]:
    found = re.compile(pattern, re.I)
    return sorted(str(p.relative_to(ROOT)) for p in CODE if found.search(p.read_text(encoding="utf-8")))


def test_one_audit_writer():
    assert _holders(r"insert\s+into\s+audit_log") == ["impactdash/write/audit.py"]


def test_one_data_version_bump():
    assert _holders(r"update\s+data_version\s+set") == ["impactdash/store/db.py"]


def test_every_setting_is_read_in_the_settings_module():
    assert _holders(r"os\.environ|os\.getenv") == ["impactdash/config.py"]


def test_one_error_base_for_messages_shown_to_people():
    # Every error class that carries a text key derives from errors.UserFacingError.
    own = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(f, ast.FunctionDef) and f.name == "message" for f in node.body
            ):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                is_error = any(b.endswith(("Error", "Exception")) for b in bases)
                if (
                    is_error
                    and node.name != "UserFacingError"
                    and not bases & {"UserFacingError", "EditError"}
                ):
                    own.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert not own, own


def test_one_date_format_table():
    # Dates are shown through i18n.DATE_FORMATS; a display pattern elsewhere is a second table.
    # (write/staging.py holds the formats a typed or imported date is *read* in: another rule.)
    shown = _holders(r"\"(dd-MM-yyyy|%-d %b %Y|DD-MM-YYYY|YYYY/MM/DD|d MMM yyyy)\"")
    assert shown == ["impactdash/i18n.py"]


def test_one_invisible_join_character():
    # The word joiner that keeps a date on one line is defined once (i18n.WORD_JOINER): a copy
    # elsewhere would let a download or the PDF keep a joiner the page's own copy puts in.
    assert _holders(r"\\u2060|\u2060") == ["impactdash/i18n.py"]


def test_one_rule_for_status():
    # Status, pace and reason come from metrics.assess; a view that read the raw projection
    # ("already met", "reaches the target on") would be a second rule beside it (issue 11).
    assert _holders(r"\.(already_met|reaches_target_on)\b") == ["impactdash/measures/metrics.py"]


def test_the_checks_see_what_they_look_for():
    assert "impactdash/store/db.py" in _holders(r"def bump_data_version")
