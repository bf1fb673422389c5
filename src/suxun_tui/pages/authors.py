"""Choose an article's author among the places a page names one.

In order of how often each is right on real pages: a labelled field of the Chinese info bar
(作者：王帅), a byline at the head of the text (``（记者 张三）``, ``文/王帅``, "By Jane Doe"),
the persons JSON-LD names as the article's authors, ``<meta name="author">`` and its
relatives, the elements marked as bylines (``rel=author``, ``itemprop=author``,
``class="byline"``), a byline closing the text, a forum's "posted by" formula, and last an
organisation JSON-LD names as author. Markup names are checked for looking like a person:
Chinese sites fill ``<meta name="author">`` with the site, the channel or "佚名".
"""

from __future__ import annotations

import re

from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.metadata import byline_author, posted_by, trailing_author
from suxun_tui.pages.vocabulary import BYLINE_EN, BYLINE_END, BYLINE_LABEL, NOT_AUTHOR
from suxun_tui.text.sanitize import clean_line

__all__ = ["choose_author", "english_byline"]

_MAX_NAMES = 4
_BY = re.compile(r"^(?:by|von|par|por)\s+", re.I)
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
_NOT_PERSON = re.compile(
    r"未知|佚名|匿名|本站|网络|網絡|编辑部|編輯部|记者|記者|新闻|新聞|科技|财经|消息", re.I
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*|\s+和\s*|、)\s*", re.I)


def _person(name: str, *, handles: bool = False) -> bool:
    if not name or len(name) > 60 or NOT_AUTHOR.search(name) or _NOT_PERSON.search(name):
        return False
    if _CHINESE_NAME.match(name):
        return not _SITE_LIKE.search(name)
    return bool(_LATIN_NAME.match(name) or handles and _HANDLE.match(name))


def _join(names: list[str], *, handles: bool = False) -> str | None:
    """Distinct person names, in order, joined by commas (``A, B, C``)."""
    out: list[str] = []
    for raw in names:
        name = _BY.sub("", clean_line(raw)).strip(" ,;|")
        parts = [name] if _person(name, handles=handles) else _NAME_SPLIT.split(name)
        for part in parts:
            part = part.strip(" ,;|")
            if _person(part, handles=handles) and part.casefold() not in map(str.casefold, out):
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
    end = BYLINE_END.search(text)
    if end:
        text = text[: end.start()]
    return _join([text.strip(" ,:")])


def choose_author(
    labelled: str | None,
    body: list[RawBlock],
    head: list[RawBlock],
    meta: PageMeta,
    region: list[RawBlock] | None = None,
) -> str | None:
    """The author of the article, or None; see the module's docstring for the order."""
    if labelled:
        return labelled
    texts = [b.text for b in body if b.kind != "image"]
    lead = [b.text for b in head if b.kind != "image"] + texts[:3]
    for i, text in enumerate(lead):
        found = byline_author(text) or english_byline(text)
        if not found and BYLINE_LABEL.match(text) and i + 1 < len(lead):
            found = english_byline(lead[i + 1], bare=True)
        if found:
            return found
    found = _join(meta.authors, handles=True) or _join(meta.meta_authors)
    if found:
        return found
    for text in meta.bylines:
        found = english_byline(text, bare=True)
        if found:
            return found
    if texts:
        found = trailing_author(texts[-1])
        if found:
            return found
    for text in texts[-3:]:
        found = byline_author(text) if len(text) <= 40 else None
        if found:
            return found
    dated = [
        b.text for b in (head + (region or [])) if len(b.text) <= 160 and _DATE_HINT.search(b.text)
    ]
    for text in dated[:3] + texts[-3:]:
        found = posted_by(text)
        if found:
            return found
    return _join(meta.organisations, handles=True)
