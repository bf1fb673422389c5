"""What a page's ``<head>`` and structured data say about it.

Read before :func:`~suxun_tui.pages.dom.clean_tree` drops scripts and meta tags, so
JSON-LD and ``<meta>`` survive long enough to give title, date and author hints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from suxun_tui.pages.dom import HtmlElement, text_content

__all__ = ["PageMeta", "read_meta"]

_DATE_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "datepublished",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "publishtime",
    "publish_time",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_AUTHOR_META_NAMES = ("article:author", "author", "dc.creator", "byl", "sailthru.author")


@dataclass
class PageMeta:
    """What ``<head>`` and structured data say about the page."""

    title: str = ""
    og_title: str = ""
    published: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str = ""


def _meta_key(el: HtmlElement) -> str:
    for attr in ("property", "name", "itemprop", "http-equiv"):
        value = el.get(attr)
        if value:
            return str(value).strip().lower()
    return ""


def _jsonld(text: str, meta: PageMeta) -> None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            value = item.get("datePublished")
            if isinstance(value, str):
                meta.published.insert(0, value)
            author = item.get("author")
            for one in author if isinstance(author, list) else [author]:
                name = one.get("name") if isinstance(one, dict) else one
                if isinstance(name, str) and name.strip():
                    meta.authors.append(name.strip())


def read_meta(root: HtmlElement) -> PageMeta:
    """Title, publish-time and author hints from meta tags, ``<time>`` and JSON-LD."""
    meta = PageMeta()
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = text_content(title_el).strip()
    dated: dict[str, str] = {}
    for el in root.iter("meta"):
        key = _meta_key(el)
        content = (el.get("content") or "").strip()
        if not key or not content:
            continue
        if key in ("og:title", "twitter:title") and not meta.og_title:
            meta.og_title = content
        elif key in _DATE_META_NAMES and key not in dated:
            dated[key] = content
        elif key in _AUTHOR_META_NAMES:
            meta.authors.append(content)
        elif key in ("og:site_name", "source", "mediaid") and not meta.source:
            meta.source = content
    meta.published.extend(dated[k] for k in _DATE_META_NAMES if k in dated)
    for el in root.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            _jsonld(el.text, meta)
    for el in root.iter("time"):
        value = el.get("datetime") or ""
        if value.strip() and (el.get("itemprop") or "").lower() in ("", "datepublished"):
            meta.published.append(value.strip())
            break
    return meta
