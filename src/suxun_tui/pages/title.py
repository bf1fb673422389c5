"""Find the article's title among the blocks just before (or at the start of) its region.

The ``<title>`` and ``og:title`` say what the article is called, usually with the site's
name attached; the block that matches them most completely is the title shown on the
page, and its position tells where the info bar (between title and text) begins.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.vocabulary import TITLE_FILLER_WORDS
from suxun_tui.text.sanitize import clean_line

__all__ = ["find_title"]

_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜–—»]|--|\s[-·•:]\s)\s*")
# Words a heading and a title can share: Latin-script words cut to their first five letters
# ("Products" and "Product" agree), two Chinese characters side by side.
# What a page adds to the headline it shows: a short label before it ("Thread: ", "6. Re: "),
# after it the source with a comment count ("(latimes.com) 87") or parts after a separator.
_LABEL = re.compile(r"^[^\W_][\w .]{0,19}:\s*$")
_NOTE = re.compile(r"^\s*\(\w[\w.-]*\.[a-z]{2,}\)\s*\d*\s*$|^\s+(?:[-|–—_·•]|--)\s+\S")
_DECORATION_EDGES = " -|:–—_·•"
_WORD = re.compile(r"[^\W\d_]{3,}")
_HAN_PAIR = re.compile(r"(?=([\u3400-\u9fff\uf900-\ufaff]{2}))")


def _lcs(a: str, b: str, matcher: SequenceMatcher[str]) -> int:
    """Length of the longest common substring of ``a`` and ``b``, the matcher's second
    sequence (indexed once per page: up to 45 blocks are compared with the same title)."""
    if not a or not b:
        return 0
    matcher.set_seq1(a)
    return matcher.find_longest_match(0, len(a), 0, len(b)).size


def _title_parts(meta: PageMeta) -> tuple[str, str]:
    """The page title as the ``<title>`` says it, and its first segment."""
    full = clean_line(meta.og_title or meta.title)
    page = clean_line(meta.title) or full
    parts = [p for p in _TITLE_SPLIT.split(page) if p]
    first = max(parts[:2], key=len) if parts else page
    return full or page, first


def _squeezed(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _parts(text: str, site: str) -> list[str]:
    """The parts of a title (``Headline | Column | Site``) without the site's name."""
    # Entities escaped twice ("Kneelers &amp;amp; More") are read once more.
    line = html.unescape(clean_line(text))
    return [p for p in _TITLE_SPLIT.split(line) if p and _squeezed(p) != site]


def _headline(parts: list[str]) -> str:
    """The headline among a title's parts: the first, unless the next is more than three
    times as long (``python - Why is … - Stack Overflow``, where the first is a tag)."""
    if len(parts) > 1 and len(parts[1]) > 3 * len(parts[0]):
        return parts[1]
    return parts[0] if parts else ""


def _og_title(meta: PageMeta) -> str:
    """``og:title``, unless it is cut short or a description ("Kroll … aims to identify
    trends …, focusing on key themes … Download the report.")."""
    og = clean_line(meta.og_title)
    if og.endswith(("...", "…")):
        return ""  # "What do you guys think will be the trend in the watch..."
    if len(og) > 150 and len(og) > 2 * len(clean_line(meta.title)):
        return ""
    return og


def _declared_title(meta: PageMeta) -> str:
    """The article's name as the markup gives it, without the site's name.

    ``og:title`` names the article, usually without the site's name, where ``<title>``
    usually adds it, so it comes first, unless it is the site's name itself. A part that
    is ``og:site_name`` (or ``application-name``) goes.
    """
    site = _squeezed(meta.source)
    for text in (_og_title(meta), meta.title):
        headline = _headline(_parts(text, site))
        if headline:
            return headline
    return clean_line(meta.og_title or meta.title)


def _not_site(meta: PageMeta) -> list[str]:
    """The parts of ``og:title`` and ``<title>`` that may be the article's name: all but
    the site's, which is ``og:site_name`` or the last of several parts when another is
    longer ("Suggestions for a beginner mtb | Mountain Bike Reviews Forum")."""
    site = _squeezed(meta.source)
    out: list[str] = []
    for text in (_og_title(meta), meta.title):
        parts = _parts(text, site)
        if len(parts) > 1 and len(parts[-1]) < max(len(p) for p in parts[:-1]):
            parts = parts[:-1]
        out.extend(parts)
    return out


def _words(text: str) -> set[str]:
    """The words of ``text`` that say what it is about, for :func:`_shares_words`."""
    folded = text.casefold()
    latin = {w[:5] for w in _WORD.findall(folded) if w not in TITLE_FILLER_WORDS}
    return latin | set(_HAN_PAIR.findall(folded))


def _declares(meta: PageMeta) -> bool:
    """Whether the markup names the article and not only the site.

    An ``og:title`` other than the site's name does, and so does a ``<title>`` of several
    parts (``Headline | Site``) or a long one; a short ``<title>`` of one part may be the
    site's name alone ("中国地理学会官网"), which says nothing about which heading is the
    article's.
    """
    site = clean_line(meta.source).casefold()
    og = clean_line(meta.og_title).casefold()
    if og and og != site:
        return True
    parts = [p for p in _TITLE_SPLIT.split(clean_line(meta.title)) if p]
    # One part of four words or twenty characters is a headline, not a site's name.
    return len(parts) > 1 or any(len(p.split()) >= 4 or len(p) >= 20 for p in parts)


def _shares_words(heading: str, reference: str) -> bool:
    """Whether ``heading`` has a word of the page's declared title: "19 Answers", "Sign In"
    or "Size Guide" above a text whose title is another thing are the page's furniture."""
    return bool(_words(heading) & _words(reference))


def _undecorated(shown: str, meta: PageMeta, reference: str) -> str:
    """The title shown on the page without what the page adds around the headline.

    A label before it ("Thread: ", "Blog: ", "6. Re: "), or after it the source and a
    comment count ("(latimes.com) 87") or parts after a separator ("- Programming -
    Nairaland") that neither ``og:title`` nor ``<title>`` holds, are the page's decoration:
    the headline they give is the title. What they hold too ("Staple Tee - 5001") stays.
    """
    site = _squeezed(meta.source)
    folded = shown.casefold()
    for text in (_og_title(meta), meta.title):
        headline = _headline(_parts(text, site))
        at = folded.find(headline.casefold()) if len(headline) >= 4 else -1
        if at < 0 or len(headline) == len(shown):
            continue
        before, after = shown[:at], shown[at + len(headline) :]
        if (before and not _LABEL.match(before)) or (after and not _NOTE.match(after)):
            continue
        extra = f"{before} {after}".strip(_DECORATION_EDGES)
        if extra and extra.casefold() not in reference.casefold():
            return headline
    return shown


def find_title(blocks: list[RawBlock], meta: PageMeta, start: int) -> tuple[str, int | None]:
    """The article title and the position of its block in ``blocks`` (None if not shown).

    The best block is the one that matches the ``<title>``/``og:title`` most completely;
    headings and blocks just before the article get the benefit of the doubt.
    """
    full, first = _title_parts(meta)
    reference = full + " " + clean_line(meta.title)
    best: tuple[float, int] | None = None
    matcher = SequenceMatcher(None, "", reference, autojunk=False)
    named = " ".join(_not_site(meta))
    on_named = SequenceMatcher(None, "", named, autojunk=False)
    lo = max(0, start - 40)
    for pos in range(lo, min(len(blocks), start + 5)):
        b = blocks[pos]
        if b.kind not in ("heading", "paragraph") or not 4 <= len(b.text) <= 120:
            continue
        if b.link_density > 0.5 and b.kind != "heading":
            continue
        common = _lcs(b.text, reference, matcher)
        if named and 2 * _lcs(b.text, named, on_named) < common:
            continue  # it matches the site's part ("Suggestions for … | Bike Forum")
        inside = common / len(b.text)
        cover = common / max(1, len(first))
        score = inside * min(1.0, cover)
        if b.kind == "heading":
            score += 0.15 if b.level <= 2 else 0.05
        if score >= 0.6 and (best is None or score > best[0] + 1e-9):
            best = (score, pos)
    if best is not None:
        return _undecorated(blocks[best[1]].text, meta, reference), best[1]
    # No block is the declared title: a main heading right before or at the start of the
    # text is the title if it shares a word with it (not with the site's name: "Unlock the
    # full InfoQ experience"), or if the <title> names only the site ("中国地理学会官网").
    declared = _declares(meta)
    headings = [
        (pos, b)
        for pos, b in enumerate(blocks[max(0, start - 10) : start + 2], max(0, start - 10))
        if b.kind == "heading"
        and 4 <= len(b.text) <= 120
        and b.link_density < 0.5
        and (not declared or _shares_words(b.text, named or reference))
    ]
    if headings:
        pos, block = min(headings, key=lambda h: (h[1].level > 2, abs(h[0] - start)))
        return block.text, pos
    return _declared_title(meta) or full, None
