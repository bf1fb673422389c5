"""What a page's markup says about the article: title, publish time, author, site.

Read before :func:`~suxun_tui.pages.dom.clean_tree` drops scripts and meta tags. The places
are the ones trafilatura and htmldate look at, each kept apart so that :mod:`.fields` can
weigh them: JSON-LD (an ``Article``'s own ``datePublished`` and ``author`` before any other
item's), ``<meta>`` names (Open Graph, Dublin Core, Parse.ly, Sailthru, Highwire
``citation_*``), microdata (``itemprop``), ``<time datetime>``, the JSON a script keeps its
state in, and the elements whose class says they show the date or the author on the page
(a byline's date included).
The modification time is kept apart from the publish time: a page that shows only
"Updated …" is dated by it, others are not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from suxun_tui.pages.dates import may_hold_date
from suxun_tui.pages.dom import HtmlElement, text_content
from suxun_tui.pages.vocabulary import (
    ARTICLE_TYPES,
    AUTHOR_HREF,
    AUTHOR_META,
    AUTHOR_NAMES,
    DATE_NAMES,
    EDITORIAL_TYPES,
    MODIFIED_META,
    MODIFIED_META_LIKE,
    NOT_ARTICLE_NAMES,
    PUBLISHED_META,
    PUBLISHED_META_LIKE,
    SCRIPT_DATE,
    SHOWN_NAME_WORDS,
    SITE_META,
)

__all__ = ["PageMeta", "read_meta"]

_MAX_SHOWN = 8  # the article's own date and byline come early; later ones are others'
_SHOWN_CHARS = 160


@dataclass
class PageMeta:
    """What markup says about the page, each list most trusted (or first shown) first.

    ``published`` and ``modified`` are machine-readable times (JSON-LD, ``<meta>``,
    microdata, ``<time datetime>``, script state); ``shown_dates`` and ``bylines`` are the
    texts of elements whose class or role says they show the date or the author.
    ``authors`` are structured names (JSON-LD persons, then ``<meta>``); ``organisations``
    are JSON-LD authors that are organisations, the weakest answer.
    """

    title: str = ""
    og_title: str = ""
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    shown_dates: list[str] = field(default_factory=list)
    # The first <time datetime> of a place read as furniture: a date for a page that
    # gives no other, since such names (a "widget" class) also wrap articles and posts.
    stray_times: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    source: str = ""
    description: str = ""  # the page's own summary (Open Graph, then <meta>), for a fallback
    # og:type or a JSON-LD type says the page is one editorial text (EDITORIAL_TYPES).
    editorial: bool = False


def _meta_key(el: HtmlElement) -> str:
    for attr in ("property", "name", "itemprop", "http-equiv"):
        value = el.get(attr)
        if value:
            return str(value).strip().lower()
    return ""


def _types(item: dict[str, object]) -> set[str]:
    kind = item.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {n.rsplit("/", 1)[-1] for n in names if isinstance(n, str)}


def _names(value: object, index: dict[str, dict[str, object]]) -> list[tuple[str, bool]]:
    """Author names in a JSON-LD ``author`` value, each with whether it is a person."""
    out: list[tuple[str, bool]] = []
    for one in value if isinstance(value, list) else [value]:
        if isinstance(one, str) and one.strip():
            out.append((one.strip(), True))
        elif isinstance(one, dict):
            ref = one.get("@id")
            if "name" not in one and isinstance(ref, str) and ref in index:
                one = index[ref]
            name = one.get("name")
            if isinstance(name, str) and name.strip():
                out.append((name.strip(), "Organization" not in _types(one)))
    return out


def _jsonld(text: str, meta: PageMeta) -> None:
    try:
        data = json.loads(text, strict=False)  # raw line breaks in strings are common
    except (ValueError, RecursionError):
        return
    items: list[dict[str, object]] = []
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            items.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(item.get(key), list | dict):
                    stack.append(item[key])
    index = {str(i["@id"]): i for i in items if isinstance(i.get("@id"), str)}
    # An article's own fields first, then those of any other item (WebPage, a list).
    ordered = sorted(items, key=lambda i: not (_types(i) & ARTICLE_TYPES))
    if any(_types(i) & EDITORIAL_TYPES for i in items):
        meta.editorial = True
    for item in ordered:
        for key, target in (("datePublished", meta.published), ("dateModified", meta.modified)):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                target.append(value.strip())
        if not (_types(item) & ARTICLE_TYPES) and meta.authors:
            continue
        for name, person in _names(item.get("author") or item.get("creator"), index):
            (meta.authors if person else meta.organisations).append(name)


def _outside_furniture(el: HtmlElement, memo: dict[HtmlElement, bool]) -> bool:
    """Whether no ancestor is a comment, sidebar, related list, footer or menu.

    ``memo`` keeps the answer for every ancestor seen, so the elements of one page, which
    share most of their ancestors, are walked up once between them.
    """
    path: list[HtmlElement] = []
    node = el.getparent()
    verdict = True
    while node is not None and node.tag not in ("body", "html"):
        if node in memo:
            verdict = memo[node]
            break
        path.append(node)
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag in ("footer", "nav") or (names.strip() and NOT_ARTICLE_NAMES.search(names)):
            verdict = False
            break
        node = node.getparent()
    for seen in path:
        # Nodes below a furniture ancestor are furniture; the ancestor itself too.
        memo[seen] = verdict
    return verdict


# A class that holds one of these may say that its element shows a date or a byline.
_SHOWN_CLASS = re.compile("|".join(map(re.escape, SHOWN_NAME_WORDS)))


def _marked(root: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The elements :func:`_time_values` and :func:`_shown` read, in document order.

    The first list is ``//time[@datetime] | //*[@itemprop]``; the second is ``//time |
    //*[@rel='author'] | //@itemprop/.. | //*[@class]`` with a class holding one of
    :data:`~.vocabulary.SHOWN_NAME_WORDS`. One walk finds both: the XPath expressions each
    walked the page, and libxml2 copied a class's value once for every word it tested.
    """
    timed: list[HtmlElement] = []
    shown: list[HtmlElement] = []
    in_class = _SHOWN_CLASS.search
    for el in root.iter(etree.Element):
        attrib = el.attrib
        if el.tag == "time":
            shown.append(el)
            if "datetime" in attrib or "itemprop" in attrib:
                timed.append(el)
        elif not attrib:
            continue
        elif "itemprop" in attrib:
            timed.append(el)
            shown.append(el)
        elif attrib.get("rel") == "author" or el.tag == "a" and _author_link(el):
            shown.append(el)
        else:
            names = attrib.get("class")
            if names and in_class(names):
                shown.append(el)
    return timed, shown


# "3 days ago", "Mar 4": a shown date without its year, whose element often gives the full
# date in a tooltip, in one of these attributes.
_YEAR = re.compile(r"(?:19|20)\d\d")
_TOOLTIPS = ("title", "data-tippy-content", "data-original-title", "data-tooltip", "aria-label")


def _tooltip(el: HtmlElement) -> str:
    """The first tooltip of ``el`` that names a year (and is short enough to be a date)."""
    for name in _TOOLTIPS:
        value = el.get(name)
        if value and len(value) <= 80 and _YEAR.search(value):
            return " ".join(value.split())
    return ""


def _author_link(el: HtmlElement) -> bool:
    """Whether ``el`` links to a writer's page (:data:`~.vocabulary.AUTHOR_HREF`)."""
    href = el.get("href")
    return bool(href and AUTHOR_HREF.search(href))


_CONTROLS = frozenset({"input", "textarea", "select", "button"})


def _beside_control(el: HtmlElement) -> bool:
    """Whether ``el`` labels a form field: it holds one, or its parent does (a log-in box
    names its fields "author-name" and prints 账号 or "Name" beside them)."""
    if any(node.tag in _CONTROLS for node in el.iter()):
        return True
    parent = el.getparent()
    return parent is not None and any(child.tag in _CONTROLS for child in parent)


def _shown(marked: list[HtmlElement], meta: PageMeta) -> None:
    """Texts of the elements that show a date or a byline, in document order."""
    memo: dict[HtmlElement, bool] = {}
    for el in marked:
        if len(meta.shown_dates) >= _MAX_SHOWN and len(meta.bylines) >= _MAX_SHOWN:
            break
        if el.tag in ("script", "style", "meta", "link", "body", "html") or len(el) > 12:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        prop = (el.get("itemprop") or "").lower()
        dated = el.tag == "time" or prop.startswith("date") or DATE_NAMES.search(names)
        authored = bool(
            prop == "author"
            or (el.get("rel") or "") == "author"
            or AUTHOR_NAMES.search(names)
            or el.tag == "a"
            and _author_link(el)
        )
        if authored and _beside_control(el):
            authored = False  # "账号" over a comment box's log-in field is no byline
        if not dated and not authored:
            continue
        text = " ".join(" ".join(cast("Iterator[str]", el.itertext())).split())
        tip = _tooltip(el) if dated and _YEAR.search(text) is None else ""
        if not (text or tip) or len(text) > _SHOWN_CHARS or not _outside_furniture(el, memo):
            continue
        # A byline that carries a date (a forum post's "by Minoa » Tue Aug 27, 2019") shows it.
        shows_date = (dated or authored) and may_hold_date(text)
        if (shows_date or tip) and len(meta.shown_dates) < _MAX_SHOWN:
            meta.shown_dates.append(f"{text} {tip}".strip())
        if (authored or text[:3].lower() == "by ") and len(meta.bylines) < _MAX_SHOWN:
            meta.bylines.append(text)


def _time_values(timed: list[HtmlElement], meta: PageMeta) -> None:
    """Microdata and ``<time datetime>``: a marked publish time first, else the first one."""
    marked: list[str] = []
    plain: list[str] = []
    microdata_author = ""
    for el in timed:
        prop = (el.get("itemprop") or "").lower()
        if prop == "author" and not microdata_author:
            microdata_author = _microdata_name(el)
            continue
        if el.tag == "meta" or prop not in ("", "datepublished", "datemodified", "datecreated"):
            continue
        value = (el.get("datetime") or el.get("content") or "").strip()
        if not value and prop:
            value = " ".join(text_content(el).split())[:60]
        if not value:
            continue
        if prop == "datemodified":
            meta.modified.append(value)
        elif prop or el.get("pubdate") is not None:
            marked.append(value)
        elif not plain and _outside_furniture(el, {}):
            plain.append(value)
        elif not plain and not meta.stray_times and el.tag == "time":
            meta.stray_times.append(value)
    meta.published.extend(marked + plain)
    if microdata_author and not meta.authors:
        meta.authors.append(microdata_author)


def _microdata_name(el: HtmlElement) -> str:
    """The name of an ``itemprop="author"`` element: its ``itemprop="name"`` or its text."""
    for named in cast("list[HtmlElement]", el.xpath(".//*[@itemprop='name']")):
        value = (named.get("content") or text_content(named)).strip()
        if value:
            return value
    text = (el.get("content") or " ".join(text_content(el).split())).strip()
    return text if len(text) <= 60 else ""


# Next.js renders structured data handed to its ``metadata.other`` as ``<meta
# name="script:ld+json" content="{…}">``, not as a script: the same JSON-LD, read as one.
_LD_META = "script:ld+json"


def read_meta(root: HtmlElement) -> PageMeta:
    """Title, publish-time and author hints from every place markup gives them."""
    meta = PageMeta()
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = text_content(title_el).strip()
    first: dict[str, str] = {}
    guessed: list[str] = []
    guessed_modified: list[str] = []
    in_meta: list[str] = []  # JSON-LD a framework wrote into a <meta> (_LD_META)
    for el in root.iter("meta"):
        key = _meta_key(el)
        content = (el.get("content") or "").strip()
        if not key or not content:
            continue
        if key == _LD_META:
            in_meta.append(content)
        elif key == "og:type" and content.lower() in EDITORIAL_TYPES:
            meta.editorial = True
        elif key in ("og:title", "twitter:title") and not meta.og_title:
            meta.og_title = content
        elif key in AUTHOR_META:
            meta.meta_authors.append(content)
        elif key in SITE_META and not meta.source:
            meta.source = content
        elif key not in first:
            first[key] = content
            if key in MODIFIED_META:
                continue
            if PUBLISHED_META_LIKE.search(key):
                guessed.append(content)
            elif MODIFIED_META_LIKE.search(key):
                guessed_modified.append(content)
    for el in root.iter("script"):
        kind = (el.get("type") or "").lower()
        if kind == "application/ld+json" and el.text:
            _jsonld(el.text, meta)
    for content in in_meta:
        _jsonld(content, meta)
    for n in "1234":  # Ghost and Yoast: twitter:label1 "Written by", twitter:data1 the name
        if first.get(f"twitter:label{n}", "").lower() in ("written by", "author", "by"):
            meta.meta_authors.append(first.get(f"twitter:data{n}", ""))
    meta.description = next(
        (first[k] for k in ("og:description", "description", "twitter:description") if k in first),
        "",
    )
    meta.published.extend(first[k] for k in PUBLISHED_META if k in first)
    meta.modified.extend(first[k] for k in MODIFIED_META if k in first)
    timed, shown = _marked(root)
    _time_values(timed, meta)
    meta.published.extend(v for v in guessed if v not in meta.published)
    meta.modified.extend(v for v in guessed_modified if v not in meta.modified)
    for el in root.iter("script") if not meta.published else ():
        kind = (el.get("type") or "").lower()
        if kind != "application/ld+json" and el.text:
            m = SCRIPT_DATE.search(el.text)
            if m:
                meta.published.append(m.group(1))
                break
    _shown(shown, meta)
    return meta
