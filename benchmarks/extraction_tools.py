"""The extractors under comparison, each wrapped to take a decoded page and give plain text.

Each wrapper uses the library's defaults (its documented configuration for Chinese where it
has one) and the same decoded string; a library that is not installed is skipped with a note
rather than failing the run, so the benchmark works with any subset of the ``bench`` extra.
Departures from "defaults on the same string", each forced by the library:

* goose3 re-encodes the string to the charset the page *declares* before parsing, which cuts
  GBK pages declaring ``gb2312`` at the first character outside GB2312; its copy of the
  string has the declaration replaced by UTF-8 (the text is already decoded);
* justext has no Chinese stop list: Chinese pages use its documented language-independent mode
  (empty stop list, ``stopwords_low = stopwords_high = 0``);
* gne is a Chinese news extractor and is not run on the English WCXB pages.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extraction_data import Page
from suxun_tui.pages.extract import extract_article


@dataclass
class Result:
    body: str
    title: str | None = None
    date: object = None
    author: str | None = None


Extractor = Callable[[Page], Result]
# Libraries' notices about optional extras (nltk, ...) and jieba's dictionary loading are
# noise around the tables; failures are still reported by the runner.
warnings.filterwarnings("ignore", category=UserWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)
logging.getLogger("goose3").setLevel(logging.ERROR)  # "could not be resolved to UTC", per page


def _quiet_jieba() -> None:
    """jieba resets its logger to DEBUG on import; its dictionary notices go."""
    if importlib.util.find_spec("jieba") is not None:
        import jieba

        jieba.setLogLevel(logging.WARNING)


_CHARSET = re.compile(r"""(charset\s*=\s*["']?)[\w.:-]+""", re.I)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote")


def run_suxun(page: Page) -> Result:
    """suxun-tui's ``extract_article``; the body as ``blocks_to_plain`` gives it, less images.

    Image blocks are dropped because their placeholders (``[图片: ...]``) are not page text.
    The truth of cwced credits the editor when a page names no author; so does this wrapper.
    ``published`` is expressed in the source's zone, a per-source setting (Asia/Shanghai by
    default): English pages are read as a UTC source, the zone their metadata mostly uses, so
    that a time is not moved to the next day by a conversion the truth does not make.
    """
    a = (
        extract_article(page.html, page.url)
        if page.chinese
        else extract_article(page.html, page.url, timezone="UTC")
    )
    body = "\n\n".join(b.as_plain() for b in a.blocks if b.text and b.kind != "image")
    return Result(body, a.title, a.published, a.author or a.responsible_editor or a.editor)


def _text_of(tree: Any) -> str:
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return str(tree.text_content())


def run_readability(page: Page) -> Result:
    import lxml.html
    from readability import Document

    doc = Document(page.html)
    summary = doc.summary(html_partial=True)
    return Result(_text_of(lxml.html.fromstring(summary)), doc.short_title())


def run_trafilatura(page: Page) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return Result("")
    if isinstance(doc, dict):
        return Result(doc.get("text") or "", doc.get("title"), doc.get("date"), doc.get("author"))
    return Result(doc.text or "", doc.title, doc.date, doc.author)


def run_justext(page: Page) -> Result:
    import justext

    if page.chinese:
        paragraphs = justext.justext(page.html, frozenset(), stopwords_low=0, stopwords_high=0)
    else:
        paragraphs = justext.justext(page.html, justext.get_stoplist("English"))
    return Result("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))


_GOOSE: dict[bool, Any] = {}


def run_goose3(page: Page) -> Result:
    from goose3 import Goose

    if page.chinese not in _GOOSE:
        if page.chinese:
            from goose3.text import StopWordsChinese

            _quiet_jieba()
            _GOOSE[True] = Goose({"stopwords_class": StopWordsChinese})
        else:
            _GOOSE[False] = Goose()
    html = _CHARSET.sub(r"\1utf-8", page.html)
    a = _GOOSE[page.chinese].extract(raw_html=html)
    return Result(a.cleaned_text or "", a.title, a.publish_date, _joined(a.authors))


def _joined(names: Any) -> str:
    """Author lists as one string; goose3 sometimes nests lists (schema.org arrays)."""
    flat: list[str] = []
    for name in names or []:
        flat.extend(_joined(name).split(", ") if isinstance(name, list) else [str(name)])
    return ", ".join(n for n in flat if n)


def run_newspaper4k(page: Page) -> Result:
    import newspaper

    if page.chinese:
        _quiet_jieba()
    a = newspaper.Article(page.url, language="zh" if page.chinese else "en", fetch_images=False)
    a.download(input_html=page.html)
    a.parse()
    return Result(a.text or "", a.title, a.publish_date, _joined(a.authors))


def run_boilerpy3(page: Page) -> Result:
    from boilerpy3 import extractors

    doc = extractors.ArticleExtractor(raise_on_failure=False).get_doc(page.html)
    return Result(doc.content or "", doc.title)


_GNE: list[Any] = []


def run_gne(page: Page) -> Result:
    from gne import GeneralNewsExtractor

    if not _GNE:
        _GNE.append(GeneralNewsExtractor())
    out = _GNE[0].extract(page.html)
    body = out.get("content") or ""
    return Result(body, out.get("title"), out.get("publish_time"), out.get("author"))


# name -> (wrapper, module that must be importable, sets it runs on or None for all)
EXTRACTORS: dict[str, tuple[Extractor, str, frozenset[str] | None]] = {
    "suxun-tui": (run_suxun, "suxun_tui", None),
    "readability-lxml": (run_readability, "readability", None),
    "trafilatura": (run_trafilatura, "trafilatura", None),
    "justext": (run_justext, "justext", None),
    "goose3": (run_goose3, "goose3", None),
    "newspaper4k": (run_newspaper4k, "newspaper", None),
    "boilerpy3": (run_boilerpy3, "boilerpy3", None),
    "gne": (run_gne, "gne", frozenset({"cwced", "cx", "gne"})),
}


def available(names: list[str] | None) -> tuple[dict[str, Extractor], list[str]]:
    """The requested extractors that can run here, and a note for each one skipped."""
    found: dict[str, Extractor] = {}
    notes = []
    for name, (fn, module, _sets) in EXTRACTORS.items():
        if names and name not in names:
            continue
        if importlib.util.find_spec(module) is None:
            notes.append(f"{name}: not installed (pip install {name}), skipped")
            continue
        found[name] = fn
    return found, notes


def runs_on(name: str, set_name: str) -> bool:
    sets = EXTRACTORS[name][2]
    return sets is None or set_name in sets
