"""The two public classifications a programme carries: Iv3 task fields and SDGs, named in both languages.

- **Iv3 task fields** (``budget.iv3_task_field``): the *taakvelden* of the Besluit begroting en
  verantwoording provincies en gemeenten (BBV, Regeling van 2016, bijlage "Taakvelden"), the
  list every Dutch municipality books its budget on and reports to CBS through the Iv3
  information requirements (Informatie voor derden). Dutch names as in that list; the English
  names are ours (there is no official translation).
- **SDGs** (``programme.sdgs``): the 17 Sustainable Development Goals of the United Nations
  (resolution A/RES/70/1, 2015); English short titles as the UN publishes them, Dutch as
  SDG Nederland uses them.

Kept in code rather than a table: both lists are fixed by law or treaty, change once in years,
and are needed by the pages, the report and the tests alike, with no editing by staff.
"""

from __future__ import annotations

import pandas as pd

#: Where each list comes from, per language (shown under the charts that use them).
SOURCES = {
    "iv3": {
        "nl": "Taakvelden: Besluit begroting en verantwoording provincies en gemeenten (BBV),"
        " bijlage bij de Regeling van 2016; Iv3-informatievoorschriften.",
        "en": "Task fields: the Dutch Budget and Accounts Decree for provinces and municipalities"
        " (BBV), annex to the 2016 Regulation; Iv3 reporting requirements. English names are ours.",
    },
    "sdg": {
        "nl": "SDG's: de 17 duurzame ontwikkelingsdoelen van de Verenigde Naties"
        " (resolutie A/RES/70/1, 2015).",
        "en": "SDGs: the 17 Sustainable Development Goals of the United Nations"
        " (resolution A/RES/70/1, 2015).",
    },
}

#: BBV task field code -> (Dutch name, English name).
IV3_TASK_FIELDS: dict[str, tuple[str, str]] = {
    "0.1": ("Bestuur", "Governance"),
    "0.2": ("Burgerzaken", "Civil affairs"),
    "0.3": ("Beheer overige gebouwen en gronden", "Management of other buildings and land"),
    "0.4": ("Overhead", "Overhead"),
    "0.5": ("Treasury", "Treasury"),
    "0.61": ("OZB woningen", "Property tax on dwellings"),
    "0.62": ("OZB niet-woningen", "Property tax on non-dwellings"),
    "0.63": ("Parkeerbelasting", "Parking tax"),
    "0.64": ("Belastingen overig", "Other taxes"),
    "0.7": ("Algemene uitkering en overige uitkeringen gemeentefonds", "Municipalities Fund grants"),
    "0.8": ("Overige baten en lasten", "Other income and expenditure"),
    "0.9": ("Vennootschapsbelasting (VpB)", "Corporate income tax"),
    "0.10": ("Mutaties reserves", "Changes in reserves"),
    "0.11": ("Resultaat van de rekening van baten en lasten", "Result of income and expenditure"),
    "1.1": ("Crisisbeheersing en brandweer", "Crisis management and fire service"),
    "1.2": ("Openbare orde en veiligheid", "Public order and safety"),
    "2.1": ("Verkeer en vervoer", "Traffic and transport"),
    "2.2": ("Parkeren", "Parking"),
    "2.3": ("Recreatieve havens", "Recreational harbours"),
    "2.4": ("Economische havens en waterwegen", "Commercial harbours and waterways"),
    "2.5": ("Openbaar vervoer", "Public transport"),
    "3.1": ("Economische ontwikkeling", "Economic development"),
    "3.2": ("Fysieke bedrijfsinfrastructuur", "Physical business infrastructure"),
    "3.3": ("Bedrijvenloket en bedrijfsregelingen", "Business desk and business schemes"),
    "3.4": ("Economische promotie", "Economic promotion"),
    "4.1": ("Openbaar basisonderwijs", "Public primary education"),
    "4.2": ("Onderwijshuisvesting", "School buildings"),
    "4.3": ("Onderwijsbeleid en leerlingzaken", "Education policy and pupil affairs"),
    "5.1": ("Sportbeleid en activering", "Sports policy and activation"),
    "5.2": ("Sportaccommodaties", "Sports facilities"),
    "5.3": ("Cultuurpresentatie, cultuurproductie en cultuurparticipatie", "Culture"),
    "5.4": ("Musea", "Museums"),
    "5.5": ("Cultureel erfgoed", "Cultural heritage"),
    "5.6": ("Media", "Media"),
    "5.7": ("Openbaar groen en (openlucht) recreatie", "Public green space and outdoor recreation"),
    "6.1": ("Samenkracht en burgerparticipatie", "Community strength and citizen participation"),
    "6.2": ("Toegang en eerstelijnsvoorzieningen", "Access and first-line services"),
    "6.3": ("Inkomensregelingen", "Income schemes"),
    "6.4": ("WSW en beschut werk", "Sheltered employment"),
    "6.5": ("Arbeidsparticipatie", "Labour participation"),
    "6.6": ("Maatwerkvoorzieningen (Wmo)", "Tailored provisions (Social Support Act)"),
    "6.71": ("Maatwerkdienstverlening 18+", "Tailored services, adults"),
    "6.72": ("Maatwerkdienstverlening 18-", "Tailored services, minors"),
    "6.81": ("Geëscaleerde zorg 18+", "Escalated care, adults"),
    "6.82": ("Geëscaleerde zorg 18-", "Escalated care, minors"),
    "7.1": ("Volksgezondheid", "Public health"),
    "7.2": ("Riolering", "Sewerage"),
    "7.3": ("Afval", "Waste"),
    "7.4": ("Milieubeheer", "Environmental management"),
    "7.5": ("Begraafplaatsen en crematoria", "Cemeteries and crematoria"),
    "8.1": ("Ruimtelijke ordening", "Spatial planning"),
    "8.2": ("Grondexploitatie (niet-bedrijventerreinen)", "Land development (not business parks)"),
    "8.3": ("Wonen en bouwen", "Housing and building"),
}

#: SDG number -> (Dutch name, English name).
SDGS: dict[int, tuple[str, str]] = {
    1: ("Geen armoede", "No poverty"),
    2: ("Geen honger", "Zero hunger"),
    3: ("Goede gezondheid en welzijn", "Good health and well-being"),
    4: ("Kwaliteitsonderwijs", "Quality education"),
    5: ("Gendergelijkheid", "Gender equality"),
    6: ("Schoon water en sanitair", "Clean water and sanitation"),
    7: ("Betaalbare en duurzame energie", "Affordable and clean energy"),
    8: ("Eerlijk werk en economische groei", "Decent work and economic growth"),
    9: ("Industrie, innovatie en infrastructuur", "Industry, innovation and infrastructure"),
    10: ("Ongelijkheid verminderen", "Reduced inequalities"),
    11: ("Duurzame steden en gemeenschappen", "Sustainable cities and communities"),
    12: ("Verantwoorde consumptie en productie", "Responsible consumption and production"),
    13: ("Klimaatactie", "Climate action"),
    14: ("Leven in het water", "Life below water"),
    15: ("Leven op het land", "Life on land"),
    16: ("Vrede, justitie en sterke publieke diensten", "Peace, justice and strong institutions"),
    17: ("Partnerschap om doelstellingen te bereiken", "Partnerships for the goals"),
}

#: The query that breaks a year's budget and spend down by both classifications at once.
QUERY = "budget_by_classification"
#: The two dimensions the budget page (and the report) can break spend down by, with their query:
#: the same one for both (one cached result serves either choice); :func:`breakdown` picks its rows.
DIMENSIONS = {"iv3": QUERY, "sdg": QUERY}


def _missing(code: object) -> bool:
    return code is None or (isinstance(code, float) and pd.isna(code)) or code is pd.NA or code == ""


def iv3_name(code: object, lang: str) -> str:
    """Return "3.1 Economische ontwikkeling" for a task field code; a code not in the list as itself."""
    if _missing(code):
        return "–"
    names = IV3_TASK_FIELDS.get(str(code))
    return f"{code} {names[0 if lang == 'nl' else 1]}" if names else str(code)


def sdg_name(code: object, lang: str) -> str:
    """Return "SDG 8 Eerlijk werk en economische groei" for a goal number; "–" for none."""
    if _missing(code):
        return "–"
    number = int(code)
    names = SDGS.get(number)
    return f"SDG {number} {names[0 if lang == 'nl' else 1]}" if names else f"SDG {number}"


def name(dimension: str, code: object, lang: str) -> str:
    """Return the name of ``code`` in ``dimension`` (``iv3`` or ``sdg``) in ``lang``."""
    return iv3_name(code, lang) if dimension == "iv3" else sdg_name(code, lang)


def split_codes(codes: object) -> list[str]:
    """Return the codes of a ``'8;17'`` cell in order; none for an empty cell."""
    if _missing(codes):
        return []
    return [c for c in str(codes).split(";") if c]


def names(dimension: str, codes: object, lang: str) -> list[str]:
    """Return the names of every code in a ``'8;17'`` cell (``dimension`` ``iv3`` or ``sdg``)."""
    return [name(dimension, c, lang) for c in split_codes(codes)]


def _code(code: object, dimension: str) -> str | None:
    if _missing(code):
        return None
    return str(int(code)) if dimension == "sdg" else str(code)


def breakdown(frame: pd.DataFrame, dimension: str, lang: str) -> pd.DataFrame:
    """Return ``dimension``'s rows of a ``budget_by_classification`` result as label, budget, spend.

    For the budget page and the report. The columns are those of ``views.budget.breakdown_frame``,
    so the breakdown chart and its table draw it; ``code`` and ``programme_codes`` are kept for
    the filter.
    """
    frame = frame[frame["dimension"] == dimension].reset_index(drop=True)
    return pd.DataFrame(
        {
            "label": [name(dimension, c, lang) for c in frame["code"]],
            "budget": frame["budget"],
            "spend": frame["spend"],
            "code": [_code(c, dimension) for c in frame["code"]],
            "programme_codes": frame["programme_codes"],
        }
    ).reset_index(drop=True)
