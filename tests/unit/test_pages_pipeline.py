"""The extraction steps one by one: clean, candidates, region, title, filter."""

from __future__ import annotations

from suxun_tui.pages.body_filter import drop_repeats, filter_blocks
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.html_blocks import RawBlock, linearize
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.region import candidate_regions, cut_region
from suxun_tui.pages.scoring import score_tree
from suxun_tui.pages.title import find_title

TZ = "Asia/Shanghai"
PROSE = "这是一段新闻正文，内容足够长，用来充当文章的主体部分。" * 3
PAGE = f"""<html><body>
<div id="nav"><a href="/a">首页</a> <a href="/b">新闻</a></div>
<h1>市政府召开常务会议</h1>
<div id="main"><p>{PROSE}</p><div class="share-bar">分享到 微信</div><p>{PROSE}</p></div>
<div id="other"><p><a href="/c">另一篇文章的标题</a> <a href="/d">再一篇文章的标题</a></p></div>
<script>var x = 1;</script>
</body></html>"""


def test_clean_tree_returns_the_body_without_scripts() -> None:
    body = clean_tree(parse_html(PAGE))
    assert body.tag == "body"
    assert not list(body.iter("script"))


def test_candidate_regions_come_best_first_and_mark_furniture() -> None:
    body = clean_tree(parse_html(PAGE))
    tree = score_tree(body)
    regions = list(candidate_regions(tree, body, None))
    assert 1 <= len(regions) <= 3
    best = tree.elements[regions[0].spans[0][0]]
    assert best.get("id") == "main"
    assert regions[0].furniture and not regions[0].chosen
    starts = [r.spans[0][0] for r in regions]
    assert len(set(starts)) == len(starts)


def test_a_body_selector_is_the_only_region() -> None:
    body = clean_tree(parse_html(PAGE))
    tree = score_tree(body)
    regions = list(candidate_regions(tree, body, "#other"))
    assert len(regions) == 1 and regions[0].chosen
    assert tree.elements[regions[0].spans[0][0]].get("id") == "other"


def test_cut_region_keeps_its_blocks_and_flags_furniture() -> None:
    body = clean_tree(parse_html(PAGE))
    tree = score_tree(body)
    blocks = linearize(body, "https://example.cn/a.html")
    region = next(candidate_regions(tree, body, None))
    cut = cut_region(blocks, region)
    assert cut is not None
    assert [b.text for b in cut.blocks if not b.furniture] == [PROSE, PROSE]
    assert [b.text for b in cut.blocks if b.furniture] == ["分享到 微信"]
    assert blocks[cut.start].text == PROSE and cut.stop > cut.start


def test_find_title_matches_the_head_title() -> None:
    body = clean_tree(parse_html(PAGE))
    blocks = linearize(body, "https://example.cn/a.html")
    start = next(i for i, b in enumerate(blocks) if b.text == PROSE)
    meta = PageMeta(title="市政府召开常务会议_某某新闻网")
    title, pos = find_title(blocks, meta, start)
    assert title == "市政府召开常务会议"
    assert pos is not None and blocks[pos].kind == "heading"


def _block(kind: str, text: str, index: int) -> RawBlock:
    return RawBlock(kind, text, index, 0, len(text))


def test_filter_blocks_returns_text_and_the_fields_it_read() -> None:
    region = [
        _block("paragraph", "关注新华网", 1),
        _block("paragraph", PROSE, 2),
        _block("paragraph", "来源：新华网 编辑：张三", 3),
        _block("paragraph", PROSE + "。", 4),
        _block("paragraph", "分享到", 5),
    ]
    out = filter_blocks(region, "标题", TZ, None)
    assert [b.text for b in out.blocks] == [PROSE, PROSE + "。"]
    assert out.fields.origin == "新华网" and out.fields.editor == "张三"
    # The same region read twice gives the same answer: nothing is carried over.
    assert filter_blocks(region, "标题", TZ, None) == out


def test_a_page_nested_in_an_unclosed_button_keeps_its_text() -> None:
    html = f"""<html><body><header><div class="menu"><button class="menu-button">
    <div class="menu-top"></div></div></header>
    <main><article><p>{PROSE}</p><p>{PROSE}</p></article></main></body></html>"""
    body = clean_tree(parse_html(html))
    assert PROSE in "".join(body.itertext())


def test_a_thread_served_in_noscript_is_kept_and_a_notice_is_not() -> None:
    html = f"""<html><body><noscript>Please enable JavaScript.</noscript>
    <noscript data-path="/t/1"><div class="post"><p>{PROSE * 4}</p><p>{PROSE * 4}</p></div></noscript>
    </body></html>"""
    text = "".join(clean_tree(parse_html(html)).itertext())
    assert PROSE in text and "enable JavaScript" not in text


def test_drop_repeats_drops_a_long_block_an_earlier_one_holds() -> None:
    long = "The minister said the budget would be presented to parliament next week after talks"
    blocks = [
        _block("paragraph", long + " with the unions.", 1),
        _block("paragraph", "Short line", 2),
        _block("paragraph", "Short line", 3),  # under 30 letters: kept
        _block("paragraph", long, 4),  # held by block 1, spaces aside: dropped
        _block("paragraph", "the unions. Short", 5),  # short, though it spans two blocks
        _block("paragraph", long.replace("parliament", "the senate"), 6),
    ]
    out = drop_repeats(blocks)
    assert [b.index for b in out] == [1, 2, 3, 5, 6]
    # Nothing runs across the boundary between two earlier blocks.
    pair = [_block("paragraph", "a" * 20, 1), _block("paragraph", "b" * 20, 2)]
    assert len(drop_repeats([*pair, _block("paragraph", "a" * 15 + "b" * 15, 3)])) == 3


EN_PROSE = "The council met on Monday, and after a long debate it approved the plan. " * 4


def test_cookie_consent_banners_are_never_text_and_cookie_recipes_are() -> None:
    notice = (
        "This website uses cookies to improve your experience while you navigate through "
        "the website. Out of these, the cookies that are categorized as necessary are stored. "
    )
    page = f"""<html><body>
    <div class="recipe cookie-card"><p>{EN_PROSE}</p></div>
    <div class="cli-modal" id="cliSettingsPopup"><div class="cli-row"><p>{notice * 4}</p>
    <p>{notice * 3}</p></div></div>
    <div id="cookie-law-info-bar"><p>We use cookies, and you may accept them. Accept</p></div>
    </body></html>"""
    article = extract_article(page, "https://example.com/a", timezone="UTC")
    text = " ".join(b.text for b in article.blocks)
    assert "council met" in text  # the banner's longer prose did not win the page
    assert "uses cookies" not in text and "Accept" not in text


def test_the_region_is_the_article_inside_a_wrapper_of_blurbs() -> None:
    """A sidebar's blurbs add a little prose to the wrapper; the article holds nearly all."""
    blurbs = "".join(f"<p>A short blurb, number {i}.</p>" for i in range(3))
    page = f"""<html><body><div id="wrap">
    <div id="story"><p>{EN_PROSE * 3}</p><p>{EN_PROSE * 3}</p></div>
    <div id="side">{blurbs}</div></div></body></html>"""
    body = clean_tree(parse_html(page))
    tree = score_tree(body)
    regions = list(candidate_regions(tree, body, None))
    assert tree.elements[regions[0].spans[0][0]].get("id") == "story"
    # Should the article's text filter away, the wrapper it was found in comes next.
    assert tree.elements[regions[1].spans[0][0]].get("id") == "wrap"


def test_one_paragraph_of_several_is_not_the_whole_text() -> None:
    """A link list's negative score must not make one paragraph look dominant."""
    links = " ".join(f'<a href="/{i}">Another story with a long title {i}</a>' for i in range(11))
    page = f"""<html><body><div id="text">
    <p>{EN_PROSE * 2}</p><p>{EN_PROSE}</p><p>{EN_PROSE}</p><div>{links}</div>
    </div></body></html>"""
    body = clean_tree(parse_html(page))
    tree = score_tree(body)
    (first, *_rest) = [i for i, el in enumerate(tree.elements) if el.tag == "p"]
    assert tree.score[first] > 0.9 * tree.score[tree.best]  # more than the whole, with links
    assert tree.elements[tree.best].get("id") == "text"


LINKS = " ".join(f'<a href="/{i}">另一篇文章的很长很长的标题之{i}</a>' for i in range(12))


def test_a_summary_set_apart_above_the_text_is_its_first_paragraph() -> None:
    page = f"""<html><body><div id="head"><h1>市政府召开常务会议</h1></div>
    <p class="ep-summary">[会议决定加快推进重点项目建设，保障民生。]</p>
    <div id="endText"><p>{PROSE}</p><p>{PROSE}</p></div>
    <p class="leading-tight">不是摘要的一行字，在正文之后。</p>
    <div id="more">{LINKS}</div></body></html>"""
    body = clean_tree(parse_html(page))
    tree = score_tree(body)
    region = next(candidate_regions(tree, body, None))
    cut = cut_region(linearize(body, ""), region)
    assert cut is not None
    texts = [b.text for b in cut.blocks]
    assert texts[0] == "[会议决定加快推进重点项目建设，保障民生。]" and len(texts) == 3


def test_a_cookie_state_class_on_the_body_is_not_a_banner() -> None:
    page = f'<html><body class="has-cookie-bar"><main><p>{EN_PROSE}</p></main></body></html>'
    article = extract_article(page, "https://example.com/a", timezone="UTC")
    assert "council met" in " ".join(b.text for b in article.blocks)


def test_a_posts_footer_just_after_its_text_names_the_poster() -> None:
    blurbs = "".join(f"<p>短评{i}。</p>" for i in range(2))
    page = f"""<html><body><table id="post"><tr><td>{PROSE * 6}</td></tr>
    <tr><td class="post-footer">由海姑娘张贴 @ 2005年06月14日 03:25:55</td></tr>
    <tr><td>{blurbs}</td></tr></table></body></html>"""
    article = extract_article(page, "http://blog.example.cn/a")
    assert article.author == "海姑娘"


def _literal_runs(items: object) -> list[list[str]]:
    """Each way through a parsed pattern as its runs of literal characters."""
    import re._constants as c  # type: ignore[import-not-found]

    ways: list[list[str]] = [[""]]
    for op, av in items:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            ways = [w[:-1] + [w[-1] + chr(av)] for w in ways]
        elif op is c.SUBPATTERN:
            ways = [w + r for w in ways for r in _literal_runs(av[-1])] or ways
            ways = [w + [""] for w in ways]
        elif op is c.BRANCH:
            ways = [w + r for w in ways for branch in av[1] for r in _literal_runs(branch)]
            ways = [w + [""] for w in ways]
        else:
            ways = [w + [""] for w in ways]
    return ways


def test_every_consent_name_holds_one_of_the_hints() -> None:
    import re._parser as parser  # type: ignore[import-not-found]

    from suxun_tui.pages.vocabulary import CONSENT_HINTS, CONSENT_NAMES

    ways = _literal_runs(parser.parse(CONSENT_NAMES.pattern))
    assert len(ways) > 30
    for way in ways:
        assert any(hint in run for run in way for hint in CONSENT_HINTS), way
