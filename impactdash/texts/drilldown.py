"""Texts of the drill-down by link (programme page, links between pages), the table downloads and Iv3/SDG."""

TEXTS: dict[str, dict[str, str]] = {
    # Downloads beside every chart's table (ui.widgets.table_downloads)
    "download_table_csv": {"nl": "Tabel downloaden (CSV)", "en": "Download table (CSV)"},
    "download_table_xlsx": {"nl": "Tabel downloaden (Excel)", "en": "Download table (Excel)"},
    # A code in the address that does not exist
    "link_unknown": {
        "nl": "Er is geen {what} met de code ‘{code}’ bij {town}; hieronder het eerste van de lijst.",
        "en": "There is no {what} with the code ‘{code}’ in {town}; below, the first of the list.",
    },
    "link_unknown_year": {
        "nl": "Voor {what} zijn er geen cijfers over ‘{code}’; hieronder het laatste jaar.",
        "en": "{what} has no figures for ‘{code}’; below, the latest year.",
    },
    "link_what_programme": {"nl": "programma", "en": "programme"},
    "link_what_ambition": {"nl": "ambitie", "en": "ambition"},
    "link_what_property": {"nl": "pand", "en": "building"},
    "link_what_organisation": {"nl": "organisatie", "en": "organisation"},
    "link_to_programme": {"nl": "{name}: begroting en uitgaven", "en": "{name}: budget and spend"},
    "link_to_ambition": {"nl": "Ambitie: {name}", "en": "Ambition: {name}"},
    "link_to_budget": {"nl": "Begroting van de hele pijler", "en": "Budget of the whole pillar"},
    "link_programmes_heading": {"nl": "Naar de programma's", "en": "To the programmes"},
    # The programme page (app_pages/programme.py)
    "page_programme": {"nl": "Programma's", "en": "Programmes"},
    "prog_pick": {"nl": "Programma", "en": "Programme"},
    "prog_none": {"nl": "{town} heeft geen programma's.", "en": "{town} has no programmes."},
    "prog_facts_instrument": {"nl": "Instrument", "en": "Instrument"},
    "prog_facts_period": {"nl": "Looptijd", "en": "Period"},
    "prog_period_open": {"nl": "vanaf {start}", "en": "from {start}"},
    "prog_period": {"nl": "{start} tot en met {end}", "en": "{start} to {end}"},
    "prog_facts_iv3": {"nl": "Iv3-taakveld", "en": "Iv3 task field"},
    "prog_facts_sdgs": {"nl": "SDG's", "en": "SDGs"},
    "prog_none_recorded": {"nl": "niet vastgelegd", "en": "not recorded"},
    "prog_ambitions_heading": {
        "nl": "Ambities die dit programma dient",
        "en": "Ambitions this programme serves",
    },
    "prog_ambitions_none": {
        "nl": "Dit programma is aan geen ambitie gekoppeld.",
        "en": "This programme is linked to no ambition.",
    },
    "prog_year": {"nl": "Jaar", "en": "Year"},
    # Down: the buildings a programme uses (property.programme_code), each to its own page
    "prog_buildings_heading": {"nl": "Panden van dit programma", "en": "Buildings of this programme"},
    "prog_buildings_sentence_one": {
        "nl": "{count} pand hoort bij dit programma; in gebruik: {active}, met {floor} impactvloer.",
        "en": "{count} building belongs to this programme; in use: {active}, with {floor} of impact floor area.",
    },
    "prog_buildings_sentence": {
        "nl": "{count} panden horen bij dit programma, {active} daarvan in gebruik met samen {floor}"
        " impactvloer.",
        "en": "{count} buildings belong to this programme, {active} of them in use with {floor} of impact"
        " floor area together.",
    },
    "prog_buildings_none": {
        "nl": "Dit programma gebruikt geen panden.",
        "en": "This programme uses no buildings.",
    },
    "link_to_building": {
        "nl": "{name} ({district}, {state}): bezetting en huurkorting",
        "en": "{name} ({district}, {state}): occupancy and rent discount",
    },
    "prog_lines_title": {"nl": "Boekingen, {year}", "en": "Spend lines, {year}"},
    "prog_cofunding_title": {"nl": "Externe cofinanciering, {year}", "en": "External co-funding, {year}"},
    "prog_cofunding_sentence": {
        "nl": "{n} financiers brachten in {year} samen {total} in.",
        "en": "{n} funders brought in {total} together in {year}.",
    },
    "prog_cofunding_none": {
        "nl": "In {year} is geen externe cofinanciering vastgelegd.",
        "en": "No external co-funding was recorded in {year}.",
    },
    "prog_col_funder": {"nl": "Financier", "en": "Funder"},
    "prog_col_funder_kind": {"nl": "Soort", "en": "Kind"},
    "prog_col_amount": {"nl": "Bedrag", "en": "Amount"},
    "funder_kind_private": {"nl": "private partij", "en": "private party"},
    "funder_kind_financier": {"nl": "financier", "en": "financier"},
    "funder_kind_foundation": {"nl": "fonds of stichting", "en": "foundation"},
    "funder_kind_province": {"nl": "provincie", "en": "province"},
    "funder_kind_national": {"nl": "Rijk", "en": "national government"},
    "funder_kind_eu": {"nl": "Europese Unie", "en": "European Union"},
    "funder_kind_other": {"nl": "overig", "en": "other"},
    # One building on the property page
    "building_title": {
        "nl": "Eén pand: bezetting en huurkorting",
        "en": "One building: occupancy and rent discount",
    },
    "building_pick": {"nl": "Pand", "en": "Building"},
    "building_sentence": {
        "nl": "{name}, {quarter}: {pct} bezet, {tenants} huurders van wie {impact} impactondernemingen;"
        " {regime}, huurkorting {discount} per jaar.",
        "en": "{name}, {quarter}: {pct} occupied, {tenants} tenants of whom {impact} impact enterprises;"
        " {regime}, rent discount {discount} a year.",
    },
    "building_col_quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "building_col_occupied": {"nl": "Bezet", "en": "Occupied"},
    "building_col_tenants": {"nl": "Huurders", "en": "Tenants"},
    "building_tenants_cell": {"nl": "{n} ({impact} impact)", "en": "{n} ({impact} impact)"},
    # One organisation on the ecosystem page
    "org_title": {"nl": "Eén organisatie: haar verbindingen", "en": "One organisation: its connections"},
    "org_pick": {"nl": "Organisatie", "en": "Organisation"},
    "org_sentence": {
        "nl": "{name} ({kind}) heeft {n} verbindingen in het netwerk, waarvan {through} via een programma.",
        "en": "{name} ({kind}) has {n} connections in the network, {through} of them through a programme.",
    },
    "org_col_date": {"nl": "Datum", "en": "Date"},
    "org_col_with": {"nl": "Verbonden met", "en": "Connected with"},
    "org_col_kind": {"nl": "Soort verbinding", "en": "Kind of connection"},
    "org_col_programme": {"nl": "Via programma", "en": "Through programme"},
    "connection_kind_introduction": {"nl": "introductie", "en": "introduction"},
    "connection_kind_customer": {"nl": "klant", "en": "customer"},
    "connection_kind_investment": {"nl": "investering", "en": "investment"},
    "connection_kind_partnership": {"nl": "samenwerking", "en": "partnership"},
    "connection_kind_mentoring": {"nl": "mentoring", "en": "mentoring"},
    "connection_kind_knowledge": {"nl": "kennisdeling", "en": "knowledge sharing"},
    # Iv3 and SDG on the budget page
    "class_title": {
        "nl": "Per Iv3-taakveld en per SDG, {year}",
        "en": "Per Iv3 task field and per SDG, {year}",
    },
    "budget_unit_iv3": {"nl": "taakvelden", "en": "task fields"},
    "budget_unit_sdg": {"nl": "SDG's", "en": "SDGs"},
    "class_dimension": {"nl": "Indeling", "en": "Classification"},
    "class_iv3": {"nl": "Iv3-taakveld", "en": "Iv3 task field"},
    "class_sdg": {"nl": "SDG", "en": "SDG"},
    "class_sdg_overlap": {
        "nl": "Een programma met meer SDG's telt bij elk daarvan volledig mee; de SDG's samen zijn dus meer"
        " dan het totaal.",
        "en": "A programme with several SDGs counts in full under each of them, so the SDGs together add"
        " up to more than the total.",
    },
    "class_filter": {"nl": "Programma's van", "en": "Programmes of"},
    "class_filter_all": {"nl": "Kies een taakveld of SDG", "en": "Choose a task field or SDG"},
    "class_filter_sentence": {
        "nl": "{n} programma's onder {name} in {year}:",
        "en": "{n} programmes under {name} in {year}:",
    },
}
