"""HTML fragments → readable text blocks (paragraphs, headings, lists, quotes, images, code).

Feed items carry HTML; the screen shows text. This walks an lxml tree once, gathering
inline text into the current block and starting a new block at every block-level
element, so raw tags never reach the screen and paragraph structure survives. Code
(``<pre>``, a highlighter's table) is read whole by :func:`suxun_tui.text.code.code_text`,
lines and indents as written; a list item's ``level`` says how deeply it is nested.
Links inside the text are kept as spans of the block's text (:mod:`suxun_tui.text.linkspans`).
"""

from __future__ import annotations

import re
import threading
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from suxun_tui.models import Block, BlockKind, LinkSpan
from suxun_tui.text.code import code_text, is_code_table, is_gutter_pre
from suxun_tui.text.damage import repair_damage
from suxun_tui.text.linkspans import link_address, marked_text
from suxun_tui.text.nesting import parse_within_depth
from suxun_tui.text.sanitize import clean_line, clean_text

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "svg",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "rt",
        "rp",
        "nav",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "center",
        "dl",
        "dt",
        "dd",
        "address",
        "details",
        "summary",
        "hr",
        "body",
        "html",
    }
)
_LISTS = frozenset({"ul", "ol"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TAG_LIKE = re.compile(r"<[a-zA-Z/!][^>]*>")
_PARSERS = threading.local()  # one pair per thread: each run's error log is its own


def _parser(huge: bool) -> lxml.html.HTMLParser:
    """This thread's fragment parser; ``huge`` lifts libxml2's depth limit to 2048."""
    name = "huge" if huge else "plain"
    parser: lxml.html.HTMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = lxml.html.HTMLParser(huge_tree=huge)
        setattr(_PARSERS, name, parser)
    return parser


def parse_fragment(fragment: str) -> etree._Element:
    """``fragment`` in a ``<div>``; nested past libxml2's limit, parsed again and flattened.

    A recovering parse stops at 256 open elements and drops the rest without a word (a
    feed item nested 300 deep came out empty); see :mod:`suxun_tui.text.nesting`.
    """
    root = parse_within_depth(fragment, _in_div, _parser(False), _parser(True))
    if root is None:
        raise etree.ParserError("no element in the fragment")
    return root


def _in_div(fragment: str, parser: lxml.html.HTMLParser) -> etree._Element:
    root: etree._Element = lxml.html.fragment_fromstring(
        fragment, create_parent="div", parser=parser
    )
    return root


def _text_of(el: etree._Element) -> str:
    return "".join(t if isinstance(t, str) else t.decode("utf-8", "replace") for t in el.itertext())


def looks_like_html(text: str) -> bool:
    return bool(_TAG_LIKE.search(text))


class _Collector:
    """Accumulates inline text and emits blocks at block boundaries."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.depth = 0  # how many lists the walk is inside
        self.quotes = 0  # how many quotes: their paragraphs are quote blocks
        self.link: str | None = None  # the address of the link the walk is inside
        self.link_at = 0  # where in ``parts`` its text began
        self.marks: list[tuple[int, int, str]] = []  # links of this block, by part index

    def flush(self) -> None:
        if self.link is not None:  # a link around block elements: its part in this block
            self.marks.append((self.link_at, len(self.parts), self.link))
            self.link_at = 0
        spans: tuple[LinkSpan, ...] = ()
        if self.marks:
            text, spans = marked_text(self.parts, self.marks, _clean_block)
            self.marks = []
        else:
            text = _clean_block("".join(self.parts))
        if text.strip():
            self.blocks.append(Block(self.kind, text, None, self.level, spans))
        self.parts = []
        self.kind = self._plain_kind()
        self.level = 0

    def _plain_kind(self) -> BlockKind:
        return "quote" if self.quotes else "paragraph"

    def start(self, kind: BlockKind, level: int = 0) -> None:
        self.flush()
        self.kind = kind
        self.level = level

    def image(self, src: str | None, alt: str | None) -> None:
        self.flush()
        try:
            url = urljoin(self.base_url, src) if (src and self.base_url) else src
        except ValueError:  # a base urllib cannot read (http://[::1): the address as given
            url = src
        self.blocks.append(Block("image", clean_line(alt), clean_line(url) or None))

    def walk(self, el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            self._tail(el)
            return
        if tag == "img":
            self.image(el.get("src") or el.get("data-src"), el.get("alt") or el.get("title"))
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _HEADINGS:
            self._block(el, "heading", _HEADINGS[tag])
        elif tag == "li":
            self._block(el, "list_item", max(self.depth - 1, 0))
        elif tag == "blockquote":
            self.quotes += 1
            self._block(el, "quote", 0)
            self.quotes -= 1
            self.kind = self._plain_kind()
        elif tag == "pre" or (tag == "table" and is_code_table(el)):
            self._code(el)
        elif tag == "table":
            self._table(el)
        elif tag in _LISTS:
            self.depth += 1
            self._block(el, self._plain_kind(), 0)
            self.depth -= 1
        elif tag in _BLOCKS:
            self._block(el, self._plain_kind(), 0)
        elif tag == "a" and self.link is None and (href := self._address(el)) is not None:
            self.link, self.link_at = href, len(self.parts)
            self._inline(el)
            if self.parts[self.link_at :]:
                self.marks.append((self.link_at, len(self.parts), href))
            self.link = None
        else:
            self._inline(el)
        self._tail(el)

    def _address(self, el: etree._Element) -> str | None:
        return link_address(el.get("href"), self.base_url)

    def _inline(self, el: etree._Element) -> None:
        if el.text:
            self.parts.append(el.text.replace("\n", " "))
        for child in el:
            self.walk(child)

    def _block(self, el: etree._Element, kind: BlockKind, level: int) -> None:
        self.start(kind, level)
        self._inline(el)
        self.flush()

    def _code(self, el: etree._Element) -> None:
        """A code block; text after it goes on in the quote or list item around it."""
        kind, level = self.kind, self.level
        self.flush()
        text = "" if el.tag == "pre" and is_gutter_pre(el) else code_text(el)
        if text:
            self.blocks.append(Block("code", text))
        self.kind, self.level = kind, level

    def _table(self, el: etree._Element) -> None:
        self.flush()
        caption = el.find("caption")
        if caption is not None and clean_line(_text_of(caption)):
            self.blocks.append(Block("paragraph", clean_line(_text_of(caption))))
        rows = []
        for tr in el.iter("tr"):
            cells = [clean_line(_text_of(td)) for td in tr if td.tag in ("td", "th")]
            if any(cells):
                rows.append(" | ".join(cells))
        if rows:
            self.blocks.append(Block("table", "\n".join(rows)))

    def _tail(self, el: etree._Element) -> None:
        if el.tail:
            self.parts.append(el.tail.replace("\n", " "))


def _clean_block(raw: str) -> str:
    """A block's text as it is kept: controls gone, spaces folded, blank lines dropped, a
    damaged page's re-readable runs and flattened pinyin repaired (text.damage)."""
    text = clean_text(raw)
    return repair_damage("\n".join(line for line in text.split("\n") if line.strip()))


def html_to_blocks(fragment: str, base_url: str | None = None) -> tuple[Block, ...]:
    """Convert an HTML fragment (or plain text) into blocks; never raises on bad input."""
    if not fragment or not fragment.strip():
        return ()
    if not looks_like_html(fragment):
        return text_to_blocks(fragment)
    try:
        root = parse_fragment(fragment)
    except (etree.ParserError, ValueError):
        return text_to_blocks(_TAG_LIKE.sub(" ", fragment))
    collector = _Collector(base_url)
    collector.walk(root)
    collector.flush()
    return tuple(collector.blocks)


def html_to_line(text: str | None) -> str:
    """A title or name that may contain markup or entities → one clean line of text."""
    if not text:
        return ""
    if "<" in text or "&" in text:
        try:
            text = _text_of(parse_fragment(text))
        except (etree.ParserError, ValueError):
            text = _TAG_LIKE.sub("", text)
    return clean_line(text)


def text_to_blocks(text: str) -> tuple[Block, ...]:
    """Plain text → paragraphs split at blank lines (or at every line for CJK-style text)."""
    cleaned = clean_text(text)
    chunks = re.split(r"\n\s*\n", cleaned) if "\n\n" in cleaned else cleaned.split("\n")
    return tuple(Block("paragraph", repair_damage(c.strip())) for c in chunks if c.strip())
