"""Which of a page's dates is its publish date, and on whose clock it is given.

Each test is a small hand-written article run through :func:`extract_article`: the rules
weigh what the page shows its readers against what its markup says, so the whole pipeline
is the unit.
"""

from __future__ import annotations

import json

from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.fields import page_time
from tests.support.article_page import page, published_meta


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_late_evening_time_keeps_the_pages_own_day() -> None:
    a = extract_article(
        page(published_meta("2025-06-25T20:57:54-04:00")), "https://x.example/a", timezone="UTC"
    )
    assert a.published == "2025-06-25T20:57:54-04:00"


def test_a_utc_time_is_given_on_the_sources_clock() -> None:
    a = extract_article(
        page(published_meta("2025-09-14T20:32:05Z")),
        "https://x.example/a",
        timezone="Asia/Shanghai",
    )
    assert a.published == "2025-09-15T04:32:05+08:00"


def test_page_time_keeps_the_instant() -> None:
    assert page_time("2025-12-19T01:00:00+05:30", "UTC") == "2025-12-19T01:00:00+05:30"
    assert page_time("2025-12-19T01:00:00+00:00", "America/New_York") == (
        "2025-12-18T20:00:00-05:00"
    )
    assert page_time(None, "UTC") is None


def modified_meta(value: str) -> str:
    return f'<meta property="article:modified_time" content="{value}">'


def test_the_shown_revision_dates_a_page_that_never_shows_its_first_publication() -> None:
    head = published_meta("2019-08-11T18:59:51Z") + modified_meta("2025-11-21T18:51:10Z")
    top = "<p class='byline'>By Jane Doe</p><p>November 21, 2025</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-11-21T18:51:10+00:00"


def test_a_shown_publish_day_keeps_the_publish_time() -> None:
    head = published_meta("2019-08-11T18:59:51Z") + modified_meta("2025-11-21T18:51:10Z")
    top = "<p>Published August 11, 2019</p><p>November 21, 2025</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2019-08-11T18:59:51+00:00"


def test_a_labelled_revision_does_not_replace_a_publish_time() -> None:
    head = published_meta("2019-08-11T18:59:51Z") + modified_meta("2025-11-21T18:51:10Z")
    top = "<p class='date'>Last updated on November 21, 2025</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2019-08-11T18:59:51+00:00"


def test_a_labelled_revision_dates_a_page_whose_markup_has_only_the_revision() -> None:
    head = modified_meta("2025-10-21T15:52:08Z")
    top = "<p class='date'>Updated on October 21, 2025</p><p>Fall term: July 17, 2025</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published is not None and a.published.startswith("2025-10-21")


def test_a_date_printed_for_machines_is_not_what_readers_see() -> None:
    head = published_meta("2019-08-11T18:59:51Z") + modified_meta("2025-11-21T18:51:10Z")
    top = "<p><span class='date'>2025-11-21T18:51:10Z</span></p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2019-08-11T18:59:51+00:00"


def test_a_utc_publish_time_shown_on_the_day_before_takes_the_pages_day() -> None:
    graph = {"@type": "BlogPosting", "datePublished": "2025-12-19T03:05:00+00:00"}
    head = ld(graph) + published_meta("2025-12-18T19:05:00-08:00")
    top = "<p class='posted-on'>December 18, 2025</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-12-18T19:05:00-08:00"


def test_a_shown_time_that_is_the_markups_moment_gives_the_pages_clock() -> None:
    head = '<meta itemprop="datePublished" content="2026-02-15 03:05:48">'
    top = "<p class='byline'>By Jane Doe</p><p class='date'>2026-02-14 21:05</p>"
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2026-02-14T21:05:48-06:00"


def test_a_page_read_from_its_summary_keeps_the_markups_date() -> None:
    summary = "A thread about first telescopes, what to buy and what to avoid, by its readers."
    html = (
        "<html><head><title>Best first telescope</title>"
        f'<meta property="og:description" content="{summary}">'
        f"{published_meta('2025-02-20T14:19:26+00:00')}</head>"
        "<body><div id='app'></div><script>render()</script></body></html>"
    )
    a = extract_article(html, "https://forum.example/t/1555", timezone="UTC")
    assert a.body == summary
    assert a.published == "2025-02-20T14:19:26+00:00"


def test_jsonld_with_a_raw_line_break_in_a_string_is_read() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting",'
        ' "articleBody": "First line.\nSecond line.", "datePublished": "2024-02-21 13:00:00"}'
        "</script>"
    )
    a = extract_article(page(head), "https://x.example/a", timezone="UTC")
    assert a.published == "2024-02-21T13:00:00+00:00"


def test_a_forum_that_shows_the_first_posts_day_in_utc_keeps_the_first_post() -> None:
    head = ld(
        {"@type": "DiscussionForumPosting", "datePublished": "2024-01-14T21:50:50-05:00"}
    ) + published_meta("2024-01-18T13:35:10-0500")
    top = (
        "<p><time class='thread-date'>Jan 18, 2024</time></p>"
        "<p><time class='post-date'>Jan 15, 2024</time></p>"
    )
    a = extract_article(page(head, top), "https://x.example/threads/1", timezone="UTC")
    assert a.published == "2024-01-14T21:50:50-05:00"


def test_originally_published_names_the_first_publication() -> None:
    top = "<p class='date'>30 Sep 2022, 11:07am</p>"
    tail = "<p>This article was originally published on 26 Sep 2019 and is kept current.</p>"
    html = page(top=top).replace("</article>", tail + "</article>")
    a = extract_article(html, "https://x.example/a", timezone="UTC")
    assert a.published == "2019-09-26T00:00:00+00:00"


def test_a_date_linked_on_its_own_is_the_articles_date() -> None:
    top = "<p><a href='/blog/topic/'>May 18, 2023</a> By Jane Doe In <a href='/t'>Essays</a></p>"
    a = extract_article(page(top=top), "https://x.example/a", timezone="UTC")
    assert a.published == "2023-05-18T00:00:00+00:00"


def test_a_linked_title_with_a_date_is_another_articles() -> None:
    top = "<p><a href='/older'>Older story, May 18, 2023</a></p><p class='date'>June 2, 2025</p>"
    a = extract_article(page(top=top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-06-02T00:00:00+00:00"


def test_a_day_first_site_is_read_as_its_url_gives_the_day() -> None:
    top = "<p class='date'>03/10/2023</p>"
    url = "https://x.example/blog/2023/october/03/wine-styles"
    a = extract_article(page(top=top), url, timezone="UTC")
    assert a.published == "2023-10-03T00:00:00+00:00"
