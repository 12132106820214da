"""Publishing in the app: visitors read only the current publication, staff choose drafts,
four eyes on the publish page, and public-only mode serves the public pages alone."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, ui
from impactdash.publish import light_pages, pointer, workflow
from impactdash.store import db
from impactdash.write import edits, permissions
from tests.app.conftest import LIGHT_WRITES, ROOT
from tests.publishing import EDITOR, publish_now

PUBLIC_PAGES = (
    "app_pages/overview.py",
    "app_pages/budget.py",
    "app_pages/property.py",
    "app_pages/ecosystem.py",
    "app_pages/ambitions.py",
    "app_pages/compare.py",
    "app_pages/method.py",
)
MARK = "CONCEPTXYZ"


def page_text(at: AppTest) -> str:
    """Every text a visitor can read on the page, including chart specs and tables."""
    parts = [e.value for e in (*at.title, *at.header, *at.markdown, *at.caption, *at.info, *at.warning)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [str(t.value) for t in at.table]
    parts += [json.dumps(c.proto.spec if hasattr(c.proto, "spec") else "") for c in at.get("plotly_chart")]
    parts += [str(o) for s in at.selectbox for o in s.options]
    return "\n".join(str(p) for p in parts)


def make_drafts(path) -> None:
    """Write unmistakable draft changes through the real write path: names, a figure, a note."""
    con = db.connect(path)
    try:
        for dataset, key, field in (
            ("programme", "DH-P01", "name"),
            ("property", "DH-V01", "name"),
            ("ambition", "DH-A-SPEND", "document"),
        ):
            values, version = edits.get_record(con, dataset, key)
            typed = edits.as_text(dataset, values) | {field: f"{MARK} {values[field]}"}
            edits.save_record(con, EDITOR, dataset, typed, version)
        values, version = edits.get_record(con, "spend", "DH-2025-000001")
        edits.save_record(
            con, EDITOR, "spend", edits.as_text("spend", values) | {"amount": "987654321"}, version
        )
        edits.save_record(
            con,
            EDITOR,
            "note",
            {
                "subject_kind": "metric",
                "subject_code": "spend_eur",
                "municipality_code": "GM0518",
                "period_start": "2025-01-01",
                "period_end": "2025-12-31",
                "body": f"{MARK} notitie",
                "visibility": "public",
            },
        )
    finally:
        con.close()


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_a_visitor_never_sees_a_draft_on_any_public_page(app, demo_copy, page):
    make_drafts(demo_copy)
    at = app("nl", municipality="GM0518", page=page)
    text = page_text(at)
    assert "Cijfers zoals gepubliceerd op" in text and "Q3 2026" in text
    assert MARK not in text
    assert not any(form in text for form in ("987.654", "987,6", "987654", "987,7", "988 mln")), (
        "drafted amount"
    )


def test_the_downloads_hold_the_published_rows_only(app, demo_copy):
    con = db.connect(demo_copy)
    published = len(db.run_query(con, "download_programmes"))
    edits.save_record(
        con,
        EDITOR,
        "programme",
        edits.as_text("programme", edits.get_record(con, "programme", "DH-P01")[0]) | {"code": "DH-P99"},
    )
    assert len(db.run_query(con, "download_programmes")) == published + 1
    con.close()
    at = app("nl", page="app_pages/method.py")
    at.selectbox[0].set_value("programmes").run()
    assert f"{published} rijen" in page_text(at) or f"{published} " in " ".join(c.value for c in at.caption)
    assert f"{published + 1} rijen" not in page_text(at)


def test_staff_see_drafts_with_a_banner_and_marks_and_can_switch(app, demo_copy):
    make_drafts(demo_copy)
    at = app("nl", municipality="GM0518", page="app_pages/overview.py", signed_in="editor.demo")
    warning = " ".join(w.value for w in at.warning)
    assert "conceptcijfers" in warning and "wijken af van de huidige publicatie" in warning
    assert any("✎" in c.value for c in at.caption), "a changed figure is marked"
    at.switch_page("app_pages/property.py").run()
    assert MARK in page_text(at)
    at.segmented_control(key="figures_choice").set_value(ui.PUBLISHED).run()
    assert MARK not in page_text(at)
    assert "Cijfers zoals gepubliceerd op" in page_text(at)


def test_signing_out_returns_to_the_published_figures(app, demo_copy):
    make_drafts(demo_copy)
    at = app("nl", municipality="GM0518", page="app_pages/property.py", signed_in="editor.demo")
    assert MARK in page_text(at)
    at.session_state[ui.ACTOR_KEY] = None
    at.run()
    assert MARK not in page_text(at)


def test_a_new_publication_reaches_the_visitor(app, demo_copy):
    make_drafts(demo_copy)
    publish_now(demo_copy, "Q4 2026")
    at = app("nl", municipality="GM0518", page="app_pages/property.py")
    text = page_text(at)
    assert MARK in text and "Q4 2026" in text


def test_the_editor_requests_and_cannot_approve(app, demo_copy):
    at = app("nl", page="app_pages/publish.py", signed_in="editor.demo")
    assert not at.exception
    folder = config.publications_dir(demo_copy)
    before = set(folder.glob("pub-*.duckdb"))
    at.text_input[0].set_value("Q4 2026")
    at.button[0].click().run()  # the form's submit button
    assert any("is aangevraagd" in s.value for s in at.success), [e.value for e in at.error]
    # The staff app has the request's light pages written (the entry script registers the
    # writer): once, from the request's snapshot, into the folder named for the publication.
    (snapshot,) = set(folder.glob("pub-*.duckdb")) - before
    number = int(snapshot.stem.split("-")[1])
    assert LIGHT_WRITES == [(snapshot, folder / light_pages.light_name(number))]
    texts = page_text(at)
    assert "Dit is uw eigen aanvraag" in texts
    assert not [b for b in at.button if b.label == "Goedkeuren en publiceren"]


def test_the_reviewer_approves_and_the_public_sees_it(app, demo_copy):
    con = db.connect(demo_copy)
    publication_id = workflow.request(con, EDITOR, "Q4 2026", "Graag", config.publications_dir(demo_copy))
    con.close()
    at = app("nl", page="app_pages/publish.py", signed_in="reviewer.demo")
    assert not [f for f in at.get("form") if "publish_request" in str(f.proto)], "a reviewer cannot request"
    approve = [b for b in at.button if b.label == "Goedkeuren en publiceren"]
    assert len(approve) == 1
    approve[0].click().run()
    assert any(f"Publicatie {publication_id} is goedgekeurd" in s.value for s in at.success)
    assert pointer.current(config.publications_dir(demo_copy)).label == "Q4 2026"
    visitor = app("nl", page="app_pages/overview.py")
    assert "Q4 2026" in page_text(visitor)


def test_only_an_admin_may_withdraw(app):
    reviewer = app("nl", page="app_pages/publish.py", signed_in="reviewer.demo")
    assert "Publicatie intrekken" not in [h.value for h in reviewer.header]
    admin = app("nl", page="app_pages/publish.py", signed_in="admin.demo")
    assert "Publicatie intrekken" in [h.value for h in admin.header]


def test_with_nothing_published_visitors_are_told_so(app, demo_copy):
    con = db.connect(demo_copy)
    workflow.withdraw(
        con, permissions.Actor("a", frozenset({"admin"})), 1, config.publications_dir(demo_copy)
    )
    con.close()
    at = app("nl")
    assert any("nog geen cijfers gepubliceerd" in i.value for i in at.info)
    staff = app("nl", page="app_pages/overview.py", signed_in="editor.demo")
    assert any("nog geen cijfers" in w.value for w in staff.warning), "staff still see their drafts"


# --- public-only mode ------------------------------------------------------------------


@pytest.fixture
def public_only(demo_copy, tmp_path, monkeypatch):
    """Serve the demo's publications with no working database in reach."""
    monkeypatch.setenv(config.PUBLIC_ONLY_ENV, "1")
    monkeypatch.setenv(config.PUBLICATIONS_ENV, str(config.publications_dir(demo_copy)))
    missing = tmp_path / "elsewhere" / "impact.duckdb"
    monkeypatch.setenv(config.DB_ENV, str(missing))
    return missing


def test_public_only_mode_serves_the_publication_and_no_staff_page(public_only):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Cijfers zoals gepubliceerd op" in page_text(at)
    with pytest.raises(ValueError, match="Could not find"):
        at.switch_page("app_pages/sign_in.py")
    for staff_page in ("app_pages/edit.py", "app_pages/publish.py", "app_pages/import_data.py"):
        with pytest.raises(ValueError, match="Could not find"):
            at.switch_page(staff_page)
    assert not public_only.exists(), "no working database was created or opened"


def test_public_only_mode_refuses_staff_pages_run_directly_even_signed_in(public_only):
    for staff_page in ("app_pages/edit.py", "app_pages/publish.py", "app_pages/users.py"):
        at = AppTest.from_file(str(ROOT / staff_page), default_timeout=60)
        at.session_state[ui.ACTOR_KEY] = "admin.demo"
        at.run()
        assert any("geen toegang" in e.value.lower() for e in at.error), staff_page
    assert not public_only.exists()


@pytest.mark.parametrize(
    ("lang", "heading", "group", "values"),
    [
        (
            "nl",
            "Wat het publiek anders ziet als u dit goedkeurt",
            "Ambities en doelen (1)",
            ("1.000", "1.100"),
        ),
        (
            "en",
            "What the public will see differently if you approve this",
            "Ambitions and targets (1)",
            ("1,000", "1,100"),
        ),
    ],
)
def test_the_approval_screen_lists_a_changed_target_before_approving(
    app, demo_copy, lang, heading, group, values
):
    # Regression (issue 11): a target raised from 1.000 to 1.100 went public unlisted.
    from tests.app.test_changes import draft_target

    draft_target(demo_copy)
    con = db.connect(demo_copy)
    workflow.request(con, EDITOR, "Q4 2026", None, config.publications_dir(demo_copy))
    con.close()
    at = app(lang, page="app_pages/publish.py", signed_in="reviewer.demo")
    assert f"**{heading}**" in [m.value for m in at.markdown]
    assert [e.label for e in at.expander] == [group]
    listed = [tuple(row.values())[-3:-1] for t in at.table for row in t.value.to_dict("records")]
    assert values in listed, listed
    assert [b for b in at.button if b.label in ("Goedkeuren en publiceren", "Approve and publish")]


def test_the_approval_screen_says_everything_is_new_when_nothing_is_published(app, demo_copy):
    folder = config.publications_dir(demo_copy)
    con = db.connect(demo_copy)
    workflow.withdraw(con, permissions.Actor("a", frozenset({"admin"})), 1, folder)
    workflow.request(con, EDITOR, "Eerste", None, folder)
    con.close()
    at = app("nl", page="app_pages/publish.py", signed_in="reviewer.demo")
    assert "Er is nog niets gepubliceerd: alles in deze publicatie wordt nieuw zichtbaar." in [
        c.value for c in at.caption
    ]
    assert not at.expander
