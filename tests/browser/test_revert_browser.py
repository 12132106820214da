"""Revert in a real browser: an editor changes a figure, a reviewer finds it in the audit trail and undoes it.

Then the editor imports a file that would put the changed figure back: the preview flags
the row (the reviewer's revert is a person's edit since the last import) and the import
needs a confirmation; the reviewer reverts the whole import from the audit trail.

The server is shared by every browser test: the journey puts the figure back (the reverts
themselves, or, if the test fails before them, a save by the editor). The record is one no other
browser test reads or writes: the events held in 's-Gravenhage in 2019 (54 in the demo data).
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_drawn
from tests.browser.test_audit_browser import sign_in
from tests.browser.test_edit_browser import choose, open_record, save_value, value_box
from tests.browser.test_import_browser import import_flagged_file, open_import

EDITOR = ("editor.demo", "demo-editor-2026")
REVIEWER = ("reviewer.demo", "demo-reviewer-2026")
# 's-Gravenhage has the longest-running pillar, so it is the municipality a new session opens with.
RECORD = "events_held / GM0518 / 2019-12-31"
OLD, NEW = "54", "57"
# The audit entry's label after its time: who, what, which data set, which record.
ENTRY = f"editor.demo · gewijzigd · waarnemingen · {RECORD}"
WAIT = 30_000


def summaries_all_contain(page, text: str) -> None:
    """Wait until the audit list holds entries and every one of them mentions ``text``."""
    page.wait_for_function(
        """(text) => {
            const shown = [...document.querySelectorAll('[data-testid="stExpander"] summary')];
            return shown.length > 0 && shown.every(s => s.textContent.includes(text));
        }""",
        arg=text,
        timeout=WAIT,
    )
    wait_until_drawn(page)


def sign_out(page) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Afmelden").click()
    expect(page.get_by_text("Aangemeld als")).to_have_count(0, timeout=WAIT)
    wait_until_drawn(page)


def restore(new_page, server: str) -> None:
    """Put the demo figure back with the editor's save (only needed when the revert did not)."""
    pg = new_page()
    try:
        sign_in(pg, server, *EDITOR)
        open_record(pg, RECORD)
        if value_box(pg).input_value() != OLD:
            save_value(pg, OLD)
            pg.get_by_text("Opgeslagen").first.wait_for(timeout=WAIT)
    except Exception:
        screenshot(pg, "revert-debug-restore")
        raise
    finally:
        pg.close()


def test_reviewer_reverts_an_editors_change_and_an_import_from_the_audit_trail(
    server, new_page, page, tmp_path
):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    changed = False
    try:
        # The editor changes one figure.
        sign_in(page, server, *EDITOR)
        open_record(page, RECORD)
        assert value_box(page).input_value() == OLD
        save_value(page, NEW)
        changed = True
        saved = page.locator('[data-testid="stAlert"]').filter(has_text=f"Waarde: {OLD} → {NEW}")
        expect(saved).to_have_count(1, timeout=WAIT)
        screenshot(page, "revert-1-edited")
        sign_out(page)

        # The reviewer finds the change in the audit trail, by person and by record key.
        sign_in(page, server, *REVIEWER)
        page.get_by_role("link", name="Audittrail").click()
        page.get_by_role("heading", name="Audittrail", level=1).wait_for(timeout=WAIT)
        wait_until_drawn(page)
        choose(page, "Persoon", "editor.demo")
        # Until the rerun has applied the filter the list still holds the reviewer's sign-in.
        summaries_all_contain(page, " · editor.demo · ")
        page.get_by_label("Recordsleutel bevat").fill("events_held")
        page.get_by_label("Recordsleutel bevat").press("Enter")
        # The editor's sign-ins drop out once the record filter is applied.
        summaries_all_contain(page, RECORD)
        # The newest such entry (newest first): a rerun of this journey finds its first attempt's too.
        expander = page.get_by_test_id("stExpander").filter(has_text=ENTRY).first
        expander.wait_for(timeout=WAIT)

        # Its entry shows the value before and after the change.
        expander.locator("summary").click()
        cells = expander.get_by_test_id("stTable").locator("tbody tr").first.locator("td, th")
        # The values as the page's language writes them (d1fad77; the journey expected 54.0).
        expect(cells).to_have_text(["waarde", OLD, NEW], timeout=WAIT)
        entry_id = expander.get_by_text("Logregel ").inner_text().removeprefix("Logregel ").strip()
        assert entry_id.isdigit(), entry_id
        screenshot(page, "revert-2-entry")

        # A click that lands while a rerun is still finishing can be dropped by Streamlit.
        wait_until_drawn(page)
        expander.get_by_role("button", name="Terugdraaien").click()
        done = f"Logregel {entry_id} is teruggedraaid; het terugdraaien staat zelf ook in de audittrail."
        page.get_by_text(done).wait_for(timeout=WAIT)
        wait_until_drawn(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, "revert-3-reverted")
        sign_out(page)

        # The figure is back: the editor's form shows the old value again.
        sign_in(page, server, *EDITOR)
        open_record(page, RECORD)
        expect(value_box(page)).to_have_value(OLD, timeout=WAIT)
        changed = False
        screenshot(page, "revert-4-value-back")
        assert page.locator('[data-testid="stException"]').count() == 0

        # The editor imports a file holding the edited figure: it would undo the reviewer's revert.
        path = tmp_path / "waarnemingen.csv"
        path.write_text(
            f"metric_code,municipality_code,observed_on,value\n{RECORD.replace(' / ', ',')},{NEW}\n"
        )
        open_import(page, "Waarnemingen")
        changed = True
        import_flagged_file(page, path)

        # The reviewer, in a second session, reverts the whole import from the audit trail.
        reviewer = new_page()
        try:
            sign_in(reviewer, server, *REVIEWER)
            reviewer.get_by_role("link", name="Audittrail").click()
            reviewer.get_by_role("heading", name="Audittrail", level=1).wait_for(timeout=WAIT)
            wait_until_drawn(reviewer)
            entry = reviewer.get_by_test_id("stExpander").filter(
                has_text="editor.demo · geïmporteerd · waarnemingen"
            )
            entry.first.locator("summary").click()
            wait_until_drawn(reviewer)  # a click during a rerun can be dropped (see above)
            # A click that lands while the opened entry's rerun finishes can be lost (CI, 2 Dec
            # 2026: the button shown, no message after 30 s): click again, at most three times.
            # A click that did count and a later one say "al teruggedraaid", also an answer.
            done = reviewer.get_by_text(
                "is teruggedraaid; het terugdraaien staat zelf ook in de audittrail"
            ).or_(reviewer.get_by_text("is al teruggedraaid"))
            for attempt in range(3):
                entry.first.get_by_role("button", name="Terugdraaien").click()
                try:
                    done.first.wait_for(timeout=10_000)
                    break
                except PlaywrightTimeout:
                    if attempt == 2:
                        raise
            wait_until_drawn(reviewer)
            assert "import teruggedraaid" in reviewer.get_by_test_id("stExpander").first.inner_text()
            screenshot(reviewer, "revert-5-import-reverted")
        except Exception:
            screenshot(reviewer, "revert-debug-reviewer")
            raise
        finally:
            reviewer.close()
        open_record(page, RECORD)
        expect(value_box(page)).to_have_value(OLD, timeout=WAIT)
        changed = False
    except Exception:
        screenshot(page, "revert-debug")
        raise
    finally:
        if changed:
            restore(new_page, server)
    assert not errors
