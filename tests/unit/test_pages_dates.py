"""Dates as Chinese pages print them, read in the source's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from suxun_tui.pages.dates import find_dates, parse_datetime

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-12-29 12:34", "2025-12-29T12:34:00+08:00"),
        ("2025年12月29日 12:34", "2025-12-29T12:34:00+08:00"),
        ("2025年12月29日12:34:56", "2025-12-29T12:34:56+08:00"),
        ("2025/12/29 12:34", "2025-12-29T12:34:00+08:00"),
        ("2025.12.29", "2025-12-29T00:00:00+08:00"),
        ("02-12-2025", "2025-12-02T00:00:00+08:00"),  # dashes, year last: day first
        ("12-25-2025", "2025-12-25T00:00:00+08:00"),  # only month first is a date
        ("发布时间：2005-5-7 21:23:57", "2005-05-07T21:23:57+08:00"),
        ("12-29 12:34", "2025-12-29T12:34:00+08:00"),  # this year would be the future
        ("01-04 09:00", "2026-01-04T09:00:00+08:00"),
        ("3小时前", "2026-01-05T07:00:00+08:00"),
        ("15分钟前", "2026-01-05T09:45:00+08:00"),
        ("昨天 08:00", "2026-01-04T08:00:00+08:00"),
        ("前天 23:10", "2026-01-03T23:10:00+08:00"),
        ("刚刚", "2026-01-05T10:00:00+08:00"),
        ("2025-12-29T04:34:00Z", "2025-12-29T04:34:00+00:00"),
        ("2025-12-29T12:34:00+08:00", "2025-12-29T12:34:00+08:00"),
        ("Mon, 29 Dec 2025 04:34:00 GMT", "2025-12-29T04:34:00+00:00"),
        ("2025年1月2日 下午3:05", "2025-01-02T15:05:00+08:00"),
    ],
)
def test_parse_datetime(text: str, iso: str) -> None:
    assert parse_datetime(text, now=NOW) == iso


def test_zone_of_the_source() -> None:
    assert parse_datetime("2025-12-29 12:34", "Europe/Berlin") == "2025-12-29T12:34:00+01:00"
    assert parse_datetime("2025-12-29 12:34", "No/Such_Zone") == "2025-12-29T12:34:00+08:00"


@pytest.mark.parametrize(
    "text", ["", "没有日期", "身高1.5米", "2025-13-45", "第3版 共12页", "9999-99-99 99:99"]
)
def test_no_date(text: str) -> None:
    assert parse_datetime(text, now=NOW) is None


def test_find_dates_positions_and_precision() -> None:
    found = find_dates("2025-12-29 12:34 来源: 供稿 更新 12月30日", now=NOW)
    assert found[0].iso == "2025-12-29T12:34:00+08:00"
    assert found[0].start == 0 and found[0].precision == 5
    assert not found[1].has_year


def test_impossible_zone_offsets_fall_back_to_the_source_zone() -> None:
    """``+9999`` once raised inside timezone() and failed the whole article."""
    assert parse_datetime("2025-12-29T12:34:00+9999") == "2025-12-29T12:34:00+08:00"
    assert parse_datetime("2025-12-29T12:34:00+99:30", tz="UTC") == "2025-12-29T12:34:00+00:00"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 9, 2025", "2025-07-09T00:00:00+08:00"),
        ("Updated on Nov 21, 2018", "2018-11-21T00:00:00+08:00"),
        ("Sept. 9th 2025 at 3:05 pm EST", "2025-09-09T15:05:00-05:00"),
        ("9 July 2025 14:00", "2025-07-09T14:00:00+08:00"),
        ("16th of August, 2019", "2019-08-16T00:00:00+08:00"),
        ("Posted May 3, 2020 | 10:15 AM", "2020-05-03T10:15:00+08:00"),
        ("December 12, 2024 12:00 am", "2024-12-12T00:00:00+08:00"),
        ("2023 Jan 7;15(1):e33475", "2023-01-07T00:00:00+08:00"),
        ("17.05.2021", "2021-05-17T00:00:00+08:00"),
    ],
)
def test_english_dates(text: str, iso: str) -> None:
    assert parse_datetime(text, now=NOW) == iso


@pytest.mark.parametrize(
    "text", ["we may 5 things", "March 2020", "the Marchers 12, 2020", "version 1.2.2020"]
)
def test_english_words_that_are_not_dates(text: str) -> None:
    assert parse_datetime(text, now=NOW) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇二三年五月十日", "2023-05-10T00:00:00+08:00"),
        ("二零零五年九月十五日 发布", "2005-09-15T00:00:00+08:00"),
        ("发布于二〇二五年十二月三十一日", "2025-12-31T00:00:00+08:00"),
        ("二〇二四年十一月二十三号", "2024-11-23T00:00:00+08:00"),
    ],
)
def test_dates_in_chinese_numerals(text: str, iso: str) -> None:
    assert parse_datetime(text, now=NOW) == iso


@pytest.mark.parametrize("text", ["二〇二三年二月三十日", "一〇〇〇年五月十日", "零零后的一年"])
def test_chinese_numerals_that_are_no_date(text: str) -> None:
    assert parse_datetime(text, now=NOW) is None


def test_a_chinese_numeral_date_under_the_title_dates_the_page() -> None:
    from suxun_tui.pages.extract import extract_article

    prose = "".join(
        f"<p>第{i}段正文讲述了河流重新流动的故事，沿岸的城镇正在慢慢学习如何利用这些水，"
        "居民们对此既有期待也有疑虑，专家认为这一变化将持续多年。</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>河流重新流动 - 示例网</title></head><body><article>"
        f"<h1>河流重新流动</h1><p>二〇二三年五月十日</p>{prose}</article></body></html>"
    )
    a = extract_article(html, "https://news.example/a", now=NOW)
    assert a.published == "2023-05-10T00:00:00+08:00"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布时间：２０２４年３月５日　０８：３０", "2024-03-05T08:30:00+08:00"),
        ("２０１６－０３－０５", "2016-03-05T00:00:00+08:00"),
    ],
)
def test_full_width_digits_are_read_as_digits(text: str, iso: str) -> None:
    assert parse_datetime(text, now=NOW) == iso


def test_a_full_width_date_keeps_its_place_in_the_text() -> None:
    text = "来源：新华网　２０２４年３月５日"
    (found,) = find_dates(text, now=NOW)
    assert text[found.start : found.end] == "２０２４年３月５日"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("签发：二○一六年三月五日", "2016-03-05T00:00:00+08:00"),  # ○ typed for 〇
        ("2005年05月13日 14点15分", "2005-05-13T14:15:00+08:00"),
        ("13/05/2005", "2005-05-13T00:00:00+08:00"),  # day first: no 13th month
        ("05/13/2005", "2005-05-13T00:00:00+08:00"),
    ],
)
def test_forms_older_chinese_pages_print(text: str, iso: str) -> None:
    assert parse_datetime(text, now=NOW) == iso
