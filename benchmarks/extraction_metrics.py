"""Scoring rules of the extraction benchmark, kept apart so every extractor meets the same ones.

The rules follow the corpus README: bag-of-characters F1 over non-whitespace characters for
Chinese, bag-of-words F1 over lower-cased ``\\w+`` tokens for other languages (WCXB's metric),
dates compared as ``YYYY-MM-DD``. Titles, authors and snippets need rules of their own; each is
written down in its function's docstring because a figure is only as meaningful as its rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, datetime

_WORD = re.compile(r"\w+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")
_TRUTH_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_PUNCT_MAP = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# Between two names in a byline; whitespace separates names only in Chinese truth files.
_NAME_SPLIT = re.compile(r"\s*(?:[,;&/|，、；]|\band\b|\bund\b|\bet\b)\s*", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")
_BY = re.compile(r"^(?:by|von|par|作者|文|记者|编辑|责任编辑)[\s:：]*", re.I)


def _f1(got: Counter[str], want: Counter[str]) -> float:
    if not got and not want:
        return 1.0
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def char_bag(text: str) -> Counter[str]:
    return Counter("".join(text.split()))


def word_bag(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def char_f1(got: str, truth: str) -> float:
    """Bag-of-characters F1 over non-whitespace characters (Chinese sets)."""
    return _f1(char_bag(got), char_bag(truth))


def char_recall(got: str, truth: str) -> float:
    """Share of the truth's characters found: the useful half of a silver (machine-made) truth."""
    want = char_bag(truth)
    return sum((char_bag(got) & want).values()) / sum(want.values()) if want else 1.0


def word_f1(got: str, truth: str) -> float:
    """Bag-of-words F1 over lower-cased ``\\w+`` tokens (WCXB's own metric)."""
    return _f1(word_bag(got), word_bag(truth))


def as_day(value: object) -> str | None:
    """Any extractor's date (``datetime``, ISO string, ``2015年5月21日``) as ``YYYY-MM-DD``.

    The date is taken as written, in the zone the page wrote it in: nothing is converted to
    UTC, because the truth is the date the page shows.
    """
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    m = _DATE.search(str(value))
    if not m:
        return None
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def date_right(got: object, truth: str) -> bool:
    """Whether the extracted date is the truth's day; a partial truth (``2018``, ``1998-3``)
    is compared to the precision it gives."""
    m = _TRUTH_DATE.match(truth.strip())
    day = as_day(got)
    if not m or not day:
        return False
    want = [int(g) for g in m.groups() if g is not None]
    have = [int(p) for p in day.split("-")]
    return len(have) >= len(want) and have[: len(want)] == want


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()
    return " ".join(text.split())


def title_right(got: str | None, truth: str) -> bool:
    """Equal after NFKC, case folding, quote/dash unification and whitespace collapsing.

    Strict on purpose: a title with the site name appended (``Headline | Site``) is wrong, as
    it would be wrong in a reader's article list.
    """
    return bool(got) and _norm(got or "").strip(" .") == _norm(truth).strip(" .")


def _names(text: str, cjk: bool) -> list[str]:
    parts = _NAME_SPLIT.split(_norm(text))
    if cjk:
        parts = [p for part in parts for p in part.split()]
    return [_BY.sub("", p).strip(" .:：") for p in parts if _BY.sub("", p).strip(" .:：")]


def author_right(got: str | None, truth: str) -> bool:
    """Whether the extracted author names the truth's author(s).

    Rule: after normalising case, width and space, right when the whole truth is contained in
    ours or ours in the truth (``Dylan Bailey`` vs ``Dylan Bailey, MS, RD``; spaces ignored
    for Chinese), or else when
    every truth name is contained in one of our names or one of ours in it. Names are split at
    ``, ; & / |``, "and" and Chinese enumeration commas, and at spaces for Chinese truth (where
    the files separate names by spaces). A name of ours shorter than 2 characters (3 for
    non-Chinese) never counts as contained, so an initial cannot match everything.
    """
    if not got:
        return False
    cjk = bool(_CJK.search(truth))
    least = 2 if cjk else 3
    whole_got, whole_want = _BY.sub("", _norm(got)), _norm(truth)
    if cjk:  # Chinese names are often spaced out for typography: 赵 培 is 赵培
        whole_got, whole_want = whole_got.replace(" ", ""), whole_want.replace(" ", "")
    if len(whole_got) >= least and (whole_got in whole_want or whole_want in whole_got):
        return True
    ours = [n for n in _names(got, cjk) if len(n) >= least]
    want = _names(truth, cjk)
    return bool(ours and want) and all(any(t in o or o in t for o in ours) for t in want)


def _tokens(text: str) -> str:
    """Case-kept ``\\w+`` tokens joined by single spaces, padded, for whole-word containment."""
    return " " + " ".join(_WORD.findall(unicodedata.normalize("NFKC", text))) + " "


def snippet_hits(got: str, snippets: list[str]) -> int:
    """How many snippets occur in the output as whole-token sequences.

    Tokens are case-kept ``\\w+`` runs, so punctuation, quotes and line breaks do not matter
    but ``Home`` (navigation) is not found in ``homework`` nor in ``at home``.
    """
    text = _tokens(got)
    return sum(1 for s in snippets if _tokens(s).strip() and _tokens(s) in text)


# Short lines carrying site furniture; independent of suxun-tui's own rules, so the count is
# fair to every extractor (gne pages have no truth: this is the only quality figure there).
_FURNITURE = re.compile(
    r"版权|版權|免责|免責|责任编辑|責任編輯|上一篇|下一篇|分享到|扫一扫|二维码|客服|举报|Copyright|©|"
    r"ICP|相关阅读|相关新闻|推荐阅读|点击排行|热点|热门|收藏|关注我们|客户端|我要评论|网友评论|跟帖"
)


def furniture_lines(body: str) -> int:
    return sum(
        1 for line in body.splitlines() if 0 < len(line.strip()) <= 60 and _FURNITURE.search(line)
    )
