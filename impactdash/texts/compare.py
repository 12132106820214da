"""Texts of the Compare page (municipalities side by side on one measure)."""

TEXTS: dict[str, dict[str, str]] = {
    "compare_intro": {
        "nl": "Zet gemeenten naast elkaar op dezelfde maatstaf, in absolute cijfers of per 10.000 inwoners,"
        " elk met de eigen ambitie als stippellijn. Kies ‘jaren sinds de start’ om te zien waar een stad"
        " die later begon staat ten opzichte van de gevestigde stad op dezelfde leeftijd van de pijler.",
        "en": "Set municipalities side by side on the same measure, absolute or per 10,000 inhabitants,"
        " each with its own ambition as a dashed line. Choose ‘years since the start’ to see where a city"
        " that started later stands against the established city at the same age of its pillar.",
    },
    "compare_measure": {"nl": "Maatstaf", "en": "Measure"},
    "compare_towns": {"nl": "Gemeenten", "en": "Municipalities"},
    "compare_scale": {"nl": "Weergave", "en": "Show"},
    "compare_scale_absolute": {"nl": "Absoluut", "en": "Absolute"},
    "compare_scale_per_capita": {"nl": "Per 10.000 inwoners", "en": "Per 10,000 inhabitants"},
    "compare_axis": {"nl": "Horizontale as", "en": "Horizontal axis"},
    "compare_axis_calendar": {"nl": "Kalenderjaar", "en": "Calendar year"},
    "compare_axis_since_start": {
        "nl": "Jaren sinds de start van de pijler",
        "en": "Years since the pillar started",
    },
    "compare_no_per_capita": {
        "nl": "Een percentage of verhouding hangt niet af van de grootte van de gemeente; daarom wordt"
        " deze maatstaf niet per inwoner omgerekend.",
        "en": "A percentage or ratio does not depend on the size of the municipality, so this measure is"
        " not divided by the number of inhabitants.",
    },
    "compare_pick_town": {"nl": "Kies ten minste één gemeente.", "en": "Choose at least one municipality."},
    "compare_per_10k": {"nl": "per 10.000 inwoners", "en": "per 10,000 inhabitants"},
    "compare_per_10k_title": {"nl": "Per 10.000 inwoners", "en": "Per 10,000 inhabitants"},
    "compare_x_calendar": {"nl": "Jaar", "en": "Year"},
    "compare_x_since_start": {
        "nl": "Jaren sinds de start van de impactpijler",
        "en": "Years since the impact pillar started",
    },
    "compare_unit_eur": {"nl": "euro", "en": "euros"},
    "compare_unit_m2": {"nl": "m²", "en": "m²"},
    "compare_unit_count": {"nl": "aantal", "en": "number"},
    "compare_unit_fte": {"nl": "fte", "en": "FTE"},
    "compare_unit_percent": {"nl": "procent", "en": "per cent"},
    "compare_unit_ratio": {"nl": "verhouding", "en": "ratio"},
    "compare_ambition_of": {"nl": "Ambitie {name}", "en": "{name} ambition"},
    "compare_and": {"nl": " en ", "en": " and "},
    "compare_in_year": {"nl": "In {year}", "en": "In {year}"},
    "compare_at_end_of": {"nl": "Eind {year}", "en": "At the end of {year}"},
    "compare_end_of": {"nl": "eind {year}", "en": "end of {year}"},
    "compare_on_date": {"nl": "Op {date}", "en": "On {date}"},
    "compare_after_one": {"nl": "Na 1 jaar impactpijler", "en": "After 1 year of the pillar"},
    "compare_after_years": {"nl": "Na {years} jaar impactpijler", "en": "After {years} years of the pillar"},
    "compare_at_start": {"nl": "Bij de start van de impactpijler", "en": "When the pillar started"},
    "compare_first": {"nl": "{name} {value} ({when})", "en": "{name} {value} ({when})"},
    "compare_then": {
        "nl": "{name} stond toen op {value} ({when})",
        "en": "{name} stood at {value} at that age ({when})",
    },
    "compare_age": {"nl": "{age} jaar na de start", "en": "{age} years after the start"},
    "compare_no_start": {
        "nl": "Zonder bekende startdatum van de impactpijler niet op deze as: {names}.",
        "en": "Not on this axis because the start of their pillar is unknown: {names}.",
    },
    "compare_no_population": {
        "nl": "Zonder bekend inwonertal niet per inwoner te tonen: {names}.",
        "en": "Not shown per inhabitant because the population is unknown: {names}.",
    },
    "compare_population_note": {
        "nl": "Per 10.000 inwoners: de waarde gedeeld door het inwonertal van hetzelfde jaar (of het"
        " dichtstbijzijnde jaar waarvoor het bekend is), maal 10.000.",
        "en": "Per 10,000 inhabitants: the value divided by the population of the same year (or the"
        " nearest year for which it is known), times 10,000.",
    },
    "compare_cumulative": {
        "nl": "De ambitie van {name} telt het lopende totaal sinds {date} op. Omdat de grafiek waarden"
        " per periode toont, staat die ambitie alleen in de tabel hieronder.",
        "en": "The ambition of {name} counts the running total since {date}. As the chart shows values per"
        " period, that ambition is only in the table below.",
    },
    "compare_cumulative_short": {"nl": "lopend totaal", "en": "running total"},
    "compare_status_title": {
        "nl": "De eigen ambitie van elke gemeente",
        "en": "Each municipality's own ambition",
    },
    "compare_status_caption": {
        "nl": "Status op de laatste waarde, gemeten tegen de ambitie zoals de gemeenteraad die vaststelde"
        " (in absolute cijfers).",
        "en": "Status at the latest value, measured against the ambition as the council set it (in absolute"
        " figures).",
    },
    "compare_no_ambition": {"nl": "Geen ambitie vastgelegd", "en": "No ambition recorded"},
    "compare_col_series": {"nl": "Reeks", "en": "Series"},
    "compare_col_date": {"nl": "Peildatum", "en": "Date"},
    "compare_col_age": {"nl": "Jaren sinds start", "en": "Years since start"},
    "compare_col_value": {"nl": "Waarde", "en": "Value"},
    "compare_col_population": {"nl": "Inwoners (jaar)", "en": "Inhabitants (year)"},
    "compare_col_status": {"nl": "Status", "en": "Status"},
    "compare_note": {
        "nl": "Toelichting {name}, {period}{written}:",
        "en": "Note from {name}, {period}{written}:",
    },
}
