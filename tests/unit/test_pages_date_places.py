"""Where else an article shows its date, and how a shown date and the markup read together.

Each test is a small hand-written article run through :func:`extract_article`, since the
rules weigh the places against each other across the whole pipeline.
"""

from __future__ import annotations

from suxun_tui.pages.extract import extract_article
from tests.support.article_page import PROSE, page, published_meta

INTRO = (
    "<p>Rivers that ran dry for a decade are flowing again, and the towns along them are "
    "learning, slowly and with some doubts, what to do with the water.</p>"
)


def test_a_dateline_below_the_standfirst_dates_the_page() -> None:
    top = INTRO + "<p>by Jane Doe ● December 23, 2025 ● 6 min read</p>"
    a = extract_article(page(top=top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-12-23T00:00:00+00:00"


def test_a_shown_date_beats_a_markup_day_the_page_never_shows() -> None:
    top = "<p>Jane Doe</p><p>Dec 30, 2013</p>"
    a = extract_article(
        page(published_meta("2024-08-07T12:01:51Z"), top), "https://x.example/a", timezone="UTC"
    )
    assert a.published is not None and a.published.startswith("2013-12-30")


def test_a_date_that_reads_either_way_is_read_as_the_markup_gives_it() -> None:
    top = "<p class='date'>09.10.2024</p>"
    a = extract_article(
        page(published_meta("2024-09-10T16:07:00Z"), top), "https://x.example/a", timezone="UTC"
    )
    assert a.published == "2024-09-10T16:07:00+00:00"


def test_a_date_that_reads_one_way_only_is_not_swapped() -> None:
    top = "<p class='date'>Oct 9, 2024</p>"
    a = extract_article(
        page(published_meta("2024-09-10T16:07:00Z"), top), "https://x.example/a", timezone="UTC"
    )
    assert a.published is not None and a.published.startswith("2024-10-09")


def test_a_marked_byline_that_carries_a_date_dates_the_page() -> None:
    earlier, later = PROSE.replace("Paragraph", "Passage"), PROSE.replace("Paragraph", "Part")
    byline = "<p class='author'>by Minoa » Tue Aug 27, 2019 1:47 am</p>"
    html = page(top=earlier + PROSE + byline + later)
    a = extract_article(html, "https://forum.example/viewtopic.php?t=4", timezone="UTC")
    assert a.published == "2019-08-27T01:47:00+00:00"


def test_a_date_shown_without_its_year_takes_the_year_the_markup_gives_its_day() -> None:
    # The markup names two times (the first another article's); the info bar shows the day
    # and time without the year, as Chinese platforms print this year's dates.
    ld = (
        '<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": '
        '"2019-10-09T08:00:00+08:00"}, {"@type": "NewsArticle", "datePublished": '
        '"2019-10-08T12:00:00+08:00"}]</script>'
    )
    a = extract_article(page(ld, "<p>加拿大必读 发布时间：10-08 12:00</p>"), "https://x.example/s")
    assert a.published == "2019-10-08T12:00:00+08:00"


def test_a_page_dated_by_nothing_else_takes_the_time_of_a_place_read_as_furniture() -> None:
    top = "<div class='widget-row'><time datetime='2005-07-10T00:57:00Z'>7/9/05</time></div>"
    a = extract_article(page(top=top), "https://forum.example/topic/tips", timezone="UTC")
    assert a.published == "2005-07-10T00:57:00+00:00"


def test_a_time_in_furniture_gives_way_to_the_markup() -> None:
    top = "<div class='widget-row'><time datetime='2005-07-10T00:57:00Z'>7/9/05</time></div>"
    html = page(published_meta("2006-01-02T10:00:00Z"), top)
    a = extract_article(html, "https://forum.example/topic/tips", timezone="UTC")
    assert a.published == "2006-01-02T10:00:00+00:00"


def test_a_page_dated_only_by_a_labelled_month_is_dated_by_its_first_day() -> None:
    html = page(after="<div><b>Last Updated: </b>June 2022</div>")
    a = extract_article(html, "https://health.example/meditation", timezone="UTC")
    assert a.published == "2022-06-01T00:00:00+00:00"


def test_a_month_named_in_prose_dates_nothing() -> None:
    html = page(tail="<p>The board met again in May 2022 and agreed to sell the land.</p>")
    a = extract_article(html, "https://health.example/meditation", timezone="UTC")
    assert a.published is None
