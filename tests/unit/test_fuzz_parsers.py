"""A fuzz pass over the three doors hostile bytes come through: feeds, pages, OPML.

Each property holds for any input: the parser returns a result or raises its own error
with a message (never another exception), and the work it did is bounded — counted in
items, characters and tree depth, never in seconds. Documents are built from feed-, HTML-
and OPML-shaped pieces (tags opened and never closed, bare ``&``, controls, CJK, deep
nesting, cut-off endings) as well as raw bytes. Examples are few so the suite stays quick.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suxun_tui.feeds.limits import AUTHOR_CHARS, TITLE_CHARS, URL_CHARS, keep_newest_items
from suxun_tui.feeds.opml import OpmlError, read_opml
from suxun_tui.feeds.parse import FeedError, parse_feed
from suxun_tui.pages import ExtractionError
from suxun_tui.pages.extract import extract_article
from suxun_tui.text.nesting import drop_deep_tags

FUZZ = settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow], deadline=None)
MAX_ITEMS = 25
TEXT = st.text(
    alphabet=st.sampled_from(list("ab 中文，。&<>;#x0123\"'/=\n\t\x00\x1b\x85\u202e\u200b]")),
    max_size=30,
)
NAMES = st.sampled_from(
    [
        "rss",
        "channel",
        "item",
        "entry",
        "feed",
        "title",
        "link",
        "guid",
        "id",
        "description",
        "summary",
        "content",
        "content:encoded",
        "pubDate",
        "published",
        "updated",
        "author",
        "dc:creator",
        "name",
        "ttl",
        "p",
        "div",
        "b",
        "font",
        "br",
        "img",
        "a",
        "ul",
        "li",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "script",
    ]
)
REFS = st.sampled_from(["&amp;", "&lt;", "&#27;", "&#x9b;", "&nbsp;", "&bogus;", "&", "&#0;"])


@st.composite
def markup(draw: st.DrawFn, max_pieces: int = 40, deepest: int = 300) -> str:
    """Tag soup: opening, closing and self-closing tags, text, references, CDATA, depth."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, max_pieces))):
        kind = draw(st.integers(0, 9))
        name = draw(NAMES)
        if kind <= 2:
            attr = draw(st.sampled_from(["", ' href="http://e/x"', " src=/i.png", ' a="&"']))
            pieces.append(f"<{name}{attr}>")
        elif kind == 3:
            pieces.append(f"</{name}>")
        elif kind == 4:
            pieces.append(f"<{name}/>")
        elif kind == 5:
            pieces.append(draw(REFS))
        elif kind == 6:
            pieces.append("<![CDATA[" + draw(TEXT) + "]]>")
        elif kind == 7:
            pieces.append(f"<{name}>" * draw(st.sampled_from([1, 10, deepest])))
        else:
            pieces.append(draw(TEXT))
    return "".join(pieces)


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """Something feed-shaped: a declaration, a root, items of soup, maybe cut short."""
    root = draw(st.sampled_from(["rss", "feed", "rdf:RDF", "channel"]))
    decl = draw(st.sampled_from(["", '<?xml version="1.0" encoding="utf-8"?>']))
    items = [
        "<item><title>" + draw(TEXT) + "</title>" + draw(markup(12)) + "</item>"
        for _ in range(draw(st.integers(0, 2 * MAX_ITEMS)))
    ]
    doc = f"{decl}<{root}><channel><title>{draw(TEXT)}</title>{''.join(items)}{draw(markup())}"
    doc += draw(st.sampled_from(["", f"</channel></{root}>"]))
    data = doc.encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, len(data)))
    return data[: len(data) if draw(st.booleans()) else cut]


def _assert_feed_bounded(data: bytes) -> None:
    try:
        parsed = parse_feed(data, "http://example.org/feed", "application/xml", MAX_ITEMS)
    except FeedError as exc:
        assert str(exc)
        return
    assert len(parsed.entries) <= MAX_ITEMS
    assert len(parsed.title) <= TITLE_CHARS
    shown = 0
    for entry in parsed.entries:
        assert entry.guid and len(entry.title) <= TITLE_CHARS and len(entry.url) <= URL_CHARS
        assert entry.author is None or len(entry.author) <= AUTHOR_CHARS
        shown += sum(len(block.text) + len(block.url or "") for block in entry.blocks)
    assert shown <= 3 * len(data) + 100 * len(parsed.entries)


@FUZZ
@given(feed_documents())
def test_any_feed_shaped_document_parses_within_bounds(data: bytes) -> None:
    _assert_feed_bounded(data)


@FUZZ
@given(st.binary(max_size=3_000))
def test_any_bytes_are_a_feed_or_a_clear_refusal(data: bytes) -> None:
    _assert_feed_bounded(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)
JSON_ITEMS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "url": st.sampled_from(["http://e/1", "http://[::1", "", "\x1b]0;x\x07"]) | JSON_VALUES,
        "title": JSON_VALUES,
        "content_html": markup(20) | JSON_VALUES,
        "content_text": JSON_VALUES,
        "image": JSON_VALUES,
        "date_published": st.sampled_from(["2025-12-01T00:00:00Z", "9999-99", ""]),
        "authors": JSON_VALUES,
    },
)


@FUZZ
@given(st.lists(JSON_ITEMS | JSON_VALUES, max_size=2 * MAX_ITEMS), JSON_VALUES)
def test_any_json_feed_parses_within_bounds(items: list[object], title: object) -> None:
    _assert_feed_bounded(json.dumps({"title": title, "items": items}).encode())


@FUZZ
@given(feed_documents(), st.integers(1, 40))
def test_cutting_to_the_newest_items_never_grows_a_document(data: bytes, limit: int) -> None:
    kept, _ = keep_newest_items(data, limit)
    assert len(kept) <= len(data)


@st.composite
def pages(draw: st.DrawFn) -> str:
    head = "<html><head><title>" + draw(TEXT) + "</title></head><body>"
    prose = "<p>" + "这是正文的一句话，说了一些事情。" * draw(st.integers(0, 20)) + "</p>"
    soup = markup(deepest=2_500)
    return head + draw(soup) + draw(st.sampled_from(["", prose])) + draw(soup)


@FUZZ
@given(pages())
def test_any_page_extracts_within_bounds(html: str) -> None:
    try:
        article = extract_article(html, "http://example.org/a.html")
    except ExtractionError as exc:
        assert str(exc)
        return
    text = sum(len(block.text) for block in article.blocks)
    assert 0 < text <= 2 * len(html)
    assert len(article.blocks) <= len(html)


@FUZZ
@given(markup(), st.sampled_from([16, 64, 1024]))
def test_dropping_deep_tags_only_ever_drops_tags(html: str, limit: int) -> None:
    tags = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^>]*>")
    assert tags.sub("", drop_deep_tags(html, limit)) == tags.sub("", html)


@st.composite
def opml_documents(draw: st.DrawFn) -> bytes:
    outlines = []
    for _ in range(draw(st.integers(0, 12))):
        attrs = {
            "text": draw(TEXT),
            "xmlUrl": draw(
                st.sampled_from(["http://e/f.xml", "http://e/?a=1&amp;b=2", "file:///etc/x"]) | TEXT
            ),
            "type": draw(st.sampled_from(["rss", "html", "link", ""])),
        }
        inner = "".join(f' {k}="{v}"' for k, v in attrs.items() if draw(st.booleans()))
        outlines.append(f"<outline{inner}" + draw(st.sampled_from(["/>", ">", "></outline>"])))
    doc = f'<?xml version="1.0"?><opml version="2.0"><head/><body>{"".join(outlines)}'
    doc += draw(markup(10)) + draw(st.sampled_from(["</body></opml>", ""]))
    return doc.encode("utf-8", "surrogatepass")


@FUZZ
@given(opml_documents() | st.binary(max_size=1_000))
def test_any_opml_imports_within_bounds(data: bytes) -> None:
    try:
        found = read_opml(data)
    except OpmlError as exc:
        assert str(exc)
        return
    outlines = data.count(b"<outline")
    assert len(found.sources) + len(found.skipped) + len(found.known) <= outlines + 1
    for source in found.sources:
        assert source.url and "\x1b" not in source.name
