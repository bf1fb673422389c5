"""Pages whose text is not where it is drawn: sent late by a streaming server, or only
summarised in the head of a page that scripts render."""

from __future__ import annotations

import pytest

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.extract import extract_article

PARAGRAPH = (
    "PostgreSQL plans every query before it runs it, and the plan decides how much work the"
    " database does: which index is read, in which order tables are joined, how much memory"
    " a sort may take. Reading plans is the first skill of query tuning. "
)


def streamed_page() -> str:
    body = "".join(f"<p>{PARAGRAPH}Part {i}.</p>" for i in range(6))
    return (
        "<html><head><title>Query tuning</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav></header>"
        "<main><h1>Best practices for query tuning</h1><template id='B:0'></template>"
        "<aside><h3>Subscribe to the newsletter</h3><p>By submitting, you acknowledge the"
        " privacy policy.</p></aside></main>"
        "<footer><a href='/about'>About</a></footer>"
        f"<div hidden id='S:0'><article>{body}</article></div>"
        "<script>$RC('B:0','S:0')</script></body></html>"
    )


def test_the_part_sent_late_is_read_where_its_placeholder_stands() -> None:
    article = extract_article(streamed_page(), "https://example.org/blog/tuning")
    text = "\n".join(b.text for b in article.blocks)
    assert text.count("Reading plans is the first skill") == 6
    assert text.index("Part 0.") < text.index("Part 5.")


def test_an_ordinary_hidden_element_is_still_dropped() -> None:
    page = streamed_page().replace("<div hidden id='S:0'>", "<div hidden id='menu'>")
    page = page.replace("</main>", "<section><p>" + PARAGRAPH * 3 + "</p></section></main>")
    article = extract_article(page, "https://example.org/blog/tuning")
    assert "Part 0." not in "\n".join(b.text for b in article.blocks)


def test_a_page_drawn_by_scripts_reads_as_its_own_summary() -> None:
    summary = (
        "I'm new to astronomy and would love advice on a first telescope: refractor or"
        " reflector, and which accessories matter for a beginner?"
    )
    page = (
        "<html><head><title>First telescope? - Forum</title>"
        f"<meta property='og:title' content='First telescope?'>"
        f"<meta property='og:description' content=\"{summary}\"></head>"
        "<body><section id='main'></section><script>start()</script></body></html>"
    )
    article = extract_article(page, "https://forum.example.org/t/first-telescope/1")
    assert article.title == "First telescope?"
    assert [b.text for b in article.blocks] == [summary]


def test_a_slogan_is_no_summary() -> None:
    page = (
        "<html><head><meta name='description' content='The best forum on the web'></head>"
        "<body><section id='main'></section></body></html>"
    )
    with pytest.raises(ExtractionError):
        extract_article(page, "https://forum.example.org/")


def test_a_huge_title_is_cut_visibly() -> None:
    page = streamed_page().replace(
        "<title>Query tuning</title>", f"<title>{'标题' * 100_000}</title>"
    )
    page = page.replace("<h1>Best practices for query tuning</h1>", "")
    title = extract_article(page, "https://example.org/blog/tuning").title
    assert len(title) <= 500 and title.endswith("…")
