"""Read articles and columns that span several pages, through a caller's fetch function.

The network layer is not imported here: callers pass ``fetch(url) -> (body, content_type,
final_url)``, so refresh, the CLI and tests can use the real fetcher, local files or a test
server alike. Continuation pages that fail to load are skipped - a reader would rather show
page one than nothing - but the first page's failure propagates.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime

from suxun_tui.models import ArticleText, ListedArticle
from suxun_tui.pages import ExtractionError
from suxun_tui.pages.binary import binary_kind
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dates import DEFAULT_TZ
from suxun_tui.pages.extract import extract_page
from suxun_tui.pages.listing import find_article_links, next_listing_url
from suxun_tui.text.i18n import N_

__all__ = ["Fetch", "read_article", "read_listing", "join_pages"]

Fetch = Callable[[str], Awaitable[tuple[bytes, str | None, str]]]


def _text_body(data: bytes, content_type: str | None) -> bytes:
    """``data`` when it is a page or text; a PDF, a picture or other binary data raises
    :class:`ExtractionError` naming it (:mod:`.binary`), rather than becoming an article
    of stray characters."""
    kind = binary_kind(data, content_type)
    if kind is not None:
        message = N_("{kind}, not a web page; open the link in a browser or a viewer")
        raise ExtractionError(message.format(kind=kind))
    return data


def join_pages(first: ArticleText, more: list[ArticleText]) -> ArticleText:
    """One article from its pages: fields of the first page, blocks of all in order.

    Later pages often repeat the title or the lead as a heading; exact repeats are dropped.
    """
    if not more:
        return first
    blocks = list(first.blocks)
    images = list(first.images)
    links = list(first.links)
    seen = {(b.kind, b.text, b.url) for b in blocks}
    for page in more:
        for b in page.blocks:
            key = (b.kind, b.text, b.url)
            if key in seen and b.kind != "image":
                continue
            seen.add(key)
            blocks.append(b)
        images.extend(i for i in page.images if i not in images)
        links.extend(link for link in page.links if link not in links)
    return replace(
        first,
        author=first.author or next((p.author for p in more if p.author), None),
        editor=first.editor or next((p.editor for p in more if p.editor), None),
        responsible_editor=first.responsible_editor
        or next((p.responsible_editor for p in more if p.responsible_editor), None),
        blocks=tuple(blocks),
        images=tuple(images),
        links=tuple(links),
    )


async def read_article(
    fetch: Fetch,
    url: str,
    *,
    timezone: str = DEFAULT_TZ,
    body_selector: str | None = None,
    max_pages: int = 10,
    now: datetime | None = None,
) -> ArticleText:
    """Fetch and extract an article, following ``_2.html``/下一页 continuations."""
    data, content_type, final = await fetch(url)
    html = decode_html(_text_body(data, content_type), content_type)
    first, queue = extract_page(
        html, final or url, timezone=timezone, body_selector=body_selector, now=now
    )
    seen = {url, final}
    more: list[ArticleText] = []
    while queue and len(more) + 1 < max_pages:
        next_url = queue.pop(0)
        if next_url in seen:
            continue
        seen.add(next_url)
        try:
            data, content_type, final = await fetch(next_url)
            page_html = decode_html(_text_body(data, content_type), content_type)
            page, later_pages = extract_page(
                page_html,
                final or next_url,
                timezone=timezone,
                body_selector=body_selector,
                now=now,
            )
        except Exception:  # noqa: BLE001 - any failure of a later page: keep what we have
            continue
        more.append(page)
        for later in later_pages:
            if later not in seen and later not in queue:
                queue.append(later)
    return join_pages(first, more)


async def read_listing(
    fetch: Fetch,
    url: str,
    *,
    pages: int = 1,
    link_selector: str | None = None,
    timezone: str = DEFAULT_TZ,
    now: datetime | None = None,
) -> list[ListedArticle]:
    """Headlines of a column page and up to ``pages - 1`` following pages, deduplicated."""
    out: list[ListedArticle] = []
    seen_urls: set[str] = set()
    seen_pages: set[str] = set()
    current: str | None = url
    for number in range(max(1, pages)):
        if current is None or current in seen_pages:
            break
        seen_pages.add(current)
        try:
            data, content_type, final = await fetch(current)
        except Exception:
            if number == 0:
                raise
            break
        try:
            html = decode_html(_text_body(data, content_type), content_type)
        except ExtractionError:
            if number == 0:
                raise
            break
        base = final or current
        seen_pages.add(base)
        for item in find_article_links(
            html, base, link_selector=link_selector, timezone=timezone, now=now
        ):
            if item.url not in seen_urls:
                seen_urls.add(item.url)
                out.append(item)
        current = next_listing_url(html, base)
    return out
