"""Turn one article page into :class:`~suxun_tui.models.ArticleText`.

The generic part - where is the article? - is the tree scoring of :mod:`.scoring` on an lxml
tree (the same idea readability uses, done in one cheap pass). On top comes what generic
extractors lack for Chinese pages: the info bar read into fields (:mod:`.metadata`), the
site furniture removed line by line (:mod:`.boilerplate`), pinyin repaired and whitespace
normalised (:mod:`.cleanup`), dates read in the source's zone (:mod:`.dates`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from difflib import SequenceMatcher

from suxun_tui.models import ArticleText, Block, Link
from suxun_tui.pages import ExtractionError
from suxun_tui.pages.body_filter import filter_blocks, is_prose
from suxun_tui.pages.cleanup import clean_block_text
from suxun_tui.pages.credits import read_info_line
from suxun_tui.pages.dates import DEFAULT_TZ
from suxun_tui.pages.dom import (
    HtmlElement,
    absolute_url,
    clean_tree,
    parse_html,
    select,
)
from suxun_tui.pages.fields import choose_author, choose_date, collect_dates
from suxun_tui.pages.furniture import furniture_spans
from suxun_tui.pages.html_blocks import RawBlock, linearize
from suxun_tui.pages.meta import PageMeta, read_meta
from suxun_tui.pages.metadata import InfoFields
from suxun_tui.pages.pagination import continuation_urls
from suxun_tui.pages.scoring import TreeScore, score_tree
from suxun_tui.text.sanitize import clean_line

__all__ = ["extract_article", "continuation_urls"]

_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜–—]|--|\s-\s)\s*")
_TEXT_KINDS = ("paragraph", "heading", "list_item", "quote", "code", "table")


def _lcs(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _title_parts(meta: PageMeta) -> tuple[str, str]:
    """The page title as the ``<title>`` says it, and its first segment."""
    full = clean_line(meta.og_title or meta.title)
    page = clean_line(meta.title) or full
    parts = [p for p in _TITLE_SPLIT.split(page) if p]
    first = max(parts[:2], key=len) if parts else page
    return full or page, first


def _find_title(blocks: list[RawBlock], meta: PageMeta, start: int) -> tuple[str, int | None]:
    """The article title and the position of its block in ``blocks`` (None if not shown).

    The best block is the one that matches the ``<title>``/``og:title`` most completely;
    headings and blocks just before the article get the benefit of the doubt.
    """
    full, first = _title_parts(meta)
    reference = full + " " + clean_line(meta.title)
    best: tuple[float, int] | None = None
    lo = max(0, start - 40)
    for pos in range(lo, min(len(blocks), start + 5)):
        b = blocks[pos]
        if b.kind not in ("heading", "paragraph") or not 4 <= len(b.text) <= 120:
            continue
        if b.link_density > 0.5 and b.kind != "heading":
            continue
        common = _lcs(b.text, reference)
        inside = common / len(b.text)
        cover = common / max(1, len(first))
        score = inside * min(1.0, cover)
        if b.kind == "heading":
            score += 0.15 if b.level <= 2 else 0.05
        if score >= 0.6 and (best is None or score > best[0] + 1e-9):
            best = (score, pos)
    if best is not None:
        return blocks[best[1]].text, best[1]
    # The <title> names only the site ("中国地理学会官网"): a main heading right before or
    # at the start of the text is the title.
    headings = [
        (pos, b)
        for pos, b in enumerate(blocks[max(0, start - 10) : start + 2], max(0, start - 10))
        if b.kind == "heading" and 4 <= len(b.text) <= 120 and b.link_density < 0.5
    ]
    if headings:
        pos, block = min(headings, key=lambda h: (h[1].level > 2, abs(h[0] - start)))
        return block.text, pos
    return first or full, None


def _to_zone(iso: str | None, tz: str) -> str | None:
    """Express a parsed time in the source's zone, so all times of a source look alike."""
    if iso is None:
        return None
    from suxun_tui.pages.dates import _zone

    try:
        return datetime.fromisoformat(iso).astimezone(_zone(tz)).isoformat()
    except ValueError:
        return iso


def _select_region(
    tree: TreeScore, root: HtmlElement, body_selector: str | None
) -> tuple[list[tuple[int, int]], bool]:
    """Pre-order spans of the article region, and whether the user's selector chose them."""
    if body_selector:
        chosen = select(root, body_selector)
        position = {el: i for i, el in enumerate(tree.elements)}
        spans = [tree.span(position[el]) for el in chosen if el in position]
        if spans:
            return spans, True
    return [tree.span(tree.best)], False


def _to_blocks(raw: list[RawBlock], base: str) -> tuple[list[Block], list[Block], list[Link]]:
    blocks: list[Block] = []
    images: list[Block] = []
    links: list[Link] = []
    seen_links: set[str] = set()
    for b in raw:
        if b.kind == "image":
            src = absolute_url(b.url, base)
            if not src:
                continue
            img = Block("image", clean_block_text(b.text), url=clean_line(src))
            blocks.append(img)
            images.append(img)
            continue
        # Code was tidied whole by html_blocks: folding or pinyin repair would break it.
        multiline = b.kind == "table"
        text = b.text if b.kind == "code" else clean_block_text(b.text, multiline=multiline)
        if not text:
            continue
        kind = b.kind if b.kind in _TEXT_KINDS else "paragraph"
        blocks.append(Block(kind, text, level=b.level))  # type: ignore[arg-type]
        for href, label in b.links:
            url = absolute_url(href, base)
            if url and url not in seen_links:
                seen_links.add(url)
                links.append(Link(clean_line(url), clean_block_text(label)))
    while blocks and blocks[-1].kind == "image" and not blocks[-1].text and len(blocks) > 1:
        if any(b.kind != "image" for b in blocks[:-1]):
            break
        blocks.pop()
    return blocks, images, links


def extract_article(
    html: str,
    url: str,
    *,
    timezone: str = DEFAULT_TZ,
    body_selector: str | None = None,
    now: datetime | None = None,
) -> ArticleText:
    """Extract title, fields and body blocks from an article page.

    Raises :class:`~suxun_tui.pages.ExtractionError` when the page holds no article text.
    """
    root = parse_html(html)
    meta = read_meta(root)
    clean_tree(root)
    found = root.find("body")
    body = found if found is not None else root
    tree = score_tree(body)
    blocks = linearize(body, url)
    spans, chosen = _select_region(tree, body, body_selector)
    tried: list[tuple[int, int]] = []
    for _attempt in range(3):
        try:
            furniture = [] if chosen else furniture_spans(tree, spans)
            return _extract_region(blocks, spans, furniture, chosen, meta, url, timezone, now)
        except ExtractionError:
            # The best-scoring element can be a lone disclaimer paragraph that the
            # filters then empty; the next-best element elsewhere usually is the text.
            if chosen:
                raise
            tried.extend(spans)
            nxt = tree.best_outside(tried)
            if nxt is None:
                raise
            spans = [tree.span(nxt)]
    raise ExtractionError("no article text found")


def _extract_region(
    blocks: list[RawBlock],
    spans: list[tuple[int, int]],
    furniture: list[tuple[int, int]],
    chosen: bool,
    meta: PageMeta,
    url: str,
    timezone: str,
    now: datetime | None,
) -> ArticleText:
    """The article made of the blocks inside ``spans`` and the fields around them."""
    inside = [any(s <= b.index <= e for s, e in spans) for b in blocks]
    positions = [i for i, flag in enumerate(inside) if flag]
    if not positions:
        raise ExtractionError("no article text found")
    start, stop = positions[0], positions[-1]
    title, title_pos = _find_title(blocks, meta, start)
    title = clean_block_text(title)
    region = [
        replace(b, furniture=True) if any(s <= b.index <= e for s, e in furniture) else b
        for b, flag in zip(blocks, inside, strict=True)
        if flag
    ]
    if title_pos is not None and start <= title_pos <= stop:
        region = [b for b in region if b.index > blocks[title_pos].index]

    info = InfoFields()
    region_info = InfoFields()
    head_from = title_pos + 1 if title_pos is not None and title_pos < start else start
    head = blocks[max(head_from, start - 30) : start]
    for b in head:
        fields, whole = read_info_line(b.text, timezone, now)
        if whole or len(b.text) <= 100 and fields.found:
            # Between the title and the text, a labelled value is the article's even
            # when the line also holds things we have no field for (连载, 出版社).
            info.merge(fields)
    fallback = InfoFields()
    body_raw = filter_blocks(
        region, title, timezone, now, region_info, chosen=chosen, fallback=fallback
    )
    region_date = (region_info.published, region_info.labelled_date)
    region_info.published = None
    info.merge(region_info)
    after = blocks[stop + 1 : stop + 15]
    for b in after:
        fields, whole = read_info_line(b.text, timezone, now)
        if whole:
            info.merge(fields)

    text_blocks = [b for b in body_raw if b.kind != "image"]
    if not text_blocks or sum(b.chars for b in text_blocks) < 8:
        raise ExtractionError("no article text found")

    first_prose = next((i for i, b in enumerate(region) if is_prose(b.text)), len(region))
    candidates = collect_dates(
        info_date=region_date,
        region=region,
        near_title=head,
        region_head=region[:first_prose],
        after=region[-6:] + after,
        before_title=blocks[max(0, start - 12) : title_pos if title_pos is not None else start],
        meta=meta,
        url=url,
        tz=timezone,
        now=now,
    )
    published = choose_date(candidates)
    author = choose_author(info.author, text_blocks, head + region[:first_prose], meta, region)
    author = author or fallback.author
    info.merge(fallback)
    out_blocks, images, links = _to_blocks(body_raw, url)
    return ArticleText(
        title=clean_line(title),
        published=_to_zone(published, timezone),
        origin=clean_line(info.origin) or None,
        author=clean_line(author) or None,
        editor=clean_line(info.editor) or None,
        responsible_editor=clean_line(info.responsible_editor) or None,
        views=info.views,
        blocks=tuple(out_blocks),
        images=tuple(images),
        links=tuple(links),
    )
