"""Texts shared by every page: navigation, banners, status words, chart furniture."""

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"nl": "Impactpijler", "en": "Impact pillar"},
    "language": {"nl": "Taal", "en": "Language"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "page_overview": {"nl": "Overzicht", "en": "Overview"},
    "page_budget": {"nl": "Budget en uitgaven", "en": "Budget and spend"},
    "page_property": {"nl": "Vastgoed", "en": "Real estate"},
    "page_ecosystem": {"nl": "Ecosysteem", "en": "Ecosystem"},
    "page_ambitions": {"nl": "Ambities", "en": "Ambitions"},
    "page_compare": {"nl": "Vergelijken", "en": "Compare"},
    "page_method": {"nl": "Methode en data", "en": "Method and data"},
    "demo_banner": {
        "nl": "Demonstratiegegevens: alle cijfers op deze pagina zijn illustratief en geen officiële"
        " cijfers van {names}.",
        "en": "Demo data: every figure on this page is illustrative and not an official figure of {names}.",
    },
    "figures_as_of": {"nl": "Cijfers tot en met {date}", "en": "Figures up to {date}"},
    "status_on_track": {"nl": "Op koers", "en": "On track"},
    "status_at_risk": {"nl": "Risico", "en": "At risk"},
    "status_off_track": {"nl": "Achter op koers", "en": "Off track"},
    "status_no_data": {"nl": "Geen gegevens", "en": "No data"},
    "target": {"nl": "Doel", "en": "Target"},
    "latest": {"nl": "Laatste waarde", "en": "Latest value"},
    "expected": {"nl": "Verwacht volgens koers", "en": "Expected on trajectory"},
    "trajectory": {"nl": "Koers naar doel", "en": "Trajectory to target"},
    "actual": {"nl": "Gerealiseerd", "en": "Actual"},
    "projection": {"nl": "Prognose", "en": "Projection"},
    "reached_on": {
        "nl": "Doel bereikt rond {date} bij dit tempo",
        "en": "Target reached around {date} at this pace",
    },
    "already_met": {"nl": "Doel al bereikt", "en": "Target already met"},
    "not_at_this_pace": {
        "nl": "Doel niet bereikt bij dit tempo",
        "en": "Target not reached at this pace",
    },
    "too_little_data": {
        "nl": "Te weinig gegevens voor een prognose",
        "en": "Too little data for a projection",
    },
    "reached_late": {
        "nl": "Doel pas rond {date} bereikt bij dit tempo, na de doeldatum",
        "en": "Target only reached around {date} at this pace, after the target date",
    },
    "target_missed": {
        "nl": "Doeldatum verstreken, doel niet bereikt",
        "en": "Target date passed, target not met",
    },
    # Why an ambition has its status (metrics.Reason), one sentence from views.ambitions.status_reason.
    "why_no_data": {"nl": "Er zijn nog geen waarden.", "en": "There are no values yet."},
    "why_met": {"nl": "Het doel van {target} is bereikt.", "en": "The target of {target} has been met."},
    "why_missed": {
        "nl": "De doeldatum {target_date} is verstreken zonder dat het doel van {target} is gehaald.",
        "en": "The target date {target_date} has passed without the target of {target} being met.",
    },
    "why_pos_ahead": {"nl": "verder dan de koers", "en": "ahead of the trajectory"},
    "why_pos_on": {"nl": "op de koers", "en": "on the trajectory"},
    "why_pos_behind": {"nl": "achter op de koers", "en": "behind the trajectory"},
    "why_to_milestone": {
        "nl": " naar de mijlpaal van {value} op {date}",
        "en": " towards the milestone of {value} on {date}",
    },
    "why_pace_on_time": {
        "nl": "bij het tempo van de laatste {window} waarden wordt het doel van {target} rond {reached}"
        " gehaald, op tijd voor {target_date}",
        "en": "at the pace of the latest {window} values the target of {target} is reached around"
        " {reached}, in time for {target_date}",
    },
    "why_pace_late": {
        "nl": "bij het tempo van de laatste {window} waarden wordt het doel van {target} pas rond"
        " {reached} gehaald, na de doeldatum {target_date}",
        "en": "at the pace of the latest {window} values the target of {target} is only reached around"
        " {reached}, after the target date {target_date}",
    },
    "why_pace_short": {
        "nl": "bij het tempo van de laatste {window} waarden wordt het doel van {target} op {target_date}"
        " niet gehaald: verwacht {projected}",
        "en": "at the pace of the latest {window} values the target of {target} is not reached by"
        " {target_date}: {projected} expected",
    },
    "why_pace_unknown": {
        "nl": "er zijn te weinig waarden om het tempo te bepalen",
        "en": "there are too few values to tell the pace",
    },
    "why_and": {"nl": "{position}, en {pace}.", "en": "{position}, and {pace}."},
    "why_but": {"nl": "{position}, maar {pace}.", "en": "{position}, but {pace}."},
    "why_unknown": {"nl": "{position}; {pace}.", "en": "{position}; {pace}."},
    "headline_ambitions": {"nl": "Ambities", "en": "Ambitions"},
    "key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "spend_this_year": {"nl": "Uitgaven {year}", "en": "Spend {year}"},
    "of_budget": {"nl": "van {budget} begroot ({pct})", "en": "of {budget} budgeted ({pct})"},
    "no_budget": {"nl": "geen begroting vastgelegd", "en": "no budget recorded"},
    "show_data": {"nl": "Gegevens als tabel", "en": "Data as a table"},
    "no_data_selection": {"nl": "Geen gegevens voor deze selectie.", "en": "No data for this selection."},
    # Counts meeting a noun or verb: the ``other`` form under the key, the ``one`` form under
    # ``key_one``; i18n.plural chooses by Babel's plural rules and fills in ``{count}``.
    "story": {
        "nl": "{name} zet sinds {start} in op impactondernemen. Van de {ambitions} {on}, {risk} en {off}.",
        "en": "{name} has backed impact entrepreneurship since {start}. Of its {ambitions}, {on}, {risk} and"
        " {off}.",
    },
    "count_ambitions": {"nl": "{count} ambities", "en": "{count} ambitions"},
    "count_ambitions_one": {"nl": "{count} ambitie", "en": "{count} ambition"},
    "count_on_track": {"nl": "liggen er {count} op koers", "en": "{count} are on track"},
    "count_on_track_one": {"nl": "ligt er {count} op koers", "en": "{count} is on track"},
    "count_at_risk": {"nl": "{count} lopen risico", "en": "{count} at risk"},
    "count_at_risk_one": {"nl": "{count} loopt risico", "en": "{count} at risk"},
    "count_off_track": {"nl": "{count} liggen achter", "en": "{count} off track"},
    "count_off_track_one": {"nl": "{count} ligt achter", "en": "{count} off track"},
    "no_ambitions": {
        "nl": "Voor {name} zijn nog geen ambities vastgelegd.",
        "en": "No ambitions have been recorded for {name} yet.",
    },
    # A full date: "op 31-12-2030" (Dutch "in" goes with a year, never with a day).
    "by_date": {"nl": "op {date}", "en": "by {date}"},
    "data_footer": {
        "nl": "Bron: gegevens van de gemeente; zie Methode en data voor definities.",
        "en": "Source: the municipality's data; see Method and data for definitions.",
    },
    # Said after a typed text's period when it is shown in the other language (no English text).
    "text_written_nl": {"nl": ", in het Nederlands", "en": ", in Dutch"},
    "text_written_en": {"nl": ", in het Engels", "en": ", in English"},
    "no_database": {
        "nl": "De database kon niet worden geopend. Neem contact op met de beheerder.",
        "en": "The database could not be opened. Please contact the administrator.",
    },
}

# Streamlit's own words, which no Streamlit option sets: the English is Streamlit's (1.67), the
# Dutch replaces it on Dutch pages (ui.session.page_language; docs/decisions.md, issue 13).
# Keys ending in ``_prefix`` begin a longer label ("Remove 's-Gravenhage").
TEXTS.update(
    {
        "streamlit_skip": {"nl": "Naar de hoofdinhoud", "en": "Skip to main content"},
        "streamlit_heading_link": {"nl": "Link naar deze kop", "en": "Link to heading"},
        "streamlit_main_menu": {"nl": "Hoofdmenu", "en": "Main menu"},
        "streamlit_app_pages": {"nl": "Pagina's", "en": "App pages"},
        "streamlit_sidebar": {"nl": "Zijbalk", "en": "Sidebar"},
        "streamlit_collapse_sidebar": {"nl": "Zijbalk inklappen", "en": "Collapse sidebar"},
        "streamlit_expand_sidebar": {"nl": "Zijbalk uitklappen", "en": "Expand sidebar"},
        "streamlit_clear_all": {"nl": "Alles wissen", "en": "Clear all"},
        "streamlit_selected_values": {"nl": "Gekozen waarden", "en": "Selected values"},
        "streamlit_choose_option": {"nl": "Kies een optie", "en": "Choose an option"},
        "streamlit_choose_options": {"nl": "Kies opties", "en": "Choose options"},
        "streamlit_show_password": {"nl": "Wachtwoord tonen", "en": "Show password"},
        "streamlit_hide_password": {"nl": "Wachtwoord verbergen", "en": "Hide password"},
        "streamlit_open": {"nl": "Openen", "en": "Open"},
        "streamlit_close": {"nl": "Sluiten", "en": "Close"},
        "streamlit_dismiss": {"nl": "Wegklikken", "en": "Dismiss"},
        "streamlit_fullscreen": {"nl": "Volledig scherm", "en": "Fullscreen"},
        "streamlit_close_fullscreen": {"nl": "Volledig scherm sluiten", "en": "Close fullscreen"},
        "streamlit_page_not_found": {"nl": "Pagina niet gevonden", "en": "Page not found"},
        "streamlit_page_not_found_text": {
            "nl": "Deze pagina bestaat niet. De hoofdpagina wordt getoond.",
            "en": "The page that you have requested does not seem to exist. Running the app's main page.",
        },
        "streamlit_choose_date": {"nl": "Kies een datum", "en": "Choose date"},
        "streamlit_choose_date_range": {"nl": "Kies een periode", "en": "Choose date range"},
        "streamlit_clear_value": {"nl": "Wissen", "en": "Clear value"},
        "streamlit_clear_date": {"nl": "Datum wissen", "en": "Clear date"},
        "streamlit_clear_dates": {"nl": "Datums wissen", "en": "Clear dates"},
        "streamlit_clear_entry": {"nl": "Invoer wissen", "en": "Clear entry"},
        "streamlit_previous_month": {"nl": "Vorige maand", "en": "Previous month"},
        "streamlit_next_month": {"nl": "Volgende maand", "en": "Next month"},
        "streamlit_increment": {"nl": "Verhogen", "en": "Increment"},
        "streamlit_decrement": {"nl": "Verlagen", "en": "Decrement"},
        "streamlit_scroll_tabs_left": {"nl": "Tabbladen naar links", "en": "Scroll tabs left"},
        "streamlit_scroll_tabs_right": {"nl": "Tabbladen naar rechts", "en": "Scroll tabs right"},
        "streamlit_column_menu": {"nl": "Kolommenu", "en": "Dataframe column menu"},
        # A table's toolbar (st.dataframe), with the table's name after a colon where it has one.
        "streamlit_show_hide_columns": {"nl": "Kolommen tonen of verbergen", "en": "Show/hide columns"},
        "streamlit_show_hide_columns_prefix": {
            "nl": "Kolommen tonen of verbergen: ",
            "en": "Show/hide columns: ",
        },
        "streamlit_search": {"nl": "Zoeken", "en": "Search"},
        "streamlit_close_search": {"nl": "Zoeken sluiten", "en": "Close Search"},
        "streamlit_download_csv": {"nl": "Downloaden als CSV", "en": "Download as CSV"},
        "streamlit_download_csv_prefix": {"nl": "Downloaden als CSV: ", "en": "Download as CSV: "},
        "streamlit_fullscreen_prefix": {"nl": "Volledig scherm: ", "en": "Fullscreen: "},
        "streamlit_clear_selection": {"nl": "Selectie wissen", "en": "Clear selection"},
        "streamlit_notifications": {"nl": "Meldingen", "en": "Notifications"},
        "streamlit_stop_script": {"nl": "Stoppen", "en": "Stop script"},
        "streamlit_add_files": {"nl": "Bestanden toevoegen", "en": "Add files"},
        "streamlit_running": {"nl": "Bezig...", "en": "Running..."},
        "streamlit_remove_prefix": {"nl": "Verwijder ", "en": "Remove "},
        # A widget's help icon ("Help for Bestand (CSV of .xlsx)").
        "streamlit_help_prefix": {"nl": "Uitleg bij ", "en": "Help for "},
        "streamlit_help": {"nl": "Uitleg", "en": "Help"},
        # A date field's parts: Streamlit fixes the field's language to American English,
        # so each part is named "day, <label>" and an empty one reads "Empty".
        "streamlit_date_day_prefix": {"nl": "dag, ", "en": "day, "},
        "streamlit_date_month_prefix": {"nl": "maand, ", "en": "month, "},
        "streamlit_date_year_prefix": {"nl": "jaar, ", "en": "year, "},
        "streamlit_date_empty": {"nl": "Leeg", "en": "Empty"},
        # The calendar's name with its month ("Choose date, december 2026"; the month follows the page).
        "streamlit_choose_date_prefix": {"nl": "Kies een datum, ", "en": "Choose date, "},
        "streamlit_date_year_placeholder": {"nl": "jjjj", "en": "yyyy"},
        "streamlit_date_keys": {
            "nl": "Kies een dag met de pijltjestoetsen, Enter om te kiezen, Escape om te sluiten.",
            "en": "Use arrow keys to navigate dates. Enter to select. Escape to close.",
        },
    }
)
