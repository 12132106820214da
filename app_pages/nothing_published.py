"""Shown instead of the public pages while nothing has been published yet."""

import streamlit as st

from impactdash import i18n, ui

lang = ui.lang()
st.title(i18n.t("app_title", lang))
st.info(i18n.t("nothing_published", lang), icon=":material/hourglass_empty:")
