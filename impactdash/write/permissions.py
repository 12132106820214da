"""Who may do what: named actions, the roles that grant them, and one ``require``.

Which role grants which action is data (``GRANTS``), not ``if role == ...`` scattered
over pages. Every staff page guard and every write calls :func:`require` with a named
action; checking an action that is not in ``ACTIONS`` is an error, so a typo can never
silently open or close a door.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Every protected action, with what it allows.
ACTIONS: dict[str, str] = {
    "view_drafts": "see pages on the working (unpublished) figures",
    "edit_figures": "create, change and delete figures, one record or a grid at a time",
    "import": "upload a spreadsheet and write its rows",
    "view_own_audit": "see the audit trail of one's own changes",
    "view_audit_log": "see everybody's audit trail",
    "revert_change": "undo a change from the audit trail",
    "request_publication": "ask for the current figures to be published",
    "approve_publication": "approve or reject somebody else's publication request",
    "withdraw_publication": "withdraw a publication so the previous one is current again",
    "export_report": "export the progress report",
    "review_progress": "see the progress review of every ambition and add notes to it",
    "manage_users": "add, disable and change users, reset passwords",
    "backup_restore": "back up the database and restore it from a backup",
}

ROLES = ("editor", "reviewer", "admin")

#: The policy: which role grants which actions. A person with several roles has the union.
GRANTS: dict[str, frozenset[str]] = {
    "editor": frozenset({"view_drafts", "edit_figures", "import", "view_own_audit", "request_publication"}),
    "reviewer": frozenset(
        {
            "view_drafts",
            "view_own_audit",
            "view_audit_log",
            "revert_change",
            "approve_publication",
            "export_report",
            "review_progress",
        }
    ),
    "admin": frozenset(
        {
            "view_drafts",
            "view_own_audit",
            "view_audit_log",
            "revert_change",
            "approve_publication",
            "withdraw_publication",
            "review_progress",
            "manage_users",
            "backup_restore",
        }
    ),
}


class PermissionDenied(PermissionError):
    """The actor may not perform the action."""


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user with roles, or the anonymous visitor."""

    username: str | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    display_name: str = ""

    @property
    def signed_in(self) -> bool:
        """Whether this is a signed-in user."""
        return self.username is not None


ANONYMOUS = Actor()


def _known(action: str) -> None:
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to permissions.ACTIONS and GRANTS first")


def allowed(actor: Actor, action: str) -> bool:
    """Return whether ``actor`` may perform ``action`` (an unknown action is an error)."""
    _known(action)
    if not actor.signed_in:
        return False
    return any(action in GRANTS.get(role, frozenset()) for role in actor.roles)


def require(actor: Actor, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may perform ``action``."""
    if not allowed(actor, action):
        who = actor.username or "anonymous"
        raise PermissionDenied(f"{who} may not {ACTIONS[action]} ({action})")
