"""Texts of the 'what changed' page."""

TEXTS: dict[str, dict[str, str]] = {
    "changes_intro": {
        "nl": "Elk cijfer (een waarde van een maatstaf voor een gemeente en periode) dat verschilt tussen"
        " twee versies: de conceptcijfers en een publicatie, of twee publicaties.",
        "en": "Every figure (a value of a measure for a municipality and period) that differs between two"
        " versions: the draft figures and a publication, or two publications.",
    },
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
    "changes_none": {"nl": "Geen enkel cijfer verschilt.", "en": "No figure differs."},
    "changes_count": {"nl": "{count} cijfers verschillen.", "en": "{count} figures differ."},
    "changes_count_one": {"nl": "1 cijfer verschilt.", "en": "1 figure differs."},
    "changes_download_csv": {"nl": "Download als CSV", "en": "Download as CSV"},
    "changes_download_excel": {"nl": "Download als Excel", "en": "Download as Excel"},
    "changes_col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "changes_col_measure": {"nl": "Maatstaf", "en": "Measure"},
    "changes_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "changes_col_subject": {"nl": "Programma of pand", "en": "Programme or property"},
    "changes_detail_programme_spend": {"nl": "Uitgaven programma", "en": "Programme spend"},
    "changes_detail_programme_budget_original": {
        "nl": "Begroting programma (primitief)",
        "en": "Programme budget (original)",
    },
    "changes_detail_programme_budget_spring": {
        "nl": "Begroting programma (voorjaarsnota)",
        "en": "Programme budget (spring amendment)",
    },
    "changes_detail_programme_budget_autumn": {
        "nl": "Begroting programma (najaarsnota)",
        "en": "Programme budget (autumn amendment)",
    },
    "changes_detail_programme_budget_final": {
        "nl": "Begroting programma (jaarrekening)",
        "en": "Programme budget (final accounts)",
    },
    "changes_detail_programme_cofunding": {"nl": "Cofinanciering programma", "en": "Programme co-funding"},
    "changes_detail_property_occupied_m2": {"nl": "Bezette m² pand", "en": "Occupied m² of property"},
    "changes_col_period": {"nl": "Periode t/m", "en": "Period to"},
    "changes_col_before": {"nl": "Was", "en": "Was"},
    "changes_col_after": {"nl": "Wordt", "en": "Becomes"},
    "changes_col_change": {"nl": "Soort", "en": "Kind"},
    "changes_kind_added": {"nl": "nieuw", "en": "added"},
    "changes_kind_removed": {"nl": "vervallen", "en": "removed"},
    "changes_kind_changed": {"nl": "gewijzigd", "en": "changed"},
}
