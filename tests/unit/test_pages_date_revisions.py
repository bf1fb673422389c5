"""A page's revisions are not its publication: notes that name a change, and markup times
that cannot be a first publication.

Each test is a small hand-written article run through :func:`extract_article`, since the
rules weigh the places against each other across the whole pipeline.
"""

from __future__ import annotations

from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.fields import choose_date, collect_dates
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.vocabulary import UPDATED_LABEL
from tests.support.article_page import page


def _near_title(lines: list[str]) -> str | None:
    """The date chosen from lines between the title and the text, on a page without markup."""
    blocks = [RawBlock("paragraph", text, i, chars=len(text)) for i, text in enumerate(lines)]
    candidates = collect_dates(
        info_date=(None, False),
        region=[],
        near_title=blocks,
        region_head=[],
        after=[],
        before_title=[],
        meta=PageMeta(),
        url="https://x.example/a",
        tz="UTC",
        now=None,
    )
    return choose_date(candidates)


def test_a_note_that_names_a_change_in_a_sentence_is_not_the_publish_date() -> None:
    chosen = _near_title(
        [
            "By Jane Doe ⋅ Senior Analyst ⋅ Updated March 5, 2025",
            "Editor's Note: We updated our toothbrush review on March 4, 2025 to share more "
            "of what our test team found.",
        ]
    )
    assert chosen == "2025-03-05T00:00:00+00:00"


def test_the_words_between_a_change_and_its_date_may_be_a_few() -> None:
    for before in (
        "We updated this guide on ",
        "This article was last reviewed on ",
        "Updated on ",
        "更新：",
    ):
        assert UPDATED_LABEL.search(before), before
    for before in ("Posted on ", "We tested these on ", "Published by Jane Doe on "):
        assert not UPDATED_LABEL.search(before), before


def _meta(name: str, value: str) -> str:
    return f'<meta name="{name}" content="{value}">'


def test_a_publish_time_after_the_last_change_is_not_the_publication() -> None:
    head = (
        _meta("published-time", "2026-03-09T08:45:32.183Z")
        + _meta("modified-date", "2024-07-30")
        + _meta("published-date", "2021-02-16")
    )
    a = extract_article(page(head), "https://x.example/a", timezone="UTC")
    assert a.published is not None and a.published.startswith("2021-02-16")


def test_a_publish_time_on_the_day_of_the_last_change_stands() -> None:
    head = _meta("published-time", "2025-06-11T12:33:41Z") + _meta(
        "modified-time", "2025-06-11T07:33:41Z"
    )
    a = extract_article(page(head), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-06-11T12:33:41+00:00"


def test_a_single_publish_time_stands_whatever_the_markup_says_of_changes() -> None:
    head = _meta("published-time", "2026-03-09T08:45:32Z") + _meta("modified-date", "2024-07-30")
    a = extract_article(page(head), "https://x.example/a", timezone="UTC")
    assert a.published == "2026-03-09T08:45:32+00:00"


def test_a_carousel_of_other_posts_does_not_date_the_article() -> None:
    after = (
        "<section class='blog-carousel'><div class='swiper'>"
        + "".join(
            f"<div class='article-item'><div class='article-item__date'>{day}</div>"
            f"<a href='/blogs/news/{n}'>Another post {n}</a></div>"
            for n, day in enumerate(("Mar 3, 2026", "Feb 26, 2026", "Feb 19, 2026"))
        )
        + "</div></section>"
    )
    a = extract_article(page(after=after), "https://x.example/2026/02/06/desk", timezone="UTC")
    assert a.published is not None and a.published.startswith("2026-02-06")
