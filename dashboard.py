"""Entry point: page config, who is here, language and municipality, and the pages they may use.

Run with ``streamlit run dashboard.py``. The working database is built from the demo
data on first run if it does not exist yet (see impactdash.startup.prepare).
"""

import logging

import streamlit as st

from impactdash import config, i18n, ui
from impactdash.errors import StorageError, UserFacingError
from impactdash.safe_text import escape_markdown
from impactdash.ui import pages
from impactdash.write import permissions

# An emoji favicon: a Material icon here would make every browser fetch it from a font CDN.
# The tab's title is set below, once the page and the language are known.
st.set_page_config(page_icon="📊", layout="wide")


public_only = config.public_only()
if not public_only:
    # What the staff app publishes gets its light pages (static HTML the balancer serves).
    # Imported here: public-only processes never publish and need not load the renderer.
    from impactdash.report import light

    light.enable()
    try:
        ui.start()  # build, upgrade and repair once per process, before anyone reads
    except StorageError as exc:  # held by the command line, a full disk: said as such
        # Anyone may see this page: the folder and the process go to the server's log only.
        logging.getLogger(__name__).error("cannot start: %s", exc.message("en"))
        st.error(exc.public_message(i18n.DEFAULT_LANGUAGE) + "\n\n" + exc.public_message("en"))
        st.stop()
    except Exception:  # noqa: BLE001 - a visitor gets a message, the log gets the details
        st.error(i18n.t("no_database", i18n.DEFAULT_LANGUAGE) + " / " + i18n.t("no_database", "en"))
        st.stop()

# In public-only mode nobody signs in: the process serves the current publication only.
actor = permissions.ANONYMOUS if public_only else ui.current_actor()
lang = ui.language_switch()
ui.figures_switch(actor, lang)
town_code = ui.municipality_picker(lang)
ui.page_aids(lang)  # focus ring, hidden sidebar, keyboard scrolling, names (issue 13)


def page(path: str, key: str, icon: str, url: str, default: bool = False) -> st.Page:
    """Build one navigation entry with its title in the chosen language."""
    return st.Page(path, title=i18n.t(key, lang), icon=icon, url_path=url, default=default)


public = [page(*row[:4], default=(i == 0)) for i, row in enumerate(pages.public_pages())]
if not ui.has_figures():
    # Nothing published (and not reading drafts): one page says so instead of empty pages.
    public = [page(*pages.NOTHING_PUBLISHED, default=True)]
staff, elsewhere = [], []
#: The text key of each address's title, for the browser tab's title.
title_keys = {row[3]: row[1] for row in (*pages.PAGES, pages.NOTHING_PUBLISHED, pages.SIGN_IN)}
for row in pages.staff_pages():
    if permissions.allowed(actor, row[4]):
        staff.append(page(*row[:4]))
    elif not public_only:
        # A staff page's address (a bookmark, a reload after the session ended) keeps working:
        # the sign-in form there, or the refusal for someone without the right, never
        # Streamlit's English "page not found" on the overview. Hidden from the menu.
        shown = pages.SIGN_IN[0] if not actor.signed_in else ui.refused
        title = i18n.t(pages.SIGN_IN[1] if not actor.signed_in else row[1], lang)
        elsewhere.append(st.Page(shown, title=title, url_path=row[3], visibility="hidden"))
        title_keys[row[3]] = pages.SIGN_IN[1] if not actor.signed_in else row[1]
if actor.signed_in:
    roles = ", ".join(i18n.t(f"role_{r}", lang) for r in sorted(actor.roles))
    # A display name is typed text: shown as typed, never as Markdown (an image in it would be fetched).
    name = escape_markdown(actor.display_name or actor.username)
    st.sidebar.caption(i18n.t("signed_in_as", lang, name=name, roles=roles))
    st.sidebar.button(i18n.t("sign_out", lang), icon=":material/logout:", on_click=ui.sign_out)

    def signed_in_already() -> None:
        """At the sign-in address while signed in (a bookmark, a reload): go to the first page."""
        st.switch_page(public[0])

    title = i18n.t(pages.SIGN_IN[1], lang)
    elsewhere.append(st.Page(signed_in_already, title=title, url_path=pages.SIGN_IN[3], visibility="hidden"))
elif not public_only:
    staff.append(page(*pages.SIGN_IN[:4]))
with st.sidebar:  # at the sidebar's end: its brief appearance shifts nothing a person is about to click
    ui.cookie_sync()
    ui.page_language(lang)
# One flat list: Streamlit's sectioned navigation breaks the list markup (axe: list, listitem).
# Expanded: staff have more than the ten entries Streamlit shows before "View more".
current = st.navigation(public + staff + elsewhere, expanded=True)
# A distinct title per page and language (WCAG 2.4.2), with the municipality the figures are about.
towns = ui.query("municipalities") if town_code else None
town = None if towns is None else dict(zip(towns["code"], towns["name"], strict=True)).get(town_code)
title_key = title_keys.get(current.url_path, "page_overview")
st.set_page_config(page_title=pages.document_title(title_key, lang, town))
try:
    current.run()
except UserFacingError as exc:
    # A refusal no page caught (a full disk, a lock): in the page's words, never Streamlit's error box.
    st.error(exc.message(lang))
