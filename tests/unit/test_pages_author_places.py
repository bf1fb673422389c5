"""Where else an article names its author, and which names are not its author's.

Each test is a small hand-written article run through :func:`extract_article`, since the
places are weighed against each other across the whole pipeline.
"""

from __future__ import annotations

from suxun_tui.pages.extract import extract_article
from tests.support.article_page import page

INTRO = (
    "<p>Rivers that ran dry for a decade are flowing again, and the towns along them are "
    "learning, slowly and with some doubts, what to do with the water.</p>"
)


def author_of(html: str, url: str = "https://x.example/a") -> str | None:
    return extract_article(html, url, timezone="UTC").author


def meta_author(name: str) -> str:
    return f'<meta name="author" content="{name}">'


def test_a_names_closing_parenthesis_is_left_out() -> None:
    assert author_of(page(meta_author("Jean-Luc Aufranc (CNXSoft)"))) == "Jean-Luc Aufranc"


def test_a_role_after_the_name_is_not_a_second_writer() -> None:
    top = "<p>By Daniel Okafor, Local Affairs Reporter 14 October 2025</p>"
    assert author_of(page(top=top)) == "Daniel Okafor"
    assert (
        author_of(page(top="<p>By Ann Lee, Bo Chan and Cy Diaz</p>")) == "Ann Lee, Bo Chan, Cy Diaz"
    )


def test_a_role_alone_is_what_the_page_calls_its_writer() -> None:
    assert author_of(page(top="<p>By Podium Staff</p>")) == "Podium Staff"


def test_a_handle_after_an_explicit_by_is_a_name() -> None:
    assert author_of(page(top="<p>by jsteinhardt</p>")) == "jsteinhardt"


def test_words_after_by_are_no_handle() -> None:
    assert author_of(page(top="<p>by logging into your account</p>")) is None


def test_a_marked_byline_that_opens_with_its_date_names_the_writer() -> None:
    top = "<div class='author-line'>Dec 17, 2025 Julian K. Arni</div>"
    assert author_of(page(top=top)) == "Julian K. Arni"


def test_a_forum_byline_ends_at_its_arrow() -> None:
    top = "<p>by Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am</p>"
    assert author_of(page(top=top)) == "Outer Armatonisdaristan"


def test_a_byline_below_the_standfirst_names_the_writer() -> None:
    top = INTRO + "<p>by Jane Doe ● December 23, 2025 ● 6 min read</p>"
    assert author_of(page(top=top)) == "Jane Doe"


def test_a_reviewer_below_the_standfirst_is_not_the_writer() -> None:
    top = INTRO + "<p>Reviewed by: Brian Stormont, CFP</p>"
    assert author_of(page(meta_author("Erica Needham"), top)) == "Erica Needham"


def test_a_written_by_line_after_the_text_names_the_writers() -> None:
    after = "<div class='post-footer'><p>Written by Moses Kim and Kate Shokurova</p></div>"
    assert author_of(page(after=after)) == "Moses Kim, Kate Shokurova"


BOX = (
    "<div class='about'><img src='/a.jpg' alt='Alban Brooke'><h3>Alban Brooke</h3>"
    "<p>Alban Brooke is the head of marketing here and has recorded over 500 episodes "
    "in his ten years of making shows.</p></div>"
)


def test_an_author_box_names_the_writer() -> None:
    assert author_of(page(after=BOX)) == "Alban Brooke"


def test_the_sites_own_name_gives_way_to_a_person() -> None:
    html = page(meta_author("Buzzsprout"), after=BOX)
    assert author_of(html, "https://www.buzzsprout.com/blog/gear") == "Alban Brooke"


def test_the_sites_own_name_is_kept_when_no_person_is_named() -> None:
    html = page(meta_author("Buzzsprout"))
    assert author_of(html, "https://www.buzzsprout.com/blog/gear") == "Buzzsprout"


def test_pictures_with_names_under_them_are_a_list_not_an_author_box() -> None:
    items = "".join(
        f"<div><img src='/{n}.jpg' alt='{n} Chess Set'><p>{n} Chess Set</p></div>"
        for n in ("Walnut", "Ebony")
    )
    assert author_of(page(after=f"<div class='products'>{items}</div>")) is None


def test_a_reviewer_is_named_when_no_writer_is() -> None:
    assert author_of(page(top="<p>Reviewed by Youval Meicler</p>")) == "Youval Meicler"
