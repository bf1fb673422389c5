"""Recognise the lines of a Chinese news page that are not article text.

Generic extractors keep what sits inside the article container, and Chinese CMSs put a lot
there: the site's slogan and contact line, 客服 numbers, 版权/免责声明 paragraphs, 上一篇/下一篇,
分享到 bars, 扫码关注 prompts and the headings of 图片新闻/热点资讯 link blocks. The rules are
written for both scripts (character classes like ``[权權]``) and only fire on lines that are
short or that consist of such phrases, so a news paragraph that mentions a hotline stays.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["is_boilerplate", "is_section_label", "is_pager_text", "is_tail_marker"]

from suxun_tui.pages.vocabulary import (
    APP_PROMO,
    CONTACT_LABEL,
    CONTACT_VALUE,
    DISCLAIMER,
    EMAIL,
    NAV_START,
    PAGER_TEXT,
    QR_PROMPT,
    SECTION_LABEL,
    SHARE_BAR,
    TAIL_MARKER,
    UI_LABEL,
    WECHAT_PROMPT,
)


def is_pager_text(text: str) -> bool:
    """Whether a link text is pagination (下一页, 2, », 尾页), not an article title."""
    return bool(PAGER_TEXT.match(text))


@lru_cache(maxsize=8192)  # several steps ask about the same block; bounded, so memory is flat
def is_tail_marker(text: str) -> bool:
    """A heading after which a page has only comments, related links or legal notes."""
    line = text.strip()
    return (
        len(line) <= 60
        and bool(TAIL_MARKER.match(line))
        or (len(line) <= 400 and bool(DISCLAIMER.search(line)))
    )


def is_section_label(text: str) -> bool:
    """A short heading such as 图片新闻, 热点资讯 or 相关阅读 that introduces a link block."""
    text = text.strip(" :：【】[]")
    return 2 <= len(text) <= 10 and bool(SECTION_LABEL.match(text))


@lru_cache(maxsize=8192)
def is_boilerplate(text: str) -> bool:
    """Whether one block of text is site furniture rather than article text."""
    line = text.strip()
    if not line:
        return True
    n = len(line)
    if n <= 400 and DISCLAIMER.search(line):
        return True
    if n <= 30 and UI_LABEL.match(line):
        return True
    if n <= 80 and APP_PROMO.search(line):
        return True
    if n <= 80 and NAV_START.match(line):
        return True
    if n <= 60 and (SHARE_BAR.match(line) or QR_PROMPT.search(line)):
        return True
    if n <= 80 and WECHAT_PROMPT.search(line):
        return True
    return (
        n <= 160
        and "，" not in line
        and bool(CONTACT_LABEL.search(line))
        and bool(EMAIL.search(line) or (n <= 100 and CONTACT_VALUE.search(line)))
    )
