"""Texts of the page Budget and spend (app_pages/budget.py); every key starts with ``budget_``."""

TEXTS: dict[str, dict[str, str]] = {
    # Filters and key figures
    "budget_year": {"nl": "Jaar", "en": "Year"},
    "budget_instrument": {"nl": "Instrument", "en": "Instrument"},
    "budget_all_instruments": {"nl": "Alle instrumenten", "en": "All instruments"},
    "budget_headline": {
        "nl": "{scope}: {spend} uitgegeven van {budget} begroot ({pct})",
        "en": "{scope}: {spend} spent of {budget} budgeted ({pct})",
    },
    "budget_headline_no_budget": {
        "nl": "{scope}: {spend} uitgegeven; geen begroting vastgelegd",
        "en": "{scope}: {spend} spent; no budget recorded",
    },
    "budget_partial_year": {
        "nl": "Uitgaven tot en met {date}; het jaar is nog niet afgesloten.",
        "en": "Spend up to {date}; the year has not ended yet.",
    },
    "budget_metric_budget": {"nl": "Begroot", "en": "Budget"},
    "budget_metric_spend": {"nl": "Uitgegeven", "en": "Spent"},
    "budget_metric_execution": {"nl": "Uitputting", "en": "Execution"},
    "budget_metric_cofunding": {"nl": "Externe cofinanciering", "en": "External co-funding"},
    # Chart furniture shared by the charts of this page
    "budget_budget": {"nl": "Begroot", "en": "Budget"},
    "budget_spend": {"nl": "Uitgegeven", "en": "Spent"},
    "budget_partial_mark": {
        "nl": "{year}*: uitgaven tot en met {date}.",
        "en": "{year}*: spend up to {date}.",
    },
    # Per year
    "budget_per_year_title": {"nl": "Begroting en uitgaven per jaar", "en": "Budget and spend per year"},
    "budget_per_year_sentence": {
        "nl": "De begroting ging van {first_budget} in {first} naar {last_budget} in {last}; over de"
        " afgesloten jaren is {pct} ervan uitgegeven.",
        "en": "The budget went from {first_budget} in {first} to {last_budget} in {last}; over the"
        " completed years {pct} of it was spent.",
    },
    "budget_per_year_sentence_open": {
        "nl": "De begroting ging van {first_budget} in {first} naar {last_budget} in {last}; er is nog"
        " geen afgesloten jaar.",
        "en": "The budget went from {first_budget} in {first} to {last_budget} in {last}; no year has"
        " been completed yet.",
    },
    # Planning-and-control moments
    "budget_moments_title": {
        "nl": "Begroting per P&C-moment, {year}",
        "en": "Budget per planning-and-control moment, {year}",
    },
    "budget_moments_sentence": {
        "nl": "{year}: {first_label} {first}, bijgesteld tot {last} bij de {last_label} ({change});"
        " {spend} uitgegeven.",
        "en": "{year}: {first_label} {first}, revised to {last} at the {last_label} ({change});"
        " {spend} spent.",
    },
    "budget_moments_sentence_once": {
        "nl": "{year}: {first_label} {first}, nog niet bijgesteld; {spend} uitgegeven.",
        "en": "{year}: {first_label} {first}, not revised yet; {spend} spent.",
    },
    "budget_moments_sentence_same": {
        "nl": "{year}: {first_label} {first}, bij de {last_label} ongewijzigd; {spend} uitgegeven.",
        "en": "{year}: {first_label} {first}, unchanged at the {last_label}; {spend} spent.",
    },
    "budget_moment": {"nl": "P&C-moment", "en": "Planning-and-control moment"},
    "budget_moment_original": {"nl": "Primitieve begroting", "en": "Original budget"},
    "budget_moment_spring": {"nl": "Voorjaarsnota", "en": "Spring amendment"},
    "budget_moment_autumn": {"nl": "Najaarsnota", "en": "Autumn amendment"},
    "budget_moment_final": {"nl": "Jaarrekening", "en": "Final accounts"},
    "budget_spend_so_far": {"nl": "Uitgegeven", "en": "Spent"},
    # Per instrument / programme
    "budget_by_instrument_title": {
        "nl": "Begroting en uitgaven per instrument, {year}",
        "en": "Budget and spend per instrument, {year}",
    },
    "budget_by_programme_title": {
        "nl": "Begroting en uitgaven per programma van {instrument}, {year}",
        "en": "Budget and spend per programme of {instrument}, {year}",
    },
    "budget_breakdown_sentence": {
        "nl": "{year}: het grootste budget heeft {top} ({amount}, {share} van {total}); bij {over} van de"
        " {n} {unit} is meer uitgegeven dan begroot.",
        "en": "{year}: {top} has the largest budget ({amount}, {share} of {total}); {over} of the {n}"
        " {unit} spent more than budgeted.",
    },
    "budget_breakdown_sentence_single": {
        "nl": "{year}: alleen {top} heeft een begroting ({amount}); daarvan is {pct} uitgegeven.",
        "en": "{year}: only {top} has a budget ({amount}); {pct} of it was spent.",
    },
    "budget_over_marker": {"nl": "▲ boven begroting", "en": "▲ over budget"},
    "budget_unit_instrument": {"nl": "instrumenten", "en": "instruments"},
    "budget_unit_programme": {"nl": "programma's", "en": "programmes"},
    "budget_execution": {"nl": "Uitputting", "en": "Execution"},
    "budget_budget_spend_execution": {
        "nl": "Begroot · uitgegeven · uitputting",
        "en": "Budget · spent · execution",
    },
    "budget_budget_spend_cell": {
        "nl": "{budget} begroot · {spend} uitgegeven · {pct}",
        "en": "{budget} budgeted · {spend} spent · {pct}",
    },
    # Cumulative spend against an even-spend line
    "budget_cumulative_title": {
        "nl": "Uitgaven {year} opgeteld, tegen gelijkmatige besteding",
        "en": "Cumulative spend {year} against even spending",
    },
    "budget_cumulative_sentence": {
        "nl": "Tot en met {date} is {spend} uitgegeven; bij gelijkmatige besteding van de begroting"
        " ({budget}) was dat {even} geweest. De uitgaven zijn {pct} daarvan.",
        "en": "Up to {date}, {spend} was spent; spending the budget ({budget}) evenly would have meant"
        " {even} by then. Spend is {pct} of that.",
    },
    "budget_cumulative_sentence_year": {
        "nl": "{year}: {spend} uitgegeven, {pct} van de begroting. De grootste achterstand op gelijkmatige"
        " besteding was eind {month}: {gap}.",
        "en": "{year}: {spend} spent, {pct} of the budget. Spend fell furthest behind even spending at the"
        " end of {month}: {gap}.",
    },
    "budget_cumulative_sentence_year_ahead": {
        "nl": "{year}: {spend} uitgegeven, {pct} van de begroting; de uitgaven bleven het hele jaar op of"
        " boven gelijkmatige besteding.",
        "en": "{year}: {spend} spent, {pct} of the budget; spend stayed at or above even spending all year.",
    },
    "budget_cumulative_sentence_no_budget": {
        "nl": "Tot en met {date} is {spend} uitgegeven; voor dit jaar is geen begroting vastgelegd.",
        "en": "Up to {date}, {spend} was spent; no budget is recorded for this year.",
    },
    "budget_cumulative_spend": {"nl": "Uitgegeven, opgeteld", "en": "Spent, cumulative"},
    "budget_even_spend": {"nl": "Gelijkmatige besteding", "en": "Even spending"},
    "budget_month_spend": {"nl": "Uitgegeven in de maand", "en": "Spent in the month"},
    "budget_until": {"nl": "Tot en met", "en": "Up to"},
    # Leverage
    "budget_leverage_title": {
        "nl": "Hefboom: externe cofinanciering per gemeentelijke euro",
        "en": "Leverage: external co-funding per municipal euro",
    },
    "budget_leverage_sentence": {
        "nl": "In {year} bracht elke uitgegeven gemeentelijke euro {value} aan externe cofinanciering mee;"
        " in {first_year} was dat {first_value}.",
        "en": "In {year}, every municipal euro spent came with {value} of external co-funding;"
        " in {first_year} it was {first_value}.",
    },
    "budget_leverage_scope": {
        "nl": "Alleen afgesloten jaren. De lijn ‘{pillar}’ geldt voor alle instrumenten samen.",
        "en": "Completed years only. The line ‘{pillar}’ covers all instruments together.",
    },
    "budget_whole_pillar": {"nl": "Hele impactpijler", "en": "Whole impact pillar"},
    "budget_cofunding": {"nl": "Cofinanciering", "en": "Co-funding"},
    "budget_leverage": {"nl": "Hefboom (€ per € uitgegeven)", "en": "Leverage (€ per € spent)"},
    "budget_leverage_hover": {
        "nl": "{value} cofinanciering per € 1 uitgegeven",
        "en": "{value} co-funding per €1 spent",
    },
    # Drill-down to the spend lines
    "budget_lines_title": {
        "nl": "Boekingen per programma, {year}",
        "en": "Spend lines per programme, {year}",
    },
    "budget_programme": {"nl": "Programma", "en": "Programme"},
    "budget_lines_sentence": {
        "nl": "{programme}, {year}: {count} boekingen, samen {total}.",
        "en": "{programme}, {year}: {count} spend lines, together {total}.",
    },
    "budget_lines_sentence_one": {
        "nl": "{programme}, {year}: {count} boeking, samen {total}.",
        "en": "{programme}, {year}: {count} spend line, together {total}.",
    },
    "budget_lines_limited": {
        "nl": "De {shown} meest recente boekingen staan hieronder.",
        "en": "The {shown} most recent lines are shown below.",
    },
    "budget_lines_corrections": {
        "nl": "Negatieve bedragen zijn correcties (creditnota's).",
        "en": "Negative amounts are corrections (credit notes).",
    },
    "budget_lead_partner": {"nl": "Uitgevoerd door partner {partner}.", "en": "Run by partner {partner}."},
    "budget_lead_municipality": {"nl": "Uitgevoerd door de gemeente.", "en": "Run by the municipality."},
    "budget_lines_rows": {"nl": "Boekingen", "en": "Lines"},
    "budget_date": {"nl": "Datum", "en": "Date"},
    "budget_description": {"nl": "Omschrijving · ontvanger", "en": "Description · recipient"},
    "budget_amount": {"nl": "Bedrag", "en": "Amount"},
    "budget_entry_ref": {"nl": "Boekingsnummer", "en": "Booking number"},
    "budget_cp_impact_enterprise": {"nl": "Impactondernemer", "en": "Impact enterprise"},
    "budget_cp_supplier": {"nl": "Leverancier", "en": "Supplier"},
    "budget_cp_partner": {"nl": "Uitvoeringspartner", "en": "Delivery partner"},
    "budget_cp_knowledge_institution": {"nl": "Kennisinstelling", "en": "Knowledge institution"},
    "budget_cp_government": {"nl": "Overheid", "en": "Government"},
    "budget_cp_foundation": {"nl": "Stichting of fonds", "en": "Foundation"},
    "budget_cp_other": {"nl": "Overig", "en": "Other"},
    # Notes
    "budget_note": {
        "nl": "Toelichting ({start} – {end}{written}): {body}",
        "en": "Note ({start} – {end}{written}): {body}",
    },
    "budget_note_programme": {
        "nl": "Toelichting bij {name} ({start} – {end}{written}): {body}",
        "en": "Note on {name} ({start} – {end}{written}): {body}",
    },
}
