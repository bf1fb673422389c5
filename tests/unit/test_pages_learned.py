"""The learned block classifier: its features, its model file and when it may choose."""

from __future__ import annotations

import json

from suxun_tui.pages.block_features import block_features
from suxun_tui.pages.block_model import WEIGHTS_PATH, BlockModel, load_model
from suxun_tui.pages.body_filter import FilteredBody
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import linearize
from suxun_tui.pages.learned_body import is_cjk_page, learned_body
from suxun_tui.pages.metadata import InfoFields
from suxun_tui.pages.region import candidate_regions
from suxun_tui.pages.scoring import score_tree

PROSE = "The council met on Monday, and after a long debate it approved the plan. " * 3
PAGE = f"""<html><body>
<nav class="site-menu"><a href="/a">Home</a> <a href="/b">World news today</a></nav>
<div class="post-content"><p>{PROSE}</p><p>{PROSE}</p></div>
<ul class="threads"><li>First reply in the thread</li><li>Second reply in the thread</li></ul>
</body></html>"""


def _page() -> tuple[object, list, object]:  # type: ignore[type-arg]
    body = clean_tree(parse_html(PAGE))
    tree = score_tree(body)
    blocks = linearize(body, "https://example.com/a")
    region = next(candidate_regions(tree, body, None))
    return tree, blocks, region


def test_features_describe_links_names_and_the_region() -> None:
    tree, blocks, region = _page()
    features = block_features(tree, blocks, region)  # type: ignore[arg-type]
    by_text = {b.text: f for b, f in zip(blocks, features, strict=True)}
    nav = by_text["Home World news today"]
    assert nav["link_density"] == 1.0 and nav["tag:nav"] == 1.0
    assert nav["up:menu"] == 1.0 and "in_region" not in nav
    prose = by_text[PROSE.strip()]
    assert prose["in_region"] == 1.0 and prose["punct_density"] > 0
    assert prose["up:content"] == 1.0 and prose["kind:paragraph"] == 1.0


def test_model_is_a_logistic_sum_of_named_weights() -> None:
    model = BlockModel({"a": 2.0, "b": -1.0}, 0.0, 0.5, 1.0)
    assert model.probability({}) == 0.5
    assert model.keeps({"a": 1.0}) and not model.keeps({"b": 1.0})
    assert model.probability({"unknown": 5.0}) == 0.5


def test_the_shipped_model_is_small_and_loads() -> None:
    assert WEIGHTS_PATH.stat().st_size < 100_000
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert "cross_validated_word_f1" in data
    model = load_model()
    assert model is not None and model.weights and model.gate >= 1.0


def test_cjk_pages_are_told_apart() -> None:
    _tree, blocks, _region = _page()
    assert not is_cjk_page(blocks)  # type: ignore[arg-type]
    chinese = clean_tree(parse_html("<p>" + "这是一段新闻正文，内容足够长。" * 5 + "</p>"))
    assert is_cjk_page(linearize(chinese, ""))


def test_the_model_body_wins_only_when_clearly_bigger() -> None:
    tree, blocks, region = _page()
    rules = FilteredBody(
        [b for b in blocks if b.text == PROSE.strip()][:1], InfoFields(), InfoFields()
    )
    likes_lists = BlockModel({"kind:list_item": 6.0, "kind:paragraph": 6.0}, -3.0, 0.5, 1.2)
    out = learned_body(tree, blocks, region, rules, None, likes_lists)  # type: ignore[arg-type]
    assert [b.text for b in out.blocks][-2:] == [
        "First reply in the thread",
        "Second reply in the thread",
    ]
    picky = BlockModel({"kind:list_item": 6.0}, -3.0, 0.5, 1.2)
    assert learned_body(tree, blocks, region, rules, None, picky) is rules  # type: ignore[arg-type]


def test_features_limited_to_the_models_names_score_the_same() -> None:
    tree, blocks, region = _page()
    everything = block_features(tree, blocks, region)  # type: ignore[arg-type]
    model = BlockModel({"up:menu": -2.0, "own:threads": 0.5, "tag:nav": -1.0}, 0.1, 0.5, 1.0)
    known = block_features(tree, blocks, region, model.weights)  # type: ignore[arg-type]
    assert any("up:site" in f for f in everything)
    assert not any("up:site" in f for f in known)  # a word the model has no weight for
    for full, short in zip(everything, known, strict=True):
        assert abs(model.probability(full) - model.probability(short)) < 1e-12


def test_names_reach_seven_ancestors_up_and_no_further() -> None:
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    html = "<body>" + "".join(f'<div class="{w}">' for w in words) + "<p>Text here.</p>"
    body = clean_tree(parse_html(html + "</div>" * 10 + "</body>"))
    tree = score_tree(body)
    blocks = linearize(body, "")
    region = next(candidate_regions(tree, body, None))
    (features,) = block_features(tree, blocks, region)
    ups = sorted(name for name in features if name.startswith("up:"))
    # The <p> is the block's own element; its seven nearest ancestors are nine ... three.
    assert ups == sorted("up:" + w for w in words[3:])


ARTICLE_PROSE = PROSE * 3  # over ARTICLE_CHARS: the rules found a whole article
THREAD_PAGE = f"""<html><body>
<div class="post-content"><p>{ARTICLE_PROSE}</p></div>
<ol class="comment-list"><li>{PROSE} A reader wrote this.</li>
<li>{PROSE} Another reader wrote that.</li></ol>
</body></html>"""


def _thread_page() -> tuple[object, list, object, FilteredBody]:  # type: ignore[type-arg]
    body = clean_tree(parse_html(THREAD_PAGE))
    tree = score_tree(body)
    blocks = linearize(body, "https://example.com/a")
    region = next(candidate_regions(tree, body, None))
    rules = FilteredBody(
        [b for b in blocks if b.text == ARTICLE_PROSE.strip()], InfoFields(), InfoFields()
    )
    return tree, blocks, region, rules


def test_an_editorial_page_gets_no_comments_from_the_model() -> None:
    tree, blocks, region, rules = _thread_page()
    keeps_all = BlockModel({"kind:list_item": 6.0, "kind:paragraph": 6.0}, -3.0, 0.5, 1.2)
    anything = learned_body(tree, blocks, region, rules, None, keeps_all)  # type: ignore[arg-type]
    assert len(anything.blocks) == 3  # a page that does not say what it is: a thread
    editorial = learned_body(
        tree,  # type: ignore[arg-type]
        blocks,
        region,  # type: ignore[arg-type]
        rules,
        None,
        keeps_all,
        editorial=True,
    )
    assert editorial is rules


def test_a_short_editorial_body_still_takes_the_thread() -> None:
    """A forum post marked og:type article: its rules' body is a line, its posts the text."""
    tree, blocks, region, _rules = _thread_page()
    opening = FilteredBody(
        [b for b in blocks if "A reader" in b.text][:0], InfoFields(), InfoFields()
    )
    keeps_all = BlockModel({"kind:list_item": 6.0, "kind:paragraph": 6.0}, -3.0, 0.5, 1.2)
    out = learned_body(
        tree,  # type: ignore[arg-type]
        blocks,
        region,  # type: ignore[arg-type]
        opening,
        None,
        keeps_all,
        editorial=True,
    )
    assert sum("reader wrote" in b.text for b in out.blocks) == 2


def test_markup_that_names_an_editorial_text_is_read() -> None:
    from suxun_tui.pages.meta import read_meta

    def editorial(head: str) -> bool:
        return read_meta(parse_html(f"<html><head>{head}</head><body></body></html>")).editorial

    assert editorial('<meta property="og:type" content="article">')
    ld = '<script type="application/ld+json">{"@type": "%s", "headline": "x"}</script>'
    assert editorial(ld % "NewsArticle")
    assert not editorial(ld % "DiscussionForumPosting")  # a thread: its posts are the text
    assert not editorial('<meta property="og:type" content="website">')
