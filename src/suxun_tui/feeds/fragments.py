"""HTML fragments → readable text blocks (paragraphs, headings, lists, quotes, images).

Feed items carry HTML; the screen shows text. This walks an lxml tree once, gathering
inline text into the current block and starting a new block at every block-level
element, so raw tags never reach the screen and paragraph structure survives.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from suxun_tui.models import Block, BlockKind
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
        "ul",
        "ol",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TAG_LIKE = re.compile(r"<[a-zA-Z/!][^>]*>")


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

    def flush(self) -> None:
        text = clean_text("".join(self.parts))
        if self.kind != "code":
            text = "\n".join(line for line in text.split("\n") if line.strip())
        if text.strip():
            self.blocks.append(Block(self.kind, text, None, self.level))
        self.parts = []
        self.kind = "paragraph"
        self.level = 0

    def start(self, kind: BlockKind, level: int = 0) -> None:
        self.flush()
        self.kind = kind
        self.level = level

    def image(self, src: str | None, alt: str | None) -> None:
        self.flush()
        url = urljoin(self.base_url, src) if (src and self.base_url) else src
        self.blocks.append(Block("image", clean_line(alt), clean_line(url) or None))

    def walk(self, el: etree._Element, in_pre: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            self._tail(el, in_pre)
            return
        if tag == "img":
            self.image(el.get("src") or el.get("data-src"), el.get("alt") or el.get("title"))
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _HEADINGS:
            self._block(el, "heading", _HEADINGS[tag], in_pre)
        elif tag == "li":
            self._block(el, "list_item", 0, in_pre)
        elif tag == "blockquote":
            self._block(el, "quote", 0, in_pre)
        elif tag == "pre":
            self._block(el, "code", 0, True)
        elif tag == "table":
            self._table(el)
        elif tag in _BLOCKS:
            self._block(el, self.kind if self.kind == "quote" else "paragraph", 0, in_pre)
        else:
            self._inline(el, in_pre)
        self._tail(el, in_pre)

    def _inline(self, el: etree._Element, in_pre: bool) -> None:
        if el.text:
            self.parts.append(el.text if in_pre else el.text.replace("\n", " "))
        for child in el:
            self.walk(child, in_pre)

    def _block(self, el: etree._Element, kind: BlockKind, level: int, in_pre: bool) -> None:
        outer = self.kind if kind == "paragraph" and self.kind == "quote" else None
        self.start(kind, level)
        self._inline(el, in_pre)
        self.flush()
        if outer:
            self.kind = outer

    def _table(self, el: etree._Element) -> None:
        self.flush()
        rows = []
        for tr in el.iter("tr"):
            cells = [clean_line(_text_of(td)) for td in tr if td.tag in ("td", "th")]
            if any(cells):
                rows.append(" | ".join(cells))
        if rows:
            self.blocks.append(Block("table", "\n".join(rows)))

    def _tail(self, el: etree._Element, in_pre: bool) -> None:
        if el.tail:
            self.parts.append(el.tail if in_pre else el.tail.replace("\n", " "))


def html_to_blocks(fragment: str, base_url: str | None = None) -> tuple[Block, ...]:
    """Convert an HTML fragment (or plain text) into blocks; never raises on bad input."""
    if not fragment or not fragment.strip():
        return ()
    if not looks_like_html(fragment):
        return text_to_blocks(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
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
            text = _text_of(lxml.html.fragment_fromstring(text, create_parent="div"))
        except (etree.ParserError, ValueError):
            text = _TAG_LIKE.sub("", text)
    return clean_line(text)


def text_to_blocks(text: str) -> tuple[Block, ...]:
    """Plain text → paragraphs split at blank lines (or at every line for CJK-style text)."""
    cleaned = clean_text(text)
    chunks = re.split(r"\n\s*\n", cleaned) if "\n\n" in cleaned else cleaned.split("\n")
    return tuple(Block("paragraph", c.strip()) for c in chunks if c.strip())
