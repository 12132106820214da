"""Sign in: local account (argon2id, lockout) or the municipality's single sign-on."""

import streamlit as st

from impactdash import config, i18n, startup, ui
from impactdash.write import auth

lang = ui.lang()
st.title(i18n.t("page_sign_in", lang))
ui.dataset_banner(lang, working=True)
st.markdown(i18n.t("sign_in_intro", lang))
if st.session_state.pop("signed_out_idle", False):
    st.info(i18n.t("signed_out_idle", lang, minutes=round(config.session_idle_minutes())))

if ui.sso_configured():
    st.button(i18n.t("sign_in_sso", lang), on_click=st.login, type="primary")

with st.form("sign_in"):
    username = st.text_input(i18n.t("username", lang), autocomplete="username")
    password = st.text_input(i18n.t("password", lang), type="password", autocomplete="current-password")
    submitted = st.form_submit_button(i18n.t("sign_in_button", lang), type="primary")

if submitted:
    try:
        actor = auth.sign_in(ui.connection(), username.strip().lower(), password, ui.client_source())
    except auth.SignInError as err:
        until = i18n.fmt_time(err.until, lang) if err.until else ""
        key = {"locked": "sign_in_locked", "source_locked": "sign_in_source_locked"}.get(
            err.reason, "sign_in_failed"
        )
        st.error(i18n.t(key, lang, time=until))
    else:
        ui.sign_in_as(actor)
        st.rerun()

if ui.working_query("dataset_info").iloc[0]["is_demo"]:
    st.caption(i18n.t("demo_accounts", lang))
    st.table(
        {
            i18n.t("username", lang): [u for u, _, _ in startup.DEMO_USERS],
            i18n.t("password", lang): [p for _, p, _ in startup.DEMO_USERS],
            "": [", ".join(i18n.t(f"role_{r}", lang) for r in roles) for _, _, roles in startup.DEMO_USERS],
        }
    )
