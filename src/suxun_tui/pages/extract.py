"""Turn one article page into :class:`~suxun_tui.models.ArticleText`, step by step.

1. parse (:mod:`.dom`; a document without markup as text, :mod:`.plain_text`) and read
   ``<head>`` hints (:mod:`.meta`);
2. clean the tree of what is never text (:mod:`.dom`);
3. score every element as a candidate container (:mod:`.scoring`);
4. choose the content region(s), best first (:mod:`.region`);
5. linearise the page into blocks (:mod:`.html_blocks`);
6. read the fields: title (:mod:`.title`), the info bar around the text (:mod:`.credits`,
   :mod:`.metadata`), date and author (:mod:`.fields`);
7. filter the region's blocks to article text (:mod:`.body_filter`, :mod:`.edges`,
   :mod:`.boilerplate`);
8. assemble the result.

Each step takes values and returns values; the words the rules recognise live in
:mod:`.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from suxun_tui.models import ArticleText, Block, Link
from suxun_tui.pages import ExtractionError
from suxun_tui.pages.body_filter import FilteredBody, filter_blocks, is_prose
from suxun_tui.pages.cleanup import clean_block_text
from suxun_tui.pages.credits import read_info_line
from suxun_tui.pages.dates import DEFAULT_TZ, find_dates
from suxun_tui.pages.dom import HtmlElement, absolute_url, clean_tree, parse_html
from suxun_tui.pages.fields import (
    choose_author,
    choose_date,
    collect_dates,
    markup_date,
    page_time,
)
from suxun_tui.pages.html_blocks import RawBlock, linearize
from suxun_tui.pages.learned_body import learned_body
from suxun_tui.pages.meta import PageMeta, read_meta
from suxun_tui.pages.metadata import InfoFields
from suxun_tui.pages.pagination import continuation_links, continuation_urls
from suxun_tui.pages.plain_text import as_html, is_plain_text, titled
from suxun_tui.pages.region import RegionBlocks, candidate_regions, cut_region
from suxun_tui.pages.scoring import score_tree
from suxun_tui.pages.title import find_title
from suxun_tui.text.i18n import N_
from suxun_tui.text.linkspans import spans_of_labels
from suxun_tui.text.sanitize import clean_line

__all__ = ["extract_article", "extract_page", "continuation_urls"]

_TEXT_KINDS = ("paragraph", "heading", "list_item", "quote", "code", "table")
# How far around the region the info bar is looked for, in blocks.
HEAD_REACH = 30
AFTER_REACH = 15


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
    A document without markup is read as text, a paragraph a line (:mod:`.plain_text`).
    """
    if is_plain_text(html):
        return titled(_extract(parse_html(as_html(html)), url, timezone, body_selector, now))
    return _extract(parse_html(html), url, timezone, body_selector, now)


def extract_page(
    html: str,
    url: str,
    *,
    timezone: str = DEFAULT_TZ,
    body_selector: str | None = None,
    now: datetime | None = None,
) -> tuple[ArticleText, list[str]]:
    """:func:`extract_article` and :func:`continuation_urls` of one page from one parse."""
    if is_plain_text(html):
        return extract_article(
            html, url, timezone=timezone, body_selector=body_selector, now=now
        ), []
    root = parse_html(html)
    later = continuation_links(root, url)  # before cleaning, which changes the tree
    return _extract(root, url, timezone, body_selector, now), later


def _extract(
    root: HtmlElement, url: str, timezone: str, body_selector: str | None, now: datetime | None
) -> ArticleText:
    meta = read_meta(root)
    body = clean_tree(root)
    tree = score_tree(body)
    blocks = linearize(body, url)
    for attempt, region in enumerate(candidate_regions(tree, body, body_selector)):
        cut = cut_region(blocks, region)
        if cut is None:
            continue
        found = rule_body(blocks, cut, region.chosen, meta, timezone, now)
        if attempt == 0 and not region.chosen:
            found = replace(
                found,
                body=learned_body(
                    tree, blocks, region, found.body, found.title_pos, editorial=meta.editorial
                ),
            )
        article = _article(blocks, cut, found, meta, url, timezone, now)
        if article is not None and any(b.kind != "image" for b in article.blocks):
            return article
    described = _described(meta, page_time(markup_date(meta, url, timezone, now), timezone))
    if described is not None:
        return described
    raise ExtractionError(N_("no article text found"))


# A title longer than this is cut with a visible "…" (as feed titles are): a page's
# 200,000-character <title> would otherwise fill the headline list and the cache.
TITLE_CHARS = 500


def _title_line(text: str) -> str:
    line = clean_line(text)
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


# A page's own summary stands in for its text only when it says something: a sentence,
# not a site slogan.
DESCRIPTION_CHARS = 60


def _described(meta: PageMeta, published: str | None) -> ArticleText | None:
    """The page as its summary when its body holds no text: a forum or app that renders
    everything with scripts still describes itself for link previews, and a reader is
    better served by that summary (with the title and the markup's date) than by an error."""
    text = clean_block_text(meta.description)
    if len(text) < DESCRIPTION_CHARS:
        return None
    title = clean_block_text(meta.og_title or meta.title)
    return ArticleText(
        title=_title_line(title), published=published, blocks=(Block("paragraph", text),)
    )


@dataclass(frozen=True)
class RuleBody:
    """What the rules make of one region: its title, its blocks and the filtered body."""

    title: str
    title_pos: int | None  # position of the title among the page's blocks
    region: list[RawBlock]  # the region's blocks after the title
    body: FilteredBody


def rule_body(
    blocks: list[RawBlock],
    cut: RegionBlocks,
    chosen: bool,
    meta: PageMeta,
    tz: str,
    now: datetime | None,
) -> RuleBody:
    """The title and the rule-filtered body of one region."""
    start, stop = cut.start, cut.stop
    title, title_pos = find_title(blocks, meta, start)
    title = clean_block_text(title)
    region = cut.blocks
    if title_pos is not None and start <= title_pos <= stop:
        region = [b for b in region if b.index > blocks[title_pos].index]
    return RuleBody(title, title_pos, region, filter_blocks(region, title, tz, now, chosen=chosen))


def _head_fields(head: list[RawBlock], tz: str, now: datetime | None) -> InfoFields:
    """Fields of the info bar between the title and the text."""
    info = InfoFields()
    for b in head:
        fields, whole = read_info_line(b.text, tz, now)
        if whole or len(b.text) <= 100 and fields.found:
            # Between the title and the text, a labelled value is the article's even
            # when the line also holds things we have no field for (连载, 出版社).
            info.merge(fields)
    return info


def _after_fields(after: list[RawBlock], tz: str, now: datetime | None) -> InfoFields:
    """Fields of whole info lines just after the region (a closing credit line)."""
    info = InfoFields()
    for b in after:
        fields, whole = read_info_line(b.text, tz, now)
        if whole:
            info.merge(fields)
    return info


def _article(
    blocks: list[RawBlock],
    cut: RegionBlocks,
    found: RuleBody,
    meta: PageMeta,
    url: str,
    tz: str,
    now: datetime | None,
) -> ArticleText | None:
    """The article made of one region's body and the fields around it; None if empty."""
    start, stop = cut.start, cut.stop
    title, title_pos, region, body = found.title, found.title_pos, found.region, found.body
    head_from = title_pos + 1 if title_pos is not None and title_pos < start else start
    head = blocks[max(head_from, start - HEAD_REACH) : start]
    after = blocks[stop + 1 : stop + AFTER_REACH]
    text_blocks = [b for b in body.blocks if b.kind != "image"]
    if not text_blocks or sum(b.chars for b in text_blocks) < 8:
        return None
    before_title = blocks[max(0, start - 12) : title_pos if title_pos is not None else start]
    return _assemble(title, body, head, region, after, before_title, meta, url, tz, now)


def _assemble(
    title: str,
    body: FilteredBody,
    head: list[RawBlock],
    region: list[RawBlock],
    after: list[RawBlock],
    before_title: list[RawBlock],
    meta: PageMeta,
    url: str,
    tz: str,
    now: datetime | None,
) -> ArticleText:
    """Fields chosen from every place that names them, and the body as model blocks."""
    info = _head_fields(head, tz, now)
    region_date = (body.fields.published, body.fields.labelled_date)
    # The region's own date is weighed with the others by collect_dates, not merged.
    info.merge(replace(body.fields, published=None))
    info.merge(_after_fields(after, tz, now))
    text_blocks = [b for b in body.blocks if b.kind != "image"]
    first_prose = next((i for i, b in enumerate(region) if _starts_text(b.text)), len(region))
    candidates = collect_dates(
        info_date=region_date,
        region=region,
        near_title=head,
        region_head=region[:first_prose],
        after=region[-6:] + after,
        before_title=before_title,
        meta=meta,
        url=url,
        tz=tz,
        now=now,
    )
    published = choose_date(candidates)
    author = choose_author(
        info.author, text_blocks, head + region[:first_prose], meta, region, after=after, url=url
    )
    author = author or body.byline.author
    info.merge(body.byline)
    out_blocks, images, links = _to_blocks(body.blocks, url)
    return ArticleText(
        title=_title_line(title),
        published=page_time(published, tz),
        origin=clean_line(info.origin) or None,
        author=clean_line(author) or None,
        editor=clean_line(info.editor) or None,
        responsible_editor=clean_line(info.responsible_editor) or None,
        views=info.views,
        blocks=tuple(out_blocks),
        images=tuple(images),
        links=tuple(links),
    )


def _starts_text(text: str) -> bool:
    """Whether a block is the text's first sentence rather than part of the lines above it.

    A date written "December 31, 2024" has the comma of a sentence, and a byline that ends
    with one is longer than a label: the dates are taken out before the test, so the
    dateline ("Updated: December 31, 2024", "By A. Writer · Updated May 3, 2025") stays
    with the title's lines, where the date and the author are looked for.
    """
    if not is_prose(text):
        return False
    if len(text) > 200 or not any(ch.isdigit() for ch in text):
        return True
    rest, last = [], 0
    for found in find_dates(text, relative=False):
        rest.append(text[last : found.start])
        last = found.end
    if not rest:
        return True
    return is_prose("".join(rest) + text[last:])


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
        inline: list[tuple[str, str]] = []  # (address, text) of the links in this block
        for href, label in b.links:
            url = absolute_url(href, base)
            if url:
                inline.append((clean_line(url), clean_block_text(label)))
            if url and url not in seen_links:
                seen_links.add(url)
                links.append(Link(*inline[-1]))
        spans = spans_of_labels(text, inline)
        blocks.append(Block(kind, text, level=b.level, links=spans))  # type: ignore[arg-type]
    while blocks and blocks[-1].kind == "image" and not blocks[-1].text and len(blocks) > 1:
        if any(b.kind != "image" for b in blocks[:-1]):
            break
        blocks.pop()
    return blocks, images, links
