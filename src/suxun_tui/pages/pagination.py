"""Find the next pages of a multi-page article or a paginated column.

Chinese CMSs split long articles as ``name.html``, ``name_2.html``, ``name_3.html`` (DedeCMS,
PHPCMS, most government sites) or with ``?page=2``; columns do the same with ``index_1.html``
or ``list_2.html`` and a 下一页 link. Article continuations are recognised by URL shape, not
by the 下一页 text alone, because an article page also links to 下一篇 - the next *article*.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from suxun_tui.pages.boilerplate import is_pager_text
from suxun_tui.pages.dom import HtmlElement, absolute_url, parse_html, text_content
from suxun_tui.pages.vocabulary import NEXT_PAGE_TEXT, PAGE_QUERY_KEYS, PAGER_START

__all__ = ["continuation_links", "continuation_urls", "next_page_link", "page_number"]

_NUMBERED = re.compile(r"^(?P<stem>.*?)(?:[_-](?P<n>\d{1,3}))?(?P<ext>\.[A-Za-z]{2,6})?$")


def page_number(url: str) -> tuple[str, int]:
    """A key shared by all pages of one article/column, and this page's number (1-based)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    number = 1
    rest = []
    for key, value in query:
        if key.lower() in PAGE_QUERY_KEYS and value.isdigit():
            number = int(value)
        else:
            rest.append(f"{key}={value}")
    m = _NUMBERED.match(parts.path)
    path = parts.path
    if m and m.group("n") and number == 1:
        number = int(m.group("n"))
        path = m.group("stem") + (m.group("ext") or "")
    key = urlunsplit((parts.scheme, parts.netloc.lower(), path, "&".join(sorted(rest)), ""))
    return key, number


def _links(root: HtmlElement, base: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for a in root.iter("a"):
        url = absolute_url(a.get("href"), base)
        if url:
            out.append((url, " ".join(text_content(a).split())))
    return out


def continuation_urls(html: str, url: str) -> list[str]:
    """URLs of the later pages of the article at ``url`` (``_2.html``, ``?page=2``), in order.

    Only pages with a higher number than the current one are returned, so following them
    page by page never loops back; the link must read like a pager (``2``, ``下一页``), so a
    related article that happens to be called ``name_124.html`` is not taken for page 124.
    """
    try:
        root = parse_html(html)
    except Exception:  # noqa: BLE001 - no continuation is the safe answer
        return []
    return continuation_links(root, url)


def continuation_links(root: HtmlElement, url: str) -> list[str]:
    """:func:`continuation_urls` of a parsed page (before cleaning: the pager may be hidden).

    A link's text is tested before its address is resolved: most links are no pager, and
    resolving hundreds of addresses per page cost more than the test.
    """
    key, current = page_number(url)
    found: dict[int, str] = {}
    for a in root.iter("a"):
        href = a.get("href")
        if not href:
            continue
        # A pager's text starts with one of PAGER_START's characters: a link whose own text
        # starts with another is passed over without reading the text inside it.
        head = a.text
        if head and not head.isspace() and PAGER_START.match(head.lstrip()) is None:
            continue
        if not is_pager_text(" ".join(text_content(a).split())):
            continue
        link = absolute_url(href, url)
        if not link:
            continue
        other_key, number = page_number(link)
        if other_key == key and number > current and number not in found:
            found[number] = link.split("#", 1)[0]
    return [found[n] for n in sorted(found)]


def next_page_link(root: HtmlElement, url: str) -> str | None:
    """The next page of a paginated column: a 下一页 link, else the link numbered N+1."""
    links = _links(root, url)
    here = url.split("#", 1)[0]
    for link, text in links:
        if NEXT_PAGE_TEXT.match(text) and link.split("#", 1)[0] != here:
            return link
    key, current = page_number(url)
    for link, text in links:
        other_key, number = page_number(link)
        if text.strip() == str(current + 1) and (other_key == key or number == current + 1):
            return link
    for link, _text in links:
        other_key, number = page_number(link)
        if other_key == key and number == current + 1:
            return link
    return None
