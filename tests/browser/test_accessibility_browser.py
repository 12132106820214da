"""Every page, public and staff, passes axe-core in each language; focus order at 320 px; keyboard scrolling.

One journey per language walks every public page in one session (issue 13): each page
with every expander open, and again in the choices that change its content, checked by
axe-core with no violation at all. Then it signs in once, as a person with every role, and
walks every staff page the same way at 1280 px, where no table may hide a column behind a
sideways scroll. What axe does not see is checked on the way: at 320 px no Tab stop lands
on anything hidden, and a table that scrolls sideways (the property register, the review
scorecard, the audit trail) is reached and scrolled by keyboard. What a journey checked is
in ``docs/accessibility/axe-{lang}.json``, which the accessibility statement quotes: written
with ``IMPACTDASH_RECORD_ACCESSIBILITY=1``, compared with what the journey checked otherwise.

The states walked here (each public page of the default municipality, both languages, every
expander open) are axe-checked here only: the pages' own tests check what is particular to
each page (its content, other municipalities, choices, phones) and run axe-core on the states
this journey does not reach.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from impactdash import config, i18n
from impactdash.ui import pages
from tests.browser.conftest import (
    ALL_ROLES_USER,
    VIEWPORT,
    assert_accessible,
    open_data_tables,
    wait_until_drawn,
)

PHONE = {"width": 320, "height": 640}
#: A common laptop width, at which the review scorecard's last column was cut off.
LAPTOP = {"width": 1280, "height": 900}


class Journey:
    """What one language's journey checked: pages, states (a page in one choice), widths."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.pages: list[str] = []
        self.staff_pages: list[str] = []
        self.states = 0
        self.widths = {VIEWPORT["width"]}
        self.tool = ""

    def check(self, page, name: str, staff: bool = False) -> None:
        """Open every expander, then run axe-core over the whole page: no violation."""
        wait_until_drawn(page)
        assert page.locator('[data-testid="stException"]').count() == 0, name
        open_everything(page)
        assert_accessible(page)
        assert_no_word_broken(page, name)
        self.tool = self.tool or f"axe-core {page.evaluate('() => window.axe && window.axe.version')}"
        names = self.staff_pages if staff else self.pages
        if name not in names:
            names.append(name)
        self.states += 1

    def record(self) -> dict:
        """Return what this journey checked, as the statement's result file holds it."""
        return {
            "lang": self.lang,
            "checked_on": dt.date.today().isoformat(),
            "tool": self.tool,
            "pages": self.pages,
            "staff_pages": self.staff_pages,
            "states": self.states,
            "widths": sorted(self.widths),
            "violations": 0,
        }

    def write_or_compare(self) -> None:
        """Write the result for the statement on request; otherwise check that the committed one says this.

        Only reached when every page passed. A test run changes no tracked file: the results
        are written with ``IMPACTDASH_RECORD_ACCESSIBILITY=1`` (docs/testing.md). Without it,
        the committed file must still describe what the journey checks (all but the date),
        so the statement never quotes a check of fewer pages or another tool.
        """
        path = config.ACCESSIBILITY_RESULTS_DIR / f"axe-{self.lang}.json"
        record = self.record()
        if config.record_accessibility():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return
        committed = json.loads(path.read_text(encoding="utf-8"))
        del committed["checked_on"], record["checked_on"]  # the day of the measurement, not what it covered
        assert committed == record, (
            f"{path.name} no longer says what the journey checks: run this test with "
            f"{config.RECORD_ACCESSIBILITY_ENV}=1 and commit the file"
        )


def open_everything(page) -> None:
    """Open every expander: the charts' data tables (a rerun each), then the rest."""
    open_data_tables(page)
    closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(closed.count()):
        closed.first.click()
    wait_until_drawn(page)


def go_to(page, title_key: str, lang: str) -> None:
    """Follow the page's menu entry within the session and wait for it to be drawn."""
    before = page.locator("h1").first.inner_text()
    page.locator('[data-testid="stSidebarNav"]').get_by_text(i18n.t(title_key, lang), exact=True).click()
    # Every page has its own first heading: wait until it replaced the one before.
    page.wait_for_function(
        "old => { const h = document.querySelector('h1'); return h && h.innerText !== old; }",
        arg=before,
        timeout=30_000,
    )
    wait_until_drawn(page)


def has_title(page, title_key: str, lang: str) -> None:
    """The browser tab's title names the page first, in the page's language, which stays ``lang``."""
    page.wait_for_function(
        "t => document.title.startsWith(t)", arg=pages.document_title(title_key, lang), timeout=30_000
    )
    assert page.evaluate("document.documentElement.lang") == lang


def sign_in(page, server: str, lang: str, username: str, password: str) -> None:
    """Sign in on the sign-in page in ``lang``."""
    page.goto(f"{server}/sign-in?lang={lang}")
    wait_until_drawn(page)
    page.get_by_label(i18n.t("username", lang), exact=True).fill(username)
    page.get_by_label(i18n.t("password", lang), exact=True).fill(password)
    page.get_by_role("button", name=i18n.t("sign_in_button", lang)).click()
    page.get_by_text(
        re.compile(re.escape(i18n.t("signed_in_as", lang, name="§", roles="§").split("§")[0]))
    ).wait_for(timeout=30_000)
    wait_until_drawn(page)


def assert_nothing_cut_off(page, name: str) -> None:
    """No table on the page (expanders open) is wider than its column: no column hidden behind a scroll."""
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stTable"] > div')]
              .filter(b => b.checkVisibility() && b.scrollWidth > b.clientWidth + 1)
              .map(b => b.innerText.slice(0, 60))"""
    )
    assert not cut, (name, cut)


#: Words in the page's tables that the browser broke across lines, other than at a soft hyphen
#: (ui.table puts them in), at a hyphen, or in a code with digits (a checksum breaks anywhere).
_BROKEN_WORDS = r"""() => {
  const broken = [];
  document.querySelectorAll('[data-testid="stTable"] td').forEach((td) => {
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        if (/[\u00ad\-\d]/.test(m[0])) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  });
  return broken;
}"""


def assert_no_word_broken(page, name: str) -> None:
    """No word in a table breaks mid-word ("Off trac/k"): only between syllables, at a soft hyphen."""
    broken = page.evaluate(_BROKEN_WORDS)
    assert not broken, (name, broken)


def scroll_by_keyboard(page, lang: str) -> None:
    """The page's first sideways-scrolling table is a named region in the Tab order; an arrow key scrolls it."""
    region = page.get_by_role("region", name=i18n.t("a11y_scroll_region", lang, n="1"), exact=True)
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    region.press("ArrowRight")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=region]')].some(e => e.scrollLeft > 0)", timeout=5_000
    )


_SIDEBAR_OPEN = (
    "() => document.querySelector('[data-testid=\"stSidebar\"]').getAttribute('data-collapsed') !== 'true'"
)


def reopen_sidebar(page) -> None:
    """Open the sidebar if a narrow width collapsed it (its menu is hidden while collapsed).

    Back at a wide width Streamlit may open it by itself (no stored state), a moment later:
    a click aimed at the open button then waited 30 s for a button that had gone. So wait for
    that first, then click only if it is still closed, and accept that it opened meanwhile.
    """
    try:
        page.wait_for_function(_SIDEBAR_OPEN, timeout=3_000)
        return
    except PlaywrightTimeout:
        pass
    with contextlib.suppress(PlaywrightTimeout):  # opened by itself between the wait and the click
        page.get_by_test_id("stExpandSidebarButton").click(timeout=5_000)
    page.wait_for_function(_SIDEBAR_OPEN, timeout=10_000)


def tab_stops_at_320(page, count: int = 12) -> list[dict]:
    """Press Tab ``count`` times from the top; return where each stop landed."""
    page.locator("body").focus()
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                     const s = getComputedStyle(e);
                     return { tag: e.tagName, text: (e.getAttribute('aria-label') || e.innerText || '').slice(0, 40),
                              left: r.left, right: r.right, width: r.width, height: r.height,
                              visible: e.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
                              outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 }; }"""
            )
        )
    return stops


#: Focus every element the Tab key stops at (focusable, not disabled, not hidden by display
#: or visibility, which Tab skips), as Tab would (a skip link or a heading's link shows itself
#: when focused), and return those a sighted keyboard user still could not see: see-through,
#: without size, or beside the screen (a menu link of a sidebar moved off to the left).
_HIDDEN_TAB_STOPS = """() => {
  const stops = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
                 && e.checkVisibility({visibilityProperty: true}));
  const hidden = [];
  for (const e of stops) {
    e.focus({focusVisible: true});
    if (document.activeElement !== e) continue;
    const r = e.getBoundingClientRect();
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true}) || r.width < 1 || r.height < 1
        || r.right <= 0 || r.left >= innerWidth) {
      hidden.push(`${e.tagName} ${(e.getAttribute('aria-label') || e.innerText || '').slice(0, 40)} at ${r.left}`);
    }
  }
  document.activeElement.blur();
  return hidden;
}"""


def no_hidden_tab_stop_at_320(page, name: str) -> None:
    """At 320 px, nothing the Tab key stops at is invisible or off screen (WCAG 2.4.7, 1.4.10).

    On every page walked, each stop focused in one go rather than pressed through (the Tab
    walks of the property register and the review scorecard press and check the focus ring).
    The sidebar collapses at 320 px and hides itself after its slide-out: waited for, since a
    stop beside the screen is what this looks for.
    """
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stSidebar\"]')).visibility === 'hidden'",
        timeout=5_000,
    )
    hidden = page.evaluate(_HIDDEN_TAB_STOPS)
    page.set_viewport_size(
        size
    )  # the sidebar opens again by itself (no stored state): the next click waits for it
    assert not hidden, (name, hidden)


def forget_sidebar_state(page) -> None:
    """Forget the sidebar's stored state, so the next page load gets the default again.

    Streamlit keeps it in the browser context's localStorage, which the other tests share:
    left collapsed it hides their menu at 1280 px, left open it covers their phone pages.
    """
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('stSidebarCollapsed-'))"
        ".forEach(k => localStorage.removeItem(k))"
    )


def walk_the_staff_pages(page, server: str, lang: str, journey: Journey) -> None:
    """Sign in once as a person with every role and check every staff page at 1280 px: nothing cut off.

    The review scorecard and the audit trail are also looked at at 320 px, where their
    tables scroll sideways: by keyboard as well.
    """
    page.set_viewport_size(LAPTOP)
    journey.widths.add(LAPTOP["width"])
    sign_in(page, server, lang, *ALL_ROLES_USER)
    for _path, key, _, url, _action in pages.staff_pages():
        go_to(page, key, lang)
        journey.check(page, url, staff=True)
        assert_nothing_cut_off(page, url)
        no_hidden_tab_stop_at_320(page, url)
        if url in ("review", "audit"):
            # At 320 px the scorecard and the trail's tables scroll sideways: by keyboard too.
            page.set_viewport_size(PHONE)
            wait_until_drawn(page)
            if url == "review":
                for stop in tab_stops_at_320(page):
                    assert stop["visible"] and stop["right"] > 0 and stop["left"] < PHONE["width"], stop
                    # The body: the walk went past the page's last stop (it starts where focus was).
                    assert stop["outline"] or stop["tag"] in ("MAIN", "BODY"), stop
            scroll_by_keyboard(page, lang)
            page.set_viewport_size(LAPTOP)
            reopen_sidebar(page)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_page_passes_axe_and_the_keyboard_in_one_journey(server, new_page, lang):
    journey = Journey(lang)
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # The public pages, as a visitor. The page is served in the address's language (serve.py),
    # before any script of it has run, and every page has a title of its own (WCAG 3.1.1,
    # 2.4.2), which axe cannot judge (was test_public_pages_browser.py, on pages of their own).
    page.goto(f"{server}/?lang={lang}")
    assert page.evaluate("document.documentElement.lang") == lang
    journey.check(page, "overview")
    has_title(page, "page_overview", lang)
    no_hidden_tab_stop_at_320(page, "overview")
    for _path, key, _, url, action in pages.PAGES:
        if action is None and url != "overview":
            go_to(page, key, lang)
            journey.check(page, url)
            has_title(page, key, lang)
            no_hidden_tab_stop_at_320(page, url)
            if url == "compare":  # per inhabitant and aligned by the pillar's age: other sentences, axes
                page.get_by_text(i18n.t("compare_scale_per_capita", lang), exact=True).click()
                wait_until_drawn(page)
                page.get_by_text(i18n.t("compare_axis_since_start", lang), exact=True).click()
                wait_until_drawn(page)
                journey.check(page, url)

    # At 320 px: no Tab stop on the hidden sidebar, every stop visible and ringed; the
    # property register scrolls sideways by keyboard.
    go_to(page, "page_property", lang)
    page.set_viewport_size(PHONE)
    journey.widths.add(PHONE["width"])
    wait_until_drawn(page)
    for stop in tab_stops_at_320(page):
        assert stop["visible"] and stop["right"] > 0 and stop["left"] < PHONE["width"], stop
        assert stop["outline"] or stop["tag"] == "MAIN", stop
    scroll_by_keyboard(page, lang)
    # Opening the sidebar by keyboard moves focus into it.
    page.get_by_test_id("stExpandSidebarButton").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement.closest('[data-testid=\"stSidebar\"]')", timeout=5_000
    )
    # Its first stop is the button that closes it; closing returns focus to the one that opens it.
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement.getAttribute('data-testid') === 'stExpandSidebarButton'", timeout=5_000
    )
    journey.check(page, "property")
    forget_sidebar_state(page)
    walk_the_staff_pages(page, server, lang, journey)
    forget_sidebar_state(page)
    page.set_viewport_size(VIEWPORT)

    assert not errors
    journey.write_or_compare()
