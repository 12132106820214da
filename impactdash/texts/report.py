"""Texts of the alderman's progress report, HTML and PDF (keys prefixed ``report_``).

Words the ambitions page already has (status, trajectory, the table columns) are reused
from there, so the report and the page never name the same thing differently.
"""

TEXTS: dict[str, dict[str, str]] = {
    "report_title": {"nl": "Voortgangsrapportage impactpijler", "en": "Impact pillar progress report"},
    "report_publication": {"nl": "Publicatie {label}", "en": "Publication {label}"},
    "report_published_on": {"nl": "Gepubliceerd op {date}", "en": "Published on {date}"},
    "report_municipalities": {"nl": "Gemeenten in deze rapportage", "en": "Municipalities covered"},
    "report_demo": {
        "nl": "Demonstratiegegevens: alle cijfers in deze rapportage zijn illustratief en geen officiële"
        " cijfers van {names}.",
        "en": "Demo data: every figure in this report is illustrative and not an official figure of {names}.",
    },
    "report_cover_intro": {
        "nl": "Deze rapportage laat per ambitie van de raad zien waar de maatstaf staat ten opzichte van de"
        " koers van nulmeting naar doel, waar het huidige tempo toe leidt, welke programma's eraan werken"
        " en wat de gemeente erover toelicht.",
        "en": "For each ambition set by the council, this report shows where the measure stands against the"
        " trajectory from baseline to target, where the current pace leads, which programmes serve it and"
        " what the municipality says about it.",
    },
    "report_summary_heading": {"nl": "Samenvatting", "en": "Summary"},
    "report_summary_intro": {
        "nl": "Aantal ambities per status en gemeente.",
        "en": "Number of ambitions per status and municipality.",
    },
    "report_col_total": {"nl": "Totaal", "en": "Total"},
    "report_no_municipalities": {
        "nl": "Er zijn geen gemeenten gekozen.",
        "en": "No municipalities were chosen.",
    },
    "report_page_kicker": {
        "nl": "{name} · ambitie {i} van {n}",
        "en": "{name} · ambition {i} of {n}",
    },
    "report_fact_measure": {"nl": "Maatstaf en eenheid", "en": "Measure and unit"},
    "report_direction_higher": {"nl": "hoger is beter", "en": "higher is better"},
    "report_direction_lower": {"nl": "lager is beter", "en": "lower is better"},
    "report_cumulative": {
        "nl": "opgeteld sinds de nulmeting",
        "en": "running total since the baseline",
    },
    "report_fact_baseline": {"nl": "Nulmeting", "en": "Baseline"},
    "report_fact_target": {"nl": "Doel", "en": "Target"},
    "report_fact_latest": {"nl": "Laatste waarde", "en": "Latest value"},
    "report_fact_expected": {
        "nl": "Verwacht volgens koers op die datum",
        "en": "Expected on the trajectory on that date",
    },
    "report_fact_projection": {"nl": "Prognose", "en": "Projection"},
    "report_fact_reason": {"nl": "Waarom deze status", "en": "Why this status"},
    "report_fact_status": {"nl": "Status", "en": "Status"},
    "report_fact_document": {"nl": "Vastgesteld in", "en": "Set in"},
    "report_value_on": {"nl": "{value} op {date}", "en": "{value} on {date}"},
    "report_projection_value": {
        "nl": "{text}; op {date} naar verwachting {value}",
        "en": "{text}; {value} expected by {date}",
    },
    "report_chart_heading": {
        "nl": "Koers, realisatie en prognose",
        "en": "Trajectory, actual values and projection",
    },
    "report_chart_alt": {
        "nl": "Grafiek van {name}: {summary}",
        "en": "Chart of {name}: {summary}",
    },
    "report_note_about": {"nl": "{about}, {period}", "en": "{about}, {period}"},
    "report_notes_caption": {
        "nl": "Toelichting van de gemeente bij deze ambitie, de maatstaf of de programma's; de nummers staan"
        " ook in de grafiek.",
        "en": "Notes by the municipality on this ambition, its measure or its programmes (in Dutch where"
        " no English text was written);"
        " the numbers also mark the chart.",
    },
    "report_no_notes": {
        "nl": "Er is geen openbare toelichting bij deze ambitie.",
        "en": "There are no public notes on this ambition.",
    },
    # Value-axis ticks of a chart in euros once the axis reaches a million: "€ 0,8 mln.", "€0.8M".
    "report_axis_million": {"nl": "€\u00a0{n}\u00a0mln.", "en": "€{n}M"},
    "report_page": {"nl": "Pagina {n}", "en": "Page {n}"},
    "report_method_heading": {"nl": "Zo leest u deze rapportage", "en": "How to read this report"},
    "page_report": {"nl": "Rapportage", "en": "Report"},
    "report_page_intro": {
        "nl": "De voortgangsreview van een publicatie als PDF en als één HTML-bestand dat ook offline werkt:"
        " een voorblad, de stand per status en per ambitie een pagina met grafiek, cijfers en toelichtingen."
        " Geschikt als bijlage bij een raadsbrief.",
        "en": "The progress review of a publication as a PDF and as one HTML file that also works offline: a"
        " cover, the statuses at a glance and a page per ambition with its chart, figures and notes. Fit to"
        " attach to a letter to the council.",
    },
    "report_page_publication": {"nl": "Publicatie", "en": "Publication"},
    "report_page_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "report_page_all": {"nl": "Alle gemeenten", "en": "All municipalities"},
    "report_page_language": {"nl": "Taal van de rapportage", "en": "Language of the report"},
    "report_page_slow": {
        "nl": "Het maken van de rapportage duurt enkele seconden tot een halve minuut.",
        "en": "Making the report takes a few seconds up to half a minute.",
    },
    "report_page_pdf": {"nl": "PDF downloaden", "en": "Download PDF"},
    "report_page_html": {"nl": "HTML downloaden", "en": "Download HTML"},
}
