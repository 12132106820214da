"""The edit page in a real browser: an editor changes a figure the public sees; a stale save is refused.

The server is shared by every browser test: each journey restores the figure it changed.
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_drawn

EDITOR = ("editor.demo", "demo-editor-2026")
# Leeuwarden's impact team (FTE): 1,8 at the end of 2025 and of 2024 in the demo data.
RECORD_2025 = "impact_team_fte / GM0080 / 2025-12-31"
RECORD_2024 = "impact_team_fte / GM0080 / 2024-12-31"
CONFLICT = "intussen gewijzigd door editor.demo op"
DELETED = "Dit record is intussen verwijderd door editor.demo op"


def sign_in(page, server: str) -> None:
    page.goto(f"{server}/sign-in?gm=GM0080")
    wait_until_drawn(page)
    page.get_by_label("Gebruikersnaam").fill(EDITOR[0])
    page.get_by_label("Wachtwoord", exact=True).fill(EDITOR[1])
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Aangemeld als").wait_for()
    wait_until_drawn(page)


def go_to(page, menu_entry: str) -> None:
    # Within the session (a typed URL would start a new, anonymous one): the menu entry.
    page.locator('[data-testid="stSidebarNav"]').get_by_text(menu_entry, exact=True).click()
    page.get_by_role("heading", level=1).filter(has_text=menu_entry).wait_for()
    wait_until_drawn(page)


def choose(page, label: str, option: str, typed: str | None = None) -> None:
    main = page.locator('[data-testid="stMain"]')
    box = main.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True)).first
    # The combobox can take a moment to respond after a redraw: retry opening it.
    for _ in range(5):
        box.get_by_role("combobox").click()
        try:
            page.get_by_role("listbox").wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    if typed:
        page.keyboard.type(typed)
    page.get_by_role("option", name=option).first.click()
    wait_until_drawn(page)


def open_record(page, record: str) -> None:
    """Open one observation on the edit page; choose the record again if a late rerun reset it."""
    go_to(page, "Cijfers bewerken")
    choose(page, "Gegevensset", "Waarnemingen")
    for attempt in range(3):
        try:
            choose(page, "Record", record, typed=record)
            page.wait_for_function(
                "() => [...document.querySelectorAll('input')]"
                ".some(i => i.getAttribute('aria-label') === 'Waarde *' && i.value !== '')",
                timeout=10_000,
            )
            return
        except PlaywrightTimeout:
            # The data set's rerun redrew the form after the record was chosen (or while the
            # box was open): the form shows a new, empty record. Choose again.
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            wait_until_drawn(page)


def value_box(page):
    return page.get_by_role("textbox", name="Waarde *")


def save_value(page, text: str) -> None:
    """Type ``text`` as the value and save; type it again if a late rerun redrew the form."""
    for attempt in range(3):
        value_box(page).fill(text)
        value_box(page).press("Enter")
        wait_until_drawn(page)
        page.wait_for_timeout(300)  # a rerun the data set's choice started may still redraw the form
        wait_until_drawn(page)
        if value_box(page).input_value() == text or attempt == 2:
            break
    page.get_by_role("button", name="Opslaan", exact=True).click()
    wait_until_drawn(page)


def test_editor_changes_a_figure_and_the_public_ambition_shows_it(server, new_page, page):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    saved = False
    try:
        sign_in(page, server)
        open_record(page, RECORD_2025)
        assert value_box(page).input_value() == "1,8"
        save_value(page, "2,7")
        page.get_by_text("Opgeslagen").wait_for()
        saved = True
        # The success message, not the demo banner that every page shows first.
        expect(page.locator('[data-testid="stAlert"]').filter(has_text="Waarde: 1,8 → 2,7")).to_have_count(1)
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, "edit-nl-saved")
        go_to(page, "Ambities")
        choose(page, "Kies een ambitie", "Impactteam", typed="Impactteam")
        assert "2,7" in page.locator('[data-testid="stMain"]').inner_text()
        # Put the demo figure back for the other tests on this server, in the same session.
        open_record(page, RECORD_2025)
        save_value(page, "1,8")
        expect(page.locator('[data-testid="stAlert"]').filter(has_text="Waarde: 2,7 → 1,8")).to_have_count(1)
        saved = False
    except Exception:
        screenshot(page, "edit-debug")
        raise
    finally:
        if saved:  # the journey stopped half-way: put the figure back from a fresh session
            restore = new_page()
            try:
                sign_in(restore, server)
                open_record(restore, RECORD_2025)
                save_value(restore, "1,8")
                restore.get_by_text("Opgeslagen").wait_for()
            except Exception:
                screenshot(restore, "edit-debug-restore")
                raise
            finally:
                restore.close()
    assert not errors


def test_a_second_session_saving_an_old_version_or_a_deleted_record_is_told_and_keeps_its_input(
    server, new_page
):
    first, second = new_page(), new_page()  # two sessions of the same editor
    deleted = False
    try:
        for pg in (first, second):
            sign_in(pg, server)
            open_record(pg, RECORD_2024)
        save_value(first, "2,2")
        first.get_by_text("Opgeslagen").wait_for()
        save_value(second, "2,5")
        second.get_by_text(CONFLICT).wait_for()
        assert value_box(second).input_value() == "2,5"
        assert second.locator('[data-testid="stException"]').count() == 0
        screenshot(second, "edit-nl-conflict")
        # The offered button loads the newest version: the first session's value.
        second.get_by_role("button", name="Nieuwste versie laden").click()
        # Wait for the rerun to put the newest value in (the script state flips asynchronously).
        expect(value_box(second)).to_have_value("2,2", timeout=30_000)
        wait_until_drawn(second)
        # Put the demo figure back for the other tests on this server.
        save_value(second, "1,8")
        second.get_by_text("Opgeslagen").wait_for()
        assert value_box(second).input_value() == "1,8"
        # The second session deletes the record the first still has open (issue 12: the first
        # form turned into a blank new record and its save said "5 problems… is required").
        second.get_by_role("button", name="Verwijderen", exact=True).click()
        wait_until_drawn(second)
        second.get_by_role("button", name="Ja, verwijderen").click()
        second.get_by_text("Verwijderd:").wait_for()
        deleted = True
        save_value(first, "2,5")
        first.locator('[data-testid="stAlert"]').filter(has_text=DELETED).first.wait_for()
        assert value_box(first).input_value() == "2,5"  # what was typed is still there
        expect(first.locator('[data-testid="stMain"]')).not_to_contain_text("verplicht")
        assert first.locator('[data-testid="stException"]').count() == 0
        screenshot(first, "edit-nl-deleted-meanwhile")
        # Saved as a new record with the demo figure: the record is back for the other tests.
        save_as_new(first, "1,8")
        deleted = False
    except Exception:
        screenshot(first, "edit-debug-first")
        screenshot(second, "edit-debug-second")
        if deleted:  # put the record back for the other tests on this server (and the rerun)
            save_as_new(first, "1,8")
        raise
    finally:
        first.close()
        second.close()


def save_as_new(page, text: str) -> None:
    """Save the open form, whose record was deleted meanwhile, as a new record with value ``text``."""
    value_box(page).fill(text)
    value_box(page).press("Enter")
    wait_until_drawn(page)
    page.get_by_role("button", name="Opslaan als nieuw record").click()
    page.get_by_text("Nieuw record opgeslagen").wait_for()
