"""The same-content page of ``bench/browser_vs_bare.py`` shows what it was given, with plain elements.

The bench's figure "ours / same content" only means something if the generated page draws
the same headings, text, tables, widgets and charts as ours; here it runs in ``AppTest``.
"""

from streamlit.testing.v1 import AppTest

from bench.browser_vs_bare import same_content_script

CONTENT = {
    "sidebar": [
        {"kind": "stButtonGroup", "label": "Taal", "text": "Taal\nNederlands\nEnglish"},
        {"kind": "stSelectbox", "label": "Gemeente", "text": "'s-Gravenhage"},
    ],
    "main": [
        {"kind": "stHeading", "level": "H1", "text": "Methode en data"},
        {"kind": "stAlert", "label": "", "text": "Demonstratiegegevens"},
        {"kind": "stMarkdown", "label": "", "text": "Hoe de cijfers tot stand komen."},
        {"kind": "stHeading", "level": "H2", "text": "Meetwaarden"},
        {
            "kind": "stTable",
            "rows": [["Naam", "Eenheid", "Naam"], ["Uitgaven", "euro", "x"], ["Banen", "fte"]],
        },
        {
            "kind": "expander",
            "label": "Gegevens als tabel",
            "children": [{"kind": "stPlotlyChart", "label": "", "text": ""}],
        },
        {
            "kind": "columns",
            "children": [
                [{"kind": "stDownloadButton", "label": "", "text": "Download CSV"}],
                [{"kind": "stDownloadButton", "label": "", "text": "Download Excel"}],
            ],
        },
        {"kind": "stPlotlyChart", "label": "", "text": ""},
        {"kind": "stCaption", "label": "", "text": "609 rijen"},
    ],
}


def test_the_generated_page_draws_every_element_it_was_given():
    at = AppTest.from_string(same_content_script("method", CONTENT)).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Methode en data"]
    assert [h.value for h in at.header] == ["Meetwaarden"]
    assert [i.value for i in at.info] == ["Demonstratiegegevens"]
    assert [m.value for m in at.markdown] == ["Hoe de cijfers tot stand komen."]
    assert [c.value for c in at.caption] == ["609 rijen"]
    # The table keeps its shape (a short row padded) though two headers had the same text.
    frame = at.table[0].value
    assert frame.shape == (2, 3)
    assert frame.iloc[1].tolist() == ["Banen", "fte", ""]
    assert [e.label for e in at.expander] == ["Gegevens als tabel"]
    assert len(at.get("plotly_chart")) == 2
    assert len(at.get("download_button")) == 2
    assert [s.label for s in at.sidebar.selectbox] == ["Gemeente"]
    assert at.sidebar.get("button_group")[0].proto.options[1].content == "English"
