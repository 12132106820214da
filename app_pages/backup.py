"""Backup: list the backups, make one now, download one, restore a listed or uploaded one (confirmed).

Everything goes through ``impactdash.write.backup`` (permission, pre-restore backup, audit).
"""

from functools import partial

import pandas as pd
import streamlit as st

from impactdash import config, i18n, ui
from impactdash.errors import UserFacingError
from impactdash.write import backup, permissions

actor = ui.guard("backup_restore")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
db_path = config.default_db_path()

st.title(t("page_backup"))
ui.dataset_banner(lang, working=True)
st.caption(t("backup_intro"))

ui.show_flash("backup")


def attempt(call) -> object | None:
    """Run a backup or restore; show a refusal here (never a traceback), return the result or None."""
    try:
        return call()
    except UserFacingError as exc:  # a refusal, a full disk, a read-only folder, a lock
        st.error(exc.message(lang))
    except permissions.PermissionDenied:
        st.error(t("no_access"))
    return None


if st.button(t("backup_now"), icon=":material/backup:", key="backup_now"):
    made = attempt(lambda: backup.make_backup(ui.connection(), actor))
    if made is not None:
        ui.flash("backup", t("backup_made", name=made.name))
        st.rerun()

st.header(t("backup_list"))
files = backup.list_backups(db_path)
if not files:
    st.info(t("backup_none"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("backup_file"): [f.name for f in files],
                t("backup_made_at"): [i18n.fmt_time(f.made_at, lang) for f in files],
                t("backup_size"): [i18n.fmt_number(f.size / 1_000_000, lang, 1) for f in files],
            }
        ),
        hide_index=True,
    )
    names = [f.name for f in files]
    chosen = st.selectbox(t("backup_pick"), names, key="backup_pick")
    path = backup.find_backup(db_path, chosen)
    # The bytes themselves, not the callable Streamlit would call on the click (a "deferred"
    # download): in CI on four workers that click twice gave no download at all (2 Dec 2026),
    # as every other download here is eager. A backup is at most the upload limit.
    st.download_button(
        t("backup_download"),
        data=path.read_bytes(),
        file_name=chosen,
        mime="application/zip" if chosen.endswith(backup.SUFFIX) else "application/octet-stream",
        icon=":material/download:",
        key="backup_download",
    )

st.header(t("backup_restore_listed"))
# No type filter: the browser would refuse another file in English; restore names it.
upload = ui.file_uploader(t("backup_upload"), lang, key="backup_upload", limit_mb=backup.UPLOAD_LIMIT_MB)
if upload is None and not files:
    st.stop()
source_name = upload.name if upload is not None else st.session_state.get("backup_pick", files[0].name)
confirmed = st.checkbox(t("backup_confirm", name=source_name), key="backup_confirm")
if st.button(t("backup_restore"), icon=":material/restore:", key="backup_restore"):
    if not confirmed:
        st.error(t("backup_confirm_first"))
    else:

        def run_restore():
            if upload is not None:
                return backup.restore_upload(ui.connection(), actor, upload.getvalue(), upload.name)
            return backup.restore(ui.connection(), actor, backup.find_backup(db_path, source_name))

        with st.spinner(t("backup_restoring")):
            before = attempt(run_restore)
        if before is not None:
            ui.flash("backup", t("backup_restored", name=source_name, before=before.name))
            st.session_state.pop("backup_confirm", None)
            st.rerun()
