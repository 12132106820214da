"""Users: list the staff accounts, add one, change roles, disable/enable, reset a password, lift locks.

Every change goes through ``impactdash.write.users`` (permission, transaction, audit entry).
Password hashes are never read by this page.
"""

from functools import partial

import pandas as pd
import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.write import auth, permissions, users
from impactdash.write.validation import EditError

actor = ui.guard("manage_users")
lang = ui.lang()
t = partial(i18n.t, lang=lang)

st.title(t("page_users"))
ui.dataset_banner(lang, working=True)
st.caption(t("users_intro"))

ui.show_flash("users")


def role_label(role: str) -> str:
    """Return a role's name in the page language."""
    return t(f"role_{role}")


def attempt(call, username: str, done_key: str = "users_done") -> bool:
    """Run one write; show its refusal here, or keep the success to show after the rerun."""
    try:
        call()
    except EditError as exc:
        st.error(escape_markdown(exc.message(lang)))  # it may quote a typed e-mail address
        return False
    except permissions.PermissionDenied:
        st.error(t("no_access"))
        return False
    ui.flash("users", t(done_key, username=escape_markdown(username)))
    return True


accounts = ui.working_query("users_list", username=None)
st.header(t("users_list"))
shown = pd.DataFrame(
    {
        t("users_username"): accounts["username"],
        t("users_name"): accounts["display_name"],
        t("users_email"): accounts["email"].fillna("–"),
        t("users_roles"): [", ".join(role_label(r) for r in v.split(",") if r) for v in accounts["roles"]],
        t("users_disabled"): [t("users_yes") if v else t("users_no") for v in accounts["disabled"]],
        t("users_locked_until"): [
            "–" if pd.isna(v) else i18n.fmt_time(pd.Timestamp(v).to_pydatetime(), lang)
            for v in accounts["locked_until"]
        ],
    }
)
st.dataframe(shown, hide_index=True)

# Locks after failed sign-ins, of accounts and of client addresses; lifting one is audited.
st.header(t("users_locks"))
locks = auth.current_locks(ui.connection())
lift = {"accounts": users.unlock, "addresses": users.unlock_address}
if not any(locks.values()):
    st.caption(t("users_no_locks"))
for kind, held in locks.items():
    for who, until in held:
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.write(t(f"users_lock_{kind}", who=escape_markdown(who), time=i18n.fmt_time(until, lang)))
        if button.button(t("users_unlock"), key=f"users_lift_{kind}_{who}") and attempt(
            partial(lift[kind], ui.connection(), actor, who), who, "users_lifted"
        ):
            st.rerun()

st.header(t("users_add"))
with st.form("users_add_form"):
    left, right = st.columns(2)
    new_username = left.text_input(t("users_username"), max_chars=40, key="users_new_username")
    new_name = right.text_input(t("users_name"), max_chars=200, key="users_new_name")
    new_email = left.text_input(t("users_email"), max_chars=200, key="users_new_email")
    new_password = right.text_input(
        t("users_password"), type="password", max_chars=200, key="users_new_password"
    )
    new_roles = st.multiselect(
        t("users_roles"), list(permissions.ROLES), format_func=role_label, placeholder=t("users_pick_roles")
    )
    if st.form_submit_button(t("users_add_button")) and attempt(
        lambda: users.add_user(
            ui.connection(), actor, new_username, new_name, new_email, new_password, new_roles
        ),
        new_username.strip(),
        "users_added",
    ):
        st.rerun()

st.header(t("users_change"))
if accounts.empty:
    st.stop()
username = st.selectbox(t("users_pick"), accounts["username"].tolist(), key="users_pick")
row = accounts.set_index("username").loc[username]
current = [r for r in row["roles"].split(",") if r]
roles = st.multiselect(
    t("users_roles"),
    list(permissions.ROLES),
    default=current,
    format_func=role_label,
    placeholder=t("users_pick_roles"),
    key=f"users_roles_{username}",
)
if st.button(t("users_save_roles"), key="users_save_roles") and attempt(
    lambda: users.set_roles(ui.connection(), actor, username, roles), username
):
    st.rerun()
disabled = bool(row["disabled"])
if st.button(t("users_enable") if disabled else t("users_disable"), key="users_toggle") and attempt(
    lambda: users.set_disabled(ui.connection(), actor, username, not disabled), username
):
    st.rerun()
password = st.text_input(t("users_new_password"), type="password", key=f"users_password_{username}")
if st.button(t("users_reset"), key="users_reset") and attempt(
    lambda: users.reset_password(ui.connection(), actor, username, password), username
):
    st.rerun()
