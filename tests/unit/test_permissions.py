"""The permission policy as a matrix, and a guard against checking unregistered actions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from impactdash.write.permissions import ACTIONS, ANONYMOUS, GRANTS, Actor, PermissionDenied, allowed, require

ROOT = Path(__file__).resolve().parents[2]

EDITOR = Actor("erik", frozenset({"editor"}))
REVIEWER = Actor("rosa", frozenset({"reviewer"}))
ADMIN = Actor("ada", frozenset({"admin"}))
EDITOR_REVIEWER = Actor("evi", frozenset({"editor", "reviewer"}))
NO_ROLES = Actor("nora", frozenset())

# (actor, action) -> allowed. One glance shows the whole policy.
MATRIX = {
    "view_drafts": {ANONYMOUS: False, NO_ROLES: False, EDITOR: True, REVIEWER: True, ADMIN: True},
    "edit_figures": {ANONYMOUS: False, NO_ROLES: False, EDITOR: True, REVIEWER: False, ADMIN: False},
    "import": {ANONYMOUS: False, NO_ROLES: False, EDITOR: True, REVIEWER: False, ADMIN: False},
    "view_own_audit": {ANONYMOUS: False, NO_ROLES: False, EDITOR: True, REVIEWER: True, ADMIN: True},
    "view_audit_log": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: True, ADMIN: True},
    "revert_change": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: True, ADMIN: True},
    "request_publication": {ANONYMOUS: False, NO_ROLES: False, EDITOR: True, REVIEWER: False, ADMIN: False},
    "approve_publication": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: True, ADMIN: True},
    "withdraw_publication": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: False, ADMIN: True},
    "export_report": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: True, ADMIN: False},
    "review_progress": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: True, ADMIN: True},
    "manage_users": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: False, ADMIN: True},
    "backup_restore": {ANONYMOUS: False, NO_ROLES: False, EDITOR: False, REVIEWER: False, ADMIN: True},
}


def test_matrix_covers_every_action():
    assert set(MATRIX) == set(ACTIONS)


@pytest.mark.parametrize(
    ("action", "actor", "expected"),
    [(action, actor, ok) for action, row in MATRIX.items() for actor, ok in row.items()],
    ids=lambda v: v.username or "anonymous" if isinstance(v, Actor) else str(v),
)
def test_policy(action, actor, expected):
    assert allowed(actor, action) is expected
    if expected:
        require(actor, action)
    else:
        with pytest.raises(PermissionDenied):
            require(actor, action)


def test_several_roles_give_the_union():
    assert allowed(EDITOR_REVIEWER, "edit_figures") and allowed(EDITOR_REVIEWER, "approve_publication")


def test_unknown_action_is_an_error_not_a_refusal():
    with pytest.raises(KeyError):
        allowed(ADMIN, "edit_figure")


def test_grants_name_only_known_actions_and_every_action_is_granted():
    granted = set().union(*GRANTS.values())
    assert granted <= set(ACTIONS)
    assert granted == set(ACTIONS)


def _checked_actions() -> set[tuple[str, str]]:
    """Every string literal passed as the action to require/allowed/guard anywhere in the code."""
    found = set()
    for path in [*ROOT.glob("impactdash/**/*.py"), *ROOT.glob("app_pages/*.py"), ROOT / "dashboard.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"require", "allowed", "guard", "can"}:
                for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "action")]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add((str(path.relative_to(ROOT)), arg.value))
    return found


def test_every_checked_action_is_registered():
    unknown = {(path, action) for path, action in _checked_actions() if action not in ACTIONS}
    assert not unknown, f"actions checked but not in permissions.ACTIONS: {unknown}"
