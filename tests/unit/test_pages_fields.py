"""Title, publish time and author from each place a page gives them, one test per place.

Every page here is a whole small article run through :func:`extract_article`, so each test
also checks that the field survives the rest of the pipeline (cleanup drops scripts and
meta tags; the fields must have been read before).
"""

from __future__ import annotations

import json

from suxun_tui.pages.dom import parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.fields import choose_date, collect_dates
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import read_meta

PROSE = "".join(
    f"<p>Paragraph {i} of the story says something long enough to be read as prose by the "
    f"extractor, with several clauses, commas, and a full stop at the end of it.</p>"
    for i in range(6)
)


def page(
    head: str = "", top: str = "", *, title: str = "Rivers Run Again", header: str = ""
) -> str:
    """A small article; ``top`` goes between title and text, ``header`` after the title in
    a ``<header>`` outside the text's container, as many templates put the date line."""
    top_of_page = f"<header><h1>{title}</h1>{header}</header>" if header else ""
    in_article = "" if header else f"<h1>{title}</h1>"
    return (
        f"<html><head><title>{title} | The Daily Example</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"{top_of_page}<article>{in_article}{top}{PROSE}</article>"
        "<footer><p>Copyright 2025 The Daily Example</p></footer></body></html>"
    )


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_jsonld_graph_gives_the_articles_date_and_authors_not_the_pages() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "datePublished": "2019-01-01T00:00:00Z"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {
                "@type": "NewsArticle",
                "datePublished": "2025-03-04T15:30:00-05:00",
                "author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Roe"}],
                "publisher": {"@type": "Organization", "name": "The Daily Example"},
            },
        ],
    }
    a = extract_article(page(ld(graph)), "https://news.example/rivers", timezone="UTC")
    assert a.published == "2025-03-04T15:30:00-05:00"
    assert a.author == "Jane Doe, John Roe"


def test_jsonld_author_as_a_plain_string() -> None:
    data = {"@type": "BlogPosting", "datePublished": "2024-06-01", "author": "Kim Lee"}
    a = extract_article(page(ld(data)), "https://blog.example/p", timezone="UTC")
    assert a.author == "Kim Lee"
    assert a.published is not None and a.published.startswith("2024-06-01")


def test_jsonld_author_with_by_in_the_name() -> None:
    data = {"@type": "Article", "author": {"@type": "Person", "name": "By Thai Vong"}}
    assert extract_article(page(ld(data)), "https://x.example/a").author == "Thai Vong"


def test_jsonld_organisation_author_is_the_last_resort() -> None:
    data = {"@type": "Article", "author": {"@type": "Organization", "name": "Supermove"}}
    meta = '<meta name="author" content="Ana Silva">'
    assert extract_article(page(ld(data) + meta), "https://x.example/a").author == "Ana Silva"
    assert extract_article(page(ld(data)), "https://x.example/a").author == "Supermove"


def test_open_graph_and_meta_names() -> None:
    head = (
        '<meta property="og:title" content="Rivers Run Again">'
        '<meta property="article:published_time" content="2025-02-10T08:00:00+00:00">'
        '<meta name="parsely-author" content="Sam Park">'
    )
    a = extract_article(page(head), "https://news.example/rivers", timezone="UTC")
    assert a.title == "Rivers Run Again"
    assert a.published == "2025-02-10T08:00:00+00:00"
    assert a.author == "Sam Park"


def test_highwire_and_dublin_core_meta() -> None:
    head = (
        '<meta name="citation_publication_date" content="2021/05/17">'
        '<meta name="citation_author" content="Maria Gomez">'
        '<meta name="citation_author" content="Li Wei">'
    )
    a = extract_article(page(head), "https://journal.example/paper", timezone="UTC")
    assert a.published == "2021-05-17T00:00:00+00:00"
    assert a.author == "Maria Gomez, Li Wei"


def test_time_element_with_datetime() -> None:
    top = '<p class="meta">Posted <time datetime="2024-11-08T09:15:00+01:00">8 Nov</time></p>'
    a = extract_article(page(top=top), "https://x.example/a", timezone="Europe/Berlin")
    assert a.published == "2024-11-08T09:15:00+01:00"


def test_english_byline_and_shown_date() -> None:
    top = '<div class="byline">By Haley Hoekstra &bull; <span>March 12, 2025</span></div>'
    a = extract_article(page(top=top), "https://x.example/a", timezone="UTC")
    assert a.author == "Haley Hoekstra"
    assert a.published == "2025-03-12T00:00:00+00:00"


def test_rel_author_link_names_the_author() -> None:
    top = '<address><a rel="author" href="/profile/adam">Adam Roberts</a></address>'
    assert extract_article(page(top=top), "https://x.example/a").author == "Adam Roberts"


def test_microdata_author_name() -> None:
    top = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">JosephF</span> <span>410 posts · Joined 2002</span></div>'
    )
    assert extract_article(page(top=top), "https://forum.example/t/1").author == "JosephF"


def test_a_page_whose_meta_date_is_the_modification_time() -> None:
    # Only the change time in markup, and the page shows it as such: it still dates the page.
    head = '<meta property="article:modified_time" content="2025-07-09T11:50:26+00:00">'
    top = '<p class="date">Updated on July 9, 2025</p>'
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published is not None and a.published.startswith("2025-07-09")


def _dates(near_title: list[str], head: str, top: str = "") -> str | None:
    """The date chosen from lines between title and text and the page's markup."""
    meta = read_meta(parse_html(page(head, top)))
    lines = [RawBlock("paragraph", text, i, chars=len(text)) for i, text in enumerate(near_title)]
    candidates = collect_dates(
        info_date=(None, False),
        region=[],
        near_title=lines,
        region_head=[],
        after=[],
        before_title=[],
        meta=meta,
        url="https://x.example/a",
        tz="UTC",
        now=None,
    )
    return choose_date(candidates)


def test_publish_time_beats_a_shown_update() -> None:
    head = '<meta name="pubdate" content="2025-01-16">'
    chosen = _dates(["Last updated on November 24, 2025"], head)
    assert chosen == "2025-01-16T00:00:00+00:00"


def test_a_shown_update_dates_a_page_with_no_other_date() -> None:
    assert _dates(["Updated on July 9, 2025"], "") == "2025-07-09T00:00:00+00:00"


def test_shown_date_that_markup_confirms_beats_a_date_near_the_title() -> None:
    head = '<meta name="pubdate" content="2025-03-01">'
    top = "<p class='entry-date'>March 1, 2025</p>"
    assert _dates(["Conference: June 1, 2025"], head, top) == "2025-03-01T00:00:00+00:00"


def test_a_confirmed_shown_date_takes_the_markup_time_and_its_zone() -> None:
    head = '<meta property="article:published_time" content="2025-10-14T17:42:00+01:00">'
    top = '<p><time datetime="2025-10-14T17:42:00+01:00">14 October 2025, 17:42 BST</time></p>'
    a = extract_article(page(head, top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-10-14T17:42:00+01:00"


def test_dates_in_a_related_list_are_not_the_articles() -> None:
    top = (
        "<div class='related'><span class='date'>January 2, 2020</span></div>"
        "<div><span class='date'>May 5, 2025</span></div>"
    )
    a = extract_article(page(top=top), "https://x.example/a", timezone="UTC")
    assert a.published == "2025-05-05T00:00:00+00:00"


def test_script_state_date_when_nothing_else_dates_the_page() -> None:
    head = '<script>window.__STATE__={"postedAt":"2025-12-18T22:37:57.570Z","id":1}</script>'
    a = extract_article(page(head), "https://x.example/posts/1", timezone="UTC")
    assert a.published == "2025-12-18T22:37:57+00:00"


def test_twitter_label_written_by() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Andrew Liptak">'
    )
    assert extract_article(page(head), "https://x.example/a").author == "Andrew Liptak"


def test_site_names_in_meta_author_are_not_authors() -> None:
    head = '<meta name="author" content="https://www.facebook.com/SomeSite">'
    head += '<meta name="author" content="admin">'
    assert extract_article(page(head), "https://x.example/a").author is None


def test_chinese_info_bar_still_wins_over_markup() -> None:
    head = '<meta name="author" content="新闻中心"><meta name="pubdate" content="2025-01-01">'
    top = "<p>2025-12-29 12:34 来源：供稿 作者：王帅 编辑：玖柒六</p>"
    prose = "<p>" + "基层治理效能的提升，关键在于以彻底的自我革命精神破除积弊。" * 4 + "</p>"
    html = page(head, top + prose * 3, title="以自我革命精神提升基层治理效能")
    a = extract_article(html, "https://www.jssxw.cn/a/1.html")
    assert a.published == "2025-12-29T12:34:00+08:00"
    assert (a.origin, a.author, a.editor) == ("供稿", "王帅", "玖柒六")


def test_read_meta_keeps_publish_and_change_times_apart() -> None:
    root = parse_html(
        page(
            ld(
                {
                    "@type": "Article",
                    "datePublished": "2024-09-06",
                    "dateModified": "2025-11-14",
                    "author": {"@type": "Person", "name": "Chirag Bhardwaj"},
                }
            )
        )
    )
    meta = read_meta(root)
    assert meta.published[0] == "2024-09-06"
    assert meta.modified[0] == "2025-11-14"
    assert meta.authors == ["Chirag Bhardwaj"]
    assert meta.title == "Rivers Run Again | The Daily Example"


def test_a_dateline_with_a_comma_stays_with_the_title_lines() -> None:
    top = "<p>Updated: December 31, 2024</p><p>Written by:</p><p>Elise Nass</p>"
    a = extract_article(page("", top), "https://x.example/a", timezone="UTC")
    assert a.published == "2024-12-31T00:00:00+00:00"
    assert a.author == "Elise Nass"


def test_a_byline_with_its_date_after_a_dot_operator() -> None:
    top = "<p>By Matthew Richardson ⋅ Review Editor ⋅ Updated November 18, 2025</p>"
    a = extract_article(page("", top), "https://x.example/a", timezone="UTC")
    assert a.author == "Matthew Richardson"
    assert a.published == "2025-11-18T00:00:00+00:00"


def test_the_date_inside_a_shown_update_is_still_the_update() -> None:
    head = '<meta name="pubdate" content="2015-05-12">'
    top = "<p class='post-date'>Updated <span class='date'>January 25, 2026</span></p>"
    assert _dates([], head, top) == "2015-05-12T00:00:00+00:00"


def test_a_label_line_is_no_author() -> None:
    top = "<p>By</p><p>Fact Checked</p>"
    a = extract_article(page("", top), "https://x.example/a", timezone="UTC")
    assert a.author is None
