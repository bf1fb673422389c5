"""Linearise a page into text blocks that remember where they came from.

The extractor needs the page as a sequence of paragraphs, headings, list items, quotes,
images and tables - and, for each, how much of it is link text and which element it
started in (its pre-order index), so that the content region chosen by
:mod:`.scoring` can be cut out of the sequence and the info bar found just before it.

One pass over the tree with ``etree.iterwalk`` (C speed) produces all of it. ``<br>`` ends a
paragraph because Chinese pages (and the old table-layout CMSs) use it as the paragraph mark.
Code (``<pre>``, a highlighter's table) is read whole by :func:`suxun_tui.text.code.code_text`
and never folded like prose; a list item knows how deeply it is nested (``level``); a
table's ``<caption>`` is a paragraph of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from suxun_tui.pages.cleanup import clean_block_text, normalize_whitespace, repair_pinyin
from suxun_tui.pages.dom import BLOCK_TAGS, HtmlElement, text_content
from suxun_tui.pages.vocabulary import DECORATION_IMAGES
from suxun_tui.text.code import code_text, is_code_table, is_gutter_pre

__all__ = ["RawBlock", "linearize"]

_KIND_TAGS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
}
_LISTS = ("ul", "ol")


@dataclass
class RawBlock:
    """A block before filtering: text, kind, link share and origin in the tree."""

    kind: str
    text: str
    index: int
    link_chars: int = 0
    chars: int = 0
    url: str | None = None
    level: int = 0
    links: tuple[tuple[str, str], ...] = ()  # (href as written, link text)
    linked: bool = False
    furniture: bool = False  # inside a share bar, byline, ad slot ... (see .furniture)

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def _cell_text(el: HtmlElement) -> str:
    return clean_block_text(text_content(el))


def _data_table(el: HtmlElement) -> str | None:
    """Text of a table that holds data (not layout), one row per line; else None.

    A grid of links (a portal's related-news table) passes as data too: its link share,
    :func:`_link_chars`, is what shows it to be a link list.
    """
    if el.find(".//table") is not None:
        return None
    rows = el.findall(".//tr")
    if len(rows) < 2:
        return None
    lines: list[str] = []
    widths: list[int] = []
    total = 0
    cells_n = 0
    for tr in rows:
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        texts = [_cell_text(c) for c in cells]
        widths.append(len(cells))
        total += sum(len(t) for t in texts)
        cells_n += len(cells)
        if any(texts):
            lines.append(" | ".join(texts))
    if max(widths, default=0) < 2 or not cells_n or total / cells_n > 60:
        return None
    if el.find(".//p") is not None or len(el.findall(".//br")) > len(rows):
        return None
    return "\n".join(lines)


def _link_chars(el: HtmlElement) -> int:
    """Letters inside the links of ``el`` (a table skipped by the walk), spaces not counted."""
    return sum(len("".join(text_content(a).split())) for a in el.iter("a"))


def _image_src(el: HtmlElement) -> str | None:
    """The address of a content image as written (lazy-loading attributes first).

    Spacers, icons, logos and QR codes are skipped; resolving against the page URL is
    left to the blocks that are kept.
    """
    src = None
    for attr in ("data-original", "data-src", "data-lazy-src", "src"):
        value = el.get(attr)
        if value and not value.startswith("data:"):
            src = value.strip()
            break
    if not src:
        return None
    low = src.lower()
    if any(s in low for s in DECORATION_IMAGES):
        return None
    for attr in ("width", "height"):
        value = (el.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < 40:
            return None
    return src


def _code_block(el: HtmlElement, index: int) -> RawBlock | None:
    """A ``<pre>`` or a highlighter's table as one code block (None for a gutter or nothing)."""
    if el.tag == "pre" and is_gutter_pre(el):
        return None
    text = code_text(el)
    if not text:
        return None
    return RawBlock("code", text, index, 0, len("".join(text.split())))


def _caption(el: HtmlElement, index: int) -> RawBlock | None:
    """A table's ``<caption>`` as a paragraph, so the table's title is not lost with it."""
    caption = el.find("caption")
    text = _quick_text(text_content(caption)) if caption is not None else ""
    return RawBlock("paragraph", text, index, 0, len(text.replace(" ", ""))) if text else None


def _quick_text(raw: str) -> str:
    """Whitespace folded and flattened pinyin removed - enough to classify a block.

    Control characters are left for :func:`clean_block_text`, which runs on the blocks
    that are kept; running it on every block of a page costs more than the rest.
    """
    if "\n" in raw or "\r" in raw:
        return repair_pinyin(normalize_whitespace(raw))
    return repair_pinyin(" ".join(raw.split()))


class _Builder:
    def __init__(self, base: str, with_links: bool) -> None:
        self.base = base
        self.with_links = with_links
        self.blocks: list[RawBlock] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.start = -1
        self.kinds: list[tuple[str, int]] = []
        self.links: list[tuple[str, str]] = []

    def add(self, text: str | None, index: int, link_depth: int) -> None:
        if not text:
            return
        if self.start < 0:
            if text.isspace():
                return
            self.start = index
        self.parts.append(text)
        if link_depth:
            self.link_chars += len(text.strip())

    def flush(self) -> None:
        if self.start < 0:
            return
        text = _quick_text("".join(self.parts))
        if text:
            kind, level = self.kinds[-1] if self.kinds else ("paragraph", 0)
            chars = len(text.replace(" ", ""))
            self.blocks.append(
                RawBlock(
                    kind,
                    text,
                    self.start,
                    min(self.link_chars, chars),
                    chars,
                    level=level,
                    links=tuple(self.links),
                )
            )
        self.parts = []
        self.link_chars = 0
        self.start = -1
        self.links = []


def linearize(root: HtmlElement, base: str, *, with_links: bool = True) -> list[RawBlock]:
    """All text blocks under ``root`` in document order.

    ``RawBlock.index`` is the pre-order position (counted from ``root``, starting at 0) of
    the element where the block's text began, matching :func:`scoring.score_tree`.
    """
    b = _Builder(base, with_links)
    add, flush = b.add, b.flush
    link_depth = 0
    list_depth = 0
    index = -1
    link_start: list[tuple[str | None, int]] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            index += 1
            if tag in BLOCK_TAGS and b.start >= 0:
                flush()
            if tag in _KIND_TAGS:
                kind = _KIND_TAGS[tag]
                level = int(tag[1]) if kind == "heading" else 0
                if tag == "li":
                    level = max(list_depth - 1, 0)
                b.kinds.append((kind, level))
            elif tag in _LISTS:
                list_depth += 1
            elif tag == "pre" or (tag == "table" and is_code_table(el)):
                code = _code_block(el, index)
                if code is not None:
                    b.blocks.append(code)
                # Count the skipped subtree so indices stay pre-order positions; the
                # "end" event still comes and adds the tail.
                index += sum(1 for _ in el.iterdescendants())
                walker.skip_subtree()
                continue
            elif tag == "table":
                table = _data_table(el)
                if table is not None:
                    caption = _caption(el, index)
                    if caption is not None:
                        b.blocks.append(caption)
                    chars = len(table)
                    links = min(_link_chars(el), chars)
                    b.blocks.append(RawBlock("table", table, index, links, chars))
                    index += sum(1 for _ in el.iterdescendants())
                    walker.skip_subtree()
                    continue
            elif tag == "img":
                src = _image_src(el)
                if src:
                    b.flush()
                    alt = clean_block_text(el.get("alt") or el.get("title") or "")
                    b.blocks.append(
                        RawBlock("image", alt, index, 0, 0, url=src, linked=link_depth > 0)
                    )
            elif tag == "a":
                link_depth += 1
                link_start.append((el.get("href"), len(b.parts)))
            text = el.text
            if text:
                add(text, index, link_depth)
        else:
            if tag == "a" and link_start:
                link_depth -= 1
                href, start = link_start.pop()
                if b.with_links and href:
                    # Resolved later, for the blocks that are kept: urljoin is slow.
                    text = " ".join("".join(b.parts[start:]).split())
                    if text:
                        b.links.append((href, text))
            if tag in BLOCK_TAGS and b.start >= 0:
                flush()
            if tag in _KIND_TAGS and b.kinds:
                b.kinds.pop()
            elif tag in _LISTS:
                list_depth -= 1
            tail = el.tail
            # Most tails are the markup's indentation between blocks, which add() skips.
            if tail and (b.start >= 0 or not tail.isspace()) and el is not root:
                add(tail, index, link_depth)
    flush()
    return b.blocks
