"""Texts of the ecosystem page (keys start with ``eco_``)."""

TEXTS: dict[str, dict[str, str]] = {
    "eco_intro": {
        "nl": "Hoe groeit het ecosysteem van impactondernemers in {name}? Impactondernemingen, hun banen,"
        " de investeringen die ze ophalen en het netwerk om hen heen, afgezet tegen de ambities. De"
        " gemeente faciliteert en verbindt; partners nemen steeds vaker zelf het voortouw.",
        "en": "How is the ecosystem of impact entrepreneurs in {name} growing? Impact enterprises, their jobs,"
        " the investment they raise and the network around them, against the ambitions. The municipality"
        " facilitates and connects; partners increasingly take the lead themselves.",
    },
    # Key figures
    "eco_key_figures": {"nl": "Het ecosysteem in cijfers", "en": "The ecosystem in figures"},
    "eco_key_figures_note": {
        "nl": "Laatste bekende waarde per maat, met de peildatum eronder.",
        "en": "Latest known value of each measure, with its date below it.",
    },
    # Ambitions
    "eco_ambitions": {"nl": "Tegen de ambities", "en": "Against the ambitions"},
    "eco_no_ambitions": {
        "nl": "Voor {name} zijn nog geen ambities voor het ecosysteem vastgelegd.",
        "en": "No ecosystem ambitions have been recorded for {name} yet.",
    },
    "eco_ambitions_summary": {
        "nl": "Van de {ambitions} voor het ecosysteem {on}, {risk} en {off}.",
        "en": "Of the {ambitions} for the ecosystem, {on}, {risk} and {off}.",
    },
    "eco_ambition_sentence": {
        "nl": "Laatste waarde {latest} op {date}; volgens de koers was {expected} verwacht. Doel: {target}"
        " op {target_date}.",
        "en": "Latest value {latest} on {date}; the trajectory expected {expected}. Target: {target}"
        " by {target_date}.",
    },
    "eco_ambition_sentence_cumulative": {
        "nl": "Opgeteld sinds {baseline_date}: {latest} tot en met {date}; volgens de koers was {expected}"
        " verwacht. Doel: {target} op {target_date}.",
        "en": "Added up since {baseline_date}: {latest} up to {date}; the trajectory expected {expected}."
        " Target: {target} by {target_date}.",
    },
    "eco_ambition_no_values": {
        "nl": "Nog geen waarden sinds het vertrekpunt; doel: {target} op {target_date}.",
        "en": "No values since the baseline yet; target: {target} by {target_date}.",
    },
    "eco_document": {"nl": "Vastgelegd in: {document}", "en": "Set in: {document}"},
    "eco_col_date": {"nl": "Datum", "en": "Date"},
    "eco_col_series": {"nl": "Reeks", "en": "Series"},
    "eco_col_value": {"nl": "Waarde", "en": "Value"},
    # Public notes
    "eco_note": {
        "nl": "Toelichting ({start} – {end}{written}): {body}",
        "en": "Note ({start} – {end}{written}): {body}",
    },
    "eco_note_programme": {
        "nl": "Toelichting bij {programme} ({start} – {end}{written}): {body}",
        "en": "Note on {programme} ({start} – {end}{written}): {body}",
    },
    # Connections
    "eco_connections": {"nl": "Verbindingen per jaar", "en": "Connections per year"},
    "eco_connections_sentence": {
        "nl": "In {year} zijn {made} nieuwe verbindingen gelegd, waarvan {through} via een gemeentelijk"
        " programma ({pct}); in {first_year} was dat {first_pct}.",
        "en": "In {year}, {made} new connections were made, {through} of them through a municipal programme"
        " ({pct}); in {first_year} that was {first_pct}.",
    },
    "eco_connections_sentence_one": {
        "nl": "In {year} zijn {made} nieuwe verbindingen gelegd, waarvan {through} via een gemeentelijk"
        " programma ({pct}).",
        "en": "In {year}, {made} new connections were made, {through} of them through a municipal programme"
        " ({pct}).",
    },
    "eco_through_programme": {"nl": "Via een programma", "en": "Through a programme"},
    "eco_other": {"nl": "Overig", "en": "Other"},
    "eco_year": {"nl": "Jaar", "en": "Year"},
    "eco_connections_made": {"nl": "Verbindingen", "en": "Connections"},
    "eco_share_programme": {"nl": "Aandeel via programma", "en": "Share through a programme"},
    "eco_complete_years": {
        "nl": "Alleen volledige jaren tot en met {date}.",
        "en": "Complete years only, up to {date}.",
    },
    # Network
    "eco_network": {"nl": "Het netwerk", "en": "The network"},
    "eco_network_sentence": {
        "nl": "Op {date} telt het netwerk {organisations} organisaties met {connections} verbindingen"
        " tussen {pairs} paren; de meest voorkomende soort is {largest} ({largest_n}).",
        "en": "On {date} the network holds {organisations} organisations with {connections} connections"
        " between {pairs} pairs; the most common kind is {largest} ({largest_n}).",
    },
    "eco_network_capped": {
        "nl": "Getekend: de {nodes} organisaties met de meeste verbindingen en de {edges} sterkste"
        " verbindingen daartussen.",
        "en": "Drawn: the {nodes} organisations with the most connections and the {edges} strongest"
        " connections between them.",
    },
    "eco_network_howto": {
        "nl": "Elke stip is een organisatie; vorm en kleur geven de soort aan, de grootte het aantal"
        " verbindingen. Lijnen zijn verbindingen.",
        "en": "Each dot is an organisation; shape and colour show its kind, its size the number of"
        " connections. Lines are connections.",
    },
    "eco_kind": {"nl": "Soort organisatie", "en": "Kind of organisation"},
    "eco_organisations": {"nl": "Organisaties", "en": "Organisations"},
    "eco_connections_of": {
        "nl": "Verbindingen (elke deelnemer telt mee)",
        "en": "Connections (each participant counts)",
    },
    "eco_hover_connections": {"nl": "verbindingen", "en": "connections"},
    "eco_hover_programmes": {"nl": "programma's", "en": "programmes"},
    "eco_of": {"nl": "van", "en": "of"},
    "eco_kind_impact_enterprise": {"nl": "Impactonderneming", "en": "Impact enterprise"},
    "eco_kind_financier": {"nl": "Financier", "en": "Financier"},
    "eco_kind_supplier": {"nl": "Leverancier", "en": "Supplier"},
    "eco_kind_knowledge_institution": {"nl": "Kennisinstelling", "en": "Knowledge institution"},
    "eco_kind_government": {"nl": "Overheid", "en": "Government"},
    "eco_kind_foundation_ngo": {"nl": "Stichting of maatschappelijke organisatie", "en": "Foundation or NGO"},
    "eco_kind_corporate": {"nl": "Groot bedrijf", "en": "Corporate"},
    # Programmes by lead
    "eco_lead": {
        "nl": "Programma's geleid door partners of door de gemeente",
        "en": "Programmes led by partners or by the municipality",
    },
    "eco_lead_sentence": {
        "nl": "In {year} werden {partner} van de {total} lopende programma's door een partner geleid ({pct});"
        " in {first_year} was dat {first_partner} van de {first_total} ({first_pct}).",
        "en": "In {year}, {partner} of the {total} running programmes were led by a partner ({pct}); in"
        " {first_year} that was {first_partner} of {first_total} ({first_pct}).",
    },
    "eco_lead_sentence_one": {
        "nl": "In {year} werden {partner} van de {total} lopende programma's door een partner geleid ({pct}).",
        "en": "In {year}, {partner} of the {total} running programmes were led by a partner ({pct}).",
    },
    "eco_led_by_partner": {"nl": "Geleid door een partner", "en": "Led by a partner"},
    "eco_led_by_municipality": {"nl": "Geleid door de gemeente", "en": "Led by the municipality"},
    "eco_programmes": {"nl": "Programma's", "en": "Programmes"},
    "eco_partner_share": {"nl": "Aandeel partners", "en": "Partner share"},
}
