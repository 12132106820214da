"""Texts of the ambitions page (keys prefixed ``amb_``)."""

TEXTS: dict[str, dict[str, str]] = {
    "amb_title": {"nl": "Ambities van {name}", "en": "Ambitions of {name}"},
    "amb_intro": {
        "nl": "{name} heeft {ambitions} vastgelegd. Stand {date}: {on} op koers, {risk} met risico"
        " en {off} achter op koers.",
        "en": "{name} has set {ambitions}. As of {date}: {on} on track, {risk} at risk and {off} off track.",
    },
    "amb_intro_no_data": {
        "nl": " Voor {count} ambities zijn nog geen gegevens.",
        "en": " {count} ambitions have no data yet.",
    },
    "amb_intro_no_data_one": {
        "nl": " Voor {count} ambitie zijn nog geen gegevens.",
        "en": " {count} ambition has no data yet.",
    },
    "amb_list_heading": {"nl": "Alle ambities", "en": "All ambitions"},
    "amb_list_caption": {
        "nl": "De status vergelijkt de laatst bekende waarde met de koers van nulmeting via de mijlpalen"
        " naar het doel: op koers bij hooguit {on}% van de beoogde verandering achter, risico tot {risk}%,"
        " daarboven achter op koers. Wie op koers ligt maar bij het tempo van de laatste {window} waarden"
        " het doel niet op tijd haalt, krijgt de status risico. De prognose trekt de lijn door de laatste"
        " {window} waarden door.",
        "en": "The status compares the latest value with the trajectory from baseline through the"
        " milestones to the target: on track when at most {on}% of the planned change behind, at risk up"
        " to {risk}%, beyond that off track. An ambition on the trajectory whose pace over the latest"
        " {window} values does not reach the target in time is at risk. The projection extends the line"
        " through the latest {window} values.",
    },
    "amb_filter": {"nl": "Toon ambities met status", "en": "Show ambitions with status"},
    "amb_sort": {"nl": "Sorteren op", "en": "Sort by"},
    "amb_sort_status": {"nl": "Status: achter op koers eerst", "en": "Status: off track first"},
    "amb_sort_status_best": {"nl": "Status: op koers eerst", "en": "Status: on track first"},
    "amb_sort_name": {"nl": "Naam van de maatstaf", "en": "Name of the measure"},
    "amb_sort_target": {"nl": "Doeldatum", "en": "Target date"},
    "amb_none_selected": {
        "nl": "Kies ten minste één status om ambities te tonen.",
        "en": "Choose at least one status to show ambitions.",
    },
    "amb_col_measure": {"nl": "Maatstaf", "en": "Measure"},
    "amb_col_status": {"nl": "Status", "en": "Status"},
    "amb_col_latest": {"nl": "Laatste waarde (datum)", "en": "Latest value (date)"},
    "amb_col_expected": {"nl": "Verwacht volgens koers", "en": "Expected on trajectory"},
    "amb_col_target": {"nl": "Doel (datum)", "en": "Target (date)"},
    "amb_col_projection": {"nl": "Doel bereikt bij dit tempo", "en": "Target reached at this pace"},
    "amb_proj_around": {"nl": "rond {date}", "en": "around {date}"},
    "amb_proj_not": {"nl": "niet", "en": "not"},
    "amb_proj_met": {"nl": "al bereikt", "en": "already met"},
    "amb_proj_little": {"nl": "te weinig gegevens", "en": "too little data"},
    "amb_proj_late": {"nl": "rond {date}, te laat", "en": "around {date}, too late"},
    "amb_proj_missed": {"nl": "niet, doeldatum verstreken", "en": "no, target date passed"},
    "amb_col_date": {"nl": "Datum", "en": "Date"},
    "amb_col_kind": {"nl": "Soort", "en": "Kind"},
    "amb_col_value": {"nl": "Waarde", "en": "Value"},
    "amb_col_verdict": {"nl": "Behaald?", "en": "Met?"},
    "amb_col_programme": {"nl": "Programma", "en": "Programme"},
    "amb_col_instrument": {"nl": "Instrument", "en": "Instrument"},
    "amb_col_lead": {"nl": "Uitvoering", "en": "Run by"},
    "amb_col_budget_total": {"nl": "Begroot t/m {year}", "en": "Budget to {year}"},
    "amb_col_spend_total": {"nl": "Uitgegeven t/m {date}", "en": "Spent to {date}"},
    "amb_col_budget_year": {"nl": "Begroot {year}", "en": "Budget {year}"},
    "amb_col_spend_year": {"nl": "Uitgegeven {year}", "en": "Spent {year}"},
    "amb_detail_heading": {"nl": "Ambitie in detail", "en": "Ambition in detail"},
    "amb_pick": {"nl": "Kies een ambitie", "en": "Choose an ambition"},
    "amb_option": {"nl": "{icon} {name} (doel {year})", "en": "{icon} {name} (target {year})"},
    "amb_status_line": {"nl": "**Status:** {status}. {reason}", "en": "**Status:** {status}. {reason}"},
    "amb_summary": {
        "nl": "{when}: {latest}{cumulative}, verwacht volgens koers {expected}; doel {target} op {date}.",
        "en": "{when}: {latest}{cumulative}, expected on the trajectory {expected}; target {target} by"
        " {date}.",
    },
    "amb_summary_no_data": {
        "nl": "Nog geen gerealiseerde waarden; doel {target} op {date}.",
        "en": "No actual values yet; target {target} by {date}.",
    },
    "amb_when_year_end": {"nl": "Eind {year}", "en": "End of {year}"},
    "amb_when_date": {"nl": "Op {date}", "en": "On {date}"},
    "amb_cumulative": {"nl": " opgeteld sinds {date}", "en": " in total since {date}"},
    "amb_projection_value": {
        "nl": " Bij het huidige tempo komt de maatstaf op {date} uit op {value}.",
        "en": " At the current pace the measure reaches {value} by {date}.",
    },
    "amb_baseline": {"nl": "Nulmeting", "en": "Baseline"},
    "amb_milestone": {"nl": "Mijlpaal", "en": "Milestone"},
    "amb_milestones_heading": {"nl": "Nulmeting, mijlpalen en doel", "en": "Baseline, milestones and target"},
    "amb_met": {"nl": "Behaald", "en": "Met"},
    "amb_not_met": {"nl": "Niet behaald", "en": "Not met"},
    "amb_pending": {"nl": "Nog niet aan de orde", "en": "Not due yet"},
    "amb_document": {"nl": "**Vastgesteld in:** {doc}", "en": "**Set in:** {doc}"},
    "amb_notes_heading": {"nl": "Toelichting", "en": "Notes"},
    "amb_notes_caption": {
        "nl": "Toelichting van de gemeente bij deze ambitie, de maatstaf of de programma's.",
        "en": "Notes by the municipality on this ambition, its measure or its programmes.",
    },
    "amb_note_line": {
        "nl": "**{about}, {period}{written}:** {body}",
        "en": "**{about}, {period}{written}:** {body}",
    },
    "amb_note_ambition": {"nl": "Ambitie", "en": "Ambition"},
    "amb_note_metric": {"nl": "Maatstaf", "en": "Measure"},
    "amb_note_programme": {"nl": "Programma {name}", "en": "Programme {name}"},
    "amb_note_period": {"nl": "{start} t/m {end}", "en": "{start} to {end}"},
    "amb_chart_note": {"nl": "toelichting {n}", "en": "note {n}"},
    "amb_programmes_heading": {
        "nl": "Programma's voor deze ambitie",
        "en": "Programmes serving this ambition",
    },
    "amb_programmes_sentence": {
        "nl": "{count} programma's dienen deze ambitie: samen {budget} begroot t/m {year_now} en {spend}"
        " uitgegeven t/m {date}. In {year}: {budget_year} begroot en {spend_year} uitgegeven ({pct}).",
        "en": "{count} programmes serve this ambition: together {budget} budgeted to {year_now} and {spend}"
        " spent to {date}. In {year}: {budget_year} budgeted and {spend_year} spent ({pct}).",
    },
    "amb_programmes_sentence_one": {
        "nl": "Eén programma dient deze ambitie: {budget} begroot t/m {year_now} en {spend} uitgegeven t/m"
        " {date}. In {year}: {budget_year} begroot en {spend_year} uitgegeven ({pct}).",
        "en": "One programme serves this ambition: {budget} budgeted to {year_now} and {spend} spent to"
        " {date}. In {year}: {budget_year} budgeted and {spend_year} spent ({pct}).",
    },
    "amb_programmes_overlap": {
        "nl": "Een programma kan meer ambities dienen; tel de bedragen daarom niet op over ambities heen.",
        "en": "A programme can serve several ambitions, so do not add the amounts up across ambitions.",
    },
    "amb_programmes_described": {"nl": "Wat de programma's doen", "en": "What the programmes do"},
    "amb_no_programmes": {
        "nl": "Er zijn geen programma's aan deze ambitie gekoppeld.",
        "en": "No programmes are linked to this ambition.",
    },
    "amb_lead_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "amb_lead_partner": {"nl": "Partner: {name}", "en": "Partner: {name}"},
    "amb_axis_year_end": {"nl": "jaareinde (31 december)", "en": "year end (31 December)"},
    "amb_unit_eur": {"nl": "euro", "en": "euro"},
    "amb_unit_m2": {"nl": "m²", "en": "m²"},
    "amb_unit_count": {"nl": "aantal", "en": "number"},
    "amb_unit_fte": {"nl": "fte", "en": "fte"},
    "amb_unit_percent": {"nl": "procent", "en": "per cent"},
    "amb_unit_ratio": {"nl": "verhouding", "en": "ratio"},
}
