"""Property tests: nothing in page reading raises on arbitrary input; cleanup is idempotent."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.cleanup import (
    clean_block_text,
    normalize_whitespace,
    repair_pinyin,
)
from suxun_tui.pages.dates import parse_datetime
from suxun_tui.pages.extract import continuation_urls, extract_article
from suxun_tui.pages.listing import find_article_links, next_listing_url
from suxun_tui.pages.metadata import parse_info
from suxun_tui.text.script import convert_script

CHINESE = st.text(
    alphabet=st.sampled_from(
        list(
            "關注民生當前網格員的了是在(guān)（wǎng）()（）「」，。、 \n\t　 ?;鶎邮亲晕腋锩abc123:：-/年月日"
        )
        + ["\x1b", "\u202e", "\x00", "\ufeff", "\u00a0"]
    ),
    max_size=80,
)
ANY_TEXT = st.one_of(st.text(max_size=200), CHINESE)
TAGS = st.sampled_from(
    [
        "p",
        "div",
        "a",
        "h1",
        "br",
        "table",
        "tr",
        "td",
        "ruby",
        "rt",
        "rp",
        "script",
        "img",
        "li",
        "ul",
        "span",
    ]
)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = ["<html><head><title>", draw(CHINESE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        if draw(st.booleans()):
            parts.append(
                f'<{tag} href="{draw(st.sampled_from(["/a_2.html", "x.html", "javascript:x", "", "#"]))}" class="{draw(st.sampled_from(["content", "nav", "hot", ""]))}">'
            )
        else:
            parts.append(f"</{tag}>")
        parts.append(draw(ANY_TEXT))
    return "".join(parts)


@given(ANY_TEXT)
def test_cleanup_is_idempotent(text: str) -> None:
    once = clean_block_text(text)
    assert clean_block_text(once) == once
    multi = clean_block_text(text, multiline=True)
    assert clean_block_text(multi, multiline=True) == multi
    assert "\x1b" not in once and "\u202e" not in once


@given(ANY_TEXT)
def test_pinyin_and_whitespace_never_raise(text: str) -> None:
    repaired = repair_pinyin(text)
    assert len(repaired) <= len(text)
    assert repair_pinyin(repaired) == repaired
    normalize_whitespace(text)
    convert_script(text, "simplified")
    convert_script(text, "traditional")


@given(
    st.binary(max_size=400),
    st.sampled_from(
        [
            None,
            "text/html",
            "text/html; charset=gbk",
            "text/html; charset=utf-8",
            "text/html; charset=bogus",
        ]
    ),
)
def test_decode_never_raises(data: bytes, content_type: str | None) -> None:
    assert isinstance(decode_html(data, content_type), str)


@given(ANY_TEXT)
def test_dates_and_info_never_raise(text: str) -> None:
    parse_datetime(text)
    parse_info(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_extraction_never_crashes(html: str) -> None:
    try:
        article = extract_article(html, "https://example.cn/news/a.html")
    except ExtractionError:
        return
    assert article.blocks
    for block in article.blocks:
        assert "\x1b" not in block.text
    continuation_urls(html, "https://example.cn/news/a.html")
    find_article_links(html, "https://example.cn/news/")
    next_listing_url(html, "https://example.cn/news/")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_extraction_of_random_bytes_never_crashes(data: bytes) -> None:
    with contextlib.suppress(ExtractionError):
        extract_article(decode_html(data), "https://example.cn/a.html")
