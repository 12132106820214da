"""Texts of the progress review page (app_pages/review.py); every key starts with ``review_``."""

TEXTS: dict[str, dict[str, str]] = {
    "page_review": {"nl": "Voortgangsreview", "en": "Progress review"},
    "review_intro": {
        "nl": "Alle ambities van alle gemeenten op één scorekaart: hoe ze ervoor staan tegenover de"
        " koers, waar het tempo op uitkomt en wat er veranderd is sinds de laatste publicatie."
        " Kies daaronder een ambitie om de programma's, de panden en de toelichtingen te zien.",
        "en": "Every ambition of every municipality on one scorecard: where it stands against the"
        " trajectory, where the pace leads and what changed since the last publication."
        " Choose an ambition below to see its programmes, properties and notes.",
    },
    "review_scorecard_heading": {"nl": "Scorekaart", "en": "Scorecard"},
    "review_filter_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "review_filter_instrument": {"nl": "Instrument", "en": "Instrument"},
    "review_filter_status": {"nl": "Status", "en": "Status"},
    "review_filter_all": {"nl": "Alle", "en": "All"},
    "review_sort_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "review_sort_change": {
        "nl": "Grootste verandering sinds publicatie",
        "en": "Largest change since publication",
    },
    "review_sort_notes": {"nl": "Meeste toelichtingen", "en": "Most notes"},
    "review_counts": {
        "nl": "{n} van {count} ambities getoond: {on} op koers, {risk} met risico, {off} achter op koers,"
        " {none} zonder gegevens.",
        "en": "{n} of {count} ambitions shown: {on} on track, {risk} at risk, {off} off track, {none}"
        " without data.",
    },
    "review_counts_one": {
        "nl": "{n} van {count} ambitie getoond: {on} op koers, {risk} met risico, {off} achter op koers,"
        " {none} zonder gegevens.",
        "en": "{n} of {count} ambition shown: {on} on track, {risk} at risk, {off} off track, {none}"
        " without data.",
    },
    "review_none_selected": {
        "nl": "Geen ambitie past bij deze filters.",
        "en": "No ambition matches these filters.",
    },
    "review_col_ambition": {"nl": "Gemeente – ambitie (maatstaf)", "en": "Municipality – ambition (measure)"},
    "review_col_instruments": {"nl": "Instrumenten", "en": "Instruments"},
    "review_col_projection": {"nl": "Prognose op doeldatum", "en": "Projection at target date"},
    "review_col_change": {"nl": "Verschil met publicatie", "en": "Change since publication"},
    # Soft hyphens let the long Dutch word wrap, so the scorecard fits a laptop's screen.
    "review_col_notes": {"nl": "Toe\u00adlich\u00adtingen", "en": "Notes"},
    "review_caption_published": {
        "nl": "Verschil met publicatie: de laatste waarde nu min de laatste waarde in de publicatie"
        " ‘{label}’ van {date}. Verwacht volgens koers: waar de koers ligt op de datum van de laatste"
        " waarde (daarmee vergelijkt ook de status). De prognose trekt het tempo van de laatste {window}"
        " waarden door tot de doeldatum.",
        "en": "Change since publication: the latest value now minus the latest value in the publication"
        " ‘{label}’ of {date}. Expected on trajectory: where the trajectory is on the date of the latest"
        " value (the status compares with it too). The projection extends the pace of the latest {window}"
        " values to the target date.",
    },
    "review_caption_unpublished": {
        "nl": "Er is nog niets gepubliceerd, dus er is geen verschil met een publicatie. Verwacht volgens"
        " koers: waar de koers ligt op de datum van de laatste waarde (daarmee vergelijkt ook de status)."
        " De prognose trekt het tempo van de laatste {window} waarden door tot de doeldatum.",
        "en": "Nothing has been published yet, so there is no change since a publication. Expected on"
        " trajectory: where the trajectory is on the date of the latest value (the status compares with"
        " it too). The projection extends the pace of the latest {window} values to the target date.",
    },
    "review_detail_heading": {"nl": "Eén ambitie in detail", "en": "One ambition in detail"},
    "review_pick": {"nl": "Kies een ambitie", "en": "Choose an ambition"},
    "review_option": {
        "nl": "{icon} {town} · {name} (doel {year})",
        "en": "{icon} {town} · {name} (target {year})",
    },
    "review_detail_title": {"nl": "{name} – {town}", "en": "{name} – {town}"},
    "review_change_line": {
        "nl": "**Verschil met de publicatie:** {change}",
        "en": "**Change since the publication:** {change}",
    },
    "review_years_heading": {"nl": "Begroting en besteding per jaar", "en": "Budget and spend per year"},
    "review_years_caption": {
        "nl": "Alle programma's voor deze ambitie samen; begroting volgens de laatste P&C-stap, besteding"
        " tot de peildatum.",
        "en": "All programmes serving this ambition together; budget as of the latest planning-and-control"
        " step, spend up to the reporting date.",
    },
    "review_years_lines": {"nl": "Per programma en jaar", "en": "Per programme and year"},
    "review_col_year": {"nl": "Jaar", "en": "Year"},
    "review_year_partial": {"nl": "{year} (tot nu)", "en": "{year} (so far)"},
    "review_col_budget": {"nl": "Begroot", "en": "Budget"},
    "review_col_spend": {"nl": "Uitgegeven", "en": "Spent"},
    "review_col_spent_share": {"nl": "Besteed", "en": "Spent share"},
    "review_properties_heading": {
        "nl": "Panden achter deze ambitie",
        "en": "Properties behind this ambition",
    },
    "review_properties_caption": {
        "nl": "Panden die de programma's voor deze ambitie inzetten, met hun stand op de peildatum.",
        "en": "Properties deployed by the programmes serving this ambition, as of the reporting date.",
    },
    "review_no_properties": {
        "nl": "Geen van de programma's voor deze ambitie zet panden in.",
        "en": "None of the programmes serving this ambition deploys properties.",
    },
    "review_col_property": {"nl": "Pand", "en": "Property"},
    "review_col_address": {"nl": "Adres, wijk", "en": "Address, district"},
    "review_col_impact_floor": {"nl": "Impact-m²", "en": "Impact m²"},
    "review_col_occupancy": {"nl": "Bezetting (laatste kwartaal)", "en": "Occupancy (latest quarter)"},
    "review_occupancy": {"nl": "{pct} (K{q}{nbsp}{year})", "en": "{pct} (Q{q}{nbsp}{year})"},
    "review_col_tenants": {"nl": "Huurders (impact)", "en": "Tenants (impact)"},
    "review_tenants": {"nl": "{n} ({k})", "en": "{n} ({k})"},
    "review_notes_heading": {"nl": "Toelichtingen", "en": "Notes"},
    "review_notes_caption": {
        "nl": "Alle toelichtingen bij deze ambitie, de maatstaf, de programma's en de panden, ook de"
        " interne. Het nummer staat ook in de grafiek bij de periode.",
        "en": "Every note on this ambition, its measure, its programmes and properties, internal ones"
        " included (written in Dutch). The number also marks the period on the chart.",
    },
    "review_no_notes": {"nl": "Nog geen toelichtingen.", "en": "No notes yet."},
    "review_col_number": {"nl": "Nr.", "en": "No."},
    "review_col_about": {"nl": "Over", "en": "About"},
    "review_col_period": {"nl": "Periode", "en": "Period"},
    "review_col_visibility": {"nl": "Zichtbaar voor", "en": "Visible to"},
    "review_col_author": {"nl": "Auteur", "en": "Author"},
    "review_col_text": {"nl": "Tekst", "en": "Text"},
    "review_visibility_public": {"nl": "Iedereen (openbaar)", "en": "Everyone (public)"},
    "review_visibility_internal": {"nl": "Alleen medewerkers (intern)", "en": "Staff only (internal)"},
    "review_note_property": {"nl": "Pand {name}", "en": "Property {name}"},
    "review_add_heading": {"nl": "Toelichting toevoegen", "en": "Add a note"},
    "review_add_caption": {
        "nl": "Een openbare toelichting verschijnt op de ambitiepagina na de volgende publicatie; een"
        " interne blijft binnen de gemeente.",
        "en": "A public note appears on the ambitions page after the next publication; an internal one"
        " stays within the municipality.",
    },
    "review_add_start": {"nl": "Periode vanaf", "en": "Period from"},
    "review_add_end": {"nl": "Periode tot en met", "en": "Period to"},
    "review_add_body": {"nl": "Tekst", "en": "Text"},
    "review_add_visibility": {"nl": "Zichtbaar voor", "en": "Visible to"},
    "review_add_button": {"nl": "Toelichting opslaan", "en": "Save note"},
    "review_added": {"nl": "Toelichting {id} is opgeslagen.", "en": "Note {id} has been saved."},
}
