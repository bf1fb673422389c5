"""Turn a column (listing) page into headlines.

A column page holds one main list of article links among navigation, footers, pagination,
ads and "hot" sidebars. Links are grouped by the list they sit in (the parent of their
*item*: the largest ancestor that holds no other article link - an ``<li>``, a ``<tr>``, a
``<div class=item>``); the group with the most, longest titles is the main list, and groups
built the same way (same tag path and class) join it, because many CMSs split one list into
several ``<ul>`` of five. Groups whose class/id says nav, footer, hot or rank only count when
nothing else looks like a list. Each item keeps the date printed next to its link, and a
title cut short with ``…`` is completed from the link's ``title`` attribute.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from suxun_tui.models import ListedArticle
from suxun_tui.pages.boilerplate import is_pager_text
from suxun_tui.pages.cleanup import clean_block_text
from suxun_tui.pages.dates import DEFAULT_TZ, FoundDate, find_dates
from suxun_tui.pages.dom import (
    HtmlElement,
    absolute_url,
    clean_tree,
    parse_html,
    select,
    text_content,
)
from suxun_tui.pages.pagination import next_page_link
from suxun_tui.pages.vocabulary import (
    ARTICLE_PATH_HINT,
    LISTING_AVOID_NAMES,
    LISTING_AVOID_TAGS,
    NOT_ARTICLE_PATH,
)
from suxun_tui.text.sanitize import clean_line

__all__ = ["find_article_links", "next_listing_url"]

_CUT = re.compile(r"(?:…+|\.{2,}|。。+)\s*$")


def _host_root(host: str) -> str:
    parts = host.lower().split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in ("com", "net", "org", "gov", "edu") else 2
    return ".".join(parts[-keep:])


def _title_of(a: HtmlElement) -> str:
    text = clean_block_text(text_content(a))
    attr = clean_block_text(a.get("title") or "")
    if attr and (
        not text or _CUT.search(text) or (len(attr) > len(text) and attr.startswith(text))
    ):
        return attr
    if not text:
        img = a.find(".//img")
        if img is not None:
            return clean_block_text(img.get("alt") or img.get("title") or "")
    return text


def _candidates(
    root: HtmlElement, url: str, anchors: list[HtmlElement] | None
) -> list[tuple[HtmlElement, str, str]]:
    here = urlsplit(url)
    site = _host_root(here.hostname or "")
    out: list[tuple[HtmlElement, str, str]] = []
    seen: set[str] = set()
    for a in anchors if anchors is not None else root.iter("a"):
        link = absolute_url(a.get("href"), url)
        if not link:
            continue
        link = link.split("#", 1)[0]
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https", "file") or link == url.split("#", 1)[0]:
            continue
        title = _title_of(a)
        if anchors is None:
            if site and parts.hostname and _host_root(parts.hostname) != site:
                continue
            if len(title) < 5 or is_pager_text(title) or NOT_ARTICLE_PATH.search(parts.path):
                continue
            if not ARTICLE_PATH_HINT.search(
                parts.path + ("?" + parts.query if parts.query else "")
            ):
                continue
        elif not title:
            continue
        if link in seen:
            continue
        seen.add(link)
        out.append((a, link, title))
    return out


def _items(cands: list[tuple[HtmlElement, str, str]]) -> list[HtmlElement]:
    """For each link, the largest ancestor holding no other candidate link."""
    count: dict[HtmlElement, int] = {}
    for a, _link, _title in cands:
        for el in a.iterancestors():
            count[el] = count.get(el, 0) + 1
    items = []
    for a, _link, _title in cands:
        item = a
        for el in a.iterancestors():
            if count.get(el, 0) > 1 or el.tag in ("body", "html"):
                break
            item = el
        items.append(item)
    return items


def _signature(el: HtmlElement) -> str:
    path = []
    for node in [el, *el.iterancestors()][:4]:
        path.append(f"{node.tag}.{(node.get('class') or '').strip()}")
    return "/".join(path)


def _avoided(el: HtmlElement) -> bool:
    for node in [el, *el.iterancestors()][:6]:
        if node.tag in LISTING_AVOID_TAGS:
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(names) > 1 and LISTING_AVOID_NAMES.search(names):
            return True
    return False


_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:[/_-]?[01]\d)")


def _with_url_year(found: FoundDate, link: str) -> str:
    """A year-less list date (``11-28 08:30``) takes the year the article's URL shows."""
    m = _URL_YEAR.search(urlsplit(link).path)
    if found.has_year or not m:
        return found.iso
    try:
        return datetime.fromisoformat(found.iso).replace(year=int(m.group(1))).isoformat()
    except ValueError:
        return found.iso


def _item_date(
    item: HtmlElement, a: HtmlElement, link: str, tz: str, now: datetime | None
) -> str | None:
    texts = []
    if item is a:
        texts.append(a.tail or "")
        sibling = a.getnext()
        if sibling is not None and sibling.tag != "a":
            texts.append(text_content(sibling))
    else:
        full = text_content(item)
        texts.append(full.replace(text_content(a), " ", 1))
    for text in texts:
        found = find_dates(text[:300], tz, now)
        if found:
            return _with_url_year(found[0], link)
    return None


def find_article_links(
    html: str,
    url: str,
    *,
    link_selector: str | None = None,
    timezone: str = DEFAULT_TZ,
    now: datetime | None = None,
) -> list[ListedArticle]:
    """The article links of a column page's main list, in page order, without duplicates."""
    root = parse_html(html)
    clean_tree(root)
    anchors: list[HtmlElement] | None = None
    if link_selector:
        chosen = select(root, link_selector)
        anchors = []
        for el in chosen:
            anchors.extend([el] if el.tag == "a" else list(el.iter("a")))
        if not anchors:
            anchors = None
    cands = _candidates(root, url, anchors)
    if not cands:
        return []
    items = _items(cands)
    chosen_idx = list(range(len(cands)))
    if anchors is None:
        groups: dict[int, list[int]] = {}
        parents: dict[int, HtmlElement] = {}
        for i, item in enumerate(items):
            parent = item.getparent()
            key = id(parent) if parent is not None else id(item)
            groups.setdefault(key, []).append(i)
            parents[key] = parent if parent is not None else item

        def weight(key: int) -> float:
            idx = groups[key]
            avg = sum(min(len(cands[i][2]), 40) for i in idx) / len(idx)
            value = len(idx) * avg
            return value * 0.2 if _avoided(parents[key]) else value

        best = max(groups, key=weight)
        sig = _signature(parents[best])
        keys = [
            k
            for k in groups
            if k == best
            or (len(groups[k]) >= 2 and _signature(parents[k]) == sig and not _avoided(parents[k]))
        ]
        chosen_idx = sorted(i for k in keys for i in groups[k])
    out: list[ListedArticle] = []
    for i in chosen_idx:
        a, link, title = cands[i]
        out.append(
            ListedArticle(
                url=clean_line(link),
                title=clean_line(title),
                published=_item_date(items[i], a, link, timezone, now),
            )
        )
    return out


def next_listing_url(html: str, url: str) -> str | None:
    """The next page of a paginated column (下一页 or the page numbered one higher)."""
    try:
        root = parse_html(html)
    except Exception:  # noqa: BLE001 - no next page is the safe answer
        return None
    link = next_page_link(root, url)
    return clean_line(link) if link else None
