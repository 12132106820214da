"""Texts of the real-estate page (app_pages/property.py); every key starts with ``property_``."""

TEXTS: dict[str, dict[str, str]] = {
    "property_title": {"nl": "Vastgoed in {name}", "en": "Real estate in {name}"},
    "property_intro": {
        "nl": "Welke panden {name} beschikbaar stelt aan impactondernemers, hoe vol ze zijn en hoeveel"
        " huurkorting (steun in natura) de gemeente daarmee geeft.",
        "en": "Which buildings {name} makes available to impact entrepreneurs, how full they are and how"
        " much rent discount (support in kind) the municipality gives through them.",
    },
    # key figures
    "property_kpi_floor": {"nl": "Vloeroppervlak voor impact", "en": "Impact floor area"},
    "property_kpi_occupancy": {"nl": "Bezettingsgraad", "en": "Occupancy rate"},
    "property_kpi_tenants": {"nl": "Impacthuurders", "en": "Impact tenants"},
    "property_kpi_discount": {"nl": "Huurkorting {year}", "en": "Rent discount {year}"},
    "property_kpi_vacancy": {"nl": "leegstand {pct}", "en": "vacancy {pct}"},
    "property_kpi_properties": {"nl": "in {count} panden", "en": "in {count} buildings"},
    "property_kpi_properties_one": {"nl": "in {count} pand", "en": "in {count} building"},
    "property_kpi_at": {"nl": "op {date}", "en": "on {date}"},
    # floor area against the ambition
    "property_floor_title": {
        "nl": "Vloeroppervlak voor impactondernemers",
        "en": "Floor area for impact entrepreneurs",
    },
    "property_floor_sentence": {
        "nl": "{date}: {value} beschikbaar voor impactondernemers; het doel is {target} op {target_date}.",
        "en": "{date}: {value} available to impact entrepreneurs; the target is {target} by {target_date}.",
    },
    "property_floor_sentence_plain": {
        "nl": "{date}: {value} beschikbaar voor impactondernemers (er is geen ambitie vastgelegd).",
        "en": "{date}: {value} available to impact entrepreneurs (no ambition has been recorded).",
    },
    # occupancy and tenants per quarter
    "property_occupancy_title": {
        "nl": "Bezetting en impacthuurders per kwartaal",
        "en": "Occupancy and impact tenants per quarter",
    },
    "property_occupancy_sentence": {
        "nl": "{quarter}: {occupancy} van het impactvloeroppervlak is verhuurd (leegstand {vacancy}),"
        " aan {tenants} impacthuurders.",
        "en": "{quarter}: {occupancy} of the impact floor area is let (vacancy {vacancy}),"
        " to {tenants} impact tenants.",
    },
    "property_occupancy_axis": {"nl": "Bezetting", "en": "Occupancy"},
    "property_tenants_axis": {"nl": "Impacthuurders", "en": "Impact tenants"},
    "property_quarter_label": {"nl": "K{q} {year}", "en": "Q{q} {year}"},
    "property_ambition_status": {
        "nl": "Ambitie bezettingsgraad: {target} op {date}.",
        "en": "Occupancy ambition: {target} by {date}.",
    },
    # rent discount
    "property_discount_title": {
        "nl": "Huurkorting: steun in natura",
        "en": "Rent discount: support in kind",
    },
    "property_discount_sentence": {
        "nl": "{year}: {value} huurkorting gegeven in {count} panden; sinds {first} samen {total}.",
        "en": "{year}: {value} rent discount given in {count} buildings; {total} in all since {first}.",
    },
    "property_discount_sentence_one": {
        "nl": "{year}: {value} huurkorting gegeven in {count} pand; sinds {first} samen {total}.",
        "en": "{year}: {value} rent discount given in {count} building; {total} in all since {first}.",
    },
    "property_discount_name": {"nl": "Huurkorting", "en": "Rent discount"},
    # map and register
    "property_map_title": {"nl": "Kaart van de panden", "en": "Map of the buildings"},
    "property_map_sentence": {
        "nl": "{active} panden in gebruik met samen {floor} voor impactondernemers, in {districts} wijken",
        "en": "{active} buildings in use with {floor} for impact entrepreneurs in all, in {districts} districts",
    },
    "property_map_ended": {"nl": "{n} beëindigd", "en": "{n} ended"},
    "property_map_planned": {"nl": "{n} gepland", "en": "{n} planned"},
    "property_map_size": {
        "nl": "De grootte van een stip staat voor het vloeroppervlak voor impactondernemers.",
        "en": "The size of a dot stands for the floor area for impact entrepreneurs.",
    },
    "property_map_outlines": {
        "nl": "Wijkgrenzen vereenvoudigd; de kaart laadt niets van andere servers.",
        "en": "District outlines simplified; the map loads nothing from other servers.",
    },
    "property_map_no_outlines": {
        "nl": "Er zijn geen wijkgrenzen voor deze gemeente; de panden staan op hun coördinaten.",
        "en": "No district outlines for this municipality; the buildings are drawn at their coordinates.",
    },
    "property_no_location": {
        "nl": "{count} panden zonder coördinaten staan niet op de kaart, wel in de tabel.",
        "en": "{count} buildings without coordinates are not on the map, but are in the table.",
    },
    "property_no_location_one": {
        "nl": "{count} pand zonder coördinaten staat niet op de kaart, wel in de tabel.",
        "en": "{count} building without coordinates is not on the map, but is in the table.",
    },
    "property_state_active": {"nl": "In gebruik", "en": "In use"},
    "property_state_planned": {"nl": "Gepland", "en": "Planned"},
    "property_state_ended": {"nl": "Beëindigd", "en": "Ended"},
    "property_register_title": {"nl": "Panden", "en": "Buildings"},
    "property_register_sentence": {
        "nl": "Alle {count} panden met hun laatst bekende bezetting ({date}).",
        "en": "All {count} buildings with their latest known occupancy ({date}).",
    },
    "property_register_sentence_one": {
        "nl": "{count} pand met zijn laatst bekende bezetting ({date}).",
        "en": "{count} building with its latest known occupancy ({date}).",
    },
    "property_described": {"nl": "Over de panden", "en": "About the buildings"},
    "property_notes_title": {"nl": "Toelichting", "en": "Notes"},
    "property_note": {"nl": "Toelichting", "en": "Note"},
    # rent regimes
    "property_regime_market": {"nl": "Markthuur", "en": "Market rent"},
    "property_regime_reduced": {"nl": "Verlaagde huur", "en": "Reduced rent"},
    "property_regime_social": {"nl": "Maatschappelijke huur", "en": "Social rent"},
    "property_regime_free": {"nl": "Huurvrij", "en": "Rent-free"},
    # column headers (tables)
    "property_col_date": {"nl": "Datum", "en": "Date"},
    "property_col_quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "property_col_year": {"nl": "Jaar", "en": "Year"},
    "property_col_floor": {"nl": "Impact-m²", "en": "Impact m²"},
    "property_col_occupancy": {"nl": "Bezetting", "en": "Occupancy"},
    "property_col_vacancy": {"nl": "Leegstand", "en": "Vacancy"},
    "property_col_tenants": {"nl": "Impacthuurders", "en": "Impact tenants"},
    "property_col_discount": {"nl": "Huurkorting", "en": "Rent discount"},
    "property_col_properties": {"nl": "Panden", "en": "Buildings"},
    "property_col_name": {"nl": "Pand en adres", "en": "Building and address"},
    "property_col_tenants_of": {
        "nl": "Impacthuurders (van alle huurders)",
        "en": "Impact tenants (of all tenants)",
    },
    "property_of": {"nl": "{part} van {whole}", "en": "{part} of {whole}"},
    "property_col_district": {"nl": "Wijk", "en": "District"},
    "property_col_state": {"nl": "Status", "en": "Status"},
    "property_col_gross": {"nl": "Bruto m²", "en": "Gross m²"},
    "property_col_regime": {"nl": "Huurregime", "en": "Rent regime"},
    "property_col_discount_year": {"nl": "Huurkorting per jaar", "en": "Rent discount per year"},
    "property_col_available": {"nl": "Beschikbaar", "en": "Available"},
}
