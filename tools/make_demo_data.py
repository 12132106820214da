#!/usr/bin/env python3
"""Generate the illustrative demo data set in ``data/demo/`` (one CSV file per table).

The demo shows three real municipalities (real names and CBS codes) with *illustrative*
figures: The Hague with an impact pillar since 2018, Groningen (2021) and Leeuwarden (2022)
that are starting. The files double as import templates for civil servants, so the columns
are exactly the table's columns in table order (``connection.csv`` without ``id``,
``note.csv`` without ``id`` and ``created_at``: the database fills those in).

Format: UTF-8, comma separated, ISO dates, decimal point, empty field = NULL, booleans as
``true``/``false``.

Deterministic: standard-library ``random.Random`` seeded per section, no clock, no network;
running it twice gives byte-identical files. Ambition baselines are computed from the
generated facts the same way the views of migration 0002 compute them, and targets are
chosen so that the demo shows a mix of ambitions on track, at risk and off track; the
script checks that mix before it writes anything.

Usage: python tools/make_demo_data.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

SEED = 20260930
REPORTING_DATE = date(2026, 9, 30)  # figures are complete up to here; no fact after it
LAST_YEAR = REPORTING_DATE.year
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "data" / "demo"

# Same thresholds as impactdash/measures/metrics.py (gap = shortfall / total change).
ON_TRACK_MAX_GAP = 0.05
AT_RISK_MAX_GAP = 0.15


def rng(section: str) -> random.Random:
    """One generator per section, so tuning one section leaves the others unchanged."""
    return random.Random(f"{SEED}:{section}")


# --------------------------------------------------------------------------- dates


def year_start(y: int) -> date:
    return date(y, 1, 1)


def year_end(y: int) -> date:
    return date(y, 12, 31)


def quarter_end(y: int, q: int) -> date:
    return date(y, 12, 31) if q == 4 else date(y, 3 * q + 1, 1) - timedelta(days=1)


def random_date(r: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=r.randint(0, (end - start).days))


def overlap_days(start: date, end: date | None, y: int, cap: date | None = None) -> int:
    """Days of [start, end] that fall in year y (and not after cap)."""
    lo = max(start, year_start(y))
    hi = min(end or year_end(y), year_end(y), cap or year_end(y))
    return max(0, (hi - lo).days + 1)


def days_in_year(y: int) -> int:
    return (year_end(y) - year_start(y)).days + 1


DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# --------------------------------------------------------------------------- municipalities

MUNICIPALITIES = [
    # key, CBS code, official CBS name, province, pillar start
    ("DH", "GM0518", "'s-Gravenhage", "Zuid-Holland", date(2018, 1, 1)),
    ("GR", "GM0014", "Groningen", "Groningen", date(2021, 1, 1)),
    ("LW", "GM0080", "Leeuwarden", "Fryslân", date(2022, 1, 1)),
]
CODE = {key: code for key, code, *_ in MUNICIPALITIES}
KEY = {code: key for key, code, *_ in MUNICIPALITIES}
PILLAR_START = {key: start for key, _, _, _, start in MUNICIPALITIES}
CITY = {"DH": "Den Haag", "GR": "Groningen", "LW": "Leeuwarden"}
REGION = {"DH": "Haaglanden", "GR": "Groningen", "LW": "Fryslân"}

# Inhabitants on 1 January, approximately the CBS figures (Groningen: the municipality
# in its borders since the 2019 merger with Haren and Ten Boer).
POPULATION = {
    "DH": [537833, 545163, 548320, 549163, 553417, 559576, 566221, 570200, 574100],
    "GR": [231299, 231988, 232874, 233273, 234649, 238147, 240024, 241200, 242300],
    "LW": [122415, 122841, 123107, 124058, 124481, 125203, 126046, 126600, 127100],
}
POPULATION_YEARS = range(2018, 2027)

# --------------------------------------------------------------------------- instruments

INSTRUMENTS = [
    # code, domain, name_nl, name_en, description_nl, description_en
    (
        "impact_network",
        "networks",
        "Impactnetwerk en community",
        "Impact network and community",
        "Netwerkorganisatie die impactondernemers, financiers, inkopers en kennisinstellingen verbindt.",
        "Network organisation connecting impact entrepreneurs, financiers, buyers and knowledge institutions.",
    ),
    (
        "matchmaking",
        "networks",
        "Matchmakingbijeenkomsten",
        "Matchmaking events",
        "Bijeenkomsten waar impactondernemers en klanten, financiers of partners elkaar ontmoeten.",
        "Events where impact entrepreneurs meet customers, financiers or partners.",
    ),
    (
        "impact_voucher",
        "finance",
        "Impactvoucher",
        "Impact voucher",
        "Kleine subsidie (voucher) voor advies, impactmeting of een eerste pilot.",
        "Small grant (voucher) for advice, impact measurement or a first pilot.",
    ),
    (
        "impact_fund",
        "finance",
        "Impactfonds",
        "Impact fund",
        "Revolverend fonds dat met private financiers leningen en participaties verstrekt.",
        "Revolving fund providing loans and equity together with private financiers.",
    ),
    (
        "guarantee",
        "finance",
        "Borgstellingsregeling",
        "Guarantee scheme",
        "Gemeentelijke borgstelling zodat banken eerder aan impactondernemers lenen.",
        "Municipal guarantee so that banks lend to impact entrepreneurs more readily.",
    ),
    (
        "impact_hub",
        "property",
        "Impacthub en werkruimte",
        "Impact hub and workspace",
        "Gemeentelijke of bemiddelde panden met betaalbare werkruimte voor impactondernemers.",
        "Municipal or brokered buildings with affordable workspace for impact entrepreneurs.",
    ),
    (
        "creative_space",
        "property",
        "Broedplaatsen",
        "Incubator spaces",
        "Tijdelijk of blijvend gebruik van leegstaand vastgoed als broedplaats.",
        "Temporary or permanent use of vacant buildings as incubator spaces.",
    ),
    (
        "traineeship",
        "talent",
        "Impacttraineeship",
        "Impact traineeship",
        "Traineeship waarin jonge professionals bij impactondernemingen werken.",
        "Traineeship placing young professionals at impact enterprises.",
    ),
    (
        "talent_programme",
        "talent",
        "Talentontwikkeling en werk",
        "Talent development and jobs",
        "Opleiding en plaatsing van mensen met afstand tot de arbeidsmarkt bij impactondernemingen.",
        "Training and placement of people distant from the labour market at impact enterprises.",
    ),
    (
        "social_procurement",
        "market",
        "Inkoop met impact",
        "Social procurement",
        "De gemeente koopt bewust in bij impactondernemers (social return, impactparagraaf).",
        "The municipality buys from impact entrepreneurs on purpose (social return, impact clause).",
    ),
    (
        "launching_customer",
        "market",
        "Launching customer",
        "Launching customer",
        "De gemeente als eerste klant van een innovatieve impactoplossing.",
        "The municipality as first customer of an innovative impact solution.",
    ),
    (
        "accelerator",
        "support",
        "Acceleratorprogramma",
        "Accelerator programme",
        "Intensief begeleidingstraject voor startende en groeiende impactondernemers.",
        "Intensive support track for starting and growing impact entrepreneurs.",
    ),
    (
        "scaleup_support",
        "support",
        "Opschalingsbegeleiding",
        "Scale-up support",
        "Begeleiding van impactondernemers die willen opschalen naar andere steden of markten.",
        "Support for impact entrepreneurs scaling to other cities or markets.",
    ),
    (
        "living_lab",
        "knowledge",
        "Living lab / proeftuin",
        "Living lab",
        "Proeftuin in een wijk waar ondernemers, bewoners en kennisinstellingen oplossingen testen.",
        "Test bed in a neighbourhood where entrepreneurs, residents and researchers try out solutions.",
    ),
    (
        "impact_measurement",
        "knowledge",
        "Impactmeting",
        "Impact measurement",
        "Ondersteuning bij het meten en rapporteren van maatschappelijke impact.",
        "Support in measuring and reporting social impact.",
    ),
]
INSTRUMENT_DOMAIN = {code: dom for code, dom, *_ in INSTRUMENTS}
IV3 = {"property": "3.2", "networks": "3.4"}  # else 3.1 (economische ontwikkeling)

# --------------------------------------------------------------------------- programmes

# code, instrument, name, lead, partner, start, end, sdgs, description, weight (relative
# yearly budget)
PROGRAMMES = [
    # The Hague: from 2018; partner-led share grows (facilitating, not steering).
    (
        "DH-P01",
        "impact_network",
        "ImpactCity Netwerk",
        "municipality",
        None,
        date(2018, 1, 1),
        date(2022, 12, 31),
        "8;17",
        "Netwerk en community van Haagse impactondernemers; "
        "vanaf 2023 overgedragen aan een stichting (DH-P19).",
        260,
    ),
    (
        "DH-P02",
        "impact_voucher",
        "Haagse Impactvoucher",
        "municipality",
        None,
        date(2018, 3, 1),
        date(2023, 12, 31),
        "8",
        "Vouchers tot € 10.000 voor advies en pilots.",
        420,
    ),
    (
        "DH-P03",
        "impact_hub",
        "Impacthubs Binckhorst en Centrum",
        "municipality",
        None,
        date(2018, 1, 1),
        None,
        "9;11",
        "Betaalbare werkruimte in gemeentelijk vastgoed.",
        620,
    ),
    (
        "DH-P04",
        "matchmaking",
        "Matchmaking Impact & Inkoop",
        "municipality",
        None,
        date(2018, 6, 1),
        date(2021, 12, 31),
        "12;17",
        "Ontmoetingen tussen inkopers en impactondernemers.",
        140,
    ),
    (
        "DH-P05",
        "accelerator",
        "Impact Accelerator Den Haag",
        "partner",
        "Stichting Impactversneller Haaglanden",
        date(2018, 9, 1),
        date(2022, 6, 30),
        "8;9",
        "Halfjaarlijkse cohorten van startende impactondernemers.",
        360,
    ),
    (
        "DH-P06",
        "social_procurement",
        "Inkoop met Impact",
        "municipality",
        None,
        date(2019, 1, 1),
        None,
        "12",
        "Impactparagraaf in gemeentelijke aanbestedingen en begeleiding van inkopers.",
        190,
    ),
    (
        "DH-P07",
        "impact_fund",
        "Haags Impactfonds",
        "partner",
        "Fondsbeheer Impact Haaglanden B.V.",
        date(2019, 7, 1),
        None,
        "8;10",
        "Leningen en participaties samen met private financiers.",
        680,
    ),
    (
        "DH-P08",
        "creative_space",
        "Broedplaatsen voor impact",
        "municipality",
        None,
        date(2019, 1, 1),
        None,
        "11",
        "Leegstaand vastgoed tijdelijk of blijvend ingezet als broedplaats.",
        420,
    ),
    (
        "DH-P09",
        "traineeship",
        "Haags Impacttraineeship",
        "partner",
        "Stichting Talent voor Impact",
        date(2019, 9, 1),
        None,
        "4;8",
        "Tweejarig traineeship bij Haagse impactondernemingen.",
        250,
    ),
    (
        "DH-P10",
        "living_lab",
        "Living lab Zuidwest",
        "partner",
        "Kenniscentrum Impact Economie",
        date(2020, 1, 1),
        date(2023, 12, 31),
        "11;3",
        "Proeftuin voor impactoplossingen in Den Haag Zuidwest.",
        300,
    ),
    (
        "DH-P11",
        "impact_measurement",
        "Impactmeting voor ondernemers",
        "municipality",
        None,
        date(2020, 3, 1),
        date(2024, 12, 31),
        "17",
        "Ondersteuning bij het meten en rapporteren van impact.",
        140,
    ),
    (
        "DH-P12",
        "guarantee",
        "Borgstelling impactondernemers",
        "partner",
        "Coöperatieve Impactbank Haaglanden",
        date(2020, 6, 1),
        None,
        "8",
        "Gemeentelijke borg voor bankleningen aan impactondernemers.",
        480,
    ),
    (
        "DH-P13",
        "scaleup_support",
        "Scale-up Impact Den Haag",
        "partner",
        "Haaglanden Social Ventures",
        date(2021, 1, 1),
        None,
        "8;9",
        "Begeleiding van impactondernemers die willen opschalen.",
        400,
    ),
    (
        "DH-P14",
        "talent_programme",
        "Werk en talent voor impact",
        "partner",
        "Stichting Wijkkracht Zuidwest",
        date(2021, 9, 1),
        None,
        "8;10",
        "Opleiding en plaatsing van werkzoekenden bij impactondernemingen.",
        310,
    ),
    (
        "DH-P15",
        "launching_customer",
        "Launching customer circulaire bouw",
        "municipality",
        None,
        date(2022, 1, 1),
        None,
        "9;12",
        "De gemeente als eerste klant van circulaire bouwoplossingen.",
        360,
    ),
    (
        "DH-P16",
        "matchmaking",
        "Haags Impact Festival",
        "partner",
        "Stichting ImpactCity Events",
        date(2022, 3, 1),
        None,
        "17",
        "Jaarlijks festival en matchmakingreeks met bedrijven en fondsen.",
        210,
    ),
    (
        "DH-P17",
        "accelerator",
        "Impact Accelerator 2.0",
        "partner",
        "Stichting Impactversneller Haaglanden",
        date(2022, 7, 1),
        None,
        "8;9",
        "Opvolger van DH-P05, met focus op groei en financiering.",
        450,
    ),
    (
        "DH-P18",
        "impact_hub",
        "Impactvastgoed Zuidwest en Ypenburg",
        "partner",
        "Woonstichting Haagse Wijken",
        date(2023, 1, 1),
        None,
        "11",
        "Werkruimte voor impactondernemers in plinten en bedrijfsverzamelgebouwen.",
        640,
    ),
    (
        "DH-P19",
        "impact_network",
        "Stichting ImpactCity Netwerk",
        "partner",
        "Stichting ImpactCity Netwerk",
        date(2023, 1, 1),
        None,
        "8;17",
        "Het netwerk op eigen benen, met een gemeentelijke bijdrage.",
        230,
    ),
    # Groningen: from 2021.
    (
        "GR-P01",
        "impact_network",
        "Impactnetwerk Groningen",
        "municipality",
        None,
        date(2021, 1, 1),
        None,
        "8;17",
        "Netwerk van impactondernemers in stad en ommeland.",
        200,
    ),
    (
        "GR-P02",
        "impact_voucher",
        "Groningse Impactvoucher",
        "municipality",
        None,
        date(2021, 4, 1),
        None,
        "8",
        "Vouchers voor advies en eerste pilots.",
        220,
    ),
    (
        "GR-P03",
        "impact_hub",
        "Impactwerkplaatsen Groningen",
        "municipality",
        None,
        date(2021, 9, 1),
        None,
        "9;11",
        "Werkruimte in het Ebbingekwartier en op het Suikerunieterrein.",
        300,
    ),
    (
        "GR-P04",
        "accelerator",
        "Social Enterprise Accelerator Noord",
        "partner",
        "Stichting Impact Noord",
        date(2022, 1, 1),
        None,
        "8",
        "Begeleidingstraject voor startende sociale ondernemers.",
        180,
    ),
    (
        "GR-P05",
        "social_procurement",
        "Inkoop met impact Groningen",
        "municipality",
        None,
        date(2022, 1, 1),
        None,
        "12",
        "Impactparagraaf in aanbestedingen en inkopersnetwerk.",
        120,
    ),
    (
        "GR-P06",
        "living_lab",
        "Living lab Energietransitie Zernike",
        "partner",
        "Stichting Zernike Proeftuin",
        date(2022, 9, 1),
        None,
        "7;11",
        "Proeftuin voor impactoplossingen in de energietransitie.",
        160,
    ),
    (
        "GR-P07",
        "talent_programme",
        "Impacttalent Groningen",
        "partner",
        "Stichting Werk en Wijk Groningen",
        date(2023, 1, 1),
        None,
        "4;8",
        "Leer-werktrajecten bij impactondernemingen.",
        150,
    ),
    (
        "GR-P08",
        "impact_fund",
        "Impactfonds Noord",
        "partner",
        "Groeifonds Noord B.V.",
        date(2024, 1, 1),
        None,
        "8",
        "Gemeentelijke inleg in een regionaal impactfonds.",
        260,
    ),
    # Leeuwarden: from 2022.
    (
        "LW-P01",
        "impact_network",
        "Impactnetwerk Leeuwarden",
        "municipality",
        None,
        date(2022, 1, 1),
        None,
        "8;17",
        "Netwerk en zichtbaarheid van Leeuwarder impactondernemers.",
        150,
    ),
    (
        "LW-P02",
        "impact_hub",
        "Impacthuis Blokhuispoort en wijken",
        "municipality",
        None,
        date(2022, 1, 1),
        None,
        "11",
        "Betaalbare werkruimte in de binnenstad en in de wijken.",
        260,
    ),
    (
        "LW-P03",
        "impact_voucher",
        "Impactvoucher Leeuwarden",
        "municipality",
        None,
        date(2022, 6, 1),
        None,
        "8",
        "Vouchers voor advies en pilots.",
        150,
    ),
    (
        "LW-P04",
        "social_procurement",
        "Circulair en sociaal inkopen",
        "municipality",
        None,
        date(2023, 1, 1),
        None,
        "12",
        "Sociaal en circulair inkopen bij Leeuwarder impactondernemers.",
        90,
    ),
    (
        "LW-P05",
        "accelerator",
        "Watertech Impact Accelerator",
        "partner",
        "Stichting Impactversneller Fryslân",
        date(2023, 3, 1),
        None,
        "6;9",
        "Accelerator voor impactondernemers in water en circulaire economie.",
        200,
    ),
    (
        "LW-P06",
        "matchmaking",
        "Impactmatch Fryslân",
        "partner",
        "Stichting Mienskip en Impact",
        date(2024, 1, 1),
        None,
        "17",
        "Matchmakingbijeenkomsten met Friese bedrijven en fondsen.",
        110,
    ),
]

# Yearly original budget of the whole pillar per municipality (euros).
BUDGET_TOTAL = {
    "DH": {
        2018: 2.0e6,
        2019: 2.7e6,
        2020: 3.3e6,
        2021: 3.9e6,
        2022: 4.5e6,
        2023: 5.0e6,
        2024: 5.5e6,
        2025: 6.0e6,
        2026: 6.3e6,
    },
    "GR": {2021: 0.35e6, 2022: 0.62e6, 2023: 0.85e6, 2024: 1.1e6, 2025: 1.35e6, 2026: 1.5e6},
    "LW": {2022: 0.3e6, 2023: 0.5e6, 2024: 0.7e6, 2025: 0.85e6, 2026: 0.95e6},
}
# Programme-years that clearly underspend (spend / final budget).
UNDERSPEND = {
    ("DH-P15", 2022): 0.58,
    ("DH-P15", 2023): 0.63,
    ("DH-P18", 2023): 0.66,
    ("GR-P03", 2022): 0.55,
    ("GR-P03", 2023): 0.60,
    ("LW-P05", 2024): 0.62,
}
# Co-funding per euro spent, per municipality and year.
LEVERAGE = {
    "DH": {
        2018: 0.40,
        2019: 0.52,
        2020: 0.63,
        2021: 0.78,
        2022: 0.92,
        2023: 1.05,
        2024: 1.18,
        2025: 1.30,
        2026: 1.32,
    },
    "GR": {2021: 0.12, 2022: 0.22, 2023: 0.31, 2024: 0.40, 2025: 0.50, 2026: 0.50},
    "LW": {2022: 0.08, 2023: 0.17, 2024: 0.28, 2025: 0.38, 2026: 0.40},
}
FUNDERS = {
    "DH": [
        ("Provincie Zuid-Holland", "province"),
        ("Rijksdienst voor Ondernemend Nederland", "national"),
        ("EFRO Kansen voor West", "eu"),
        ("Fonds Stad en Zee", "foundation"),
        ("Stichting Haags Maatschappelijk Fonds", "foundation"),
        ("Coöperatieve Impactbank Haaglanden", "financier"),
        ("Haaglanden Social Ventures", "financier"),
        ("Haven Services Scheveningen B.V.", "private"),
        ("Zorggroep Haaglanden", "private"),
        ("Metropoolregio Rotterdam Den Haag", "other"),
    ],
    "GR": [
        ("Provincie Groningen", "province"),
        ("Nationaal Programma Groningen", "national"),
        ("EFRO Noord-Nederland", "eu"),
        ("Stichting Noorderfonds", "foundation"),
        ("Groeifonds Noord B.V.", "financier"),
        ("Energiecoöperatie Ommeland", "private"),
    ],
    "LW": [
        ("Provincie Fryslân", "province"),
        ("Regio Deal Fryslân", "national"),
        ("EFRO Noord-Nederland", "eu"),
        ("Stichting Fries Sociaal Fonds", "foundation"),
        ("Fries Impactkrediet", "financier"),
        ("Watertech Bedrijvenkring", "private"),
    ],
}

# Spend ledger lines per instrument: (description, counterparty kind, weight).
SPEND_LINES = {
    "impact_network": [
        ("Netwerkbijeenkomst {month}", "supplier", 3),
        ("Communicatie en website netwerk", "supplier", 1),
        ("Bijdrage netwerkorganisatie {quarter}", "partner", 3),
        ("Inhuur netwerkcoördinator {quarter}", "other", 2),
    ],
    "matchmaking": [
        ("Zaalhuur en catering matchmaking {month}", "supplier", 3),
        ("Programmering matchmakingbijeenkomst", "partner", 2),
        ("Dagvoorzitter en sprekers", "other", 1),
        ("Promotie en drukwerk", "supplier", 1),
    ],
    "impact_voucher": [
        ("Uitbetaling impactvoucher", "impact_enterprise", 8),
        ("Beoordelingscommissie impactvoucher", "other", 1),
        ("Werving en communicatie impactvoucher", "supplier", 1),
    ],
    "impact_fund": [
        ("Storting gemeentelijke inleg impactfonds", "partner", 3),
        ("Beheervergoeding fondsmanager {quarter}", "partner", 2),
        ("Juridisch en fiscaal advies fondsstructuur", "supplier", 1),
    ],
    "guarantee": [
        ("Dotatie borgstellingsvoorziening", "partner", 2),
        ("Uitvoeringskosten borgstelling {quarter}", "partner", 2),
        ("Accountantscontrole borgstellingsregeling", "supplier", 1),
    ],
    "impact_hub": [
        ("Huur en servicekosten impacthub {month}", "supplier", 4),
        ("Onderhoud en inrichting werkruimte", "supplier", 2),
        ("Beheer en programmering hub {quarter}", "partner", 2),
        ("Energie en schoonmaak", "supplier", 1),
    ],
    "creative_space": [
        ("Huur en servicekosten broedplaats {month}", "supplier", 4),
        ("Bouwkundige aanpassingen broedplaats", "supplier", 2),
        ("Beheer broedplaats {quarter}", "foundation", 2),
    ],
    "traineeship": [
        ("Plaatsingsvergoeding trainees {quarter}", "impact_enterprise", 4),
        ("Opleidingsprogramma trainees", "knowledge_institution", 2),
        ("Programmamanagement traineeship", "partner", 2),
    ],
    "talent_programme": [
        ("Leer-werktraject deelnemers {quarter}", "impact_enterprise", 4),
        ("Scholing en certificering", "knowledge_institution", 2),
        ("Begeleiding en jobcoaching", "partner", 2),
        ("Afstemming met werkgeversservicepunt", "government", 1),
    ],
    "social_procurement": [
        ("Training inkopers impactparagraaf", "supplier", 2),
        ("Marktconsultatie impactondernemers", "other", 1),
        ("Spendanalyse impactinkoop", "knowledge_institution", 1),
        ("Opdracht aan impactondernemer (pilot)", "impact_enterprise", 3),
    ],
    "launching_customer": [
        ("Opdracht launching customer", "impact_enterprise", 4),
        ("Aanbestedingsbegeleiding", "supplier", 2),
        ("Monitoring en evaluatie pilot", "knowledge_institution", 1),
    ],
    "accelerator": [
        ("Programmavergoeding accelerator {quarter}", "partner", 4),
        ("Coaches en experts accelerator", "other", 2),
        ("Demo day en pitchtraining", "supplier", 1),
        ("Startersbeurs deelnemer accelerator", "impact_enterprise", 2),
    ],
    "scaleup_support": [
        ("Begeleidingstraject opschaling", "partner", 3),
        ("Marktverkenning nieuwe regio", "supplier", 1),
        ("Bijdrage opschalingsplan", "impact_enterprise", 2),
    ],
    "living_lab": [
        ("Onderzoek en begeleiding living lab", "knowledge_institution", 3),
        ("Experimentbudget ondernemers living lab", "impact_enterprise", 3),
        ("Bewonersparticipatie living lab", "foundation", 1),
        ("Materialen en locatie proeftuin", "supplier", 1),
    ],
    "impact_measurement": [
        ("Workshop impactmeting", "knowledge_institution", 2),
        ("Licentie impactmeetinstrument", "supplier", 1),
        ("Ondersteuning impactrapportage ondernemers", "other", 2),
    ],
}
# (min lines, max lines) per programme-year by instrument; default (10, 40).
LINE_RANGE = {"impact_fund": (3, 8), "guarantee": (3, 8), "launching_customer": (4, 14)}

# --------------------------------------------------------------------------- properties

# code, programme, name, address, district, lat, lon, gross m2, impact m2, regime, from, until,
# final occupancy, ramp (quarters)
PROPERTIES = [
    (
        "DH-V01",
        "DH-P03",
        "Impacthub Binckhorst",
        "Binckhorstlaan 36, Den Haag",
        "Laak",
        52.0686,
        4.3378,
        3200,
        2400,
        "reduced",
        date(2018, 2, 1),
        None,
        0.95,
        3.5,
    ),
    (
        "DH-V02",
        "DH-P08",
        "Broedplaats Fruitweg",
        "Fruitweg 22, Den Haag",
        "Laak",
        52.0598,
        4.3095,
        1800,
        1500,
        "social",
        date(2019, 4, 1),
        None,
        0.93,
        2.0,
    ),
    (
        "DH-V03",
        "DH-P08",
        "Impactloods Scheveningen Haven",
        "Vissershavenweg 55, Den Haag",
        "Scheveningen",
        52.0968,
        4.2632,
        1200,
        900,
        "reduced",
        date(2019, 9, 1),
        None,
        0.90,
        2.5,
    ),
    (
        "DH-V04",
        "DH-P08",
        "Werkplaats Escamp",
        "Leyweg 914, Den Haag",
        "Escamp",
        52.0449,
        4.2806,
        1400,
        1200,
        "social",
        date(2020, 1, 1),
        None,
        0.86,
        3.0,
    ),
    (
        "DH-V05",
        "DH-P03",
        "Impactkantoor Prinsegracht",
        "Prinsegracht 19, Den Haag",
        "Centrum",
        52.0756,
        4.3072,
        900,
        900,
        "reduced",
        date(2018, 6, 1),
        date(2022, 12, 31),
        0.92,
        2.5,
    ),
    (
        "DH-V06",
        "DH-P08",
        "Broedplaats Fahrenheitstraat",
        "Fahrenheitstraat 550, Den Haag",
        "Segbroek",
        52.0719,
        4.2660,
        1100,
        800,
        "free",
        date(2020, 6, 1),
        date(2023, 6, 30),
        0.97,
        1.0,
    ),
    (
        "DH-V07",
        "DH-P03",
        "Impacthub Haagse Hout",
        "Theresiastraat 190, Den Haag",
        "Haagse Hout",
        52.0850,
        4.3330,
        1600,
        1300,
        "reduced",
        date(2021, 1, 1),
        None,
        0.91,
        2.5,
    ),
    (
        "DH-V08",
        "DH-P03",
        "Maakplaats Binckhorst",
        "Saturnusstraat 60, Den Haag",
        "Laak",
        52.0701,
        4.3436,
        2500,
        2200,
        "reduced",
        date(2021, 9, 1),
        None,
        0.88,
        3.0,
    ),
    (
        "DH-V09",
        "DH-P08",
        "Circulair Ambachtscentrum Kerketuinen",
        "Kerketuinenweg 15, Den Haag",
        "Escamp",
        52.0441,
        4.2450,
        2000,
        1800,
        "social",
        date(2022, 3, 1),
        None,
        0.84,
        3.5,
    ),
    (
        "DH-V10",
        "DH-P08",
        "Impactpaviljoen Loosduinen",
        "Loosduinse Hoofdstraat 250, Den Haag",
        "Loosduinen",
        52.0560,
        4.2310,
        600,
        500,
        "free",
        date(2022, 6, 1),
        None,
        0.96,
        1.5,
    ),
    (
        "DH-V11",
        "DH-P18",
        "Impactcampus Ypenburg",
        "Ypenburgse Boslaan 20, Den Haag",
        "Leidschenveen-Ypenburg",
        52.0425,
        4.3710,
        2400,
        1600,
        "reduced",
        date(2023, 1, 1),
        None,
        0.78,
        4.0,
    ),
    (
        "DH-V12",
        "DH-P18",
        "Impacthuis Morgenstond",
        "Mozartlaan 25, Den Haag",
        "Escamp",
        52.0455,
        4.2650,
        1500,
        1300,
        "social",
        date(2023, 4, 1),
        None,
        0.82,
        3.5,
    ),
    (
        "DH-V13",
        "DH-P18",
        "Impactwerf Scheveningen",
        "Dr. Lelykade 60, Den Haag",
        "Scheveningen",
        52.1002,
        4.2668,
        1300,
        1000,
        "market",
        date(2023, 9, 1),
        None,
        0.90,
        2.5,
    ),
    (
        "DH-V14",
        "DH-P03",
        "Impacthuis Hollands Spoor",
        "Rijswijkseplein 786, Den Haag",
        "Centrum",
        52.0698,
        4.3235,
        3000,
        2200,
        "reduced",
        date(2024, 1, 1),
        None,
        0.76,
        4.0,
    ),
    (
        "DH-V15",
        "DH-P18",
        "Groene Werkplaats Bezuidenhout",
        "Laan van Nieuw Oost-Indië 131, Den Haag",
        "Haagse Hout",
        52.0870,
        4.3400,
        1000,
        800,
        "reduced",
        date(2024, 10, 1),
        None,
        0.70,
        3.5,
    ),
    (
        "GR-V01",
        "GR-P03",
        "Impactwerkplaats Ebbingekwartier",
        "Oude Ebbingestraat 45, Groningen",
        "Centrum",
        53.2235,
        6.5670,
        900,
        700,
        "reduced",
        date(2021, 10, 1),
        None,
        0.94,
        2.0,
    ),
    (
        "GR-V02",
        "GR-P03",
        "Impacthuis Damsterdiep",
        "Damsterdiep 290, Groningen",
        "Oost",
        53.2185,
        6.5880,
        600,
        500,
        "social",
        date(2022, 4, 1),
        None,
        0.90,
        2.0,
    ),
    (
        "GR-V03",
        "GR-P03",
        "Maakhal Suikerunieterrein",
        "Suikerlaan 12, Groningen",
        "West",
        53.2210,
        6.5350,
        2000,
        1500,
        "reduced",
        date(2024, 6, 1),
        None,
        0.80,
        3.5,
    ),
    (
        "GR-V04",
        "GR-P03",
        "Impactlab Zernike",
        "Nijenborgh 6, Groningen",
        "Noordwest",
        53.2400,
        6.5360,
        500,
        400,
        "reduced",
        date(2023, 1, 1),
        None,
        0.92,
        2.0,
    ),
    (
        "GR-V05",
        "GR-P03",
        "Impactplek Haren",
        "Rijksstraatweg 150, Haren",
        "Haren",
        53.1720,
        6.6050,
        300,
        250,
        "free",
        date(2022, 9, 1),
        date(2024, 8, 31),
        0.88,
        1.5,
    ),
    (
        "GR-V06",
        "GR-P03",
        "Impactloods Helpman",
        "Helperpark 290, Groningen",
        "Zuid",
        53.2010,
        6.5790,
        800,
        600,
        "reduced",
        date(2025, 9, 1),
        None,
        0.65,
        3.0,
    ),
    (
        "LW-V01",
        "LW-P02",
        "Impacthuis Blokhuispoort",
        "Blokhuisplein 40, Leeuwarden",
        "Binnenstad",
        53.2008,
        5.7936,
        1400,
        1000,
        "reduced",
        date(2022, 2, 1),
        None,
        0.95,
        2.0,
    ),
    (
        "LW-V02",
        "LW-P02",
        "Impactwerkplaats Snekertrekweg",
        "Snekertrekweg 61, Leeuwarden",
        "Westeinde",
        53.1935,
        5.7745,
        800,
        600,
        "social",
        date(2022, 10, 1),
        None,
        0.90,
        2.5,
    ),
    (
        "LW-V03",
        "LW-P02",
        "Impactplek Bilgaard",
        "Bilgaardpark 1, Leeuwarden",
        "Bilgaard",
        53.2180,
        5.8020,
        400,
        300,
        "free",
        date(2023, 5, 1),
        None,
        0.86,
        2.0,
    ),
    (
        "LW-V04",
        "LW-P02",
        "Impactkantoor Oldehove",
        "Oldehoofsterkerkhof 2, Leeuwarden",
        "Binnenstad",
        53.2035,
        5.7880,
        900,
        700,
        "reduced",
        date(2025, 1, 1),
        None,
        0.50,
        5.0,
    ),
]
DISCOUNT_PER_M2 = {"market": (0, 0), "reduced": (55, 95), "social": (95, 135), "free": (150, 185)}

# --------------------------------------------------------------------------- observations

OBSERVATIONS = {
    # metric: {municipality: (first year, [values per year])}
    "impact_enterprises": {
        "DH": (2017, [410, 455, 510, 545, 600, 660, 720, 775, 830]),
        "GR": (2020, [118, 131, 149, 166, 184, 203]),
        "LW": (2021, [58, 63, 71, 80, 88]),
    },
    "impact_jobs_fte": {
        "DH": (2017, [4120.0, 4390.5, 4710.0, 4805.5, 5160.0, 5490.5, 5810.0, 6080.5, 6290.0]),
        "GR": (2020, [870.0, 925.5, 1010.0, 1096.5, 1180.0, 1262.5]),
        "LW": (2021, [410.0, 436.5, 468.0, 505.5, 540.0]),
    },
    "investment_raised_eur": {
        "DH": (
            2017,
            [
                12_430_000,
                14_120_000,
                18_860_000,
                16_240_000,
                24_810_000,
                31_470_000,
                29_730_000,
                38_160_000,
                41_590_000,
            ],
        ),
        "GR": (2020, [1_920_000, 2_640_000, 3_810_000, 3_370_000, 5_090_000, 6_280_000]),
        "LW": (2021, [720_000, 1_140_000, 1_630_000, 2_210_000, 2_940_000]),
    },
    "events_held": {
        "DH": (2017, [22, 38, 54, 31, 58, 84, 102, 118, 126]),
        "GR": (2020, [6, 14, 22, 29, 34, 38]),
        "LW": (2021, [4, 12, 19, 24, 28]),
    },
    "event_participants": {
        "DH": (2017, [1350, 2400, 3650, 1900, 3900, 6100, 7400, 8600, 9350]),
        "GR": (2020, [310, 720, 1180, 1640, 1930, 2210]),
        "LW": (2021, [180, 610, 980, 1320, 1560]),
    },
    "impact_procurement_eur": {
        "DH": (
            2017,
            [
                1_600_000,
                2_300_000,
                3_400_000,
                4_100_000,
                5_000_000,
                5_600_000,
                6_100_000,
                6_900_000,
                7_400_000,
            ],
        ),
        "GR": (2020, [310_000, 420_000, 560_000, 640_000, 720_000, 790_000]),
        "LW": (2021, [90_000, 160_000, 280_000, 390_000, 520_000]),
    },
    "impact_team_fte": {
        "DH": (2017, [1.0, 3.0, 4.6, 5.4, 6.8, 7.6, 8.2, 8.4, 8.6]),
        "GR": (2020, [0.5, 1.5, 2.0, 2.4, 2.8, 3.0]),
        "LW": (2021, [0.4, 1.2, 1.6, 1.8, 1.8]),
    },
}
OBS_SOURCE = {
    "impact_enterprises": "Impactmonitor {city} {next} (peildatum 31-12-{year})",
    "impact_jobs_fte": "Impactmonitor {city} {next} (peildatum 31-12-{year})",
    "investment_raised_eur": "Impactmonitor {city} {next}; opgave financiers",
    "events_held": "Jaarverslag impactprogramma's {city} {year}",
    "event_participants": "Jaarverslag impactprogramma's {city} {year}",
    "impact_procurement_eur": "Spendanalyse inkoop gemeente {city} {year}",
    "impact_team_fte": "Formatieoverzicht afdeling Economie {city}, 31-12-{year}",
}

# --------------------------------------------------------------------------- organisations

ORG_KIND_COUNTS = {  # per municipality: kind -> count
    "DH": {
        "impact_enterprise": 115,
        "financier": 12,
        "supplier": 22,
        "knowledge_institution": 10,
        "government": 8,
        "foundation_ngo": 20,
        "corporate": 18,
    },
    "GR": {
        "impact_enterprise": 34,
        "financier": 4,
        "supplier": 7,
        "knowledge_institution": 4,
        "government": 3,
        "foundation_ngo": 6,
        "corporate": 4,
    },
    "LW": {
        "impact_enterprise": 24,
        "financier": 3,
        "supplier": 5,
        "knowledge_institution": 3,
        "government": 3,
        "foundation_ngo": 4,
        "corporate": 2,
    },
}
JOINS_PER_YEAR = {
    "DH": {2018: 32, 2019: 23, 2020: 18, 2021: 24, 2022: 26, 2023: 28, 2024: 26, 2025: 19, 2026: 9},
    "GR": {2021: 16, 2022: 13, 2023: 11, 2024: 10, 2025: 8, 2026: 4},
    "LW": {2022: 12, 2023: 10, 2024: 9, 2025: 9, 2026: 4},
}
CONNECTIONS_PER_YEAR = {
    "DH": {2018: 45, 2019: 80, 2020: 85, 2021: 115, 2022: 135, 2023: 150, 2024: 160, 2025: 165, 2026: 115},
    "GR": {2021: 28, 2022: 48, 2023: 52, 2024: 60, 2025: 58, 2026: 42},
    "LW": {2022: 22, 2023: 40, 2024: 50, 2025: 56, 2026: 40},
}
DISTRICTS_FOR_NAMES = {
    "DH": [
        "Transvaal",
        "Schilderswijk",
        "Moerwijk",
        "Binckhorst",
        "Duindorp",
        "Bouwlust",
        "Mariahoeve",
        "Regentessekwartier",
        "Laakkwartier",
        "Ypenburg",
        "Zuidwest",
        "Scheveningen",
    ],
    "GR": [
        "Oosterpark",
        "Vinkhuizen",
        "Selwerd",
        "Paddepoel",
        "Lewenborg",
        "Beijum",
        "De Wijert",
        "Hoogkerk",
    ],
    "LW": ["Vrijheidswijk", "Heechterp", "Schieringen", "Bilgaard", "Camminghaburen", "Huizum", "Oranjewijk"],
}
ADJECTIVES = [
    "Groene",
    "Circulaire",
    "Eerlijke",
    "Sociale",
    "Duurzame",
    "Lokale",
    "Slimme",
    "Frisse",
    "Gezonde",
    "Inclusieve",
    "Blauwe",
    "Nieuwe",
    "Samen",
    "Open",
]
NOUNS = [
    "Fietskoeriers",
    "Koffiebranderij",
    "Bouwwerkplaats",
    "Textielfabriek",
    "Kantine",
    "Schoonmaakploeg",
    "Energiecoöperatie",
    "Drukkerij",
    "Stadsboerderij",
    "Meubelmakerij",
    "Verhuizers",
    "Zeepmakerij",
    "Catering",
    "Bakkerij",
    "Brouwerij",
    "IT-werkplaats",
    "Daktuinen",
    "Modeatelier",
    "Kringloop",
    "Reparatiewerkplaats",
    "Zorgboerderij",
    "Groenonderhoud",
    "Wasserette",
    "Foodlab",
]
NEIGHBOURHOOD_NOUNS = [
    "Buurtkeuken",
    "Wijkbedrijf",
    "Buurtatelier",
    "Wijkwerkplaats",
    "Buurtmoestuin",
    "Taalcafé",
    "Klusbedrijf",
    "Fietsenwerkplaats",
]
COINED = [
    "Stadsoogst",
    "Zeewierwerk",
    "Plastic Retour",
    "Tweede Ronde",
    "Goed Gevuld",
    "Wijkwatt",
    "Hout van Hier",
    "Textiel Terug",
    "Koers Werkt",
    "Buurtstroom",
    "Betere Bouw",
    "Vers van de Wijk",
    "Sterk Werk",
    "Heel Gewoon",
    "Oogst en Co",
    "Waardewerk",
    "Werkplaats Morgen",
    "Tafel van Iedereen",
    "Lichtpunt Werkt",
    "Mooi Gemaakt",
]
SURNAMES = [
    "De Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Postma",
    "Hoekstra",
    "Kok",
    "Van der Meer",
    "De Graaf",
    "Kramer",
    "Van Dijk",
    "Schouten",
]
TRADES = [
    "Installatietechniek",
    "Bouw",
    "Schilderwerken",
    "Drukwerk",
    "Catering",
    "Schoonmaakdiensten",
    "Logistiek",
    "Facilitaire Diensten",
    "ICT",
    "Groenvoorziening",
    "Evenementen",
    "Audiovisueel",
    "Adviesgroep",
    "Interieurbouw",
    "Transport",
]
OTHER_ORGS = {
    "financier": {
        "DH": [
            "Coöperatieve Impactbank Haaglanden",
            "Haaglanden Social Ventures",
            "Microkrediet Den Haag",
            "Impact Angels Den Haag",
            "Stichting Durfkapitaal Haaglanden",
            "Haaglanden Groeikapitaal",
            "Crowdfunding Samen Haags",
            "Fondsbeheer Impact Haaglanden B.V.",
            "Business Angels Kust",
            "Stichting Haags Maatschappelijk Fonds",
            "Fonds Stad en Zee",
            "Duurzaam Krediet Zuid-Holland",
        ],
        "GR": [
            "Groeifonds Noord B.V.",
            "Impact Angels Groningen",
            "Stichting Noorderfonds",
            "Microkrediet Stad en Ommeland",
        ],
        "LW": ["Fries Impactkrediet", "Stichting Fries Sociaal Fonds", "Impact Angels Fryslân"],
    },
    "knowledge_institution": {
        "DH": [
            "Kenniscentrum Impact Economie",
            "Lectoraat Sociaal Ondernemen Haaglanden",
            "Universitair Impactlab Den Haag",
            "MBO Vakschool Zuidwest",
            "Onderzoeksbureau Wijk en Werk",
            "Ontwerpacademie Binckhorst",
            "Hogeschool Haaglanden – Centre of Expertise Impact",
            "Instituut voor Circulair Bouwen",
            "Kustlab Scheveningen",
            "Data en Impact Instituut",
        ],
        "GR": [
            "Universitair Impactlab Groningen",
            "Kennispunt Energietransitie Noord",
            "MBO Vakcollege Groningen",
            "Stichting Zernike Proeftuin",
        ],
        "LW": [
            "Kenniscentrum Water en Impact",
            "Hogeschool Fryslân – Lectoraat Circulaire Economie",
            "MBO Vakcollege Friesland",
        ],
    },
    "government": {
        "DH": [
            "Provincie Zuid-Holland",
            "UWV Werkbedrijf Haaglanden",
            "Werkgeversservicepunt Haaglanden",
            "Gemeente Rijswijk",
            "Gemeente Delft",
            "Metropoolregio Rotterdam Den Haag",
            "Haags Werkbedrijf",
            "Omgevingsdienst Haaglanden",
        ],
        "GR": ["Provincie Groningen", "UWV Werkbedrijf Groningen", "Werkgeversservicepunt Groningen"],
        "LW": ["Provincie Fryslân", "UWV Werkbedrijf Friesland", "Gemeente Smallingerland"],
    },
}
FOUNDATION_WORDS = [
    "Buurtwerk",
    "Wijkkracht",
    "Jongerenwerk",
    "Taalhuis",
    "Repaircafé",
    "Vrijwilligerscentrale",
    "Buurtcoöperatie",
    "Wijkteam",
    "Voedselbank",
    "Samenlevingsopbouw",
]
CORPORATE_WORDS = [
    "Logistiek",
    "Havenbedrijf",
    "Bouwgroep",
    "Verzekeringen",
    "Energie",
    "Zorggroep",
    "Hotelgroep",
    "Retailgroep",
    "Technisch Bureau",
    "Facilitair Bedrijf",
    "Vastgoed",
    "Accountants",
    "Advocaten",
    "Mediagroep",
    "Bank",
    "Telecom",
    "Consultancy",
    "Ingenieursbureau",
]

# --------------------------------------------------------------------------- ambitions

DOCS = {
    "DH": "Impactagenda Den Haag 2018–2026, raadsvoorstel RIS298765",
    "DH2": "Actualisatie Impactagenda Den Haag 2023–2030, raadsvoorstel RIS315432",
    "GR": "Programma Impactondernemen Groningen 2021–2028, raadsvoorstel 2021-0142",
    "LW": "Koersnotitie Impacteconomie Leeuwarden 2022–2027, raadsvoorstel 2022-017",
}
# Desired gap (shortfall behind the straight line, fraction of the total change) at the
# latest value; the script checks the result lands in the matching band.
AIM = {"ahead": -0.12, "risk": 0.10, "behind": 0.27}
AIM_BAND = {
    "ahead": (-0.4, -0.03),
    "risk": (ON_TRACK_MAX_GAP + 0.01, AT_RISK_MAX_GAP - 0.01),
    "behind": (AT_RISK_MAX_GAP + 0.05, 0.7),
}
D = date
AMBITIONS = [
    # code, metric, muni, baseline date, target date, milestone dates, aim, cumulative, document
    (
        "DH-A-SPEND",
        "spend_eur",
        "DH",
        D(2018, 12, 31),
        D(2026, 12, 31),
        [D(2022, 12, 31)],
        "risk",
        False,
        "DH",
    ),
    (
        "DH-A-LEVERAGE",
        "leverage_ratio",
        "DH",
        D(2018, 12, 31),
        D(2028, 12, 31),
        [D(2021, 12, 31), D(2024, 12, 31)],
        "ahead",
        False,
        "DH2",
    ),
    (
        "DH-A-FLOOR",
        "impact_floor_m2",
        "DH",
        D(2018, 12, 31),
        D(2028, 12, 31),
        [D(2022, 12, 31), D(2025, 12, 31)],
        "ahead",
        False,
        "DH2",
    ),
    (
        "DH-A-OCCUPANCY",
        "occupancy_pct",
        "DH",
        D(2018, 12, 31),
        D(2026, 12, 31),
        [D(2022, 12, 31)],
        "behind",
        False,
        "DH",
    ),
    (
        "DH-A-ENTERPRISES",
        "impact_enterprises",
        "DH",
        D(2017, 12, 31),
        D(2030, 12, 31),
        [D(2022, 12, 31), D(2026, 12, 31)],
        "ahead",
        False,
        "DH2",
    ),
    (
        "DH-A-JOBS",
        "impact_jobs_fte",
        "DH",
        D(2017, 12, 31),
        D(2030, 12, 31),
        [D(2022, 12, 31), D(2026, 12, 31)],
        "behind",
        False,
        "DH2",
    ),
    (
        "DH-A-INVEST",
        "investment_raised_eur",
        "DH",
        D(2017, 12, 31),
        D(2026, 12, 31),
        [D(2021, 12, 31)],
        "ahead",
        False,
        "DH",
    ),
    (
        "DH-A-NETWORK",
        "network_size",
        "DH",
        D(2018, 12, 31),
        D(2028, 12, 31),
        [D(2020, 12, 31), D(2023, 12, 31)],
        "ahead",
        False,
        "DH2",
    ),
    (
        "DH-A-CONNECT",
        "connections_made",
        "DH",
        D(2018, 12, 31),
        D(2026, 12, 31),
        [D(2022, 12, 31)],
        "risk",
        False,
        "DH",
    ),
    (
        "DH-A-EVENTS",
        "event_participants",
        "DH",
        D(2017, 12, 31),
        D(2026, 12, 31),
        [D(2021, 12, 31)],
        "ahead",
        False,
        "DH",
    ),
    (
        "DH-A-PROCURE",
        "impact_procurement_eur",
        "DH",
        D(2017, 12, 31),
        D(2030, 12, 31),
        [D(2022, 12, 31), D(2026, 12, 31)],
        "behind",
        False,
        "DH2",
    ),
    (
        "DH-A-PARTNER",
        "partner_led_pct",
        "DH",
        D(2018, 12, 31),
        D(2026, 12, 31),
        [D(2022, 12, 31)],
        "ahead",
        False,
        "DH",
    ),
    (
        "DH-A-TEAM",
        "impact_team_fte",
        "DH",
        D(2017, 12, 31),
        D(2026, 12, 31),
        [D(2020, 12, 31)],
        "behind",
        False,
        "DH",
    ),
    (
        "GR-A-SPEND",
        "spend_eur",
        "GR",
        D(2021, 12, 31),
        D(2028, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "GR",
    ),
    (
        "GR-A-FLOOR",
        "impact_floor_m2",
        "GR",
        D(2021, 12, 31),
        D(2028, 12, 31),
        [D(2023, 12, 31), D(2026, 12, 31)],
        "behind",
        False,
        "GR",
    ),
    (
        "GR-A-ENTERPRISES",
        "impact_enterprises",
        "GR",
        D(2020, 12, 31),
        D(2028, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "GR",
    ),
    (
        "GR-A-CONNECT",
        "connections_made",
        "GR",
        D(2020, 12, 31),
        D(2026, 12, 31),
        [D(2023, 12, 31)],
        "risk",
        True,
        "GR",
    ),
    (
        "GR-A-NETWORK",
        "network_size",
        "GR",
        D(2021, 12, 31),
        D(2028, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "GR",
    ),
    (
        "GR-A-PROCURE",
        "impact_procurement_eur",
        "GR",
        D(2020, 12, 31),
        D(2028, 12, 31),
        [D(2024, 12, 31)],
        "behind",
        False,
        "GR",
    ),
    (
        "LW-A-SPEND",
        "spend_eur",
        "LW",
        D(2022, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "LW",
    ),
    (
        "LW-A-FLOOR",
        "impact_floor_m2",
        "LW",
        D(2022, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "LW",
    ),
    (
        "LW-A-OCCUPANCY",
        "occupancy_pct",
        "LW",
        D(2022, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "risk",
        False,
        "LW",
    ),
    (
        "LW-A-INVEST",
        "investment_raised_eur",
        "LW",
        D(2021, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        True,
        "LW",
    ),
    (
        "LW-A-EVENTS",
        "event_participants",
        "LW",
        D(2021, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "ahead",
        False,
        "LW",
    ),
    (
        "LW-A-TEAM",
        "impact_team_fte",
        "LW",
        D(2021, 12, 31),
        D(2027, 12, 31),
        [D(2024, 12, 31)],
        "behind",
        False,
        "LW",
    ),
]
HEADLINE_METRICS = [
    "spend_eur",
    "leverage_ratio",
    "impact_floor_m2",
    "occupancy_pct",
    "impact_enterprises",
    "impact_jobs_fte",
    "investment_raised_eur",
    "network_size",
    "connections_made",
    "event_participants",
    "impact_procurement_eur",
    "partner_led_pct",
    "impact_team_fte",
]
METRIC_UNIT = {
    "spend_eur": "eur",
    "leverage_ratio": "ratio",
    "impact_floor_m2": "m2",
    "occupancy_pct": "percent",
    "impact_enterprises": "count",
    "impact_jobs_fte": "fte",
    "investment_raised_eur": "eur",
    "network_size": "count",
    "connections_made": "count",
    "event_participants": "count",
    "impact_procurement_eur": "eur",
    "partner_led_pct": "percent",
    "impact_team_fte": "fte",
}
# Which ambitions a programme serves, by instrument domain (first matches are taken).
DOMAIN_AMBITIONS = {
    "networks": ["network_size", "connections_made", "event_participants"],
    "finance": ["leverage_ratio", "investment_raised_eur", "impact_enterprises"],
    "property": ["impact_floor_m2", "occupancy_pct"],
    "talent": ["impact_jobs_fte", "impact_enterprises"],
    "market": ["impact_procurement_eur", "partner_led_pct"],
    "support": ["impact_enterprises", "investment_raised_eur", "impact_jobs_fte"],
    "knowledge": ["impact_enterprises", "connections_made"],
}

NOTES = [
    # subject kind, subject code, municipality, period start, period end, visibility, body
    (
        "programme",
        "DH-P15",
        "DH",
        D(2022, 1, 1),
        D(2023, 12, 31),
        "internal",
        "Vertraging door aanbesteding: de eerste opdracht circulaire bouw kon pas in het derde kwartaal "
        "van 2023 worden gegund. De onderbesteding in 2022 en 2023 komt daardoor; het restant is niet "
        "doorgeschoven.",
    ),
    (
        "programme",
        "DH-P01",
        "DH",
        D(2022, 7, 1),
        D(2023, 3, 31),
        "public",
        "Het ImpactCity Netwerk is per 1 januari 2023 overgedragen aan Stichting ImpactCity Netwerk (DH-P19). "
        "De gemeente faciliteert met een jaarlijkse bijdrage en stuurt niet meer zelf.",
    ),
    (
        "metric",
        "event_participants",
        "DH",
        D(2020, 1, 1),
        D(2020, 12, 31),
        "public",
        "Door de coronamaatregelen zijn in 2020 veel bijeenkomsten geannuleerd of online gehouden; "
        "online deelnemers zijn niet meegeteld.",
    ),
    (
        "metric",
        "impact_team_fte",
        "DH",
        D(2024, 1, 1),
        D(2025, 12, 31),
        "internal",
        "De uitbreiding van het impactteam naar 12 fte is in de kadernota 2025 niet gehonoreerd. Zonder "
        "herprioritering binnen Economie is de ambitie voor 2026 niet haalbaar.",
    ),
    (
        "metric",
        "leverage_ratio",
        "DH",
        D(2021, 1, 1),
        D(2025, 12, 31),
        "public",
        "De hefboom stijgt sinds 2021 doordat private financiers en fondsen meedoen in het Haags Impactfonds "
        "en de borgstellingsregeling.",
    ),
    (
        "property",
        "DH-V05",
        "DH",
        D(2022, 10, 1),
        D(2022, 12, 31),
        "public",
        "Het tijdelijke impactkantoor aan de Prinsegracht is eind 2022 gesloten; de meeste huurders zijn "
        "verhuisd naar de impacthubs in de Binckhorst.",
    ),
    (
        "property",
        "DH-V06",
        "DH",
        D(2020, 6, 1),
        D(2023, 6, 30),
        "public",
        "Broedplaats in een pand dat tot de herontwikkeling tijdelijk beschikbaar was (tot 30 juni 2023).",
    ),
    (
        "ambition",
        "DH-A-OCCUPANCY",
        "DH",
        D(2023, 1, 1),
        D(2026, 9, 30),
        "internal",
        "Bezetting blijft achter doordat in 2023 en 2024 vier nieuwe panden tegelijk opengingen; verhuur kost "
        "meer tijd dan gepland. Voorstel: gerichte werving via het netwerk en de accelerator.",
    ),
    (
        "ambition",
        "DH-A-PROCURE",
        "DH",
        D(2022, 1, 1),
        D(2025, 12, 31),
        "public",
        "De groei van de inkoop bij impactondernemers blijft achter bij de ambitie uit de Actualisatie "
        "Impactagenda; vanaf 2026 krijgt elke grote aanbesteding een impactparagraaf.",
    ),
    (
        "metric",
        "spend_eur",
        "DH",
        D(2026, 1, 1),
        D(2026, 9, 30),
        "public",
        "De uitgaven over 2026 zijn bijgewerkt tot en met 30 september 2026; het jaar is nog niet compleet.",
    ),
    (
        "programme",
        "GR-P03",
        "GR",
        D(2022, 1, 1),
        D(2024, 6, 30),
        "internal",
        "Oplevering van de maakhal op het Suikerunieterrein liep anderhalf jaar vertraging op door de "
        "vergunning en een tegenvallende aanbesteding; vandaar de onderbesteding in 2022 en 2023.",
    ),
    (
        "ambition",
        "GR-A-FLOOR",
        "GR",
        D(2024, 1, 1),
        D(2026, 9, 30),
        "public",
        "Achterstand op het vloeroppervlak door de latere opening van de maakhal (juni 2024) en de sluiting van "
        "de tijdelijke impactplek in Haren.",
    ),
    (
        "property",
        "GR-V05",
        "GR",
        D(2024, 8, 31),
        D(2024, 8, 31),
        "public",
        "Tijdelijke impactplek in Haren gesloten per 31 augustus 2024 wegens verkoop van het pand.",
    ),
    (
        "ambition",
        "GR-A-CONNECT",
        "GR",
        D(2023, 1, 1),
        D(2023, 12, 31),
        "internal",
        "Registratie van verbindingen was in 2023 onvolledig door de wisseling van netwerkcoördinator; het "
        "werkelijke aantal ligt vermoedelijk hoger.",
    ),
    (
        "metric",
        "impact_procurement_eur",
        "GR",
        D(2024, 1, 1),
        D(2025, 12, 31),
        "internal",
        "Inkoopadviseurs passen de impactparagraaf nog niet consequent toe. Met concerninkoop is afgesproken "
        "dat vanaf 2026 elke aanbesteding boven € 50.000 wordt getoetst.",
    ),
    (
        "ambition",
        "LW-A-OCCUPANCY",
        "LW",
        D(2025, 1, 1),
        D(2026, 9, 30),
        "public",
        "Impactkantoor Oldehove is in januari 2025 geopend; de bezetting daar loopt nog op.",
    ),
    (
        "ambition",
        "LW-A-TEAM",
        "LW",
        D(2024, 1, 1),
        D(2025, 12, 31),
        "internal",
        "De tweede kwartiermaker is niet aangenomen door de bezuinigingsronde van 2024; de uitvoering leunt op "
        "één persoon. Risico voor de continuïteit.",
    ),
    (
        "programme",
        "LW-P05",
        "LW",
        D(2024, 1, 1),
        D(2024, 12, 31),
        "public",
        "Het tweede cohort van de Watertech Impact Accelerator startte later dan gepland, waardoor in 2024 "
        "minder is uitgegeven dan begroot.",
    ),
]

# =========================================================================== generation


def cents_split(r: random.Random, total: int, n: int, sigma: float = 0.7) -> list[int]:
    """Split total cents into n non-zero parts with a skewed spread."""
    weights = [r.lognormvariate(0, sigma) for _ in range(n)]
    s = sum(weights)
    parts = [max(100, int(total * w / s)) for w in weights]
    parts[parts.index(max(parts))] += total - sum(parts)
    return parts


def build_programmes():
    rows = []
    for code, instr, name, lead, partner, start, end, sdgs, desc, _w in PROGRAMMES:
        rows.append(
            {
                "code": code,
                "municipality_code": CODE[code[:2]],
                "instrument_code": instr,
                "name": name,
                "lead": lead,
                "partner_name": partner,
                "start_date": start,
                "end_date": end,
                "sdgs": sdgs,
                "description": desc,
            }
        )
    return rows


def running_years(start: date, end: date | None) -> range:
    return range(start.year, (end.year if end else LAST_YEAR) + 1)


def build_budget():
    r = rng("budget")
    rows = []
    finals = {}  # (programme, year) -> amount used for spend: final, or spring for the current year
    for key in ("DH", "GR", "LW"):
        progs = [p for p in PROGRAMMES if p[0].startswith(key)]
        for y, total in BUDGET_TOTAL[key].items():
            raw = {}
            for code, _i, _n, _l, _p, start, end, *_rest, weight in progs:
                days = overlap_days(start, end, y)
                if days:
                    raw[code] = weight * days / days_in_year(y) * r.uniform(0.92, 1.08)
            scale = total / sum(raw.values())
            for code, value in raw.items():
                instr = next(p[1] for p in progs if p[0] == code)
                iv3 = IV3.get(INSTRUMENT_DOMAIN[instr], "3.1")
                original = max(5000, round(value * scale, -3))
                amounts = {"original": original}
                spring = original + round(original * r.choice([0, 0, 0, 0.03, 0.05, -0.04, 0.08]), -3)
                amounts["spring"] = spring
                if y < LAST_YEAR:
                    autumn = spring + round(spring * r.choice([0, 0, 0.02, -0.03, 0.04, -0.06]), -3)
                    final = autumn + round(autumn * r.choice([0, 0, 0, -0.02, 0.01]), -3)
                    amounts["autumn"] = autumn
                    amounts["final"] = final
                for moment, amount in amounts.items():
                    rows.append(
                        {
                            "programme_code": code,
                            "year": y,
                            "moment": moment,
                            "amount": int(amount),
                            "iv3_task_field": iv3,
                        }
                    )
                finals[(code, y)] = amounts.get("final", amounts["spring"])
    rows.sort(
        key=lambda b: (
            b["programme_code"],
            b["year"],
            ["original", "spring", "autumn", "final"].index(b["moment"]),
        )
    )
    return rows, finals


def build_spend(finals):
    r = rng("spend")
    lines = []  # dicts with key, programme, date, cents, description, kind
    prog = {p[0]: p for p in PROGRAMMES}
    for (code, y), budget in sorted(finals.items()):
        _c, instr, _n, _l, _p, start, end, *_ = prog[code]
        first_year = y == start.year
        if (code, y) in UNDERSPEND:
            ratio = UNDERSPEND[(code, y)] * r.uniform(0.98, 1.02)
        elif first_year:
            ratio = r.uniform(0.74, 0.88)
        else:
            ratio = r.uniform(0.86, 1.0) if r.random() < 0.85 else r.uniform(1.0, 1.045)
        lo = max(start, year_start(y))
        hi = min(end or year_end(y), year_end(y), REPORTING_DATE)
        if y == LAST_YEAR:  # only part of the current year is booked yet
            elapsed = overlap_days(start, end, y, REPORTING_DATE) / overlap_days(start, end, y)
            ratio = r.uniform(0.72, 0.9) * elapsed
        total = round(budget * ratio * 100)
        lmin, lmax = LINE_RANGE.get(instr, (10, 40))
        n = min(lmax, max(lmin, round(budget * ratio / 9000)))
        templates = SPEND_LINES[instr]
        for cents in cents_split(r, total, n):
            desc, kind, _w = r.choices(templates, weights=[t[2] for t in templates])[0]
            day = random_date(r, lo, hi)
            if r.random() < 0.12:  # year-end rush
                day = random_date(r, max(lo, hi - timedelta(days=40)), hi)
            q = (day.month - 1) // 3 + 1
            lines.append(
                {
                    "key": code[:2],
                    "programme_code": code,
                    "booking_date": day,
                    "cents": cents,
                    "description": desc.format(
                        month=f"{DUTCH_MONTHS[day.month - 1]} {day.year}", quarter=f"Q{q} {day.year}"
                    ),
                    "counterparty_kind": kind,
                    "corrects": None,
                }
            )
    # Corrections: a few double bookings reversed later, and a few repaid vouchers.
    candidates = [ln for ln in lines if ln["booking_date"] < date(2026, 6, 1)]
    extra = []
    for ln in r.sample(candidates, 9):
        dup = dict(ln)
        extra.append(dup)
        end = min(year_end(ln["booking_date"].year), REPORTING_DATE)
        prog_end = prog[ln["programme_code"]][6]
        if prog_end:
            end = min(end, prog_end)
        when = min(end, ln["booking_date"] + timedelta(days=r.randint(5, 45)))
        extra.append(
            {
                **ln,
                "booking_date": when,
                "cents": -ln["cents"],
                "corrects": dup,
                "counterparty_kind": ln["counterparty_kind"],
            }
        )
    vouchers = [ln for ln in candidates if ln["description"] == "Uitbetaling impactvoucher"]
    for ln in r.sample(vouchers, 4):
        end = min(year_end(ln["booking_date"].year), REPORTING_DATE)
        prog_end = prog[ln["programme_code"]][6]
        if prog_end:
            end = min(end, prog_end)
        when = min(end, ln["booking_date"] + timedelta(days=r.randint(30, 120)))
        refund = -min(ln["cents"], r.choice([150000, 250000, 320000]))
        extra.append(
            {
                **ln,
                "booking_date": when,
                "cents": refund,
                "corrects": ln,
                "description": "Terugbetaling deel impactvoucher (niet besteed)",
            }
        )
    lines.extend(extra)
    # Booking numbers run per municipality and year in date order.
    lines.sort(
        key=lambda ln: (
            ln["key"],
            ln["booking_date"],
            ln["programme_code"],
            ln["corrects"] is not None,
            -ln["cents"],
        )
    )
    counter = defaultdict(int)
    for ln in lines:
        y = ln["booking_date"].year
        counter[(ln["key"], y)] += 1
        ln["entry_ref"] = f"{ln['key']}-{y}-{counter[(ln['key'], y)]:06d}"
    for ln in lines:
        if (
            ln["corrects"] is not None
            and ln["cents"] < 0
            and ln["description"] != ("Terugbetaling deel impactvoucher (niet besteed)")
        ):
            ln["description"] = f"Correctie dubbele boeking {ln['corrects']['entry_ref']}"
    return lines


def money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def build_cofunding(spend_lines):
    r = rng("cofunding")
    spend_py = defaultdict(int)  # (programme, year) -> cents
    for ln in spend_lines:
        spend_py[(ln["programme_code"], ln["booking_date"].year)] += ln["cents"]
    prog = {p[0]: p for p in PROGRAMMES}
    eligible = {}
    for code, instr, _n, lead, *_ in PROGRAMMES:
        dom = INSTRUMENT_DOMAIN[instr]
        eligible[code] = lead == "partner" or dom in ("finance", "knowledge") or r.random() < 0.3
    regular = {}
    for code in prog:
        pool = FUNDERS[code[:2]]
        regular[code] = r.sample(pool, min(len(pool), r.randint(2, 4)))
    rows = []
    for key in ("DH", "GR", "LW"):
        for y, lev in LEVERAGE[key].items():
            spent = sum(c for (p, yy), c in spend_py.items() if p.startswith(key) and yy == y)
            target = spent / 100 * lev * r.uniform(0.97, 1.03)
            weights = {
                p: c * r.uniform(0.5, 1.6)
                for (p, yy), c in spend_py.items()
                if p.startswith(key) and yy == y and eligible[p] and c > 0
            }
            s = sum(weights.values())
            for p in sorted(weights):
                amount = target * weights[p] / s
                funders = r.sample(regular[p], r.randint(1, len(regular[p])))
                shares = [r.uniform(0.5, 1.5) for _ in funders]
                for (funder, fkind), share in zip(funders, shares, strict=True):
                    value = round(amount * share / sum(shares), -2)
                    if value > 0:
                        rows.append(
                            {
                                "programme_code": p,
                                "year": y,
                                "funder": funder,
                                "funder_kind": fkind,
                                "amount": int(value),
                            }
                        )
    rows.sort(key=lambda c: (c["programme_code"], c["year"], c["funder"]))
    return rows


def quarters_available(start: date, until: date | None):
    for y in range(start.year, LAST_YEAR + 1):
        for q in range(1, 5):
            qe = quarter_end(y, q)
            if start <= qe <= REPORTING_DATE and (until is None or until >= qe):
                yield y, q, qe


def build_properties():
    r = rng("property")
    props, occ = [], []
    for (
        code,
        prog_code,
        name,
        address,
        district,
        lat,
        lon,
        gross,
        impact,
        regime,
        start,
        until,
        final,
        tau,
    ) in PROPERTIES:
        lo, hi = DISCOUNT_PER_M2[regime]
        discount = round(impact * r.uniform(lo, hi), -2) if hi else 0
        props.append(
            {
                "code": code,
                "municipality_code": CODE[code[:2]],
                "programme_code": prog_code,
                "name": name,
                "address": address,
                "district": district,
                "latitude": lat,
                "longitude": lon,
                "gross_floor_m2": float(gross),
                "impact_floor_m2": float(impact),
                "rent_regime": regime,
                "rent_discount_eur_year": int(discount),
                "available_from": start,
                "available_until": until,
            }
        )
        unit = r.uniform(28, 85)
        impact_share = r.uniform(0.72, 0.98)
        quarters = list(quarters_available(start, until))
        for k, (y, q, _qe) in enumerate(quarters):
            frac = final * (1 - math.exp(-(k + 1) / tau)) + r.uniform(-0.03, 0.03)
            if until is not None and k >= len(quarters) - 2:  # tenants leave before closing
                frac *= 0.75 if k == len(quarters) - 1 else 0.9
            frac = min(1.0, max(0.08, frac))
            occupied = round(frac * impact / 5) * 5
            occupied = min(occupied, impact)
            tenants = max(1, round(occupied / unit))
            impact_tenants = min(tenants, round(tenants * impact_share))
            occ.append(
                {
                    "property_code": code,
                    "year": y,
                    "quarter": q,
                    "occupied_m2": float(occupied),
                    "tenants": tenants,
                    "impact_tenants": impact_tenants,
                }
            )
    return props, occ


def build_observations():
    rows = []
    for metric, per_muni in OBSERVATIONS.items():
        for key, (first, values) in per_muni.items():
            for i, v in enumerate(values):
                y = first + i
                rows.append(
                    {
                        "metric_code": metric,
                        "municipality_code": CODE[key],
                        "observed_on": year_end(y),
                        "value": v,
                        "source": OBS_SOURCE[metric].format(city=CITY[key], year=y, next=y + 1),
                    }
                )
    rows.sort(key=lambda o: (o["metric_code"], o["municipality_code"], o["observed_on"]))
    return rows


def org_names(key: str, r: random.Random) -> dict[str, list[str]]:
    """Plausible, unique, illustrative organisation names per kind."""
    districts = DISTRICTS_FOR_NAMES[key]
    city, region = CITY[key], REGION[key]
    used: set[str] = set()

    def take(pool: list[str], n: int) -> list[str]:
        pool = [p for p in dict.fromkeys(pool) if p not in used]
        r.shuffle(pool)
        chosen = pool[:n]
        if len(chosen) < n:
            raise ValueError(f"not enough names for {key}: {n} wanted, {len(chosen)} available")
        used.update(chosen)
        return chosen

    counts = ORG_KIND_COUNTS[key]
    ie_pool = [f"{a} {n}" for a in ADJECTIVES for n in NOUNS]
    ie_pool += [f"{n} {d}" for n in NEIGHBOURHOOD_NOUNS for d in districts]
    ie_pool += COINED + [f"{c} {city}" for c in COINED]
    names = {}
    # Lead with the neighbourhood and coined names so every city gets some.
    n_ie = counts["impact_enterprise"]
    local = take([f"{n} {d}" for n in NEIGHBOURHOOD_NOUNS for d in districts], n_ie // 5)
    coined = take(COINED, min(len(COINED) // 3, n_ie // 6))
    names["impact_enterprise"] = local + coined + take(ie_pool, n_ie - len(local) - len(coined))
    names["supplier"] = take([f"{s} {t}" for s in SURNAMES for t in TRADES], counts["supplier"])
    for kind in ("financier", "knowledge_institution", "government"):
        fixed = OTHER_ORGS[kind][key]
        names[kind] = take(fixed, min(len(fixed), counts[kind]))
    names["foundation_ngo"] = take(
        [f"Stichting {w} {d}" for w in FOUNDATION_WORDS for d in districts]
        + [f"Vereniging Sociaal Ondernemers {region}"],
        counts["foundation_ngo"],
    )
    names["corporate"] = take(
        [f"{region} {w} B.V." for w in CORPORATE_WORDS]
        + [f"{s} {w}" for s in SURNAMES[:8] for w in ("Advocaten", "Accountants")],
        counts["corporate"],
    )
    return names


def build_organisations():
    r = rng("organisation")
    rows = []
    for key in ("DH", "GR", "LW"):
        names = org_names(key, r)
        kinds = [k for k, n in ORG_KIND_COUNTS[key].items() for _ in range(n)]
        # Founding members: government, knowledge institutions and a financier join first.
        r.shuffle(kinds)
        founders = ["government", "knowledge_institution", "financier", "foundation_ngo", "corporate"]
        for f in founders:
            kinds.remove(f)
        kinds = founders + kinds
        dates = []
        for y, n in JOINS_PER_YEAR[key].items():
            end = min(year_end(y), REPORTING_DATE - timedelta(days=14))
            if y == PILLAR_START[key].year:
                kickoff = PILLAR_START[key] + timedelta(days=r.randint(14, 40))
                n_found = round(n * 0.4)
                dates += [kickoff] * n_found
                dates += sorted(random_date(r, kickoff, end) for _ in range(n - n_found))
            else:
                dates += sorted(random_date(r, year_start(y), end) for _ in range(n))
        assert len(dates) == len(kinds), (key, len(dates), len(kinds))
        counters = defaultdict(int)
        for i, (kind, joined) in enumerate(zip(kinds, dates, strict=True), start=1):
            name = names[kind][counters[kind]]
            counters[kind] += 1
            rows.append(
                {
                    "code": f"{key}-O{i:03d}",
                    "municipality_code": CODE[key],
                    "name": name,
                    "kind": kind,
                    "joined_date": joined,
                    "left_date": None,
                }
            )
    # A few organisations left the network (stopped, moved away).
    leavers = [
        o
        for o in rows
        if o["kind"] in ("impact_enterprise", "supplier", "corporate") and o["joined_date"] < date(2024, 1, 1)
    ]
    for o in r.sample(leavers, 9):
        o["left_date"] = random_date(r, o["joined_date"] + timedelta(days=365), date(2026, 6, 30))
    return rows


def build_connections(orgs):
    r = rng("connection")
    rows = []
    seen = set()
    prog_rows = [p for p in PROGRAMMES]
    weight_by_domain = {
        "networks": 5,
        "support": 3,
        "finance": 2,
        "market": 2,
        "knowledge": 2,
        "talent": 1,
        "property": 1,
    }
    for key in ("DH", "GR", "LW"):
        members = [o for o in orgs if o["code"].startswith(key)]
        first_year = PILLAR_START[key].year
        for y, n in CONNECTIONS_PER_YEAR[key].items():
            p_share = (
                min(0.7, 0.30 + 0.045 * (y - first_year)) if key == "DH" else 0.36 + 0.05 * (y - first_year)
            )
            made = 0
            while made < n:
                when = random_date(r, year_start(y), min(year_end(y), REPORTING_DATE))
                active = [
                    o
                    for o in members
                    if o["joined_date"] <= when and (o["left_date"] is None or o["left_date"] > when)
                ]
                if len(active) < 2:
                    continue
                a, b = r.sample(active, 2)
                kinds = {a["kind"], b["kind"]}
                if "financier" in kinds:
                    options = [("investment", 5), ("introduction", 3), ("mentoring", 2)]
                elif "knowledge_institution" in kinds:
                    options = [("knowledge", 6), ("partnership", 2), ("introduction", 2)]
                elif kinds & {"corporate", "government", "supplier"} and "impact_enterprise" in kinds:
                    options = [("customer", 5), ("partnership", 2), ("introduction", 2), ("mentoring", 1)]
                else:
                    options = [("introduction", 4), ("partnership", 4), ("mentoring", 2), ("customer", 1)]
                kind = r.choices([o[0] for o in options], weights=[o[1] for o in options])[0]
                if (a["code"], b["code"], kind, when) in seen:
                    continue
                seen.add((a["code"], b["code"], kind, when))
                programme = None
                if r.random() < p_share:
                    running = [
                        p
                        for p in prog_rows
                        if p[0].startswith(key) and p[5] <= when and (p[6] is None or p[6] >= when)
                    ]
                    if running:
                        weights = [weight_by_domain[INSTRUMENT_DOMAIN[p[1]]] for p in running]
                        programme = r.choices([p[0] for p in running], weights=weights)[0]
                rows.append(
                    {
                        "from_org": a["code"],
                        "to_org": b["code"],
                        "kind": kind,
                        "connected_on": when,
                        "programme_code": programme,
                    }
                )
                made += 1
    rows.sort(key=lambda c: (c["connected_on"], c["from_org"], c["to_org"], c["kind"]))
    return rows


# --------------------------------------------------------------------------- metric values


def compute_metric_values(spend, cofunding, props, occ, orgs, conns):
    """Replicates the views of migration 0002 for the headline measures.

    Returns {(metric, municipality key): [(period_end, value), ...]} sorted by date.
    """
    series: dict[tuple[str, str], dict[date, float]] = defaultdict(dict)
    last_full_year = LAST_YEAR - 1 if REPORTING_DATE < year_end(LAST_YEAR) else LAST_YEAR
    for metric, per_muni in OBSERVATIONS.items():
        for key, (first, values) in per_muni.items():
            for i, v in enumerate(values):
                if year_end(first + i) <= REPORTING_DATE:
                    series[(metric, key)][year_end(first + i)] = float(v)
    spend_y = defaultdict(int)
    for ln in spend:
        spend_y[(ln["key"], ln["booking_date"].year)] += ln["cents"]
    cof_y = defaultdict(int)
    for c in cofunding:
        cof_y[(c["programme_code"][:2], c["year"])] += c["amount"] * 100
    for (key, y), cents in spend_y.items():
        if y <= last_full_year:
            series[("spend_eur", key)][year_end(y)] = cents / 100
            if cents > 0:
                series[("leverage_ratio", key)][year_end(y)] = cof_y.get((key, y), 0) / cents
    quarter_ends = [
        quarter_end(y, q)
        for y in range(2010, LAST_YEAR + 1)
        for q in range(1, 5)
        if quarter_end(y, q) <= REPORTING_DATE
    ]
    occ_by = {(o["property_code"], quarter_end(o["year"], o["quarter"])): o for o in occ}
    for qe in quarter_ends:
        floor = defaultdict(float)
        occupied = defaultdict(float)
        floor_occ = defaultdict(float)
        for p in props:
            if p["available_from"] <= qe and (p["available_until"] is None or p["available_until"] >= qe):
                key = p["code"][:2]
                floor[key] += p["impact_floor_m2"]
                o = occ_by.get((p["code"], qe))
                if o:
                    occupied[key] += o["occupied_m2"]
                    floor_occ[key] += p["impact_floor_m2"]
        for key, m2 in floor.items():
            series[("impact_floor_m2", key)][qe] = m2
            if floor_occ[key] > 0:
                series[("occupancy_pct", key)][qe] = 100 * occupied[key] / floor_occ[key]
    for key in ("DH", "GR", "LW"):
        members = [o for o in orgs if o["code"].startswith(key)]
        for d in [year_end(y) for y in range(2010, last_full_year + 1)] + [REPORTING_DATE]:
            n = sum(
                1 for o in members if o["joined_date"] <= d and (o["left_date"] is None or o["left_date"] > d)
            )
            if n:
                series[("network_size", key)][d] = float(n)
        for y in range(2010, last_full_year + 1):
            made = sum(1 for c in conns if c["from_org"].startswith(key) and c["connected_on"].year == y)
            if made:
                series[("connections_made", key)][year_end(y)] = float(made)
            running = [
                p
                for p in PROGRAMMES
                if p[0].startswith(key) and p[5] <= year_end(y) and (p[6] is None or p[6] >= year_start(y))
            ]
            if running:
                share = sum(1 for p in running if p[3] == "partner") / len(running)
                series[("partner_led_pct", key)][year_end(y)] = 100 * share
    return {k: sorted(v.items()) for k, v in series.items()}


# --------------------------------------------------------------------------- ambitions


def trajectory(anchors: list[tuple[date, float]], on: date) -> float:
    if on <= anchors[0][0]:
        return anchors[0][1]
    for (d0, v0), (d1, v1) in zip(anchors, anchors[1:], strict=False):
        if on <= d1:
            return v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days
    return anchors[-1][1]


def nice_round(value: float, step: float) -> float:
    return round(round(value / step) * step, 10)


def baseline_precision(unit: str) -> int:
    return {"eur": 2, "ratio": 3, "percent": 2, "m2": 0, "count": 0, "fte": 1}[unit]


def build_ambitions(values):
    ambitions, milestones, report = [], [], []
    for code, metric, key, b_date, t_date, ms_dates, aim, cumulative, doc in AMBITIONS:
        series = values[(metric, key)]
        unit = METRIC_UNIT[metric]
        if cumulative:
            baseline = 0.0  # nothing summed yet at the baseline date
            after = [(d, v) for d, v in series if d > b_date]
            latest_date, latest = after[-1][0], sum(v for _d, v in after)
        else:
            at = dict(series)
            if b_date not in at:
                raise ValueError(f"{code}: no {metric} value on the baseline date {b_date}")
            baseline = round(at[b_date], baseline_precision(unit))
            latest_date, latest = series[-1]
        if latest <= baseline:
            raise ValueError(f"{code}: latest {latest} not above baseline {baseline}")
        # Trajectory fractions: milestones on the straight line in time, so the anchors
        # form a straight line from baseline to target before rounding.
        span = (t_date - b_date).days
        mus = [(d - b_date).days / span for d in ms_dates]
        unit_anchors = [(b_date, 0.0)] + list(zip(ms_dates, mus, strict=True)) + [(t_date, 1.0)]
        phi = trajectory(unit_anchors, latest_date)
        lo, hi = AIM_BAND[aim]
        g = AIM[aim]
        if aim == "ahead" and phi - g > 0.95:  # keep the target above the latest value
            g = phi - 0.95
        delta = (latest - baseline) / (phi - g)
        mag = 10 ** math.floor(math.log10(abs(delta)))
        # The roundest target whose gap stays close to the intended one.
        chosen = None
        for step in (mag, mag / 2, mag / 5, mag / 10, mag / 20, mag / 100):
            target = nice_round(baseline + delta, step)
            ms_values = [nice_round(baseline + mu * (target - baseline), step) for mu in mus]
            anchors = [(b_date, baseline)] + list(zip(ms_dates, ms_values, strict=True)) + [(t_date, target)]
            ok_order = all(a[1] < b[1] for a, b in zip(anchors, anchors[1:], strict=False))
            gap = (trajectory(anchors, latest_date) - latest) / (target - baseline)
            if (
                ok_order
                and lo <= gap <= hi
                and abs(gap - g) <= 0.03
                and target > latest
                and (unit != "percent" or target <= 100)
            ):
                chosen = (target, ms_values, gap)
                break
        if chosen is None:
            raise ValueError(f"{code}: no round target lands in the {aim} band")
        target, ms_values, gap = chosen
        ambitions.append(
            {
                "code": code,
                "metric_code": metric,
                "municipality_code": CODE[key],
                "baseline_date": b_date,
                "baseline_value": baseline,
                "target_date": t_date,
                "target_value": target,
                "cumulative": cumulative,
                "document": DOCS[doc],
                "document_url": None,
            }
        )
        for d, v in zip(ms_dates, ms_values, strict=True):
            milestones.append({"ambition_code": code, "due_date": d, "value": v})
        report.append((code, baseline, latest_date, latest, target, gap, aim))
    return ambitions, milestones, report


def build_programme_ambitions(ambitions):
    by_muni = defaultdict(dict)
    for a in ambitions:
        by_muni[a["municipality_code"]][a["metric_code"]] = a["code"]
    rows = []
    for code, instr, *_ in PROGRAMMES:
        own = by_muni[CODE[code[:2]]]
        wanted = [own[m] for m in DOMAIN_AMBITIONS[INSTRUMENT_DOMAIN[instr]] if m in own][:3]
        if len(wanted) < 3 and "spend_eur" in own and INSTRUMENT_DOMAIN[instr] in ("property", "market"):
            wanted.append(own["spend_eur"])
        if not wanted:
            wanted = [own["spend_eur"]]
        rows += [{"programme_code": code, "ambition_code": a} for a in wanted]
    return rows


# --------------------------------------------------------------------------- output


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def write_csv(out: Path, table: str, columns: list[str], rows: list[dict]) -> None:
    with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([fmt(row[c]) for c in columns])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    parser.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = parser.parse_args()

    municipalities = [
        {"code": code, "name": name, "province": prov, "pillar_start": start, "is_demo": True}
        for _k, code, name, prov, start in MUNICIPALITIES
    ]
    population = [
        {"municipality_code": CODE[key], "year": y, "inhabitants": n}
        for key, values in POPULATION.items()
        for y, n in zip(POPULATION_YEARS, values, strict=True)
    ]
    instruments = [
        dict(
            zip(
                ["code", "domain_code", "name_nl", "name_en", "description_nl", "description_en"],
                i,
                strict=True,
            )
        )
        for i in INSTRUMENTS
    ]
    programmes = build_programmes()
    budget, finals = build_budget()
    spend_lines = build_spend(finals)
    spend = [
        {
            "entry_ref": ln["entry_ref"],
            "programme_code": ln["programme_code"],
            "booking_date": ln["booking_date"],
            "amount": money(ln["cents"]),
            "description": ln["description"],
            "counterparty_kind": ln["counterparty_kind"],
            "key": ln["key"],
            "cents": ln["cents"],
        }
        for ln in spend_lines
    ]
    cofunding = build_cofunding(spend_lines)
    props, occ = build_properties()
    observations = build_observations()
    orgs = build_organisations()
    conns = build_connections(orgs)
    values = compute_metric_values(spend, cofunding, props, occ, orgs, conns)
    ambitions, milestones, report = build_ambitions(values)
    missing = [
        m
        for m in HEADLINE_METRICS
        if not any(a["code"].startswith("DH") and a["metric_code"] == m for a in ambitions)
    ]
    if missing:
        raise ValueError(f"The Hague lacks ambitions for headline measures {missing}")
    programme_ambitions = build_programme_ambitions(ambitions)
    notes = [
        {
            "subject_kind": k,
            "subject_code": c,
            "municipality_code": CODE[m],
            "period_start": s,
            "period_end": e,
            "body": body,
            "visibility": vis,
            "author": "editor.demo",
        }
        for k, c, m, s, e, vis, body in NOTES
    ]
    settings = [
        {"key": "reporting_date", "value": REPORTING_DATE.isoformat()},
        {"key": "dataset", "value": "demo"},
    ]

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    tables = [
        ("municipality", ["code", "name", "province", "pillar_start", "is_demo"], municipalities),
        ("population", ["municipality_code", "year", "inhabitants"], population),
        (
            "instrument",
            ["code", "domain_code", "name_nl", "name_en", "description_nl", "description_en"],
            instruments,
        ),
        (
            "programme",
            [
                "code",
                "municipality_code",
                "instrument_code",
                "name",
                "lead",
                "partner_name",
                "start_date",
                "end_date",
                "sdgs",
                "description",
            ],
            programmes,
        ),
        (
            "ambition",
            [
                "code",
                "metric_code",
                "municipality_code",
                "baseline_date",
                "baseline_value",
                "target_date",
                "target_value",
                "cumulative",
                "document",
                "document_url",
            ],
            ambitions,
        ),
        ("milestone", ["ambition_code", "due_date", "value"], milestones),
        ("programme_ambition", ["programme_code", "ambition_code"], programme_ambitions),
        ("budget", ["programme_code", "year", "moment", "amount", "iv3_task_field"], budget),
        (
            "spend",
            ["entry_ref", "programme_code", "booking_date", "amount", "description", "counterparty_kind"],
            spend,
        ),
        ("cofunding", ["programme_code", "year", "funder", "funder_kind", "amount"], cofunding),
        (
            "property",
            [
                "code",
                "municipality_code",
                "programme_code",
                "name",
                "address",
                "district",
                "latitude",
                "longitude",
                "gross_floor_m2",
                "impact_floor_m2",
                "rent_regime",
                "rent_discount_eur_year",
                "available_from",
                "available_until",
            ],
            props,
        ),
        ("occupancy", ["property_code", "year", "quarter", "occupied_m2", "tenants", "impact_tenants"], occ),
        ("observation", ["metric_code", "municipality_code", "observed_on", "value", "source"], observations),
        ("organisation", ["code", "municipality_code", "name", "kind", "joined_date", "left_date"], orgs),
        ("connection", ["from_org", "to_org", "kind", "connected_on", "programme_code"], conns),
        (
            "note",
            [
                "subject_kind",
                "subject_code",
                "municipality_code",
                "period_start",
                "period_end",
                "body",
                "visibility",
                "author",
            ],
            notes,
        ),
        ("app_setting", ["key", "value"], settings),
    ]
    for table, columns, rows in tables:
        write_csv(out, table, columns, rows)
    if not args.quiet:
        for table, _c, rows in tables:
            print(f"{table:20s} {len(rows):6d} rows")
        print()
        head = ("ambition", "baseline", "latest on", "latest", "target", "gap")
        print("{:18s} {:>14s} {:>10s} {:>14s} {:>14s} {:>6s}".format(*head))
        for code, baseline, latest_date, latest, target, gap, aim in report:
            print(
                f"{code:18s} {baseline:14,.2f} {latest_date.isoformat():>10s} {latest:14,.2f} "
                f"{target:14,.2f} {gap:6.2f} {aim}"
            )


if __name__ == "__main__":
    main()
