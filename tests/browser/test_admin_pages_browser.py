"""The users and backup pages in a real browser.

The backup page's journey downloads a backup and restores it by upload: the figures it
restores are the ones being served, so the shared server's data stays as it is (the audit
trail records the backup and the restore, and the backups folder keeps the files).
"""

from __future__ import annotations

import zipfile

from tests.browser.conftest import screenshot, wait_until_drawn
from tests.browser.test_audit_browser import sign_in


def test_admin_opens_users_and_backup_then_downloads_a_backup_and_restores_it_by_upload(
    server, page, tmp_path
):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, server, "admin.demo", "demo-admin-2026")
    page.get_by_role("link", name="Gebruikers").click()
    page.get_by_role("heading", name="Gebruikers", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.get_by_role("heading", name="Gebruiker toevoegen", level=2).count() == 1
    screenshot(page, "users-nl")
    page.get_by_role("link", name="Back-up").click()
    page.get_by_role("heading", name="Back-up", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.get_by_role("button", name="Nu back-up maken").count() == 1
    screenshot(page, "backup-nl")

    # Download a backup the app made, upload it again and restore it (issue 12: a backup
    # downloaded from the app could not be restored by the app, being over the upload limit).
    page.get_by_role("button", name="Nu back-up maken").click()
    page.get_by_text("is gemaakt.").wait_for(timeout=30_000)
    wait_until_drawn(page)  # the list of backups is redrawn: a click during that run can be lost
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Back-up downloaden").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".zip" and zipfile.is_zipfile(saved)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(saved))
    # Streamlit shortens a long name in the middle ("impact-...101147.zip"): its end is enough.
    page.locator('[data-testid="stFileUploader"]').get_by_text(saved.name[-10:]).wait_for(timeout=30_000)
    assert page.get_by_text("MB or smaller").count() == 0  # Streamlit's own refusal, in English
    page.get_by_text("Ik begrijp dat alle cijfers worden vervangen").click()
    page.get_by_role("button", name="Terugzetten").click()
    page.get_by_text(f"{saved.name} is teruggezet.").wait_for(timeout=60_000)
    wait_until_drawn(page)
    screenshot(page, "backup-restored-nl")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert not errors
