"""Texts of the accessibility statement and of the page aids every page carries (ui/styles.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "page_accessibility": {"nl": "Toegankelijkheid", "en": "Accessibility"},
    "a11y_scroll_region": {
        "nl": "Tabel {n}, schuift zijwaarts (pijltoetsen)",
        "en": "Table {n}, scrolls sideways (arrow keys)",
    },
}
