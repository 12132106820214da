"""Light pages: every page in both languages, the interactive page's figures, written and pointed at on publishing."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from impactdash import config, i18n
from impactdash.measures import progress
from impactdash.publish import light_pages, pointer, workflow
from impactdash.report import light
from impactdash.store import db
from impactdash.ui import pages
from impactdash.views import ambitions as ambitions_view
from impactdash.views import budget as bv
from impactdash.views import compare, ecosystem, method
from impactdash.views import overview as overview_view
from impactdash.views import property as realestate
from impactdash.write import permissions
from tests.publishing import EDITOR, REVIEWER

ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}))


@pytest.fixture(scope="module")
def written(demo_db_file, tmp_path_factory):
    """The light pages of the demo's publication, written once for the module."""
    current = pointer.current(config.publications_dir(demo_db_file))
    # Named as publishing names it, so the pages know their publication (its change log, open data).
    target = tmp_path_factory.mktemp("light") / light_pages.light_name(current.id)
    light.write(current.path, target, label=current.label, published_at=current.approved_at)
    return current, target


def _text(path) -> str:
    """Return a light page's text as a reader sees it: tags dropped, entities decoded."""
    # Spaces collapsed, as a browser shows them (a cell's line break is a space here).
    return _spaces(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))


def _spaces(text: str) -> str:
    """Return ``text`` with each run of spaces and line breaks as one space (non-breaking spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _plain(markdown: str) -> str:
    """Return a page sentence (Streamlit markdown) as its reader sees it."""
    return _spaces(re.sub(r"\\(.)", r"\1", markdown.replace("**", "")))


def test_every_public_page_has_its_light_version_in_both_languages(written, demo_con):
    _, target = written
    towns = list(db.run_query(demo_con, "municipalities")["code"])
    for lang in i18n.LANGUAGES:
        index = (target / lang / "index.html").read_text(encoding="utf-8")
        for gm in towns:
            for stem, path, _ in light.PAGES:
                page = target / lang / gm / f"{stem}.html"
                text = page.read_text(encoding="utf-8")
                assert f'href="{gm}/{stem}.html"' in index
                assert f'<html lang="{lang}">' in text
                assert "<script" not in text and "src=" not in text
                # To the interactive page, to the other language and back to the index.
                assert f'href="/{path}?gm={gm}&amp;lang={lang}"' in text
                other = "en" if lang == "nl" else "nl"
                assert (page.parent / f"../../{other}/{gm}/{stem}.html").resolve().exists()
                assert page.stat().st_size < 300_000
        for stem, path, _ in light.SHARED_PAGES:
            page = target / lang / f"{stem}.html"
            text = page.read_text(encoding="utf-8")
            assert f'href="{stem}.html"' in index
            assert f'<html lang="{lang}">' in text
            assert "<script" not in text and "src=" not in text
            assert f'href="/{path}?lang={lang}"' in text
            other = "en" if lang == "nl" else "nl"
            assert (page.parent / f"../{other}/{stem}.html").resolve().exists()
            assert page.stat().st_size < 300_000


def test_every_public_page_but_the_programme_has_a_light_version():
    # One light page per programme would be hundreds of files per publication (decisions.md).
    light_paths = {path for _, path, _ in light.PAGES + light.SHARED_PAGES}
    assert {row[3] for row in pages.public_pages()} - light_paths == {"programme"}


def _figures(text: str, figures: list[tuple[str, str, str]]) -> None:
    """Assert that a page shows each key figure: its label, value and caption, in that order."""
    for label, value, caption in figures:
        assert _spaces(f"{label} {value} {caption}") in text, (label, value)


@pytest.fixture(scope="module")
def published(written):
    """A connection to the publication's snapshot: what the public pages read."""
    con = db.connect(written[0].path, read_only=True)
    yield con
    con.close()


def test_the_figures_equal_the_interactive_pages(written, published):
    current, target = written
    demo_con = published
    info = db.run_query(demo_con, "dataset_info").iloc[0]
    year = info["reporting_date"].year
    for lang in i18n.LANGUAGES:
        for gm in db.run_query(demo_con, "municipalities")["code"]:
            # The overview's key figures and ambitions, as app_pages/overview.py computes them.
            overview = _text(target / lang / gm / "overview.html")
            money = db.run_query(demo_con, "budget_spend_year", municipality=gm, year=year).iloc[0]
            assert i18n.fmt_eur(money["spend"], lang, compact=True) in overview
            latest = progress.latest_values(db.run_query(demo_con, "metric_values", municipality=gm))
            catalogue = db.run_query(demo_con, "metric_catalogue").set_index("code")
            for code in ("impact_floor_m2", "impact_enterprises", "leverage_ratio"):
                value = latest[code][1] if code in latest else None
                assert i18n.fmt_value(value, catalogue.loc[code, "unit"], lang) in overview, (
                    gm,
                    code,
                    light.overview_figures(light._Source(demo_con), gm, lang),
                )
            # The one view function the interactive page shows them with: label, value, caption.
            metric_values = db.run_query(demo_con, "metric_values", municipality=gm)
            figures = overview_view.key_figures(money, year, metric_values, catalogue, lang)
            assert figures == light.overview_figures(light._Source(demo_con), gm, lang)
            _figures(overview, figures)
            items = progress.for_municipality(demo_con, gm)
            for item in progress.headline(items):
                assert item.name(lang) in overview
                assert i18n.status_label(item.assessment.status.value, lang) in overview
                assert overview_view.card_facts(item, lang) in overview
            # The budget page: its headline and every cell of the per-year table (views/budget.py).
            budget = _text(target / lang / gm / "budget.html")
            per_year = db.run_query(demo_con, "budget_by_year", municipality=gm, instrument=bv.ALL)
            last = int(per_year["year"].max())
            assert _plain(bv.headline(bv.year_row(per_year, last), last, None, lang)) in budget
            assert _plain(bv.per_year_sentence(per_year, lang)) in budget
            for cell in bv.per_year_table(per_year, lang).to_numpy().ravel():
                assert str(cell) in budget
            assert current.label in budget
            # The ambitions page: the list as views/ambitions.py makes it, every ambition's summary.
            page = _text(target / lang / gm / "ambitions.html")
            order = next(iter(ambitions_view.SORT_OPTIONS))
            frame = ambitions_view.overview_frame(ambitions_view.sort_items(items, order, lang), lang)
            for cell in frame.to_numpy().ravel():
                assert _plain(str(cell)) in page
            for item in items:
                assert _plain(ambitions_view.summary_sentence(item, lang)) in page
                for cell in ambitions_view.milestones_frame(item, lang).to_numpy().ravel():
                    assert _plain(str(cell)) in page


def test_a_chart_is_inline_svg_with_its_sentence_as_alt_text(written, published):
    _, target = written
    demo_con = published
    page = (target / "en" / "GM0518" / "budget.html").read_text(encoding="utf-8")
    alt = re.search(r'<svg role="img" aria-label="([^"]+)"', page).group(1)
    per_year = db.run_query(demo_con, "budget_by_year", municipality="GM0518", instrument=bv.ALL)
    assert html.unescape(alt) == _plain(bv.per_year_sentence(per_year, "en"))


def test_publishing_writes_them_and_the_light_link_follows_the_pointer(demo_copy, monkeypatch):
    monkeypatch.setattr(light_pages, "_writers", [light.write])
    folder = config.publications_dir(demo_copy)
    con = db.connect(demo_copy)
    try:
        first = pointer.current(folder)
        assert not (folder / light_pages.LINK).exists()  # the demo was published before
        at = dt.datetime(2026, 12, 1, 9, 0)
        second = workflow.approve(
            con, REVIEWER, workflow.request(con, EDITOR, "Q4", None, folder, now=at), folder
        )
        link = folder / light_pages.LINK
        assert link.is_symlink() and link.resolve() == (folder / light_pages.light_name(second.id)).resolve()
        assert "Q4" in (link / "nl" / "GM0518" / "budget.html").read_text(encoding="utf-8")
        # Its change log compares it with the publication the public saw when it was requested.
        changelog = _text(link / "en" / "changelog.html")
        assert first.label in changelog and "Q4" in changelog
        # Withdrawn: back to the first, which has no light pages, so no link (nginx answers 404).
        workflow.withdraw(con, ADMIN, second.id, folder)
        assert pointer.current(folder) == first and not link.exists()
        # A removed publication (rejected, or a crash's leftover) takes its light pages along.
        workflow._remove_files(folder, second.id)
        assert not (folder / light_pages.light_name(second.id)).exists()
    finally:
        con.close()


def test_the_other_pages_show_the_views_figures_and_tables(written, published):
    _, target = written
    con = published
    source = light._Source(con)
    catalogue = db.run_query(con, "metric_catalogue").set_index("code")
    towns = db.run_query(con, "municipalities")
    for lang in i18n.LANGUAGES:
        for gm in towns["code"]:
            # Real estate: the four key figures and the register, cell for cell (views/property.py).
            page = _text(target / lang / gm / "property.html")
            quarters = db.run_query(con, "property_quarters", municipality=gm)
            discount = db.run_query(con, "property_rent_discount", municipality=gm)
            register = db.run_query(con, "property_register", municipality=gm)
            figures = realestate.key_figure_texts(realestate.key_figures(quarters, discount, register), lang)
            assert figures == light.property_figures(source, gm, lang)
            _figures(page, figures)
            for cell in realestate.register_table(register, lang).to_numpy().ravel():
                assert _plain(str(cell)) in page
            for cell in realestate.floor_table(quarters, lang).to_numpy().ravel():
                assert _plain(str(cell)) in page
            # Ecosystem: the nine key figures, the sentences under its charts (views/ecosystem.py).
            page = _text(target / lang / gm / "ecosystem.html")
            values = db.run_query(con, "metric_values", municipality=gm)
            _figures(page, ecosystem.key_figure_texts(values, catalogue, lang))
            connections = db.run_query(con, "ecosystem_connections_year", municipality=gm)
            if not connections.empty:
                assert _plain(ecosystem.connections_sentence(connections, lang)) in page
            for item in progress.for_municipality(con, gm):
                if item.metric_code in ecosystem.METRICS:
                    assert _plain(ecosystem.ambition_sentence(item, lang)) in page
        # Compare, in its first state: the sentence and the status table.
        page = _text(target / lang / "compare.html")
        metric = compare.DEFAULT_METRIC
        selected = towns.head(compare.DEFAULT_TOWNS)
        values = db.run_query(con, "compare_values", metric=metric)
        items = compare.assess(
            db.run_query(con, "compare_ambitions", metric=metric),
            db.run_query(con, "compare_milestones", metric=metric),
            values,
            list(selected["code"]),
        )
        unit = catalogue.loc[metric, "unit"]
        for cell in compare.status_table(items, selected, unit, lang).to_numpy().ravel():
            assert _plain(str(cell)) in page
        actual = compare.prepare(
            values, db.run_query(con, "compare_population"), selected, unit, False, False
        )
        flow = catalogue.loc[metric, "aggregation"] == "sum"
        assert compare.summary(actual, unit, lang, False, False, flow=flow) in page
        # Method: the measures and the coverage, cell for cell (views/method.py).
        page = _text(target / lang / "method.html")
        for frame in (
            method.measures_table(db.run_query(con, "metric_catalogue"), lang),
            method.coverage_table(db.run_query(con, "method_coverage"), lang),
        ):
            for cell in frame.to_numpy().ravel():
                assert _plain(str(cell)) in page
        # The change log: which publication this is.
        assert written[0].label in _text(target / lang / "changelog.html")


def test_charts_are_inline_svg_with_their_sentence_as_alt_text(written, published):
    _, target = written
    page = (target / "nl" / "GM0518" / "property.html").read_text(encoding="utf-8")
    quarters = db.run_query(published, "property_quarters", municipality="GM0518")
    labels = [html.unescape(a) for a in re.findall(r'<svg role="img" aria-label="([^"]+)"', page)]
    assert (
        _plain(
            realestate.discount_sentence(
                db.run_query(published, "property_rent_discount", municipality="GM0518"), "nl"
            )
        )
        in labels
    )
    assert _plain(realestate.occupancy_sentence(quarters, "nl")) in " ".join(labels)
    page = (target / "en" / "GM0518" / "ecosystem.html").read_text(encoding="utf-8")
    assert page.count('<svg role="img"') >= 2  # the ambitions' charts and the connections
    page = (target / "en" / "compare.html").read_text(encoding="utf-8")
    assert page.count('<svg role="img"') == 1 and page.count('<ul class="legend">') == 1
