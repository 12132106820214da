"""Publishing in a real browser: the editor changes a figure and a target and requests, cannot approve
their own request; the reviewer sees both changes on the approval screen and approves; the visitor
then sees the new figure under the new label, and the change log linked from the banner lists the
raised target.

The journey runs on a server of its own (``private_server``): the publication it makes stays
current and the draft figure and target keep their new values, which no other test sees.
"""

from __future__ import annotations

from playwright.sync_api import expect

from impactdash import i18n
from tests.browser.conftest import screenshot, wait_until_drawn
from tests.browser.test_audit_browser import sign_in as sign_in_as
from tests.browser.test_edit_browser import RECORD_2025, choose, go_to, open_record, save_value
from tests.browser.test_edit_browser import sign_in as sign_in_editor

LABEL = "Reis 2026"
NEW_VALUE = "3,3"
APPROVE = "Goedkeuren en publiceren"
# Leeuwarden's impact team target: 4 fte by the end of 2027 in the demo data.
TARGET = "LW-A-TEAM"
TARGET_ROW = ["Omvang impactteam – Leeuwarden", "Doel", "4,0 fte", "5,0 fte", "gewijzigd"]


def set_target(page, server: str, value: str) -> None:
    """Change the impact team's target on the edit page, as the editor in a session of its own."""
    sign_in_editor(page, server)
    go_to(page, "Cijfers bewerken")
    choose(page, "Gegevensset", "Ambities")
    box = page.get_by_role("textbox", name="Streefwaarde *")
    for attempt in range(3):  # as open_record: a late rerun of the data set can reset the form
        choose(page, "Record", TARGET, typed=TARGET)
        try:
            expect(box).not_to_have_value("", timeout=10_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            wait_until_drawn(page)
    box.fill(value)
    box.press("Enter")
    wait_until_drawn(page)
    page.get_by_role("button", name="Opslaan").click()
    # The success message naming the changed field (not just any "Opgeslagen" on the page).
    saved = page.locator('[data-testid="stAlert"]').filter(has_text="Streefwaarde:").filter(has_text="→")
    saved.wait_for(timeout=30_000)


def as_read(text: str) -> str:
    """Text as a person reads it: figures' non-breaking spaces as spaces, tables' soft hyphens (ui.table) gone."""
    return text.replace(i18n.NBSP, " ").replace(i18n.SOFT_HYPHEN, "")


def main_text(page) -> str:
    """The page's main text as read."""
    return as_read(page.locator('[data-testid="stMain"]').inner_text())


def target_row(page) -> list[str]:
    """Return the cells of the change list's row of the impact team's target."""
    row = page.locator('[data-testid="stMain"] tr').filter(has_text=TARGET_ROW[0]).first
    return [as_read(cell).strip() for cell in row.locator("td, th").all_inner_texts()]


def impact_team_text(page, server: str) -> str:
    """Open the public ambitions page for Leeuwarden as a visitor; return the impact team's text."""
    page.goto(f"{server}/ambitions?gm=GM0080")
    wait_until_drawn(page)
    choose(page, "Kies een ambitie", "Impactteam", typed="Impactteam")
    # Figures are formatted with non-breaking spaces ("3,3\u00a0fte").
    return main_text(page)


def test_editor_requests_reviewer_approves_and_the_public_sees_the_new_figure(private_server, new_page):
    server = private_server
    editor, reviewer, visitor = new_page(), new_page(), new_page()
    errors = []
    for pg in (editor, reviewer, visitor):
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        sign_in_editor(editor, server)
        open_record(editor, RECORD_2025)
        save_value(editor, NEW_VALUE)
        editor.get_by_text("Opgeslagen").wait_for(timeout=30_000)
        target = new_page()
        try:
            set_target(target, server, "5")
        except Exception:
            screenshot(target, "publish-debug-target")
            raise
        finally:
            target.close()

        go_to(editor, "Publiceren")
        editor.get_by_role("textbox", name="Naam van de publicatie").fill(LABEL)
        editor.get_by_role("button", name="Publicatie aanvragen").click()
        editor.get_by_text("is aangevraagd").wait_for(timeout=60_000)
        wait_until_drawn(editor)
        # Four eyes: the requester is told so and gets no approve button.
        expect(editor.get_by_text("Dit is uw eigen aanvraag")).to_be_visible()
        expect(editor.get_by_role("button", name=APPROVE)).to_have_count(0)
        screenshot(editor, "publish-requested-nl")

        before = impact_team_text(visitor, server)
        assert f"{NEW_VALUE} fte" not in before, "a requested publication is not public yet"

        sign_in_as(reviewer, server, "reviewer.demo", "demo-reviewer-2026")
        go_to(reviewer, "Publiceren")
        # Before approving, the reviewer sees every change the public will see: the raised target too.
        reviewer.get_by_text("Ambities en doelen (1)").wait_for(timeout=60_000)  # compared on first view
        assert target_row(reviewer) == TARGET_ROW
        screenshot(reviewer, "publish-review-changes-nl")
        reviewer.get_by_role("textbox", name="Toelichting bij uw besluit").fill("Doel impactteam verhoogd")
        reviewer.get_by_role("button", name=APPROVE).click()
        reviewer.get_by_text("is goedgekeurd").wait_for(timeout=60_000)
        wait_until_drawn(reviewer)
        screenshot(reviewer, "publish-approved-nl")

        after = impact_team_text(visitor, server)
        assert f"{NEW_VALUE} fte" in after
        assert f"({LABEL})" in after, "the banner names the new publication"
        screenshot(visitor, "publish-public-nl")
        # The banner links to the change log of this publication: the raised target, the note.
        visitor.get_by_role("link", name="Wat is er veranderd in deze publicatie?").click()
        visitor.get_by_role("heading", level=1).filter(has_text="Wijzigingen per publicatie").wait_for()
        wait_until_drawn(visitor)
        log = main_text(visitor)
        assert f"{LABEL}, gepubliceerd op" in log and "Toelichting bij de goedkeuring: Doel impactteam" in log
        assert target_row(visitor) == TARGET_ROW
        screenshot(visitor, "publish-changelog-nl")
        for pg in (editor, reviewer, visitor):
            assert pg.locator('[data-testid="stException"]').count() == 0
    except Exception:
        for name, pg in (("editor", editor), ("reviewer", reviewer), ("visitor", visitor)):
            screenshot(pg, f"publish-debug-{name}")
        raise
    finally:
        for pg in (editor, reviewer, visitor):
            pg.close()
    assert not errors
