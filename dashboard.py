"""Entry point: page config, who is here, language and municipality, and the pages they may use.

Run with ``streamlit run dashboard.py``. The working database is built from the demo
data on first run if it does not exist yet (see impactdash.startup.prepare).
"""

import streamlit as st

from impactdash import config, i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.ui import pages
from impactdash.write import permissions

# An emoji favicon: a Material icon here would make every browser fetch it from a font CDN.
st.set_page_config(page_title="Impactpijler", page_icon="📊", layout="wide")


public_only = config.public_only()
if not public_only:
    try:
        ui.start()  # build, upgrade and repair once per process, before anyone reads
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


public = [page(*row[:4], default=(i == 0)) for i, row in enumerate(pages.public_pages())]
if not ui.has_figures():
    # Nothing published (and not reading drafts): one page says so instead of empty pages.
    public = [page(*pages.NOTHING_PUBLISHED, default=True)]
staff = [page(*row[:4]) for row in pages.staff_pages() if permissions.allowed(actor, row[4])]
if actor.signed_in:
    roles = ", ".join(i18n.t(f"role_{r}", lang) for r in sorted(actor.roles))
    # A display name is typed text: shown as typed, never as Markdown (an image in it would be fetched).
    name = escape_markdown(actor.display_name or actor.username)
    st.sidebar.caption(i18n.t("signed_in_as", lang, name=name, roles=roles))
    st.sidebar.button(i18n.t("sign_out", lang), icon=":material/logout:", on_click=ui.sign_out)
elif not public_only:
    staff.append(page(*pages.SIGN_IN[:4]))
# One flat list: Streamlit's sectioned navigation breaks the list markup (axe: list, listitem).
# Expanded: staff have more than the ten entries Streamlit shows before "View more".
st.navigation(public + staff, expanded=True).run()
