"""The fast date reader must give feedparser's answer for every text, common or odd."""

from __future__ import annotations

import os

import pytest
from feedparser.datetimes import _parse_date
from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.feeds.fastdates import parse_date

_EXAMPLES = int(os.environ.get("FASTFEED_EXAMPLES", "300"))
_DAYS = st.sampled_from(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "mon", "Xyz"])
_MONTHS = st.sampled_from(["Jan", "Feb", "Jun", "Sep", "Oct", "Dec", "dec", "Foo"])
_ZONES = st.sampled_from(
    ["+0000", "+0800", "-0530", "+9999", "-1200", "GMT", "UTC", "UT", "Z", "EST", "+08:00", ""]
)
_W3_ZONES = st.sampled_from(["Z", "+00:00", "+08:00", "-05:30", "+99:99", "z", "", "+0800"])


@settings(max_examples=_EXAMPLES, deadline=None)
@given(
    day_name=_DAYS,
    day=st.integers(0, 40),
    month=_MONTHS,
    year=st.integers(0, 10000),
    clock=st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)),
    zone=_ZONES,
)
def test_rfc822_dates_read_as_feedparser_reads_them(
    day_name: str, day: int, month: str, year: int, clock: tuple[int, int, int], zone: str
) -> None:
    hour, minute, second = clock
    for text in (
        f"{day_name}, {day:02d} {month} {year:04d} {hour:02d}:{minute:02d}:{second:02d} {zone}",
        f"{day_name}, {day} {month} {year} {hour}:{minute:02d}:{second:02d} {zone}",
    ):
        assert parse_date(text) == _parse_date(text), text


@settings(max_examples=_EXAMPLES, deadline=None)
@given(
    date=st.tuples(st.integers(0, 10000), st.integers(0, 14), st.integers(0, 40)),
    clock=st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)),
    fraction=st.sampled_from(["", ".5", ".123456", ".1234567890"]),
    zone=_W3_ZONES,
)
def test_w3c_dates_read_as_feedparser_reads_them(
    date: tuple[int, int, int], clock: tuple[int, int, int], fraction: str, zone: str
) -> None:
    (year, month, day), (hour, minute, second) = date, clock
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{fraction}{zone}"
    assert parse_date(text) == _parse_date(text), text


def test_odd_dates_read_as_feedparser_reads_them() -> None:
    for text in (
        "",
        "not a date",
        "yesterday-ish",
        "Fri, 31 Dec 9999 23:59:59 -0100",
        "Fri, 31 Dec 9999 23:59:59 +0000",
        "Mon, 01 Jan 0001 00:00:00 +0100",
        "Mon, 45 Foo 2025 99:99:99 +9999",
        "Mon, 29 Feb 2025 12:00:00 +0000",
        "Mon, 01 Dec 2025 08:00:00 +0800 ",
        "Mon,  01 Dec 2025 08:00:00 +0800",
        "2025-12-01",
        "2025-12-01T08:00:00",
        "2025-12-01 08:00:00+08:00",
        "9999-12-31T23:59:59-01:00",
        "2025-12-28T08:00:00.123Z",
        "2025-13-45T99:00:00Z",
    ):
        assert parse_date(text) == _parse_date(text), text


def test_common_forms_take_the_direct_route(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the module: these two never reach feedparser's chain, which is
    switched off here (anything else then reads as no date)."""
    import suxun_tui.feeds.fastdates as fastdates

    monkeypatch.setattr(fastdates, "_parse_date", lambda text: None)
    for text in ("Mon, 01 Dec 2025 08:00:00 +0800", "2025-12-01T08:00:00+08:00"):
        assert parse_date(text) == _parse_date(text) is not None
    assert parse_date("1 Dec 2025") is None
