"""Documents that are text, not HTML: a page saved as text, or a ``text/plain`` answer.

A naive scraper's copy of an article — the seed's form: slogan, title, info bar,
paragraphs, credits, disclaimer, one line each — has no markup to parse, and read as HTML
it would be one paragraph holding every line. Each line becomes a paragraph instead, so
the steps that read HTML pages read it too (boilerplate lines, the info bar, credit
lines); and since no ``<title>`` or heading names the title, a short first line left
above the text after that is the title.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from suxun_tui.models import ArticleText

# Any tag, comment, doctype or processing instruction: such a document is HTML.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
# A title is a line, not a sentence: at most this long, and not ended as a sentence is.
TITLE_CHARS = 80
_SENTENCE_END = ("。", ".", "!", "?", "！", "？", "…", ":", "：", ";", "；", ",", "，")


def is_plain_text(document: str) -> bool:
    """Whether ``document`` holds no markup at all."""
    return _MARKUP.search(document) is None


def as_html(text: str) -> str:
    """The text as an HTML page of one paragraph per non-blank line."""
    lines = (line.strip() for line in text.splitlines())
    paragraphs = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)
    return f"<html><body>{paragraphs}</body></html>"


def titled(article: ArticleText) -> ArticleText:
    """``article`` with its first block as the title, when it has none and that block is
    a short line above more text, not a sentence."""
    if article.title or len(article.blocks) < 2:
        return article
    first = article.blocks[0]
    line = first.text.strip()
    if first.kind != "paragraph" or not line or len(line) > TITLE_CHARS:
        return article
    if line.endswith(_SENTENCE_END) or "\n" in line:
        return article
    return replace(article, title=line, blocks=article.blocks[1:])
