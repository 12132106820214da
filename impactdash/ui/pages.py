"""The page table: every page, its title, icon, address and the action it needs.

The entry script builds the navigation from it and the tests build their role matrix from
it, so a new page is one row here. A page whose action this person lacks is left out of
the navigation; each staff page also starts with ``ui.guard(action)``, so a typed URL is
refused as well.
"""

from __future__ import annotations

from impactdash import i18n

#: The pages, in menu order: (file, title text key, icon, url path, action needed or None).
PAGES = (
    ("app_pages/overview.py", "page_overview", ":material/dashboard:", "overview", None),
    ("app_pages/budget.py", "page_budget", ":material/euro:", "budget", None),
    ("app_pages/property.py", "page_property", ":material/apartment:", "property", None),
    ("app_pages/ecosystem.py", "page_ecosystem", ":material/hub:", "ecosystem", None),
    ("app_pages/ambitions.py", "page_ambitions", ":material/flag:", "ambitions", None),
    ("app_pages/programme.py", "page_programme", ":material/account_tree:", "programme", None),
    ("app_pages/compare.py", "page_compare", ":material/compare_arrows:", "compare", None),
    ("app_pages/method.py", "page_method", ":material/menu_book:", "method", None),
    ("app_pages/changelog.py", "page_changelog", ":material/history_edu:", "changelog", None),
    ("app_pages/accessibility.py", "page_accessibility", ":material/accessibility:", "accessibility", None),
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
#: Shown instead of the public pages while nothing is published (and drafts are not chosen).
NOTHING_PUBLISHED = ("app_pages/nothing_published.py", "page_overview", ":material/dashboard:", "overview")
SIGN_IN = ("app_pages/sign_in.py", "page_sign_in", ":material/login:", "sign-in", None)


def public_pages() -> list[tuple]:
    """Return the rows of the pages everyone may see."""
    return [row for row in PAGES if row[4] is None]


def staff_pages() -> list[tuple]:
    """Return the rows of the pages that need an action (and so a signed-in person)."""
    return [row for row in PAGES if row[4] is not None]


def document_title(title_key: str, lang: str, town: str | None = None) -> str:
    """Return the browser tab's title of a page: "Budget en uitgaven — Impactpijler Den Haag".

    Distinct per page and language (WCAG 2.4.2): the page first, so a list of tabs or a
    screen reader's window list tells the pages apart; then the site, with the municipality
    the figures are about where one is chosen.
    """
    site = i18n.t("app_title", lang)
    return f"{i18n.t(title_key, lang)} — {site} {town}" if town else f"{i18n.t(title_key, lang)} — {site}"
