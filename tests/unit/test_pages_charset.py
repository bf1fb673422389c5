"""Charset decoding: BOM, valid UTF-8, HTTP header, <meta> with WHATWG labels, guessing."""

from __future__ import annotations

import codecs

import pytest

from suxun_tui.pages.charset import decode_html, normalize_label

TEXT = "<html><head><title>江苏苏讯网</title></head><body><p>关注民生，服务社会。镕堃</p></body></html>"


def test_bom_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    assert decode_html(data, "text/html; charset=gbk") == TEXT
    utf16 = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")
    assert decode_html(utf16) == TEXT


def test_valid_utf8_beats_stale_meta_gb2312() -> None:
    html = TEXT.replace("<head>", '<head><meta charset="gb2312">')
    assert decode_html(html.encode("utf-8")) == html


def test_valid_utf8_beats_wrong_header() -> None:
    assert decode_html(TEXT.encode("utf-8"), "text/html; charset=gbk") == TEXT


def test_header_charset_used_for_gbk_bytes() -> None:
    assert decode_html(TEXT.encode("gbk"), "text/html; charset=GBK") == TEXT


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb_2312-80", "x-gbk", "GB18030", "chinese"])
def test_meta_labels_decode_as_gb18030(label: str) -> None:
    html = TEXT.replace(
        "<head>", f'<head><meta http-equiv="Content-Type" content="text/html; charset={label}">'
    )
    # 镕 and 堃 are outside GB2312: a page labelled gb2312 that uses them must still decode.
    assert decode_html(html.encode("gb18030")) == html


def test_meta_charset_attribute() -> None:
    html = TEXT.replace("<head>", '<head><meta charset="big5">')
    big5 = (
        '<html><head><meta charset="big5"><title>蘇訊網</title></head><body>關注民生</body></html>'
    )
    assert decode_html(big5.encode("big5")) == big5
    assert "江苏" in decode_html(html.replace("big5", "gbk").encode("gbk"))


def test_undeclared_gbk_is_guessed_without_mojibake() -> None:
    body = "<p>" + "记者从南京市交通运输局获悉，地铁新线将于年底开通运营。" * 5 + "</p>"
    assert decode_html(body.encode("gbk")) == body


def test_short_undeclared_gbk_falls_back_to_gb18030() -> None:
    assert decode_html("新闻".encode("gbk")) == "新闻"


def test_broken_bytes_never_raise() -> None:
    data = "正文".encode("gbk") + b"\xff\xfe\x81" + "结束".encode("gbk")
    text = decode_html(data, "text/html; charset=gbk")
    assert text.startswith("正文") and text.endswith("结束")
    assert decode_html(b"") == ""


def test_unknown_labels_are_ignored() -> None:
    assert normalize_label("no-such-charset") is None
    assert normalize_label("GB2312") == "gb18030"
    assert normalize_label("latin1") == "cp1252"
    assert decode_html(TEXT.encode("utf-8"), "text/html; charset=bogus") == TEXT
