"""Texts of the alderman's progress report, HTML and PDF (keys prefixed ``report_``).

Words the ambitions page already has (status, trajectory, the table columns) are reused
from there, so the report and the page never name the same thing differently.
"""

TEXTS: dict[str, dict[str, str]] = {
    "report_title": {"nl": "Voortgangsrapportage impactpijler", "en": "Impact pillar progress report"},
    "report_publication": {"nl": "Publicatie {label}", "en": "Publication {label}"},
    "report_published_on": {"nl": "Gepubliceerd op {date}", "en": "Published on {date}"},
    "report_municipalities": {"nl": "Gemeenten in deze rapportage", "en": "Municipalities covered"},
    "report_demo": {
        "nl": "Demonstratiegegevens: alle cijfers in deze rapportage zijn illustratief en geen officiële"
        " cijfers van {names}.",
        "en": "Demo data: every figure in this report is illustrative and not an official figure of {names}.",
    },
    "report_cover_intro": {
        "nl": "Deze rapportage laat per ambitie van de raad zien waar de maatstaf staat ten opzichte van de"
        " koers van nulmeting naar doel, waar het huidige tempo toe leidt, welke programma's eraan werken"
        " en wat de gemeente erover toelicht.",
        "en": "For each ambition set by the council, this report shows where the measure stands against the"
        " trajectory from baseline to target, where the current pace leads, which programmes serve it and"
        " what the municipality says about it.",
    },
    "report_summary_heading": {"nl": "Samenvatting", "en": "Summary"},
    "report_summary_intro": {
        "nl": "Aantal ambities per status en gemeente.",
        "en": "Number of ambitions per status and municipality.",
    },
    "report_col_total": {"nl": "Totaal", "en": "Total"},
    "report_no_municipalities": {
        "nl": "Er zijn geen gemeenten gekozen.",
        "en": "No municipalities were chosen.",
    },
    "report_page_kicker": {
        "nl": "{name} · ambitie {i} van {n}",
        "en": "{name} · ambition {i} of {n}",
    },
    "report_fact_measure": {"nl": "Maatstaf en eenheid", "en": "Measure and unit"},
    "report_direction_higher": {"nl": "hoger is beter", "en": "higher is better"},
    "report_direction_lower": {"nl": "lager is beter", "en": "lower is better"},
    "report_cumulative": {
        "nl": "opgeteld sinds de nulmeting",
        "en": "running total since the baseline",
    },
    "report_fact_baseline": {"nl": "Nulmeting", "en": "Baseline"},
    "report_fact_target": {"nl": "Doel", "en": "Target"},
    "report_fact_latest": {"nl": "Laatste waarde", "en": "Latest value"},
    "report_fact_expected": {
        "nl": "Verwacht volgens koers op die datum",
        "en": "Expected on the trajectory on that date",
    },
    "report_fact_projection": {"nl": "Prognose", "en": "Projection"},
    "report_fact_reason": {"nl": "Waarom deze status", "en": "Why this status"},
    "report_fact_status": {"nl": "Status", "en": "Status"},
    "report_fact_document": {"nl": "Vastgesteld in", "en": "Set in"},
    "report_value_on": {"nl": "{value} op {date}", "en": "{value} on {date}"},
    "report_projection_value": {
        "nl": "{text}; op {date} naar verwachting {value}",
        "en": "{text}; {value} expected by {date}",
    },
    "report_chart_caption": {
        "nl": "{name}: koers, realisatie en prognose",
        "en": "{name}: trajectory, actual values and projection",
    },
    "report_chart_heading": {
        "nl": "Koers, realisatie en prognose",
        "en": "Trajectory, actual values and projection",
    },
    "report_chart_alt": {
        "nl": "Grafiek van {name}: {summary}",
        "en": "Chart of {name}: {summary}",
    },
    "report_note_about": {"nl": "{about}, {period}", "en": "{about}, {period}"},
    "report_notes_caption": {
        "nl": "Toelichting van de gemeente bij deze ambitie, de maatstaf of de programma's; de nummers staan"
        " ook in de grafiek.",
        "en": "Notes by the municipality on this ambition, its measure or its programmes (in Dutch where"
        " no English text was written);"
        " the numbers also mark the chart.",
    },
    "report_no_notes": {
        "nl": "Er is geen openbare toelichting bij deze ambitie.",
        "en": "There are no public notes on this ambition.",
    },
    # Value-axis ticks of a chart in euros once the axis reaches a million: "€ 0,8 mln.", "€0.8M".
    "report_axis_million": {"nl": "€\u00a0{n}\u00a0mln.", "en": "€{n}M"},
    "report_page": {"nl": "Pagina {n}", "en": "Page {n}"},
    "report_method_heading": {"nl": "Zo leest u deze rapportage", "en": "How to read this report"},
    "page_report": {"nl": "Rapportage", "en": "Report"},
    "report_page_intro": {
        "nl": "De raadsrapportage van een publicatie, als PDF of als één HTML-bestand dat ook offline werkt:"
        " voorblad, samenvatting, inhoudsopgave, begroting en uitgaven, vastgoed, ecosysteem, hefboom en"
        " partnerleiding, de ambities en een bijlage met begrippen en bronnen. Geschikt als bijlage bij een"
        " raadsbrief.",
        "en": "The council report of a publication, as a PDF or as one HTML file that also works offline:"
        " cover, summary, contents, budget and spend, property, ecosystem, leverage and partner leadership,"
        " the ambitions and an annex of definitions and sources. Fit to attach to a letter to the council.",
    },
    "report_page_publication": {"nl": "Publicatie", "en": "Publication"},
    "report_page_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "report_page_all": {"nl": "Alle gemeenten", "en": "All municipalities"},
    "report_page_language": {"nl": "Taal van de rapportage", "en": "Language of the report"},
    "report_page_slow": {
        "nl": "Het maken van de rapportage duurt enkele seconden.",
        "en": "Making the report takes a few seconds.",
    },
    "report_page_pdf": {"nl": "PDF downloaden", "en": "Download PDF"},
    "report_page_html": {"nl": "HTML downloaden", "en": "Download HTML"},
    # The council report's sections beyond the ambitions (issue 14).
    "report_approved": {"nl": "Goedgekeurd op {date}.", "en": "Approved on {date}."},
    "report_approval_note": {"nl": "Toelichting bij de goedkeuring: {note}", "en": "Approval note: {note}"},
    "report_reporting_date": {"nl": "Cijfers tot en met {date}", "en": "Figures up to and including {date}"},
    "report_contents": {"nl": "Inhoud", "en": "Contents"},
    "report_key_heading": {"nl": "Kerncijfers", "en": "Key figures"},
    "report_key_intro": {
        "nl": "Per gemeente de cijfers van het laatste afgesloten jaar, en de laatste stand van vastgoed,"
        " netwerk en partnerleiding.",
        "en": "Per municipality the figures of the last complete year, and the latest state of property,"
        " network and partner leadership.",
    },
    "report_key_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "report_key_money": {"nl": "Uitgegeven van begroot", "en": "Spent of budget"},
    "report_key_spend": {
        "nl": "{year}: {spend} van {budget} ({pct})",
        "en": "{year}: {spend} of {budget} ({pct})",
    },
    "report_key_leverage": {"nl": "Hefboom", "en": "Leverage"},
    "report_key_floor": {"nl": "Impactvloer", "en": "Impact floor area"},
    "report_key_occupancy": {"nl": "Verhuurd", "en": "Occupied"},
    "report_key_connections": {"nl": "Nieuwe verbindingen", "en": "New connections"},
    "report_key_partner": {"nl": "Door partners geleid", "en": "Led by partners"},
    "report_changes_heading": {"nl": "Wat is er veranderd", "en": "What changed"},
    "report_changes_first": {
        "nl": "Dit is de eerste publicatie: er is geen eerdere om mee te vergelijken.",
        "en": "This is the first publication: there is no earlier one to compare with.",
    },
    "report_changes_since": {
        "nl": "Sinds publicatie {label}: {count}",
        "en": "Since publication {label}: {count}",
    },
    "report_changes_more": {
        "nl": "Hieronder de eerste {n}; de pagina Wijzigingen en de open data hebben ze allemaal.",
        "en": "The first {n} are listed below; the Changes page and the open data have them all.",
    },
    "report_topic_budget": {"nl": "Begroting en uitgaven", "en": "Budget and spend"},
    "report_topic_budget_intro": {
        "nl": "De uitgaven tegen de begroting per jaar, en de begroting langs de momenten van de planning-"
        " en-controlcyclus: primitieve begroting, voorjaarsnota, najaarsnota en jaarrekening; en het laatste volledige jaar per"
        " Iv3-taakveld en per SDG.",
        "en": "Spend against budget per year, and the budget along the moments of the planning and control"
        " cycle: original budget, spring memorandum, autumn memorandum and annual accounts; and the last"
        " complete year per Iv3 task field and per SDG.",
    },
    "report_topic_property": {"nl": "Ingezet vastgoed", "en": "Deployed property"},
    "report_topic_property_intro": {
        "nl": "Het vloeroppervlak dat de gemeente inzet voor impactondernemers, hoeveel daarvan verhuurd is en"
        " de huurkorting die zij geeft.",
        "en": "The floor area the municipality deploys for impact enterprises, how much of it is let and the"
        " rent discount it gives.",
    },
    "report_topic_ecosystem": {"nl": "Groei van het ecosysteem", "en": "Ecosystem growth"},
    "report_topic_ecosystem_intro": {
        "nl": "De laatste stand van de maatstaven van het ecosysteem en de nieuwe verbindingen per jaar.",
        "en": "The latest values of the ecosystem's measures and the new connections per year.",
    },
    "report_topic_leverage": {"nl": "Hefboom en partnerleiding", "en": "Leverage and partner leadership"},
    "report_topic_leverage_intro": {
        "nl": "Hoeveel externe cofinanciering elke uitgegeven gemeentelijke euro meebrengt, en welk deel van de"
        " programma's door partners wordt geleid in plaats van door de gemeente.",
        "en": "How much external co-funding each municipal euro spent brings along, and which share of the"
        " programmes is led by partners rather than by the municipality.",
    },
    "report_topic_alt": {"nl": "Grafiek {title}: {summary}", "en": "Chart {title}: {summary}"},
    "report_ambitions_heading": {"nl": "Ambities", "en": "Ambitions"},
    "report_ambitions_intro": {
        "nl": "Per ambitie de status, de cijfers, de grafiek van koers en realisatie, de programma's en de"
        " toelichtingen, de ambities die aandacht vragen eerst.",
        "en": "For each ambition its status, figures, the chart of trajectory and actual values, its programmes"
        " and notes, the ambitions that need attention first.",
    },
    "report_annex": {"nl": "Bijlage: begrippen en bronnen", "en": "Annex: definitions and sources"},
    "report_annex_definitions": {"nl": "Maatstaven", "en": "Measures"},
    "report_annex_documents": {"nl": "Vastgesteld in", "en": "Set in"},
    "report_annex_classifications": {
        "nl": "Indelingen: Iv3-taakvelden en SDG's",
        "en": "Classifications: Iv3 task fields and SDGs",
    },
    "report_class_iv3_title": {"nl": "Per Iv3-taakveld, {year}", "en": "Per Iv3 task field, {year}"},
    "report_class_sdg_title": {"nl": "Per SDG, {year}", "en": "Per SDG, {year}"},
    "report_annex_data": {
        "nl": "Alle cijfers komen uit de publicatie die op het voorblad staat; dezelfde cijfers staan op de"
        " openbare pagina's en in de open data van die publicatie (CSV en Parquet met datapackage.json).",
        "en": "Every figure comes from the publication named on the cover; the same figures are on the public"
        " pages and in that publication's open data (CSV and Parquet with datapackage.json).",
    },
    "report_def_measure": {"nl": "Maatstaf", "en": "Measure"},
    "report_def_unit": {"nl": "Eenheid", "en": "Unit"},
    "report_def_definition": {"nl": "Definitie", "en": "Definition"},
    "report_def_source": {"nl": "Bron", "en": "Source"},
    "report_col_measure": {"nl": "Maatstaf", "en": "Measure"},
    "report_col_value": {"nl": "Laatste waarde", "en": "Latest value"},
    "report_col_date": {"nl": "Datum", "en": "Date"},
    "report_axis_eur": {"nl": "euro", "en": "euro"},
    "report_axis_percent": {"nl": "procent", "en": "per cent"},
    "report_axis_m2": {"nl": "m²", "en": "m²"},
    "report_axis_count": {"nl": "aantal", "en": "number"},
    "report_axis_programmes": {"nl": "programma's", "en": "programmes"},
    "report_axis_per_euro": {"nl": "€ per uitgegeven €", "en": "€ per € spent"},
    "report_leverage_series": {"nl": "Hefboom, hele pijler", "en": "Leverage, whole pillar"},
    "report_progress_read": {"nl": "Cijfers lezen…", "en": "Reading the figures…"},
    "report_progress_ambitions": {"nl": "Ambities beoordelen…", "en": "Assessing the ambitions…"},
    "report_progress_sections": {
        "nl": "Begroting, vastgoed en ecosysteem…",
        "en": "Budget, property and ecosystem…",
    },
    "report_progress_changes": {"nl": "Wijzigingen zoeken…", "en": "Looking for changes…"},
    "report_progress_layout": {"nl": "Opmaak…", "en": "Laying out…"},
    "report_progress_charts": {"nl": "Grafieken tekenen…", "en": "Drawing the charts…"},
    "report_progress_done": {"nl": "Klaar.", "en": "Done."},
    "report_page_format": {"nl": "Bestandsvorm", "en": "File format"},
    "report_page_format_html": {"nl": "HTML (toegankelijk)", "en": "HTML (accessible)"},
    "report_page_make": {"nl": "Rapportage maken", "en": "Make the report"},
    "report_page_making": {"nl": "De rapportage wordt gemaakt…", "en": "Making the report…"},
    "report_page_ready": {"nl": "De rapportage is klaar.", "en": "The report is ready."},
    "report_page_accessible": {
        "nl": "Toegankelijke versie: het HTML-bestand. De PDF heeft geen tags (de PDF-bibliotheek kan geen"
        " getagde PDF maken); het HTML-bestand heeft koppen, tabellen met kopcellen, een beschrijving bij"
        " elke grafiek en de taal van het document, en is dus leesbaar met een schermlezer.",
        "en": "Accessible version: the HTML file. The PDF is untagged (the PDF library cannot make a tagged"
        " PDF); the HTML file has headings, tables with header cells, a description of every chart and the"
        " document's language, so a screen reader can read it.",
    },
}
