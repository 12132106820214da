"""Texts of the light pages: the static HTML version of the public pages (impactdash/report/light.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "light_index_title": {"nl": "Impactpijler – lichte versie", "en": "Impact pillar – light version"},
    "light_intro": {
        "nl": "Een lichte versie van het dashboard: dezelfde cijfers, zinnen en tabellen als de interactieve"
        " pagina's, zonder script, snel op elke telefoon. Publicatie {label} van {date}.",
        "en": "A light version of the dashboard: the same figures, sentences and tables as the interactive"
        " pages, without script, fast on any phone. Publication {label} of {date}.",
    },
    "light_interactive": {"nl": "Naar de interactieve pagina", "en": "To the interactive page"},
    "light_index_link": {"nl": "Alle lichte pagina's", "en": "All light pages"},
    "light_other_language": {"nl": "English", "en": "Nederlands"},
    "light_chart_data": {"nl": "De cijfers van deze grafiek", "en": "The figures of this chart"},
    "light_compare_state": {
        "nl": "Deze pagina toont {measure} voor {towns}, absoluut en per kalenderjaar; op de interactieve"
        " pagina kiest u een andere meetwaarde, andere gemeenten, per 10.000 inwoners of jaren sinds de start.",
        "en": "This page shows {measure} for {towns}, absolute and by calendar year; on the interactive page"
        " you choose another measure, other municipalities, per 10,000 inhabitants or years since the start.",
    },
    "light_changelog_earlier": {"nl": "Eerdere publicaties", "en": "Earlier publications"},
}
