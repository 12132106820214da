"""The real-estate page's sentences, tables, figures and queries, without Streamlit."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from impactdash import config, i18n
from impactdash.charts import base as charts
from impactdash.charts import geo
from impactdash.charts import property as chart_property
from impactdash.measures import progress
from impactdash.store import db
from impactdash.views import property as realestate


def _quarters() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period_end": pd.to_datetime(["2026-03-31", "2026-06-30", "2026-09-30"]),
            "year": [2026, 2026, 2026],
            "quarter": [1, 2, 3],
            "impact_floor_m2": [1500.0, 1500.0, 2600.0],
            "occupancy_pct": [80.0, 82.5, 78.26923],
            "vacancy_pct": [20.0, 17.5, 21.73077],
            "impact_tenants": [28.0, 30.0, 1234.0],
        }
    )


def _discount() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2024, 2025],
            "period_end": pd.to_datetime(["2024-12-31", "2025-12-31"]),
            "rent_discount_eur": [196800.0, 1614300.0],
            "properties": [3, 13],
        }
    )


def _register() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["A", "B", "C"],
            "name": ["Impacthuis *Noord*", "Broedplaats [x](http://evil.example)", "Werkplaats Oost"],
            "address": ["Straat 1, Stad", "Weg 2, Stad", "Laan 3, Stad"],
            "district": ["Noord", "Zuid", "Noord"],
            "latitude": [53.2, 53.1, None],
            "longitude": [5.8, 5.7, None],
            "gross_floor_m2": [1400.0, 800.0, 500.0],
            "impact_floor_m2": [1000.0, 600.0, 400.0],
            "rent_regime": ["reduced", "free", "social"],
            "rent_discount_eur_year": [76600.0, 0.0, 1234567.0],
            "available_from": pd.to_datetime(["2022-02-01", "2020-06-01", "2027-01-01"]),
            "available_until": pd.to_datetime([None, "2023-06-30", None]),
            "state": ["active", "ended", "planned"],
            "latest_year": [2026, 2023, None],
            "latest_quarter": [3, 2, None],
            "occupied_m2": [955.0, 570.0, None],
            "occupancy_pct": [95.5, 71.25, None],
            "tenants": [19, 16, None],
            "impact_tenants": [17, 14, None],
        }
    )


# --- words -------------------------------------------------------------------


def test_quarter_labels_per_language():
    assert realestate.quarter_label(2026, 3, "nl") == "K3 2026"
    assert realestate.quarter_label(2026.0, 3.0, "en") == "Q3 2026"


def test_euros_are_compact_only_from_a_million():
    assert realestate.euros(221211.4, "nl") == f"€{i18n.NBSP}221.211"
    assert realestate.euros(1614300, "nl") == i18n.fmt_eur(1614300, "nl", compact=True)
    assert "K" not in realestate.euros(999_999, "en")


def test_end_sentence_never_doubles_the_full_stop():
    assert realestate.end_sentence("€ 8,3 mln.") == "€ 8,3 mln."
    assert realestate.end_sentence("€ 683.400") == "€ 683.400."


def test_occupancy_sentence_uses_the_latest_quarter():
    text = realestate.occupancy_sentence(_quarters(), "nl")
    assert text.startswith("K3 2026: 78% ")
    assert "leegstand 22%" in text and "1.234 impacthuurders" in text
    en = realestate.occupancy_sentence(_quarters(), "en")
    assert en.startswith("Q3 2026: 78% ") and "1,234 impact tenants" in en
    assert realestate.occupancy_sentence(_quarters().iloc[0:0], "nl") is None


def test_floor_sentence_without_an_ambition():
    text = realestate.floor_sentence(None, _quarters(), "nl")
    assert text.startswith(f"30-09-2026: 2.600{i18n.NBSP}m² ") and "geen ambitie" in text
    assert realestate.floor_sentence(None, _quarters().iloc[0:0], "en") is None


def test_discount_sentence_sums_all_years_and_ends_once():
    text = realestate.discount_sentence(_discount(), "nl")
    last, total = realestate.euros(1614300, "nl"), realestate.euros(196800 + 1614300, "nl")
    assert text == f"2025: {last} huurkorting gegeven in 13 panden; sinds 2024 samen {total}"
    assert total.endswith("mln.") and not text.endswith("..")
    en = realestate.discount_sentence(_discount(), "en")
    assert en.startswith("2025: ") and en.endswith(".") and "13 buildings" in en
    assert realestate.discount_sentence(_discount().iloc[0:0], "nl") is None


def test_discount_table_formats_every_euro():
    table = realestate.discount_table(_discount(), "nl")
    assert list(table.columns) == ["Jaar", "Huurkorting", "Panden"]
    assert table.iloc[1].tolist() == ["2025", f"€{i18n.NBSP}1.614.300", "13"]
    assert list(realestate.discount_table(_discount(), "en").columns) == [
        "Year",
        "Rent discount",
        "Buildings",
    ]


def test_map_sentence_counts_states_and_leaves_out_zero_counts():
    register = _register()
    text = realestate.map_sentence(register, "nl")
    assert text.startswith(f"1 panden in gebruik met samen 1.000{i18n.NBSP}m²")
    assert "1 beëindigd" in text and "1 gepland" in text
    only_active = register[register["state"] == "active"]
    assert "beëindigd" not in realestate.map_sentence(only_active, "nl")
    assert realestate.map_sentence(register.iloc[0:0], "nl") is None


def test_register_table_has_translated_headers_and_formatted_cells():
    nl = realestate.register_table(_register(), "nl")
    assert list(nl.columns) == [
        "Pand en adres", "Wijk", "Status", "Bruto m²", "Impact-m²", "Huurregime",
        "Huurkorting per jaar", "Beschikbaar", "Bezetting", "Impacthuurders (van alle huurders)",
    ]  # fmt: skip
    first = nl.iloc[0]
    assert first["Status"] == "In gebruik" and first["Huurregime"] == "Verlaagde huur"
    assert (
        first["Bruto m²"] == f"1.400{i18n.NBSP}m²" and first["Huurkorting per jaar"] == f"€{i18n.NBSP}76.600"
    )
    assert first["Beschikbaar"] == "01-02-2022 –" and first["Bezetting"] == "96%"
    assert first["Impacthuurders (van alle huurders)"] == "17 van 19"
    ended = nl.iloc[1]
    assert ended["Beschikbaar"] == "01-06-2020 – 30-06-2023"
    assert ended["Bezetting"] == "71% (K2 2023)", "an older quarter is named"
    planned = nl.iloc[2]
    assert planned["Bezetting"] == "–" and planned["Huurkorting per jaar"] == f"€{i18n.NBSP}1.234.567"
    en = realestate.register_table(_register(), "en")
    assert "Building and address" in en.columns and en.iloc[0]["Status"] == "In use"
    assert en.iloc[1]["Rent regime"] == "Rent-free"


def test_register_table_escapes_text_typed_by_editors():
    cell = realestate.register_table(_register(), "nl").iloc[1]["Pand en adres"]
    # the markdown link can never become a link (or an image fetched from elsewhere)
    assert "[x](http" not in cell and "\\[x\\]\\(http\\://evil\\.example\\)" in cell
    assert "\\*Noord\\*" in realestate.register_table(_register(), "nl").iloc[0]["Pand en adres"]


def test_escape_markdown_neutralises_images():
    assert realestate.escape_markdown("![a](http://x.y/i.png)") == "\\!\\[a\\]\\(http\\://x\\.y/i\\.png\\)"


def test_note_lines_pick_the_right_notes_and_escape_them():
    notes = pd.DataFrame(
        {
            "subject_kind": ["property", "ambition", "metric"],
            "subject_code": ["A", "LW-A-OCCUPANCY", "impact_floor_m2"],
            "property_name": ["Impacthuis", None, None],
            "metric_code": [None, "occupancy_pct", "impact_floor_m2"],
            "period_start": [dt.date(2024, 8, 31), dt.date(2025, 1, 1), dt.date(2024, 1, 1)],
            "period_end": [dt.date(2024, 8, 31), dt.date(2026, 9, 30), dt.date(2024, 12, 31)],
            "body": ["Gesloten ![x](http://a.b/c.png).", "Loopt op.", "Meer m²."],
        }
    )
    on_buildings = realestate.note_lines(notes, "nl")
    assert len(on_buildings) == 1 and "**Impacthuis**, 31-08-2024)" in on_buildings[0]
    assert "![x]" not in on_buildings[0]
    occupancy = realestate.note_lines(notes, "en", metric_code="occupancy_pct")
    assert occupancy == ['📝 Note (1 Jan 2025 – 30 Sep 2026, in Dutch): <span lang="nl">Loopt op\\.</span>']
    notes["body_en"] = [None, "Rising.", None]
    occupancy = realestate.note_lines(notes, "en", metric_code="occupancy_pct")
    assert occupancy == ["📝 Note (1 Jan 2025 – 30 Sep 2026): Rising\\."]
    assert len(realestate.note_lines(notes, "nl", metric_code="impact_floor_m2")) == 1
    assert realestate.note_lines(notes, "nl", metric_code="rent_discount_eur") == []


def test_key_figures_take_the_latest_quarter_and_year():
    figures = realestate.key_figures(_quarters(), _discount(), _register())
    assert figures["impact_floor_m2"] == 2600 and figures["impact_tenants"] == 1234
    assert figures["date"] == dt.date(2026, 9, 30)
    assert figures["discount_year"] == 2025 and figures["discount_eur"] == 1614300
    assert figures["active"] == 1
    empty = realestate.key_figures(_quarters().iloc[0:0], _discount().iloc[0:0], _register().iloc[0:0])
    assert empty["impact_floor_m2"] is None and empty["discount_eur"] is None


# --- figures -----------------------------------------------------------------


def _demo_items(con, gm):
    return {
        i.metric_code: i
        for i in progress.build(
            db.run_query(con, "ambitions", municipality=gm),
            db.run_query(con, "milestones", municipality=gm),
            db.run_query(con, "metric_values", municipality=gm),
        )
    }


def test_map_is_plain_scatter_over_outlines_and_not_stretched():
    districts = geo.load_districts("GM0080", config.DATA_DIR)
    fig = chart_property.property_map(districts, _register(), "nl")
    types = {trace.type for trace in fig.data}
    assert types == {"scatter"}, "no geo, mapbox or choropleth traces: they may fetch from a CDN"
    outlines = [t for t in fig.data if t.fill == "toself"]
    assert len(outlines) == len(districts)
    markers = [t for t in fig.data if t.mode == "markers"]
    assert [t.name for t in markers] == ["In gebruik", "Beëindigd"], (
        "a building without coordinates is left off"
    )
    symbols = {t.marker.symbol for t in markers}
    assert len(symbols) == 2, "state is shown by shape as well as colour"
    assert all(t.marker.color in charts.PALETTE for t in markers)
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.yaxis.scaleratio == pytest.approx(1 / 0.6, rel=0.02)  # cos(53.2°) ≈ 0.6
    assert not fig.layout.xaxis.visible and not fig.layout.yaxis.visible
    hover = markers[0].customdata[0]
    assert "&lt;" not in hover and "Impacthuis *Noord*" in hover and f"1.000{i18n.NBSP}m²" in hover


def test_map_escapes_html_in_hover_texts():
    register = _register().assign(name=["<a href='http://x'>A</a>", "B", "C"])
    fig = chart_property.property_map([], register, "en")
    assert "<a href" not in fig.data[0].customdata[0] and "&lt;a href=" in fig.data[0].customdata[0]


def test_map_without_outlines_still_draws_the_buildings():
    fig = chart_property.property_map([], _register(), "en")
    assert [t.name for t in fig.data] == ["In use", "Ended"]


def test_charts_on_demo_data_speak_dutch(demo_con):
    gm = "GM0518"
    items = _demo_items(demo_con, gm)
    quarters = db.run_query(demo_con, "property_quarters", municipality=gm)
    discount = db.run_query(demo_con, "property_rent_discount", municipality=gm)
    floor = chart_property.floor_figure(items["impact_floor_m2"], quarters, "nl")
    assert floor.layout.xaxis.hoverformat == "%d-%m-%Y", "no English month names in the hover header"
    assert floor.layout.yaxis.tickformat == ",.0f", "no '20k' on a Dutch axis"
    occupancy = chart_property.occupancy_figure(quarters, "nl", items.get("occupancy_pct"))
    names = [t.name for t in occupancy.data]
    assert names == ["Bezetting", "Koers naar doel", "Impacthuurders"]
    assert occupancy.data[0].customdata[-1].startswith("K3 2026: ")
    assert (
        occupancy.layout.yaxis.title.text == "Bezetting"
        and occupancy.layout.yaxis2.title.text == "Impacthuurders"
    )
    bars = chart_property.discount_figure(discount, "nl")
    assert list(bars.data[0].x) == [str(y) for y in discount["year"]]
    assert bars.data[0].text[-1] == realestate.euros(discount["rent_discount_eur"].iloc[-1], "nl")
    plain = chart_property.floor_figure(None, quarters, "nl")
    assert len(plain.data) == 1 and len(plain.data[0].x) == len(quarters)


# --- queries on the demo data ------------------------------------------------


def test_quarters_equal_the_metric_values(demo_con):
    gm = "GM0080"
    quarters = db.run_query(demo_con, "property_quarters", municipality=gm).set_index("period_end")
    values = db.run_query(demo_con, "metric_values", municipality=gm)
    for code in ("impact_floor_m2", "occupancy_pct", "vacancy_pct", "impact_tenants"):
        own = values[values["metric_code"] == code].set_index("period_end")["value"]
        assert quarters[code].to_dict() == pytest.approx(own.to_dict()), code
    assert (quarters["occupancy_pct"] + quarters["vacancy_pct"]).round(6).eq(100).all()


def test_register_occupancy_is_occupied_over_impact_floor(demo_con):
    register = db.run_query(demo_con, "property_register", municipality="GM0518")
    assert len(register) == len(register["code"].unique()) > 0
    rows = register.dropna(subset=["occupied_m2"])
    assert (rows["occupancy_pct"] - 100 * rows["occupied_m2"] / rows["impact_floor_m2"]).abs().max() < 1e-9
    assert set(register["state"]) <= set(realestate.STATES)
    ended = register[register["state"] == "ended"]
    assert (ended["available_until"] < pd.Timestamp("2026-09-30")).all()


def test_property_notes_never_return_internal_notes(demo_copy):
    con = db.connect(demo_copy)
    cur = con.cursor()
    for visibility, body in (("internal", "Geheim: onderhandeling loopt"), ("public", "Openbare uitleg")):
        cur.execute(
            "insert into note (subject_kind, subject_code, municipality_code, period_start, period_end, body,"
            " visibility, author) values ('property', 'DH-V01', 'GM0518', date '2025-01-01',"
            " date '2025-03-31', $body, $visibility, 'test')",
            {"body": body, "visibility": visibility},
        )
    notes = db.run_query(con, "property_notes", municipality="GM0518")
    con.close()
    assert "Openbare uitleg" in notes["body"].tolist()
    assert not any("Geheim" in b for b in notes["body"])
    assert notes.loc[notes["body"] == "Openbare uitleg", "property_name"].item() == "Impacthub Binckhorst"
