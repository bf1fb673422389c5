"""Choose an article's author among the places a page names one.

In order of how often each is right on real pages: a labelled field of the Chinese info bar
(作者：王帅), a byline at the head of the text or among its first short lines
(``（记者 张三）``, ``文/王帅``, "By Jane Doe", "by jsteinhardt"), the persons JSON-LD names as
the article's authors, ``<meta name="author">`` and its relatives, the elements marked as
bylines (``rel=author``, ``itemprop=author``, ``class="byline"``), a byline closing the text
or just after it ("Written by …"), an author box (a name over a note that begins with it,
"Alban Brooke is …"), a forum's "posted by" formula, a reviewer ("Reviewed by …": who
checked the text, not who wrote it), and last an organisation JSON-LD names as author or
the site's own name. Markup names are checked for looking like a person: Chinese sites fill
``<meta name="author">`` with the site, the channel or "佚名", and many sites their own name
(og:site_name, the host's name), which gives way to any person the page names.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.metadata import byline_author, posted_by, trailing_author
from suxun_tui.pages.vocabulary import (
    BYLINE_EN,
    BYLINE_END,
    BYLINE_LABEL,
    NO_WRITER,
    NOT_AUTHOR,
)
from suxun_tui.text.sanitize import clean_line

__all__ = ["choose_author", "english_byline"]

_MAX_NAMES = 4
_EARLY_BLOCKS = 12
_BY = re.compile(r"^(?:by|von|par|por)\s+", re.I)
_LEADING_DATE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+(?:19|20)\d\d|\d{1,2}\s+[a-z]{3,9}\.?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
    r"\s*[|•·,:-]?\s*",
    re.I,
)
_DATE_HINT = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d")
_SITE_LIKE = re.compile(r"网|網|报|報|站|新闻|新聞|日报|电视|\.com|\.cn|www", re.I)
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}(?:·[\u4e00-\u9fff]{1,6})?$")
# A Latin-script name: a few capitalised words, initials, particles (van, de), a suffix.
_LATIN_NAME = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w.'’-]*|[a-z]{1,3}|[A-Z]\.)"
    r"(?:\s+(?:[A-Z\u00c0-\u024f][\w.'’-]*|van|von|de|der|del|da|di|la|le|bin|ibn|al|[A-Z]\.)){0,4}"
    r"(?:,?\s+(?:Jr\.?|Sr\.?|II|III|Ph\.?D\.?|M\.?D\.?|MD|PhD|RD|MS|MBA|CPA|Esq\.?))*$"
)
# A handle as forums show it (jsteinhardt, blumo, Taya_Iv), or a name as structured data
# gives it, in whatever case (kirstin boatto).
_HANDLE = re.compile(r"^[\w.-]{2,30}$|^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,4}$")
# One word with a letter first: a user name as forums and platforms show it.
# Who checked the text, not who wrote it: "Reviewed by: Brian Stormont, CFP".
_NOT_WRITER = re.compile(r"^\W*(?:medically\s+)?(?:reviewed|edited|fact[\s-]*checked)\b", re.I)
_BY_HANDLE = re.compile(r"^[^\W\d_][\w.-]{1,29}$")
_NOT_PERSON = re.compile(
    r"未知|佚名|匿名|本站|网络|網絡|编辑部|編輯部|记者|記者|新闻|新聞|科技|财经|消息", re.I
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*|\s+和\s*|、)\s*", re.I)


# What a byline says after the name: "Daniel Okafor, Local Affairs Reporter" (alone, as
# in "Podium Staff", it is what the page calls its writer).
_ROLE = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|producer|analyst"
    r"|critic|staff|director|manager|officer|fellow|intern|founder)s?$",
    re.I,
)


def _person(name: str, *, handles: bool = False) -> bool:
    if not name or len(name) > 60 or NOT_AUTHOR.search(name) or _NOT_PERSON.search(name):
        return False
    if _CHINESE_NAME.match(name):
        return not _SITE_LIKE.search(name)
    return bool(_LATIN_NAME.match(name) or handles and _HANDLE.match(name))


# "Jean-Luc Aufranc (CNXSoft)", "Lance Ryan (Content Manager)": a name and what it is.
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _join(names: list[str], *, handles: bool = False) -> str | None:
    """Distinct person names, in order, joined by commas (``A, B, C``); a name's closing
    parenthesis (an affiliation, a role) is left out."""
    out: list[str] = []
    for raw in names:
        name = _PAREN_TAIL.sub("", _BY.sub("", clean_line(raw))).strip(" ,;|")
        parts = [name] if _person(name, handles=handles) else _NAME_SPLIT.split(name)
        people = [p for p in (part.strip(" ,;|") for part in parts) if _person(p, handles=handles)]
        # A name and then its role: the role is not a second writer.
        people = people[:1] + [p for p in people[1:] if not _ROLE.search(p)]
        for part in people:
            if part.casefold() not in map(str.casefold, out):
                out.append(part)
    return ", ".join(out[:_MAX_NAMES]) or None


def english_byline(text: str, *, bare: bool = False) -> str | None:
    """The names of an English byline: ``By Jane Doe and John Roe | May 3, 2025``.

    Without "By" a text counts only when ``bare`` (an element marked as the byline) and it
    is nothing but names.
    """
    text = " ".join(text.split())
    if len(text) > 160:
        return None
    m = BYLINE_EN.match(text)
    if m:
        text = m.group("name")
    elif not bare:
        return None
    else:
        text = _LEADING_DATE.sub("", text)  # "Dec 17, 2025 Julian K. Arni"
    end = BYLINE_END.search(text)
    if end:
        text = text[: end.start()]
    text = text.strip(" ,:")
    found = _join([text])
    if found is None and m is not None and _BY_HANDLE.match(text) and _person(text, handles=True):
        return text  # after an explicit "by", a forum's or a platform's handle: by jsteinhardt
    return found


def _site_keys(source: str, url: str) -> set[str]:
    """The site's own names, as :func:`_key` gives them: its declared name (og:site_name)
    and the labels of its host (buzzsprout in www.buzzsprout.com)."""
    host = (urlsplit(url).hostname or "").split(".")
    labels = host[:-1] if len(host) > 1 else host
    keys = {_key(label) for label in labels if label not in ("www", "m", "blog", "news")}
    return {k for k in (keys | {_key(source)}) if len(k) >= 3}


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _early_bylines(region: list[RawBlock]) -> list[str]:
    """The short lines among the region's first blocks, where a dateline or byline below
    the standfirst stands (``by Jane Doe ● December 23, 2025``); the filter often drops it
    from the body."""
    return [b.text for b in region[:_EARLY_BLOCKS] if b.kind != "image" and len(b.text) <= 160]


def choose_author(
    labelled: str | None,
    body: list[RawBlock],
    head: list[RawBlock],
    meta: PageMeta,
    region: list[RawBlock] | None = None,
    *,
    after: list[RawBlock] | None = None,
    url: str = "",
) -> str | None:
    """The author of the article, or None; see the module's docstring for the order."""
    if labelled and not NO_WRITER.match(labelled):
        return labelled
    region = region or []
    texts = [b.text for b in body if b.kind != "image"]
    lead = [b.text for b in head if b.kind != "image"] + texts[:3] + _early_bylines(region)
    reviewers: list[str] = []  # who checked the text: named only when no one else is
    for i, text in enumerate(lead):
        if _NOT_WRITER.match(text):
            reviewers.append(text)
            continue
        found = byline_author(text) or english_byline(text)
        if not found and BYLINE_LABEL.match(text) and i + 1 < len(lead):
            found = english_byline(lead[i + 1], bare=True)
        if found:
            return found
    site = _site_keys(meta.source, url)
    people = [n for n in meta.authors if _key(n) not in site]
    named = [n for n in meta.meta_authors if _key(n) not in site]
    found = _join(people, handles=True) or _join(named)
    if found:
        return found
    for text in meta.bylines:
        found = english_byline(text, bare=True)
        if found and _key(found) not in site:
            return found
    if texts:
        found = trailing_author(texts[-1])
        if found:
            return found
    for text in texts[-3:]:
        found = byline_author(text) if len(text) <= 40 else None
        if found:
            return found
    closing = texts[-3:] + [b.text for b in (after or [])[:_EARLY_BLOCKS] if b.kind != "image"]
    for text in closing:
        found = english_byline(text)  # "Written by Jane Doe" after the text
        if found:
            return found
    found = author_box(region + (after or []))
    if found:
        return found
    dated = [b.text for b in (head + region) if len(b.text) <= 160 and _DATE_HINT.search(b.text)]
    # A post's footer (由X张贴 @ 2005年…) may stand just after the element holding its text.
    footer = [
        b.text
        for b in (after or [])[:_EARLY_BLOCKS]
        if len(b.text) <= 160 and _DATE_HINT.search(b.text)
    ]
    for text in dated[:3] + texts[-3:] + footer[:1]:
        found = posted_by(text)
        if found:
            return found
    found = next(filter(None, map(english_byline, reviewers)), None)
    if found:
        return found
    others = meta.authors + meta.meta_authors
    site_named = [n for n in others if _key(n) in site]
    site_named += [b for b in (english_byline(t, bare=True) for t in meta.bylines) if b]
    return _join(meta.organisations, handles=True) or _join(site_named[:1], handles=True)


# A writer's note: "Alban Brooke is the Head of Marketing…", "David Gracey: Since 1998…".
_BIO_VERB = re.compile(r"^(?:,|:|\s+(?:is|was|has|writes|works|leads|serves|covers|joined)\b)")


def author_box(blocks: list[RawBlock]) -> str | None:
    """The name an author box gives: a line that is only a person's name, followed by a
    note that begins with that name ("Alban Brooke is …"), or shown under a picture of them
    (an image whose text names them) when no other name is shown so: pictures with names
    under them are a list of products or people, not a box."""
    pictured: list[str] = []
    for i, b in enumerate(blocks):
        name = b.text.strip()
        if b.kind == "image" or not 4 <= len(name) <= 60 or len(name.split()) > 3:
            continue
        if not _person(name):
            continue
        if any(
            nxt.text.startswith(name) and _BIO_VERB.match(nxt.text[len(name) :])
            for nxt in blocks[i + 1 : i + 3]
        ):
            return _join([name])
        if i > 0 and blocks[i - 1].kind == "image" and name in blocks[i - 1].text:
            pictured.append(name)
    return _join(pictured) if len(set(pictured)) == 1 else None
