"""Choosing the content region: the page's own main element against its chrome."""

from __future__ import annotations

from suxun_tui.pages.dom import HtmlElement, clean_tree, parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.region import candidate_regions, marked_main
from suxun_tui.pages.scoring import TreeScore, score_tree

_POLICY = " ".join(
    f"Clause {n}. We may process the personal information you give us, as the law allows, "
    "and keep it for as long as the purpose requires, after which it is deleted."
    for n in range(1, 16)
)
_PRODUCT = """
<h1>Trail Pack 25</h1>
<p>$120.00</p>
<p>A light pack for day hikes</p>
<ul><li>Capacity: 25 liters</li><li>Weight: 1 lb 13 oz</li><li>Material: recycled nylon</li></ul>
"""


def _page(main_tag: str = "main", chrome_tag: str = "footer") -> str:
    return f"""<html><head><title>Trail Pack 25 | Outdoor Shop</title></head><body>
<header><a href="/">Shop</a> <a href="/men">Men</a></header>
<{main_tag} class="product">{_PRODUCT}</{main_tag}>
<{chrome_tag}><div class="legal"><h2>Privacy policy</h2><p>{_POLICY}</p></div></{chrome_tag}>
</body></html>"""


def _tree(html: str) -> tuple[HtmlElement, TreeScore]:
    body = clean_tree(parse_html(html))
    return body, score_tree(body)


def test_a_footer_full_of_policy_gives_way_to_the_main_element() -> None:
    text = " ".join(b.text for b in extract_article(_page(), "https://shop.test/p/1").blocks)
    assert "Capacity: 25 liters" in text
    assert "A light pack for day hikes" in text
    assert "personal information" not in text


def test_role_main_and_role_contentinfo_count_as_the_tags_do() -> None:
    html = _page().replace("<main", '<div role="main"').replace("</main>", "</div>")
    html = html.replace("<footer>", '<div role="contentinfo">').replace("</footer>", "</div>")
    body, tree = _tree(html)
    main = marked_main(tree)
    assert main is not None and tree.elements[main].get("role") == "main"
    first = next(candidate_regions(tree, body, None))
    assert first.spans == (tree.span(main),)


def test_a_best_element_outside_the_chrome_keeps_its_place() -> None:
    # A category's description beside <main>, not in a footer: the scoring's choice stands.
    body, tree = _tree(_page(chrome_tag="section"))
    assert marked_main(tree) is None
    first = next(candidate_regions(tree, body, None))
    assert tree.elements[first.spans[-1][0]].tag != "main"


def test_an_empty_main_element_is_not_chosen() -> None:
    html = _page().replace(_PRODUCT, "")
    body, tree = _tree(html)
    assert marked_main(tree) is None
