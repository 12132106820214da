"""The import page states the number rule and refuses a number the file does not settle, in both languages."""

from __future__ import annotations

import codecs

import pytest

from tests.app.test_import import sign_in, state, texts, upload

# Dutch Excel's "Unicode text" of the template: tab-separated, so 384.000 and 1.250 are unsettled.
UNICODE_TEXT = codecs.BOM_UTF16_LE + (
    "programme_code\tyear\tmoment\tamount\r\nDH-P01\t2041\toriginal\t384.000\r\nDH-P01\t2041\tspring\t1.250\r\n"
).encode("utf-16-le")
SHOWN = {
    "nl": (
        "Getallen worden nooit geraden.",
        "Rij 3, veld ‘bedrag’: ‘1.250’ kan 1250 of 1,25 zijn",
        "Importeren",
    ),
    "en": ("Numbers are never guessed.", "Row 3, field ‘amount’: ‘1.250’ could be 1250 or 1.25", "Import"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unsettled_amount_is_refused_with_both_readings(app, demo_copy, lang):
    rule, problem, button = SHOWN[lang]
    at = sign_in(app, "editor.demo", lang)
    before = state()
    upload(at, "begroting.txt", UNICODE_TEXT, dataset="budget")
    assert any(c.value.startswith(f"**{rule}**") for c in at.caption)
    assert problem in texts(at).replace("\\", "")  # the page escapes Markdown in typed values
    assert next(b for b in at.button if b.label == button).disabled
    assert state() == before
