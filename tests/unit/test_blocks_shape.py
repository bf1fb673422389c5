"""Blocks keep the shape the author gave them, on both HTML paths (pages and feed items).

Code keeps every line, indent and blank line (tabs become four-column stops), loses a
highlighter's line numbers and is never folded or "repaired"; inline code keeps the spaces
around it; nested list items know their depth; table captions and figure captions stay
blocks of their own. Each case runs through page extraction and the feed converter.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from suxun_tui.feeds.fastblocks import simple_blocks
from suxun_tui.feeds.fragments import html_to_blocks
from suxun_tui.models import Block, blocks_to_plain
from suxun_tui.pages.extract import extract_article
from suxun_tui.store.codec import decode_blocks, encode_blocks
from suxun_tui.text.code import tidy_code

PROSE = (
    "<p>This paragraph is the article's running text, long enough to be chosen as the body, "
    "with commas, full stops and all. It explains the snippet that follows.</p>"
)
OUTRO = (
    "<p>Another paragraph closes the article, again with ordinary sentences, so that the "
    "snippet sits in the middle of real prose.</p>"
)

GO_SOURCE = (
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n'
    '\t\tfmt.Println(i)  // 打印\n\t}\n\n\n\tdefer fmt.Println("done")\n}\n\n\n'
)
GO_CODE = (
    'package main\n\nimport "fmt"\n\nfunc main() {\n    for i := 0; i < 3; i++ {\n'
    '        fmt.Println(i)  // 打印\n    }\n\n\n    defer fmt.Println("done")\n}'
)
PY_HTML = (
    '<pre><code class="language-python">def greet(name):\n    if name:\n'
    '        print(f"關(guān)注 {name}")   # 拼音 stays\n\n    return  None\n</code></pre>'
)
PY_CODE = (
    'def greet(name):\n    if name:\n        print(f"關(guān)注 {name}")   # 拼音 stays\n\n'
    "    return  None"
)
# Pygments with ``linenos="table"``, as Sphinx, MkDocs and Jekyll emit it.
PYGMENTS_TABLE = (
    '<div class="highlight-python notranslate"><table class="highlighttable"><tr>'
    '<td class="linenos"><div class="linenodiv"><pre><span class="normal">1</span>\n'
    '<span class="normal">2</span>\n<span class="normal">3</span></pre></div></td>'
    '<td class="code"><div class="highlight"><pre><span></span>'
    '<span class="k">for</span> <span class="n">x</span> <span class="ow">in</span> '
    '<span class="n">xs</span><span class="p">:</span>\n'
    '    <span class="k">if</span> <span class="n">x</span><span class="p">:</span>\n'
    '        <span class="n">show</span><span class="p">(</span><span class="n">x</span>'
    '<span class="p">)</span>\n</pre></div></td></tr></table></div>'
)
HIGHLIGHTED = "for x in xs:\n    if x:\n        show(x)"
# Pygments with inline line numbers, a span at the start of each line.
PYGMENTS_INLINE = (
    '<div class="highlight"><pre><span></span><span class="linenos">1</span>for x in xs:\n'
    '<span class="linenos">2</span>    if x:\n<span class="linenos">3</span>        show(x)\n'
    "</pre></div>"
)
# Hugo's Chroma with a line-number table: the gutter is a <pre> of digits.
CHROMA_TABLE = (
    '<div class="highlight"><div class="chroma"><table class="lntable"><tr><td class="lntd">'
    '<pre tabindex="0" class="chroma"><code><span class="lnt">1\n</span><span class="lnt">2\n'
    '</span><span class="lnt">3\n</span></code></pre></td><td class="lntd">'
    '<pre tabindex="0" class="chroma"><code class="language-python">'
    '<span class="line"><span class="cl">for x in xs:\n</span></span>'
    '<span class="line"><span class="cl">    if x:\n</span></span>'
    '<span class="line"><span class="cl">        show(x)\n</span></span>'
    "</code></pre></td></tr></table></div></div>"
)
# WordPress SyntaxHighlighter: no <pre> at all, a <div> per line, &nbsp; indents.
SYNTAX_HIGHLIGHTER = (
    '<div class="syntaxhighlighter python"><table border="0" cellpadding="0" cellspacing="0">'
    '<tbody><tr><td class="gutter"><div class="line number1 index0 alt2">1</div>'
    '<div class="line number2 index1 alt1">2</div><div class="line number3 index2 alt2">3</div>'
    '</td><td class="code"><div class="container">'
    '<div class="line number1 index0 alt2"><code class="keyword">for</code> '
    '<code class="plain">x in xs:</code></div>'
    '<div class="line number2 index1 alt1"><code class="spaces">&nbsp;&nbsp;&nbsp;&nbsp;</code>'
    '<code class="keyword">if</code> <code class="plain">x:</code></div>'
    '<div class="line number3 index2 alt2"><code class="spaces">&nbsp;&nbsp;&nbsp;&nbsp;'
    '&nbsp;&nbsp;&nbsp;&nbsp;</code><code class="plain">show(x)</code></div>'
    "</div></td></tr></tbody></table></div>"
)
# GitHub's rendering of a file or gist: one table row per line, the number in a data attribute.
GITHUB_TABLE = (
    '<table class="highlight tab-size js-file-line-container">'
    '<tr><td id="L1" class="blob-num js-line-number" data-line-number="1"></td>'
    '<td id="LC1" class="blob-code blob-code-inner js-file-line">for x in xs:</td></tr>'
    '<tr><td id="L2" class="blob-num js-line-number" data-line-number="2"></td>'
    '<td id="LC2" class="blob-code blob-code-inner js-file-line">    if x:</td></tr>'
    '<tr><td id="L3" class="blob-num js-line-number" data-line-number="3"></td>'
    '<td id="LC3" class="blob-code blob-code-inner js-file-line">        show(x)</td></tr>'
    "</table>"
)
# highlight.js with highlightjs-line-numbers: a table inside the <code>.
HLJS_LINES = (
    '<pre><code class="hljs"><table class="hljs-ln"><tbody>'
    '<tr><td class="hljs-ln-line hljs-ln-numbers" data-line-number="1">'
    '<div class="hljs-ln-n" data-line-number="1"></div></td>'
    '<td class="hljs-ln-line hljs-ln-code" data-line-number="1">for x in xs:</td></tr>'
    '<tr><td class="hljs-ln-line hljs-ln-numbers" data-line-number="2">'
    '<div class="hljs-ln-n" data-line-number="2"></div></td>'
    '<td class="hljs-ln-line hljs-ln-code" data-line-number="2">    if x:</td></tr>'
    '<tr><td class="hljs-ln-line hljs-ln-numbers" data-line-number="3">'
    '<div class="hljs-ln-n" data-line-number="3"></div></td>'
    '<td class="hljs-ln-line hljs-ln-code" data-line-number="3">        show(x)</td></tr>'
    "</tbody></table></code></pre>"
)

# A gutter <pre> in its own <div> beside the code, no table; Prism's empty line-number spans.
GUTTER_DIV = (
    '<div class="code-block"><div class="gutter"><pre>1\n2\n3</pre></div>'
    '<div class="code"><pre>for x in xs:\n    if x:\n        show(x)</pre></div></div>'
)
PRISM_LINES = (
    '<pre class="line-numbers language-python"><code class="language-python">for x in xs:\n'
    "    if x:\n        show(x)"
    '<span aria-hidden="true" class="line-numbers-rows"><span></span><span></span><span></span>'
    "</span></code></pre>"
)
# Code set with <br> and &nbsp; (blog editors), no newlines in the source at all.
BR_LINES = "<pre>for x in xs:<br>&nbsp;&nbsp;&nbsp; if x:<br>\t\tshow(x)<br><br></pre>"


def page_blocks(fragment: str) -> list[Block]:
    html = (
        "<html><head><title>Blocks that keep their shape</title></head><body><article>"
        f"<h1>Blocks that keep their shape</h1>{PROSE}{fragment}{OUTRO}</article></body></html>"
    )
    return list(extract_article(html, "https://example.org/post").blocks)


def feed_blocks(fragment: str) -> list[Block]:
    return list(html_to_blocks(PROSE + fragment + OUTRO, "https://example.org/post"))


PATHS: dict[str, Callable[[str], list[Block]]] = {"page": page_blocks, "feed": feed_blocks}
both_paths = pytest.mark.parametrize("blocks_of", PATHS.values(), ids=PATHS.keys())


def code_of(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.kind == "code"]


@both_paths
def test_go_code_keeps_tabs_as_indents_and_its_blank_lines(
    blocks_of: Callable[[str], list[Block]],
) -> None:
    blocks = blocks_of(f"<pre><code>{GO_SOURCE}</code></pre>")
    assert code_of(blocks) == [GO_CODE]
    assert [b.kind for b in blocks] == ["paragraph", "code", "paragraph"]


@both_paths
def test_python_code_is_neither_folded_nor_pinyin_repaired(
    blocks_of: Callable[[str], list[Block]],
) -> None:
    assert code_of(blocks_of(PY_HTML)) == [PY_CODE]


@pytest.mark.parametrize(
    "markup",
    [
        PYGMENTS_TABLE,
        PYGMENTS_INLINE,
        CHROMA_TABLE,
        SYNTAX_HIGHLIGHTER,
        GITHUB_TABLE,
        HLJS_LINES,
        GUTTER_DIV,
        PRISM_LINES,
    ],
    ids=[
        "pygments-table",
        "pygments-inline",
        "chroma",
        "syntaxhighlighter",
        "github",
        "hljs-ln",
        "gutter-div",
        "prism",
    ],
)
@both_paths
def test_highlighted_code_loses_its_line_numbers_and_keeps_its_lines(
    blocks_of: Callable[[str], list[Block]], markup: str
) -> None:
    blocks = blocks_of(markup)
    assert code_of(blocks) == [HIGHLIGHTED]
    assert [b.kind for b in blocks] == ["paragraph", "code", "paragraph"]


@both_paths
def test_code_set_with_br_and_nbsp_keeps_its_lines(
    blocks_of: Callable[[str], list[Block]],
) -> None:
    assert code_of(blocks_of(BR_LINES)) == ["for x in xs:\n    if x:\n        show(x)"]


@both_paths
def test_a_numbered_listing_without_a_gutter_keeps_its_numbers(
    blocks_of: Callable[[str], list[Block]],
) -> None:
    # Digits alone are not a gutter: a <pre> that prints numbers is code like any other.
    assert code_of(blocks_of("<pre>1\n2\n3</pre>")) == ["1\n2\n3"]


@both_paths
def test_inline_code_keeps_the_spaces_around_it(blocks_of: Callable[[str], list[Block]]) -> None:
    blocks = blocks_of(
        "<p>Go 有一个关键字叫做 <code>defer</code> ，它在函数返回前执行，"
        "叫做\n<code>defer</code>\n语句。</p>"
        "<p>Press <kbd>Ctrl</kbd> + <kbd>C</kbd>, read <samp>exit 1</samp>, type "
        "<tt>q</tt>, call<code> close() </code>now.</p>"
    )
    texts = [b.text for b in blocks]
    assert "Go 有一个关键字叫做 defer ，它在函数返回前执行，叫做 defer 语句。" in texts
    assert "Press Ctrl + C, read exit 1, type q, call close() now." in texts


@both_paths
def test_nested_list_items_know_their_depth(blocks_of: Callable[[str], list[Block]]) -> None:
    blocks = blocks_of(
        "<ul><li>fruit, the sweet kind<ul><li>apples<ol><li>Cox</li><li>Gala</li></ol></li>"
        "<li>pears</li></ul></li><li>vegetables</li></ul>"
    )
    items = [(b.text, b.level) for b in blocks if b.kind == "list_item"]
    assert items == [
        ("fruit, the sweet kind", 0),
        ("apples", 1),
        ("Cox", 2),
        ("Gala", 2),
        ("pears", 1),
        ("vegetables", 0),
    ]


@both_paths
def test_a_table_keeps_its_rows_and_its_caption(blocks_of: Callable[[str], list[Block]]) -> None:
    blocks = blocks_of(
        "<table><caption>Release dates</caption><tr><th>Version</th><th>Date</th></tr>"
        "<tr><td>1.0</td><td>2024-05-01</td></tr><tr><td>2.0</td><td>2025-02-11</td></tr></table>"
    )
    shaped = [(b.kind, b.text) for b in blocks[1:-1]]
    assert shaped == [
        ("paragraph", "Release dates"),
        ("table", "Version | Date\n1.0 | 2024-05-01\n2.0 | 2025-02-11"),
    ]


@both_paths
def test_a_figure_is_an_image_and_its_caption_a_block_of_its_own(
    blocks_of: Callable[[str], list[Block]],
) -> None:
    blocks = blocks_of(
        '<figure><img src="/img/bridge.jpg" alt="The bridge" width="800">'
        "<figcaption>The new bridge at dawn.</figcaption></figure>"
    )
    assert [(b.kind, b.text, b.url) for b in blocks[1:-1]] == [
        ("image", "The bridge", "https://example.org/img/bridge.jpg"),
        ("paragraph", "The new bridge at dawn.", None),
    ]


@both_paths
def test_a_quote_keeps_its_paragraphs(blocks_of: Callable[[str], list[Block]]) -> None:
    blocks = blocks_of("<blockquote><p>First, quoted.</p><p>Second, quoted.</p></blockquote>")
    assert [(b.kind, b.text) for b in blocks[1:-1]] == [
        ("quote", "First, quoted."),
        ("quote", "Second, quoted."),
    ]


def test_text_after_a_data_table_is_read_once() -> None:
    blocks = page_blocks(
        "<div><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        "The text right after the table, once.</div>"
    )
    assert [b.text for b in blocks].count("The text right after the table, once.") == 1


@pytest.mark.parametrize(
    "code",
    [
        "// Copyright 2009 The Go Authors. All rights reserved.\npackage main",
        "来源：config.yaml",
        "分享到 = share(target)",
        "上一篇\nprevious()",
        "editor: vim\nauthor: 张三",
    ],
)
def test_code_inside_the_article_is_not_taken_for_site_furniture(code: str) -> None:
    article_code = code_of(page_blocks(f"<pre>{code}</pre>"))
    assert article_code == [code]


@pytest.mark.parametrize("where", ["first", "last"])
@pytest.mark.parametrize(
    "code",
    ["// Copyright 2009 The Go Authors. All rights reserved.\npackage main", "2020-06-05 20:35"],
)
def test_code_at_the_edges_of_the_text_is_not_trimmed_as_the_page_s(code: str, where: str) -> None:
    pre = f"<pre>{code}</pre>"
    body = f"{pre}{PROSE}{OUTRO}" if where == "first" else f"{PROSE}{OUTRO}{pre}"
    html = (
        "<html><head><title>Blocks that keep their shape</title></head><body><article>"
        f"<h1>Blocks that keep their shape</h1>{body}</article></body></html>"
    )
    assert code_of(list(extract_article(html, "https://example.org/post").blocks)) == [code]


def test_an_excerpt_of_an_earlier_snippet_is_kept() -> None:
    whole = "func add(a, b int) int {\n    return a + b\n}\n\nfunc sub(a, b int) int {\n    return a - b\n}"
    excerpt = "func add(a, b int) int {\n    return a + b\n}"
    html = f"<pre>{whole}</pre><p>The first function, once more, in short.</p><pre>{excerpt}</pre>"
    assert code_of(page_blocks(html)) == [whole, excerpt]


def test_fast_feed_blocks_keep_inline_code_as_the_converter_does() -> None:
    fragment = "<p>叫做 <code>defer</code> 的语句</p><p>Press <kbd>q</kbd> or <tt>x</tt>.</p>"
    fast = simple_blocks(fragment)
    assert fast is not None
    assert fast == html_to_blocks(fragment, "http://x/")
    assert [b.text for b in fast] == ["叫做 defer 的语句", "Press q or x."]
    assert simple_blocks(f"<p>a</p><pre>{GO_SOURCE}</pre>") is None  # code: the full converter


def test_tidy_code_is_idempotent_and_trims_only_edges() -> None:
    raw = "\n\n\tx = 1\x1b[31m  \r\n\n\u00a0\u00a0y\t\t= 2\n\n\n"
    once = tidy_code(raw)
    assert once == "    x = 1\n\n  y     = 2"  # tab stops every four columns
    assert tidy_code(once) == once


def test_code_and_nested_items_survive_the_store_and_plain_text() -> None:
    blocks = (
        Block("paragraph", "Intro."),
        Block("code", GO_CODE),
        Block("list_item", "outer"),
        Block("list_item", "inner", level=1),
    )
    assert decode_blocks(encode_blocks(blocks)) == blocks
    plain = blocks_to_plain(blocks)
    assert GO_CODE in plain
    assert plain.endswith("• outer\n\n  • inner")
