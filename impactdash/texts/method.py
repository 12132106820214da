"""Texts of the Method and data page."""

TEXTS: dict[str, dict[str, str]] = {
    "method_intro": {
        "nl": "Hoe de cijfers op dit dashboard tot stand komen, wat ze betekenen en hoe u ze kunt downloaden.",
        "en": "How the figures on this dashboard are made, what they mean and how to download them.",
    },
    "method_measures": {"nl": "Meetwaarden", "en": "Measures"},
    "method_measures_intro": {
        "nl": "Elke waarde die tegen een ambitie wordt afgezet komt uit deze catalogus. Waargenomen meetwaarden"
        " worden jaarlijks vastgelegd; afgeleide meetwaarden worden berekend uit de begroting, het"
        " uitgavengrootboek, het vastgoedregister en het relatieregister.",
        "en": "Every value set against an ambition comes from this catalogue. Observed measures are recorded"
        " yearly; derived measures are computed from the budget, the spend ledger, the property register"
        " and the relationship register.",
    },
    "method_col_measure": {"nl": "Meetwaarde", "en": "Measure"},
    "method_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "method_col_direction": {"nl": "Beter is", "en": "Better is"},
    "method_col_kind": {"nl": "Soort", "en": "Kind"},
    "method_col_period": {"nl": "Periode", "en": "Period"},
    "method_col_definition": {"nl": "Definitie", "en": "Definition"},
    "method_col_source": {"nl": "Bron", "en": "Source"},
    "method_higher": {"nl": "hoger", "en": "higher"},
    "method_lower": {"nl": "lager", "en": "lower"},
    "method_observed": {"nl": "waargenomen", "en": "observed"},
    "method_derived": {"nl": "afgeleid", "en": "derived"},
    "method_year": {"nl": "jaar", "en": "year"},
    "method_quarter": {"nl": "kwartaal", "en": "quarter"},
    "method_unit_eur": {"nl": "euro", "en": "euro"},
    "method_unit_m2": {"nl": "m²", "en": "m²"},
    "method_unit_count": {"nl": "aantal", "en": "count"},
    "method_unit_fte": {"nl": "fte", "en": "FTE"},
    "method_unit_ratio": {"nl": "verhouding", "en": "ratio"},
    "method_unit_percent": {"nl": "procent", "en": "percent"},
    "method_status": {"nl": "Hoe de status wordt bepaald", "en": "How the status is determined"},
    "method_status_text": {
        "nl": "Een ambitie heeft een nulmeting (datum en waarde), eventueel mijlpalen, en een doel (datum en"
        " waarde). De koers is de rechte lijn van nulmeting via de mijlpalen naar het doel. De status"
        " beantwoordt twee vragen samen: ligt de laatst bekende waarde op de koers, en haalt het tempo van"
        " de laatste {window} waarden het doel op tijd?\n\n"
        "Voor de laatst bekende waarde berekenen we de achterstand op de koers op de datum van die waarde,"
        " als deel van de totale beoogde verandering (doel min nulmeting). Die waarde op de koers is de"
        " enige ‘verwacht volgens koers’ die het dashboard toont. Daarna kijken we naar de prognose"
        " (hieronder):\n\n"
        "- {on} **Op koers**: de achterstand is hooguit {on_pct} en bij dit tempo wordt het doel op of vóór"
        " de doeldatum gehaald (of er zijn te weinig waarden voor een prognose); of het doel is al bereikt;\n"
        "- {risk} **Risico**: de achterstand is hooguit {risk_pct}; óf de waarde ligt op of voor de koers,"
        " maar bij dit tempo wordt het doel niet of pas na de doeldatum gehaald;\n"
        "- {off} **Achter op koers**: een grotere achterstand, of de doeldatum is verstreken zonder dat het"
        " doel is bereikt.\n\n"
        "Een ambitie die voorligt maar stilvalt, is dus niet ‘op koers’: bij dit tempo haalt zij het doel"
        " niet. Een ambitie die achter ligt maar snel inloopt, houdt haar status: een prognose maakt een"
        " gemeten achterstand niet ongedaan. Naast elke status staat in één zin waarom, bijvoorbeeld:"
        " ‘Risico. Verder dan de koers, maar bij het tempo van de laatste {window} waarden wordt het doel"
        " van 5.000 m² op 31-12-2030 niet gehaald: verwacht 4.100 m².’\n\n"
        "Bij meetwaarden waar lager beter is, telt een te hoge waarde als achterstand. Bij cumulatieve"
        " ambities (bijvoorbeeld het aantal verbindingen over meerdere jaren) tellen we de jaarwaarden vanaf"
        " de nulmeting op.",
        "en": "An ambition has a baseline (date and value), optional milestones and a target (date and value)."
        " The trajectory is the straight line from the baseline through the milestones to the target. The"
        " status answers two questions together: is the latest known value on the trajectory, and does the"
        " pace of the latest {window} values reach the target in time?\n\n"
        "For the latest known value we compute the shortfall behind the trajectory on that value's date, as"
        " a share of the total change aimed for (target minus baseline). That value on the trajectory is the"
        " only ‘expected on trajectory’ the dashboard shows. Then we look at the projection (below):\n\n"
        "- {on} **On track**: the shortfall is at most {on_pct} and at this pace the target is reached on or"
        " before the target date (or there are too few values for a projection); or the target is already"
        " met;\n"
        "- {risk} **At risk**: the shortfall is at most {risk_pct}; or the value is on or ahead of the"
        " trajectory, but at this pace the target is not reached, or only after the target date;\n"
        "- {off} **Off track**: a larger shortfall, or the target date has passed without the target"
        " being met.\n\n"
        "So an ambition that is ahead but has stalled is not ‘on track’: at this pace it misses its target."
        " An ambition that is behind but catching up fast keeps its status: a forecast does not undo a"
        " measured shortfall. Every status comes with one sentence saying why, for instance: ‘At risk. Ahead"
        " of the trajectory, but at the pace of the latest {window} values the target of 20,000 m² is not"
        " reached by 31 Dec 2030: 4,100 m² expected.’\n\n"
        "For measures where lower is better, a value that is too high counts as a shortfall. For cumulative"
        " ambitions (for instance connections over several years) the yearly values are added up from the"
        " baseline.",
    },
    "method_projection": {"nl": "Hoe de prognose wordt berekend", "en": "How the projection is computed"},
    "method_projection_text": {
        "nl": "De prognose trekt een rechte lijn (kleinste kwadraten) door de laatste {window} waarden en"
        " leest af waar die lijn op de doeldatum uitkomt, en wanneer hij het doel bereikt. Gaat de lijn de"
        " verkeerde kant op of loopt hij vlak, dan wordt het doel bij dit tempo niet bereikt. Met minder dan"
        " twee waarden maken we geen prognose.",
        "en": "The projection draws a straight line (least squares) through the last {window} values and reads"
        " where it lands on the target date, and when it reaches the target. If the line runs the wrong way"
        " or is flat, the target is not reached at this pace. With fewer than two values there is no"
        " projection.",
    },
    "method_periods": {"nl": "Perioden en peildatum", "en": "Periods and reporting date"},
    "method_periods_text": {
        "nl": "Cijfers lopen tot en met de peildatum {date}. Jaarcijfers (zoals uitgaven) tellen pas mee als het"
        " jaar voorbij is; standen (zoals vierkante meters en netwerkomvang) tonen we ook op de peildatum.",
        "en": "Figures run up to the reporting date {date}. Yearly flows (such as spend) count once the year"
        " is over; levels (such as floor area and network size) are also shown on the reporting date.",
    },
    "method_coverage": {"nl": "Wat de gegevens omvatten", "en": "What the data covers"},
    "method_col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "method_col_start": {"nl": "Start pijler", "en": "Pillar start"},
    "method_col_programmes": {"nl": "Programma's", "en": "Programmes"},
    "method_col_spend_lines": {"nl": "Boekingen", "en": "Bookings"},
    "method_col_spend_period": {"nl": "Boekingen van – tot", "en": "Bookings from – to"},
    "method_col_properties": {"nl": "Panden", "en": "Buildings"},
    "method_col_organisations": {"nl": "Organisaties", "en": "Organisations"},
    "method_col_connections": {"nl": "Verbindingen", "en": "Connections"},
    "method_col_ambitions": {"nl": "Ambities", "en": "Ambitions"},
    "method_downloads": {"nl": "Downloads", "en": "Downloads"},
    "method_downloads_text": {
        "nl": "De cijfers achter elke pagina, als CSV per gegevensset of alles in één Excel-bestand. Cellen die"
        " met =, +, - of @ beginnen zijn onschadelijk gemaakt, zodat een spreadsheet ze nooit als formule"
        " uitvoert.",
        "en": "The figures behind every page, as CSV per data set or all in one Excel file. Cells starting with"
        " =, +, - or @ are neutralised, so a spreadsheet never runs them as a formula.",
    },
    "method_download_set": {"nl": "Gegevensset", "en": "Data set"},
    "method_download_csv": {"nl": "Download CSV", "en": "Download CSV"},
    "method_download_xlsx": {"nl": "Download alles (Excel)", "en": "Download everything (Excel)"},
    "method_rows": {"nl": "{count} rijen", "en": "{count} rows"},
    "method_rows_one": {"nl": "{count} rij", "en": "{count} row"},
    "method_accessibility": {"nl": "Toegankelijkheid", "en": "Accessibility"},
    "method_open_data": {"nl": "Open data", "en": "Open data"},
    "method_open_data_text": {
        "nl": "Alle publieke cijfers van de publicatie ‘{label}’ van {date} als open data: per gegevensset een"
        " CSV- en een Parquet-bestand, met een beschrijving van elk veld, de eenheid, de bronnen en de licentie"
        " (CC BY 4.0) in `datapackage.json` (Frictionless Data Package).",
        "en": "All public figures of the publication ‘{label}’ of {date} as open data: a CSV and a Parquet file"
        " per data set, with every field's description, unit, sources and the licence (CC BY 4.0) in"
        " `datapackage.json` (Frictionless Data Package).",
    },
    "method_open_data_button": {"nl": "Download open data (zip)", "en": "Download open data (zip)"},
}
