"""The class and id words of the block features, split once per value and page.

Each class and id value is split once and its words joined per element (tag, class, id);
what a page's features say must not depend on the calls made before, nor on another
model's vocabulary.
"""

from __future__ import annotations

from suxun_tui.pages import block_features as bf
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import linearize
from suxun_tui.pages.region import candidate_regions
from suxun_tui.pages.scoring import score_tree

PROSE = "The council met on Monday, and after a long debate it approved the plan. " * 3
PAGE = f"""<html><body>
<div class="site-menu" id="top"><ul><li><a href="/a">Home page link</a></li></ul></div>
<article class="post-content"><p>{PROSE}</p><p class="lede note">{PROSE}</p></article>
</body></html>"""


def _features(known: set[str] | None) -> list[bf.Features]:
    body = clean_tree(parse_html(PAGE))
    tree = score_tree(body)
    blocks = linearize(body, "https://example.com/a")
    region = next(candidate_regions(tree, body, None))
    return bf.block_features(tree, blocks, region, known)


def _words(features: list[bf.Features]) -> list[set[str]]:
    return [{k for k in f if k.startswith(("up:", "own:", "tag:"))} for f in features]


def test_words_are_the_class_then_id_words_of_every_ancestor() -> None:
    words = _words(_features(None))
    assert {"up:site", "up:menu", "up:top", "tag:li", "tag:ul"} <= words[0]
    assert {"own:lede", "own:note", "up:post", "up:content", "tag:article"} <= words[2]
    assert "own:lede" not in words[1]


def test_another_vocabulary_is_not_served_the_words_of_the_last() -> None:
    everything = _words(_features(None))
    menu_only = _words(_features({"up:menu"}))
    assert menu_only[0] == {"up:menu"} and menu_only[2] == set()
    lede = {"own:lede"}
    assert _words(_features(lede))[2] == {"own:lede"}
    assert _words(_features(None)) == everything  # and back: nothing left over
