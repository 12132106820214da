"""The page style and aids every page carries: focus ring, hidden sidebar, keyboard scrolling, names.

Streamlit offers no setting for these (WCAG 2.1 AA, issue 13), so one style sheet and one
small script are added to every page by :func:`page_aids`, called once per run by the entry
script. The script installs itself once per browser page and only adds attributes and moves
focus; it never changes what a page shows.
"""

from __future__ import annotations

import json

import streamlit as st

from impactdash import i18n

#: The focus ring: the theme's primary colour, 7.2:1 on white and 6.4:1 on the sidebar's grey
#: (tests/unit/test_chart_contrast.py measures it). Streamlit's own ring on the menu links was
#: a 1.1:1 tint.
_CSS = """<style>
:focus-visible,
[data-testid="stSidebarNav"] a:focus-visible,
[data-testid="stTable"] > div:focus-visible {
  outline: 3px solid #005A8C !important;
  outline-offset: 2px !important;
}
/* A table's toolbar (search, columns, full screen) is see-through until hovered: shown while
   one of its buttons has the keyboard focus too (the Tab key stops on them). */
[data-testid="stElementToolbar"]:focus-within { opacity: 1 !important; }
/* A heading's link is see-through until hovered, also while it has the keyboard focus. */
[data-testid="stHeaderActionElements"] a:focus-visible { opacity: 1 !important; transition: none !important; }
/* A collapsed sidebar is moved off screen but stayed in the Tab order (ten stops on nothing
   at 320 px): hidden, it takes no focus. Hidden only after its slide-out (0.3 s). */
[data-testid="stSidebar"][data-collapsed="true"] {
  visibility: hidden;
  transition: visibility 0s linear 0.3s;
}
/* Column headings may wrap, so a wide table (the property register) fits at 1280 px rather
   than hiding its last column behind a sideways scroll. */
[data-testid="stTable"] th { white-space: normal; }
/* A table's long words break between syllables, at the soft hyphens ui.table puts in (the
   review scorecard's "Matchmaking-bijeenkomsten" at 1280 px, "Leidschenveen-Ypenburg" at
   320 px). A word no column can hold breaks only then ("break-word"): "anywhere" let the
   table squeeze a column below its longest word, which broke "Off trac/k" and
   "impactonderne/mers" at 1280 px. Amounts, dates and statuses have no soft hyphens: whole. */
[data-testid="stTable"] td [data-testid="stMarkdownContainer"],
[data-testid="stTable"] td [data-testid="stMarkdownContainer"] p {
  overflow: visible; overflow-wrap: break-word !important;
}
/* A long programme or ambition name in a link wraps instead of ending in "..." on a phone. */
[data-testid="stPageLink-NavLink"] span,
[data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"],
[data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important;
}
/* On a phone, a chart's data table wider than the screen would scroll sideways in a region a
   keyboard cannot reach (an axe violation): tighter cells let it fit instead. */
@media (max-width: 640px) {
  [data-testid="stExpander"] [data-testid="stTable"] th,
  [data-testid="stExpander"] [data-testid="stTable"] td { padding: 0.25rem 0.3rem; font-size: 0.8rem; }
}
/* A heading's word too long for a narrow screen breaks at a soft hyphen the script puts in
   (the language's rules); a browser with a hyphenation dictionary for the page's language also
   hyphenates the words the script does not know (names). */
@media (max-width: 640px) {
  [data-testid="stMain"] :is(h1, h2, h3) { hyphens: auto; }
}
</style>"""

#: Never a "<" in the script itself: Streamlit's sanitiser (DOMPurify) drops a script whose
#: text holds anything that looks like a tag, and the page would silently go without it.
_SCRIPT = """<script>
(() => {
  window.__impactAidsText = TEXTS;
  window.__impactHyphens = Object.fromEntries(
    window.__impactAidsText.hyphens.map((w) => [w.replaceAll("\u00ad", ""), w]));
  if (window.__impactAids) { window.__impactAids(); return; }
  const doc = window.document;
  const setAttr = (el, name, value) => { if (el.getAttribute(name) !== value) el.setAttribute(name, value); };
  const ruler = doc.createElement("canvas").getContext("2d");
  const apply = () => {
    const text = window.__impactAidsText;
    // A heading's word wider than the heading's line (at 320 px: "impactondernemers") gets soft
    // hyphens where the language allows a break; once it fits again (wider) they go.
    const long = new RegExp(text.long, "gu");
    doc.querySelectorAll('[data-testid="stMain"] :is(h1, h2)').forEach((h) => {
      const width = h.clientWidth;
      if (!width) return;
      ruler.font = getComputedStyle(h).font;
      // A heading that wraps keeps "'s-Gravenhage" whole (a non-breaking hyphen): never "'s-" alone.
      const wraps = ruler.measureText(h.textContent).width > width;
      const walk = doc.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const value = node.nodeValue.replace(long, (word) => {
          const plain = word.replaceAll("\u00ad", "");
          return ruler.measureText(plain).width > width ? (window.__impactHyphens[plain] || word) : plain;
        }).replace(/(['\u2019]s)[-\u2011](?=\\p{L})/gu, wraps ? "$1\u2011" : "$1-");
        if (value !== node.nodeValue) node.nodeValue = value;
      }
    });
    // A table wider than its column scrolls sideways: a keyboard must reach and scroll it.
    let n = 0;
    doc.querySelectorAll('[data-testid="stTable"] > div').forEach((box) => {
      if (box.scrollWidth > box.clientWidth + 1) {
        n += 1;
        setAttr(box, "tabindex", "0");
        setAttr(box, "role", "region");
        setAttr(box, "aria-label", text.region.replace("{n}", String(n)));
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex"); box.removeAttribute("role"); box.removeAttribute("aria-label");
      }
    });
    // The upload button's visible text is ours (widgets.file_uploader); so is its name.
    doc.querySelectorAll('[data-testid="stFileUploaderDropzone"]').forEach((zone) => {
      const button = zone.querySelector("button");
      if (button) setAttr(button, "aria-label", text.choose);
      // Streamlit names the drop zone, a role="presentation" section, which screen readers
      // ignore (axe: presentation-role-conflict): the name moves to the file input.
      const label = zone.getAttribute("aria-label");
      if (label) { setAttr(zone, "data-impact-name", label); zone.removeAttribute("aria-label"); }
      const input = zone.querySelector('input[type="file"]');
      if (input) setAttr(input, "aria-label", zone.getAttribute("data-impact-name") || text.choose);
    });
    // Opening the sidebar moves focus into it; closing it returns focus to its button.
    const bar = doc.querySelector('[data-testid="stSidebar"]');
    if (bar) {
      const open = bar.getAttribute("data-collapsed") !== "true";
      if (window.__impactSidebarOpen !== undefined && open !== window.__impactSidebarOpen) {
        const active = doc.activeElement;
        const lost = !active || active === doc.body;
        if (open && (lost || active.closest('[data-testid="stExpandSidebarButton"]'))) {
          const first = bar.querySelector('a[href], button, input, [tabindex="0"]');
          if (first) first.focus();
        } else if (!open && (lost || bar.contains(active))) {
          const button = doc.querySelector('button[data-testid="stExpandSidebarButton"]');
          if (button) button.focus();
        }
      }
      window.__impactSidebarOpen = open;
    }
  };
  // Once per frame at most, not after every change: a page's first draw makes hundreds of
  // changes, and reading a table's width after each one made the browser lay out the whole
  // page each time. A hidden tab gets no frames: the timer runs it there.
  let queued = false;
  const run = () => { if (queued) { queued = false; apply(); } };
  const later = () => {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(run);
    setTimeout(run, 250);
  };
  window.__impactAids = later;
  new MutationObserver(later).observe(doc.body, {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ["data-collapsed", "aria-label"],
  });
  window.addEventListener("resize", later);
  // A download reruns the page, which redraws its button: focus fell to the body. Put it back
  // on the button with the same text.
  doc.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest('[data-testid="stDownloadButton"] button');
    if (!button) return;
    const wanted = button.innerText;
    let tries = 50;  // five seconds: the rerun after a download
    const watch = () => {
      if (doc.activeElement === doc.body || !doc.activeElement) {
        const again = [...doc.querySelectorAll('[data-testid="stDownloadButton"] button')]
          .find((b) => b.innerText === wanted);
        if (again) again.focus();
      }
      if (--tries > 0) setTimeout(watch, 100);
    };
    setTimeout(watch, 100);
  }, true);
  apply();
})();
</script>"""


def page_aids(current_lang: str) -> None:
    """Add the page style and the keyboard and naming aids to this page (once per run).

    Drawn in the sidebar, where the two invisible elements take no room from a page.
    """
    texts = {
        "region": i18n.t("a11y_scroll_region", current_lang, n="{n}"),
        "choose": i18n.t("upload_choose", current_lang),
        "hyphens": list(i18n.hyphenated_words(current_lang).values()),
        "long": rf"[\p{{L}}{i18n.SOFT_HYPHEN}]{{{i18n.HYPHENATE_FROM},}}",
    }
    with st.sidebar:
        # The same sanitiser drops a style sheet with a "<" in it (even in a comment).
        assert "<" not in _CSS[len("<style>") : -len("</style>")]
        st.html(_CSS)
        assert "<" not in _SCRIPT[len("<script>") : -len("</script>")]
        script = _SCRIPT.replace("TEXTS", json.dumps(texts, ensure_ascii=False))
        st.html(script, unsafe_allow_javascript=True, width="content")
