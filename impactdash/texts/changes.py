"""Texts of the 'what changed' page."""

TEXTS: dict[str, dict[str, str]] = {
    "changes_before": {"nl": "Van", "en": "From"},
    "changes_after": {"nl": "Naar", "en": "To"},
    "changes_drafts": {"nl": "Conceptcijfers (nu)", "en": "Draft figures (now)"},
    "changes_publication": {
        "nl": "Publicatie {version}",
        "en": "Publication {version}",
    },
    "changes_same_version": {
        "nl": "Kies twee verschillende versies om te vergelijken.",
        "en": "Choose two different versions to compare.",
    },
    "changes_download_csv": {"nl": "Download als CSV", "en": "Download as CSV"},
    "changes_download_excel": {"nl": "Download als Excel", "en": "Download as Excel"},
    "changes_col_before": {"nl": "Was", "en": "Was"},
    "changes_col_after": {"nl": "Wordt", "en": "Becomes"},
    "changes_col_change": {"nl": "Soort", "en": "Kind"},
    "changes_kind_added": {"nl": "nieuw", "en": "added"},
    "changes_kind_removed": {"nl": "vervallen", "en": "removed"},
    "changes_kind_changed": {"nl": "gewijzigd", "en": "changed"},
}
