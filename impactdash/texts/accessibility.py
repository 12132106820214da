"""Texts of the accessibility statement and of the page aids every page carries (ui/styles.py).

The statement follows the Dutch model statement (modelverklaring) of toegankelijkheidsverklaring.nl.
"""

TEXTS: dict[str, dict[str, str]] = {
    "page_accessibility": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
    "a11y_scroll_region": {
        "nl": "Tabel {n}, schuift zijwaarts (pijltoetsen)",
        "en": "Table {n}, scrolls sideways (arrow keys)",
    },
    "a11y_intro": {
        "nl": "De gemeente die dit dashboard publiceert wil dat iedereen het kan gebruiken, ook wie slecht"
        " ziet, geen muis gebruikt of een schermlezer. Overheidswebsites moeten daarom voldoen aan de"
        " Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA (Besluit digitale toegankelijkheid"
        " overheid). Deze verklaring zegt hoe ver dit dashboard daarmee is.",
        "en": "The municipality that publishes this dashboard wants everyone to be able to use it, including"
        " people with low vision, people who do not use a mouse and people who use a screen reader."
        " Dutch government websites must therefore meet the Web Content Accessibility Guidelines (WCAG)"
        " 2.1 at level AA (Besluit digitale toegankelijkheid overheid). This statement says how far this"
        " dashboard has come.",
    },
    "a11y_status_heading": {"nl": "Status", "en": "Status"},
    "a11y_status_partial": {
        "nl": "Dit dashboard **voldoet gedeeltelijk** aan WCAG 2.1 niveau AA: de knelpunten hieronder zijn"
        " bekend en worden opgelost.",
        "en": "This dashboard **partially complies** with WCAG 2.1 level AA: the gaps below are known and"
        " are being fixed.",
    },
    "a11y_status_full": {
        "nl": "Dit dashboard **voldoet volledig** aan WCAG 2.1 niveau AA.",
        "en": "This dashboard **fully complies** with WCAG 2.1 level AA.",
    },
    "a11y_check_heading": {"nl": "Hoe is het getoetst?", "en": "How was it checked?"},
    "a11y_check": {
        "nl": "Laatst getoetst op {date}, met {tool}: de {pages} openbare pagina's en de {staff} pagina's"
        " voor medewerkers (aangemeld met alle rollen), in het Nederlands en het Engels, {states} toestanden in totaal (met alle uitklapvensters open en in de"
        " keuzes die de inhoud veranderen), op {widths} breed. Gevonden overtredingen: {violations}.",
        "en": "Last checked on {date}, with {tool}: the {pages} public pages and the {staff} staff pages"
        " (signed in with every role), in Dutch and English, {states} states in all (with every expander open and in the choices that change the"
        " content), at {widths} wide. Violations found: {violations}.",
    },
    "a11y_check_none": {
        "nl": "Van deze versie is nog geen geautomatiseerde toetsing vastgelegd.",
        "en": "No automated check of this version has been recorded yet.",
    },
    "a11y_check_more": {
        "nl": "Een geautomatiseerde toets vindt niet alles. Daarom toetsen de ontwikkelaars ook zelf"
        " (zelfevaluatie, geen externe audit): de volgorde van de toetsenbordfocus op 320 pixels breed,"
        " dat tabellen die zijwaarts schuiven met het toetsenbord te bereiken zijn, dat op 1280 pixels"
        " breed geen tabel een kolom afsnijdt, en het contrast van"
        " alle tekst en lijnen in de grafieken (gemeten in de automatische tests bij elke wijziging).",
        "en": "An automated check does not find everything. The developers therefore also check by hand"
        " (self-evaluation, no external audit): the order of the keyboard focus at 320 pixels wide,"
        " that tables which scroll sideways can be reached by keyboard, that at 1280 pixels wide no"
        " table cuts off a column, and the contrast of every text"
        " and line in the charts (measured by the automated tests on every change).",
    },
    "a11y_gaps_heading": {"nl": "Bekende knelpunten", "en": "Known gaps"},
    "a11y_gap_pdf": {
        "nl": "Het PDF-rapport voor de raad is niet getagd en daardoor niet goed leesbaar met een"
        " schermlezer. Gebruik de HTML-versie van het rapport.",
        "en": "The PDF report for the council is not tagged, so a screen reader cannot read it well. Use"
        " the HTML version of the report.",
    },
    "a11y_gap_streamlit_texts": {
        "nl": "Enkele teksten van de onderliggende software (Streamlit) staan in het Engels op Nederlandse"
        " pagina's, waar die software ze niet laat instellen.",
        "en": "A few texts of the underlying software (Streamlit) appear in English on Dutch pages, where"
        " that software does not let them be set.",
    },
    "a11y_gap_chart_hover": {
        "nl": "De details die een grafiek toont als u er met de muis over beweegt, zijn niet met het"
        " toetsenbord op te roepen. Dezelfde cijfers staan in de tabel onder elke grafiek (‘Toon gegevens’).",
        "en": "The details a chart shows when you move the mouse over it cannot be called up by keyboard."
        " The same figures are in the table under every chart (‘Show data’).",
    },
    "a11y_gap_map": {
        "nl": "De kaart met panden is niet met het toetsenbord te bedienen. Het vastgoedregister eronder"
        " bevat dezelfde gegevens.",
        "en": "The map of properties cannot be operated by keyboard. The property register below it holds"
        " the same information.",
    },
    "a11y_fix_by": {"nl": "Opgelost uiterlijk {date}.", "en": "To be fixed by {date}."},
    "a11y_no_fix": {
        "nl": "Hiervoor is een alternatief; een oplossing is niet gepland.",
        "en": "An alternative is offered; no fix is planned.",
    },
    "a11y_contact_heading": {"nl": "Contact", "en": "Contact"},
    "a11y_contact": {
        "nl": "Loopt u tegen een drempel aan, of wilt u informatie in een andere vorm? Meld het {where}."
        " U krijgt binnen {days} werkdagen een ontvangstbevestiging en binnen {weeks} weken een"
        " inhoudelijke reactie.",
        "en": "Did you run into a barrier, or do you need information in another form? Report it {where}."
        " You will get an acknowledgement within {days} working days and a full answer within {weeks}"
        " weeks.",
    },
    "a11y_contact_at": {"nl": "via {contact}", "en": "at {contact}"},
    "a11y_contact_general": {
        "nl": "via de algemene contactgegevens van de gemeente",
        "en": "through the municipality's general contact details",
    },
    "a11y_enforcement_heading": {"nl": "Handhavingsprocedure", "en": "Enforcement procedure"},
    "a11y_enforcement": {
        "nl": "Bent u niet tevreden over hoe uw melding is behandeld? Dan kunt u een klacht indienen bij de"
        " [Nationale ombudsman]({url}) of de ombudsman van uw gemeente.",
        "en": "Not satisfied with how your report was handled? You can then complain to the"
        " [National Ombudsman]({url}) (Nationale ombudsman) or your municipality's ombudsman.",
    },
    "a11y_register_heading": {"nl": "Register", "en": "Register"},
    "a11y_register": {
        "nl": "Overheidsorganisaties publiceren hun toegankelijkheidsverklaringen in het"
        " [landelijke register]({url}) op toegankelijkheidsverklaring.nl.",
        "en": "Dutch government bodies publish their accessibility statements in the"
        " [national register]({url}) at toegankelijkheidsverklaring.nl.",
    },
    "method_accessibility_link": {
        "nl": "Hoe toegankelijk dit dashboard is, wat er nog niet goed gaat en waar u een drempel meldt,"
        " staat in de toegankelijkheidsverklaring.",
        "en": "How accessible this dashboard is, what does not work well yet and where to report a"
        " barrier: see the accessibility statement.",
    },
}
