"""The title step: which block is the article's title, and what the page's markup names it."""

from __future__ import annotations

from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import RawBlock, linearize
from suxun_tui.pages.meta import PageMeta, read_meta
from suxun_tui.pages.title import find_title

PROSE = (
    "The committee met on Tuesday to weigh the proposal, and its members argued for hours "
    "about the budget, the schedule and the people it would serve. "
) * 3


def _blocks(html: str) -> tuple[list[RawBlock], PageMeta, int]:
    root = parse_html(html)
    meta = read_meta(root)
    blocks = linearize(clean_tree(root), "https://example.com/a")
    start = next(i for i, b in enumerate(blocks) if b.text == PROSE.strip())
    return blocks, meta, start


def _page(head: str, before_text: str) -> str:
    return f"""<html><head>{head}</head><body>{before_text}
    <div class="post"><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"""


def test_a_heading_that_shares_no_word_with_the_declared_title_is_furniture() -> None:
    html = _page(
        "<title>Why is the sky blue? - Questions - Example Q&amp;A</title>"
        '<meta property="og:title" content="Why is the sky blue?">',
        "<h2>19 Answers</h2>",
    )
    blocks, meta, start = _blocks(html)
    title, pos = find_title(blocks, meta, start)
    assert title == "Why is the sky blue?"
    assert pos is None


def test_a_heading_sharing_a_word_with_the_declared_title_is_the_title() -> None:
    html = _page(
        "<title>Best Product Launches | Example</title>",
        "<h1>Top Products Launching Today</h1>",
    )
    blocks, meta, start = _blocks(html)
    title, pos = find_title(blocks, meta, start)
    assert title == "Top Products Launching Today"
    assert pos is not None


def test_a_title_naming_only_the_site_lets_the_heading_stand() -> None:
    html = _page("<title>中国地理学会官网</title>", "<h1>学会召开年度学术会议</h1>")
    blocks, meta, start = _blocks(html)
    assert find_title(blocks, meta, start)[0] == "学会召开年度学术会议"


def _declared(head: str) -> str:
    blocks, meta, start = _blocks(_page(head, ""))
    title, pos = find_title(blocks, meta, start)
    assert pos is None
    return title


def test_with_no_title_shown_the_og_title_names_the_article() -> None:
    head = (
        "<title>Sustainable Sneakers for Men | Allbirds</title>"
        '<meta property="og:title" content="Men\'s Sneakers">'
        '<meta property="og:site_name" content="Allbirds">'
    )
    assert _declared(head) == "Men's Sneakers"


def test_the_site_name_leaves_the_og_title() -> None:
    head = (
        "<title>Best Moving Companies 2026</title>"
        '<meta property="og:title" content="Best Movers of 2026 | Move.org">'
        '<meta property="og:site_name" content="Move.org">'
    )
    assert _declared(head) == "Best Movers of 2026"


def test_an_og_title_cut_short_gives_way_to_the_title() -> None:
    head = (
        "<title>What will the watch market do in 2024? | Watch Forum</title>"
        '<meta property="og:title" content="What will the watch market do...">'
    )
    assert _declared(head) == "What will the watch market do in 2024?"


def test_entities_escaped_twice_are_read() -> None:
    head = '<meta property="og:title" content="Garden Kneelers &amp;amp; More">'
    assert _declared(head) == "Garden Kneelers & More"


def test_a_block_naming_the_site_is_not_the_title() -> None:
    html = _page(
        "<title>New tank thoughts | Reef Central Online Community</title>"
        '<meta property="og:site_name" content="Reef Central Online Community">',
        "<div>Reef Central Online Community</div><p>New tank thoughts</p>",
    )
    blocks, meta, start = _blocks(html)
    assert find_title(blocks, meta, start)[0] == "New tank thoughts"


def test_the_headline_is_the_first_part_of_the_title_not_the_longest() -> None:
    assert _declared("<title>Promise - JavaScript | MDN</title>") == "Promise"
    assert _declared("<title>python - Why is except: pass bad? - Q&amp;A</title>") == (
        "Why is except: pass bad?"
    )


def test_an_og_description_is_not_the_title() -> None:
    described = "Kroll's report aims to identify trends and provide insights " * 4
    head = (
        "<title>Cybersecurity Sector Update, Fall 2025</title>"
        f'<meta property="og:title" content="{described}">'
    )
    assert _declared(head) == "Cybersecurity Sector Update, Fall 2025"


def _shown(head: str, heading: str) -> str:
    blocks, meta, start = _blocks(_page(head, f"<h1>{heading}</h1>"))
    title, pos = find_title(blocks, meta, start)
    assert pos is not None and blocks[pos].kind == "heading"
    return title


def test_a_label_before_the_shown_title_goes() -> None:
    head = '<meta property="og:title" content="What do you look for in a web host?">'
    assert _shown(head, "Thread: What do you look for in a web host?") == (
        "What do you look for in a web host?"
    )


def test_the_source_and_comment_count_after_the_shown_title_go() -> None:
    head = "<title>Computer Science Grads Find Fewer Jobs - Slashdot</title>"
    shown = "Computer Science Grads Find Fewer Jobs (latimes.com) 87"
    assert _shown(head, shown) == "Computer Science Grads Find Fewer Jobs"


def test_what_the_markup_holds_too_stays_in_the_shown_title() -> None:
    head = "<title>Staple Tee - 5001 | AS Colour</title>"
    assert _shown(head, "Staple Tee - 5001") == "Staple Tee - 5001"
    head = '<meta property="og:title" content="Best High School Tutors in 2025">'
    shown = "Best High School Tutors in 2025, Reviewed by a Student"
    assert _shown(head, shown) == shown


def test_a_heading_sharing_only_the_sites_name_is_furniture() -> None:
    html = _page(
        "<title>Software News, Trends and Practices | InfoQ</title>",
        "<h2>Unlock the full InfoQ experience</h2>",
    )
    blocks, meta, start = _blocks(html)
    assert find_title(blocks, meta, start) == ("Software News, Trends and Practices", None)


def test_a_long_title_of_one_part_is_declared_too() -> None:
    html = _page(
        "<title>Native 4K Projectors for the Home Theater</title>",
        "<h2>FREE GROUND SHIPPING ON ALL ORDERS</h2>",
    )
    blocks, meta, start = _blocks(html)
    assert find_title(blocks, meta, start)[0] == "Native 4K Projectors for the Home Theater"


def test_a_middle_dot_between_spaces_parts_the_title() -> None:
    assert _declared("<title>Deploy app servers close to your users · Fly</title>") == (
        "Deploy app servers close to your users"
    )
