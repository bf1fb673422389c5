"""Choose the element that holds the article: the subtree with the most prose in it.

Every piece of text gets a weight: sentence punctuation outside links counts strongly for
(prose has a ``，`` or ``。`` every dozen characters; menus, footers and link lists have
almost none), plain characters count a little for, and link text counts against. A
subtree's score is the sum of its text's weights, computed bottom-up in one pass, and the
best container is the highest-scoring element. Adding a sidebar or a menu to a container
lowers its score, so the winner is the tightest element that still holds the whole text -
the same idea as readability's, without its per-paragraph heuristics and at a fraction of
its cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from suxun_tui.pages.dates import find_dates
from suxun_tui.pages.dom import HtmlElement, text_content
from suxun_tui.pages.vocabulary import (
    ARTICLE_NAMES,
    CONSENT_HINTS,
    CONSENT_NAMES,
    DISCUSSION_NAMES,
    NEGATIVE_NAMES,
    POSITIVE_NAMES,
)

__all__ = ["TreeScore", "score_tree"]

# Sentence punctuation: a CJK mark anywhere, a Latin one before a space. Counted as the
# marks plus the matches of one character class, which the regex engine scans in C.
_CJK_PUNCT = "，。！？；、"
_LATIN_PUNCT = re.compile(r"[,.!?;](?=\s)")
_CONTAINERS = frozenset(
    [
        "div",
        "td",
        "article",
        "section",
        "main",
        "body",
        "p",
        "span",
        "font",
        "center",
        "blockquote",
        "table",
        "tbody",
        "tr",
        "dd",
        "li",
        "form",
    ]
)

PUNCT_WEIGHT = 12.0
CHAR_WEIGHT = 0.4
LINK_WEIGHT = 1.2


@dataclass
class TreeScore:
    """Scores of every element, indexed by pre-order position from the root."""

    elements: list[HtmlElement]
    end: list[int]
    score: list[float]
    best: int
    eligible: list[bool]
    parent: list[int]  # pre-order index of each element's parent (-1 for the root)
    # Whether each element is inside (or is) a comment thread, by class and id names.
    discussion: list[bool]
    # The best element before the descent into a dominant child: tried next if the
    # child's text filters away to nothing.
    wide: int = -1
    # Pre-order spans of cookie-consent banners (``vocabulary.CONSENT_NAMES``): never text.
    consent: tuple[tuple[int, int], ...] = ()

    def span(self, index: int) -> tuple[int, int]:
        """Pre-order indices covered by the element at ``index`` (inclusive)."""
        return index, self.end[index]

    def best_outside(self, spans: list[tuple[int, int]]) -> int | None:
        """The best container that is neither inside nor around any of ``spans``."""
        best: int | None = None
        for i, ok in enumerate(self.eligible):
            if not ok or self.score[i] <= 0:
                continue
            if any(s <= i <= e or (i <= s and e <= self.end[i]) for s, e in spans):
                continue
            if best is None or self.score[i] >= self.score[best]:
                best = i
        return best


def _weight(text: str, in_link: bool) -> float:
    if text.isspace():
        return 0.0
    n = len("".join(text.split()))
    if in_link:
        return -LINK_WEIGHT * n
    punct = sum(map(text.count, _CJK_PUNCT)) + len(_LATIN_PUNCT.findall(text))
    return CHAR_WEIGHT * n + PUNCT_WEIGHT * punct


_PLAIN, _DISCUSS, _NEGATIVE_KIND, _CONSENT = 0, 1, 2, 3
_PAGE_TAGS = frozenset(("html", "body", "main", "article"))


def _for_lower_ascii(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without ``re.I``, for ASCII text already lower-cased.

    Case-insensitive matching tests every letter's case variants at every position, several
    times slower on the long class lists of utility-CSS pages. On ASCII text the two agree
    exactly when the pattern is written in lower case, which is checked here.
    """
    source = pattern.pattern
    if not source.isascii() or source != source.lower():
        raise ValueError(f"not a lower-case ASCII pattern: {source!r}")
    return re.compile(source, pattern.flags & ~re.I)


_NAME_PATTERNS = tuple(
    (pattern, _for_lower_ascii(pattern))
    for pattern in (DISCUSSION_NAMES, ARTICLE_NAMES, NEGATIVE_NAMES, POSITIVE_NAMES)
)


@lru_cache(maxsize=4096)
def _kind_of_names(names: str) -> int:
    """What class and id names say: a cookie-consent banner, a comment thread, furniture,
    or nothing special."""
    low = names.lower()
    if any(hint in low for hint in CONSENT_HINTS) and CONSENT_NAMES.search(low):
        return _CONSENT
    if names.isascii():
        names = names.lower()
        discussion, article, negative, positive = (fast for _, fast in _NAME_PATTERNS)
    else:
        discussion, article, negative, positive = (slow for slow, _ in _NAME_PATTERNS)
    if discussion.search(names) and not article.search(names):
        return _DISCUSS
    if negative.search(names) and not positive.search(names):
        return _NEGATIVE_KIND
    return _PLAIN


def _attr_bonus(kind: int, own: float) -> float:
    """A nudge from class and id names, proportional to the text the element holds."""
    if kind == _DISCUSS:
        return -1.5 * abs(own)
    if kind == _NEGATIVE_KIND:
        return -0.25 * abs(own)
    if kind == _CONSENT:
        return -abs(own)  # a privacy notice's prose counts for nothing
    return 0.0


def score_tree(root: HtmlElement) -> TreeScore:
    """Score all elements under ``root`` and pick the best article container.

    One ``iterwalk`` pass (C speed) visits every element twice: on the way down it notes
    the parent, link state and class/id kind and weighs the element's own text; on the
    way up its finished subtree score goes to the parent, with the text after it. The
    loop runs once per element of every page, so it keeps to local names and does each
    test once (the tag is read once, the container test made on the way down).
    """
    elements: list[HtmlElement] = []
    parent: list[int] = []
    in_link: list[bool] = []
    blocked: list[bool] = []
    score: list[float] = []
    end: list[int] = []
    kinds: list[int] = []
    containers: list[int] = []  # eligible elements, in pre-order
    consent: list[int] = []  # outermost cookie-consent banners
    in_consent = 0  # how many consent banners the walk is inside
    top = -1  # the element the walk is in (its pre-order index), -1 above the root
    weight, kind_of, bonus = _weight, _kind_of_names, _attr_bonus
    wrappers, page_tags = _CONTAINERS, _PAGE_TAGS
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            i = len(elements)
            j = top
            tag = el.tag
            if not isinstance(tag, str):
                tag = ""
            cls, ident = el.get("class"), el.get("id")
            kind = kind_of(f"{cls or ''} {ident or ''}") if cls or ident else 0
            if kind == _CONSENT and tag in page_tags:
                kind = _PLAIN  # "cookie-bar-shown" on <body> is the page's state, not a banner
            elements.append(el)
            parent.append(j)
            kinds.append(kind)
            if j >= 0:
                in_link.append(tag == "a" or in_link[j])
                block = blocked[j] or kind == _DISCUSS
            else:
                in_link.append(tag == "a")
                block = kind == _DISCUSS
            blocked.append(block)
            if kind == _CONSENT:
                if not in_consent:
                    consent.append(i)
                in_consent += 1
            if not block and not in_consent and tag in wrappers:
                containers.append(i)
            text = el.text
            score.append(weight(text, in_link[i]) if text and not text.isspace() else 0.0)
            end.append(i)
            top = i
            continue
        i = top
        top = j = parent[i]
        own = score[i]
        kind = kinds[i]
        if kind:
            score[i] = own + bonus(kind, own)
            if kind == _CONSENT:
                in_consent -= 1
        else:
            score[i] = own + 0.0
        end[i] = len(elements) - 1
        if j >= 0:
            score[j] += score[i]
            tail = el.tail
            if tail and not tail.isspace():  # most tails are the markup's indentation
                score[j] += weight(tail, in_link[j])
    n = len(elements)
    best = 0
    best_score = float("-inf")
    eligible = [False] * n
    for i in containers:
        eligible[i] = True
        if score[i] >= best_score:
            best, best_score = i, score[i]
    wide = _first_post(elements, end, score, best)
    best = _dominant_child(elements, end, score, wide)
    hidden = tuple((i, end[i]) for i in consent)
    return TreeScore(elements, end, score, best, eligible, parent, blocked, wide, hidden)


def _children(end: list[int], index: int) -> list[int]:
    """Pre-order indices of the children of the element at ``index``."""
    out = []
    i = index + 1
    while i <= end[index]:
        out.append(i)
        i = end[i] + 1
    return out


def _first_post(elements: list[HtmlElement], end: list[int], score: list[float], best: int) -> int:
    """On a page of several dated posts (a blog archive), the first post is the article.

    The container of all posts wins the scoring because it holds the most prose. When it
    consists of three or more siblings of one kind that each carry substantial text and
    each start with a full date, the page is a list of posts and the first one is chosen.
    """
    total = score[best]
    if total <= 0:
        return best
    kids = [
        c
        for c in _children(end, best)
        if isinstance(elements[c].tag, str) and score[c] > 0.02 * total
    ]
    if len(kids) < 3 or len({elements[c].tag for c in kids}) != 1:
        return best
    for kid in kids:
        head = text_content(elements[kid])[:160]
        if not any(d.has_year and d.precision >= 5 for d in find_dates(head, relative=False)):
            return best
    return kids[0]


# A child holding this share of its parent's score is where the text is: the rest of the
# parent adds little prose (a sidebar's blurbs, a banner's lines) and much furniture.
DOMINANT = 0.9
# What the descent never stops at: a paragraph, a list item, a quote or a line of inline
# text holding most of the text still leaves its siblings' lines to the article.
_NOT_WRAPPERS = frozenset(
    ("p", "li", "dd", "dt", "blockquote", "pre", "span", "font", "a", "b", "strong", "em", "i")
    + ("h1", "h2", "h3", "h4", "h5", "h6", "code", "br")
)


def _dominant_child(
    elements: list[HtmlElement], end: list[int], score: list[float], best: int
) -> int:
    """The element inside ``best`` that holds nearly all of its score, else ``best``.

    Scores add up, so a wrapper around the article and a sidebar of short blurbs, each
    a little positive, outscores the article's own element; when one child carries nine
    tenths of the wrapper's score (and of its children's positive scores), the wrapper's
    other children are not the text. The
    descent goes on while it holds (the article inside a column inside the wrapper), and
    never stops inside a paragraph or a line (:data:`_NOT_WRAPPERS`).
    """
    while score[best] > 0:
        kids = _children(end, best)
        top = max(kids, key=score.__getitem__, default=None)
        # Against the children's positive scores, not the sum: a menu's negative score
        # must not make one paragraph of several look like the whole text.
        if top is None or score[top] < DOMINANT * sum(score[c] for c in kids if score[c] > 0):
            return best
        if score[top] < DOMINANT * score[best] or elements[top].tag in _NOT_WRAPPERS:
            return best
        best = top
    return best
