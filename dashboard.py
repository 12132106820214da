"""Entry point: page config, who is here, language and municipality, and the pages they may use.

Run with ``streamlit run dashboard.py``. The working database is built from the demo
data on first run if it does not exist yet (see impactdash.loader.ensure_database).
"""

import streamlit as st

from impactdash import i18n, permissions, publish, ui

# An emoji favicon: a Material icon here would make every browser fetch it from a font CDN.
st.set_page_config(page_title="Impactpijler", page_icon="📊", layout="wide")

#: The pages, in menu order: (file, title text key, icon, url path, action needed or None).
#: A page whose action this person lacks is left out of the navigation; each staff page
#: also starts with ui.guard(action), so a typed URL is refused as well.
PAGES = (
    ("app_pages/overview.py", "page_overview", ":material/dashboard:", "overview", None),
    ("app_pages/budget.py", "page_budget", ":material/euro:", "budget", None),
    ("app_pages/property.py", "page_property", ":material/apartment:", "property", None),
    ("app_pages/ecosystem.py", "page_ecosystem", ":material/hub:", "ecosystem", None),
    ("app_pages/ambitions.py", "page_ambitions", ":material/flag:", "ambitions", None),
    ("app_pages/compare.py", "page_compare", ":material/compare_arrows:", "compare", None),
    ("app_pages/method.py", "page_method", ":material/menu_book:", "method", None),
    ("app_pages/publish.py", "page_publish", ":material/publish:", "publish", "view_drafts"),
    ("app_pages/changes.py", "page_changes", ":material/difference:", "changes", "view_drafts"),
    ("app_pages/review.py", "page_review", ":material/fact_check:", "review", "review_progress"),
    ("app_pages/report.py", "page_report", ":material/summarize:", "report", "export_report"),
    ("app_pages/edit.py", "page_edit", ":material/edit:", "edit", "edit_figures"),
    ("app_pages/import_data.py", "page_import", ":material/upload_file:", "import", "import"),
    ("app_pages/audit.py", "page_audit", ":material/history:", "audit", "view_own_audit"),
    ("app_pages/users.py", "page_users", ":material/group:", "users", "manage_users"),
    ("app_pages/backup.py", "page_backup", ":material/backup:", "backup", "backup_restore"),
)
NOTHING_PUBLISHED = ("app_pages/nothing_published.py", "page_overview", ":material/dashboard:", "overview")
SIGN_IN = ("app_pages/sign_in.py", "page_sign_in", ":material/login:", "sign-in", None)

public_only = publish.public_only()
if not public_only:
    try:
        ui.connection()
    except Exception:  # noqa: BLE001 - a visitor gets a message, the log gets the details
        st.error(i18n.t("no_database", i18n.DEFAULT_LANGUAGE) + " / " + i18n.t("no_database", "en"))
        raise SystemExit from None

# In public-only mode nobody signs in: the process serves the current publication only.
actor = permissions.ANONYMOUS if public_only else ui.current_actor()
lang = ui.language_switch()
ui.figures_switch(actor, lang)
ui.municipality_picker(lang)


def page(path: str, key: str, icon: str, url: str, default: bool = False) -> st.Page:
    """Build one navigation entry with its title in the chosen language."""
    return st.Page(path, title=i18n.t(key, lang), icon=icon, url_path=url, default=default)


public = [page(*row[:4], default=(i == 0)) for i, row in enumerate(PAGES) if row[4] is None]
if not ui.has_figures():
    # Nothing published (and not reading drafts): one page says so instead of empty pages.
    public = [page(*NOTHING_PUBLISHED, default=True)]
staff = [page(*row[:4]) for row in PAGES if row[4] and permissions.allowed(actor, row[4])]
if actor.signed_in:
    roles = ", ".join(i18n.t(f"role_{r}", lang) for r in sorted(actor.roles))
    st.sidebar.caption(i18n.t("signed_in_as", lang, name=actor.display_name or actor.username, roles=roles))
    st.sidebar.button(i18n.t("sign_out", lang), icon=":material/logout:", on_click=ui.sign_out)
elif not public_only:
    staff.append(page(*SIGN_IN[:4]))
# One flat list: Streamlit's sectioned navigation breaks the list markup (axe: list, listitem).
# Expanded: staff have more than the ten entries Streamlit shows before "View more".
st.navigation(public + staff, expanded=True).run()
