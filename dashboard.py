"""Entry point: page config, language and municipality, and the pages this visitor may use.

Run with ``streamlit run dashboard.py``. The working database is built from the demo
data on first run if it does not exist yet (see impactdash.loader.ensure_database).
"""

import streamlit as st

from impactdash import i18n, ui

st.set_page_config(page_title="Impactpijler", page_icon="📊", layout="wide")

#: The pages, in menu order: (file, title text key, icon, url path).
PAGES = (
    ("pages/overview.py", "page_overview", ":material/dashboard:", "overview"),
    ("pages/budget.py", "page_budget", ":material/euro:", "budget"),
    ("pages/property.py", "page_property", ":material/apartment:", "property"),
    ("pages/ecosystem.py", "page_ecosystem", ":material/hub:", "ecosystem"),
    ("pages/ambitions.py", "page_ambitions", ":material/flag:", "ambitions"),
    ("pages/compare.py", "page_compare", ":material/compare_arrows:", "compare"),
    ("pages/method.py", "page_method", ":material/menu_book:", "method"),
)

try:
    ui.connection()
except Exception:  # noqa: BLE001 - a visitor gets a message, the log gets the details
    st.error(i18n.t("no_database", i18n.DEFAULT_LANGUAGE) + " / " + i18n.t("no_database", "en"))
    raise SystemExit from None

lang = ui.language_switch()
ui.municipality_picker(lang)
pages = [
    st.Page(path, title=i18n.t(key, lang), icon=icon, url_path=url, default=(i == 0))
    for i, (path, key, icon, url) in enumerate(PAGES)
]
st.navigation(pages).run()
