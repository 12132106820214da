"""The accessibility statement (toegankelijkheidsverklaring), after the Dutch model statement."""

import streamlit as st

from impactdash import i18n, ui
from impactdash.views import accessibility as statement

lang = ui.lang()

st.title(i18n.t("page_accessibility", lang))
st.markdown(i18n.t("a11y_intro", lang))
st.header(i18n.t("a11y_status_heading", lang))
st.markdown(i18n.t(statement.status_key(), lang))
st.header(i18n.t("a11y_check_heading", lang))
st.markdown(statement.check_text(statement.load_check(), lang))
st.markdown(i18n.t("a11y_check_more", lang))
st.header(i18n.t("a11y_gaps_heading", lang))
st.markdown("\n".join(statement.gap_lines(lang)))
st.header(i18n.t("a11y_contact_heading", lang))
st.markdown(statement.contact_text(lang))
st.header(i18n.t("a11y_enforcement_heading", lang))
st.markdown(i18n.t("a11y_enforcement", lang, url=statement.OMBUDSMAN_URL))
st.header(i18n.t("a11y_register_heading", lang))
st.markdown(i18n.t("a11y_register", lang, url=statement.REGISTER_URL))
