"""The audit page's steps that write or keep state: reverting an entry, and what an import changed.

Reverting is :func:`impactdash.write.edits.revert`'s (an import as one unit through
:mod:`impactdash.write.import_revert`); the tables are :mod:`impactdash.views.audit`'s.
When an import's revert is refused because records changed since, the entry offers a
second button that reverts those records too, as the single-edit revert offers none.
"""

from __future__ import annotations

import streamlit as st

from impactdash import i18n
from impactdash.ui import session, sources
from impactdash.views import audit as audit_view
from impactdash.write import edits, import_revert, permissions
from impactdash.write.import_changes import kept as import_changes_kept

#: The import whose revert was refused for records changed since: offer to revert them too.
FORCE_KEY = "audit_force_revert"
#: Records of an import shown in its entry (the audit page is not the place for 100,000 lines).
IMPORT_LINES = 50


def revert(actor: permissions.Actor, audit_id: int, lang: str, force: bool = False) -> None:
    """Undo one entry's change (an import as a whole); keep the outcome to show after the rerun."""
    try:
        edits.revert(sources.connection(), actor, audit_id, force=force)
    except import_revert.RevertConflictError as exc:
        st.session_state[FORCE_KEY] = audit_id
        session.flash("audit", exc.message(lang), "error")
    except edits.EditError as exc:
        session.flash("audit", exc.message(lang), "error")
    except permissions.PermissionDenied:
        session.flash("audit", i18n.t("no_access", lang), "error")
    else:
        st.session_state.pop(FORCE_KEY, None)
        session.flash("audit", i18n.t("audit_reverted", lang, id=audit_id))


def offers_force(audit_id: int) -> bool:
    """Whether this entry's import revert was refused for records changed since (the entry then opens)."""
    return st.session_state.get(FORCE_KEY) == audit_id


def revertible(action: str, dataset: str | None) -> bool:
    """Whether the entry gets a revert button: a change of figures, not a sign-in or a publication step."""
    return edits.is_revertible(action, dataset)


def revert_buttons(actor: permissions.Actor, audit_id: int, lang: str) -> None:
    """Show the entry's revert button; after a refused import revert, one that reverts those records too."""
    st.button(
        i18n.t("audit_revert", lang),
        key=f"audit_revert_{audit_id}",
        icon=":material/undo:",
        on_click=revert,
        args=(actor, audit_id, lang),
    )
    if st.session_state.get(FORCE_KEY) == audit_id:
        st.button(
            i18n.t("audit_revert_force", lang),
            key=f"audit_revert_force_{audit_id}",
            icon=":material/undo:",
            help=i18n.t("audit_revert_force_help", lang),
            on_click=revert,
            args=(actor, audit_id, lang, True),
        )


def import_changes(audit_id: int, dataset: str | None, lang: str) -> bool:
    """Show the records an import or its revert changed (the first IMPORT_LINES); False if it kept none."""
    kept = import_changes_kept(sources.connection(), audit_id, IMPORT_LINES)
    if kept.empty:
        return False
    total, shown = (i18n.fmt_number(n, lang) for n in (int(kept["total"].iloc[0]), len(kept)))
    st.caption(i18n.t("audit_import_changes", lang, count=total, shown=shown))
    st.dataframe(audit_view.import_lines(kept, dataset, lang), hide_index=True)
    return True
