"""Places where markup keeps what it says about an article other than the usual tags."""

from __future__ import annotations

from suxun_tui.pages.dom import parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.meta import read_meta
from tests.support.article_page import page

_DATA = (
    '{"@type": "Article", "datePublished": "2025-11-17T09:00:00-05:00",'
    ' "author": {"@type": "Person", "name": "Jane Doe"}}'
)


def test_json_ld_a_framework_wrote_into_a_meta_tag_is_read() -> None:
    head = f"<meta name='script:ld+json' content='{_DATA}'>"
    meta = read_meta(parse_html(page(head)))
    assert meta.published == ["2025-11-17T09:00:00-05:00"]
    assert meta.authors == ["Jane Doe"]
    a = extract_article(page(head), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-11-17T09:00:00-05:00"


def test_a_script_s_json_ld_comes_before_the_meta_tags() -> None:
    script = '{"@type": "NewsArticle", "datePublished": "2025-11-16T08:00:00Z"}'
    head = (
        f"<meta name='script:ld+json' content='{_DATA}'>"
        f'<script type="application/ld+json">{script}</script>'
    )
    assert read_meta(parse_html(page(head))).published[0] == "2025-11-16T08:00:00Z"


def test_a_date_shown_without_its_year_is_read_from_its_tooltip() -> None:
    top = (
        "<p>Posted by Jane Doe <span class='moment-time' "
        "data-tippy-content='Friday, October 4th, 2024 at 3:43:10 PM'>1 year ago</span></p>"
    )
    a = extract_article(page(top=top), "https://x.example/post/1", timezone="UTC")
    assert a.published is not None and a.published.startswith("2024-10-04")


def test_a_tooltip_does_not_replace_a_full_shown_date() -> None:
    top = "<p class='date' title='Edited 2025-01-02'>March 3, 2024</p>"
    assert read_meta(parse_html(page(top=top))).shown_dates == ["March 3, 2024"]


def test_a_meta_named_for_the_last_update_is_the_modification_time() -> None:
    meta = read_meta(
        parse_html(
            '<html><head><meta itemprop="dateUpdate" content="2019-10-08 12:00:57"></head><body></body></html>'
        )
    )
    assert meta.modified == ["2019-10-08 12:00:57"]
