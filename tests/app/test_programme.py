"""The programme page reached by link: the address picks the programme and year, a wrong code is said."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import i18n

PAGE = "app_pages/programme.py"


def _open(app, lang: str, **params: str) -> AppTest:
    at = app(lang, municipality="GM0518", tables=False)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_address_picks_the_programme_and_year(app, lang):
    at = _open(app, lang, programme="DH-P03", year="2024")
    assert at.selectbox(key="prog_pick_GM0518").value == "DH-P03"
    assert at.selectbox(key="prog_year_DH-P03").value == 2024
    assert not at.warning
    headers = [h.value for h in at.header]
    assert i18n.t("budget_moments_title", lang, year=2024) in headers
    assert i18n.t("prog_cofunding_title", lang, year=2024) in headers
    text = " ".join(m.value for m in at.markdown)
    assert ("Fysieke bedrijfsinfrastructuur" if lang == "nl" else "Physical business infrastructure") in text
    assert "SDG 11" in text
    # Links up to the ambitions it serves, each with its state in the address.
    links = [link.proto for link in at.get("page_link") if "ambition=" in link.proto.query_string]
    assert links and all("gm=GM0518" in link.query_string for link in links)
    # Down to the buildings it uses (property.programme_code), each to its page on the property page.
    buildings = [link.proto for link in at.get("page_link") if "property=" in link.proto.query_string]
    assert sorted(link.query_string.rsplit("=", 1)[1] for link in buildings) == [
        "DH-V01",
        "DH-V05",
        "DH-V07",
        "DH-V08",
        "DH-V14",
    ]
    assert all(link.page == "property" and f"lang={lang}" in link.query_string for link in buildings)
    # Five belong to it, one of them ended (Impactkantoor Prinsegracht): four in use.
    assert i18n.plural("prog_buildings_sentence", 5, lang, active="4", floor="")[:40] in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_code_that_does_not_exist_is_said_in_the_pages_language(app, lang):
    at = _open(app, lang, programme="NOPE-1", year="1800")
    warnings = [w.value for w in at.warning]
    assert any("NOPE" in w and i18n.t("link_what_programme", lang) in w for w in warnings), warnings
    assert at.selectbox(key="prog_pick_GM0518").index == 0  # the first of the list


def test_ambitions_link_down_to_programmes_and_the_address_picks_the_ambition(app):
    at = app("nl", municipality="GM0518", tables=False)
    code = "DH-A-LEVERAGE"
    at.query_params["ambition"] = code
    at.switch_page("app_pages/ambitions.py")
    at.run()
    assert not at.exception
    picker = at.selectbox(key="amb_pick_GM0518")
    assert picker.value == code
    links = [
        link.proto.query_string for link in at.get("page_link") if "programme=" in link.proto.query_string
    ]
    assert links and all("gm=GM0518" in q and "lang=nl" in q for q in links)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_address_picks_a_building_and_links_to_its_programme(app, lang):
    at = app(lang, municipality="GM0518", tables=False)
    at.query_params["property"] = "DH-V02"
    at.switch_page("app_pages/property.py")
    at.run()
    assert not at.exception
    assert at.selectbox(key="building_pick_GM0518").value == "DH-V02"
    assert i18n.t("building_title", lang) in [h.value for h in at.header]
    links = [
        link.proto.query_string for link in at.get("page_link") if "programme=" in link.proto.query_string
    ]
    assert links == ["gm=GM0518&lang=" + lang + "&programme=DH-P08"]
    at.query_params["property"] = "NOPE"
    at.run()
    assert any(i18n.t("link_what_property", lang) in w.value for w in at.warning)


def test_the_address_picks_an_organisation_and_links_to_its_programmes(app):
    at = app("en", municipality="GM0518", tables=False)
    at.query_params["org"] = "DH-O001"
    at.switch_page("app_pages/ecosystem.py")
    at.run()
    assert not at.exception
    assert at.selectbox(key="org_pick_GM0518").value == "DH-O001"
    assert any("connections in the network" in m.value for m in at.markdown)
    links = [
        link.proto.query_string for link in at.get("page_link") if "programme=" in link.proto.query_string
    ]
    assert links and all(q.startswith("gm=GM0518&lang=en&programme=") for q in links)
