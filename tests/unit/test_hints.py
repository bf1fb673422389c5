"""Server hints and validators as properties: any header value parses without an exception,
every wait is between zero and a day, and only sendable validators survive."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta

import httpx
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.config import SourceSpec
from suxun_tui.net.client import FetchResult
from suxun_tui.net.hints import (
    LONGEST_HINT_SECONDS,
    bounded_seconds,
    fixdate,
    max_age,
    retry_after,
    sendable_validator,
)
from suxun_tui.net.hints import http_date as read_http_date
from suxun_tui.refresh.schedule import is_due, next_fetch_times, server_hint, server_says_wait
from suxun_tui.store.db import FetchState
from suxun_tui.text.timefmt import parse_iso, to_stored

NOW = datetime(2026, 1, 1, tzinfo=UTC)
DAY = timedelta(seconds=LONGEST_HINT_SECONDS)
HEADER_TEXT = st.text(alphabet=st.characters(codec="latin-1"), max_size=60)
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=400)
DATES = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)


def http_date(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


@given(st.one_of(HEADER_TEXT, DIGITS, DATES.map(http_date)))
def test_retry_after_is_always_between_zero_and_a_day(value: str) -> None:
    wait = retry_after(value, NOW)
    assert wait is None or 0 <= wait <= LONGEST_HINT_SECONDS
    if wait is not None:
        assert NOW + timedelta(seconds=wait) <= NOW + DAY


@given(DIGITS)
def test_any_run_of_digits_is_bounded_exactly(digits: str) -> None:
    assert bounded_seconds(digits) == min(int(digits), LONGEST_HINT_SECONDS)


@given(
    st.one_of(
        HEADER_TEXT,
        DIGITS.map(lambda d: f"public, max-age={d}"),
        DIGITS.map(lambda d: f"s-maxage={d}, no-transform"),
    )
)
def test_max_age_is_bounded_for_any_cache_control(value: str) -> None:
    lifetime = max_age(value)
    assert lifetime is None or 0 <= lifetime <= LONGEST_HINT_SECONDS


@given(
    cache_control=st.one_of(st.none(), HEADER_TEXT, DIGITS.map(lambda d: f"max-age={d}")),
    expires=st.one_of(st.none(), HEADER_TEXT, DATES.map(http_date)),
    ttl=st.one_of(st.none(), st.integers(min_value=-(2**80), max_value=2**80)),
    minutes=st.integers(min_value=1, max_value=525_600),
)
def test_the_schedule_never_overflows_and_never_waits_past_a_day_for_a_server(
    cache_control: str | None, expires: str | None, ttl: int | None, minutes: int
) -> None:
    headers = {k: v for k, v in (("cache-control", cache_control), ("expires", expires)) if v}
    result = FetchResult("http://a.example/", 200, headers=headers)
    hint = server_hint(result, ttl, NOW)
    assert hint is None or NOW < hint <= NOW + DAY
    due, not_before = next_fetch_times(
        SourceSpec("a", "http://a.example/", refresh_minutes=minutes), result, ttl, NOW
    )
    assert parse_iso(due) is not None
    assert not_before is None or parse_iso(not_before) <= NOW + DAY  # type: ignore[operator]


@given(st.one_of(HEADER_TEXT, st.text(max_size=40)))
def test_a_kept_validator_can_always_be_sent_back(value: str) -> None:
    kept = sendable_validator(value)
    if kept is not None:
        httpx.Headers({"If-None-Match": kept, "If-Modified-Since": kept})
        assert kept.isascii() and kept.isprintable()


def test_validators_that_cannot_be_sent_are_dropped() -> None:
    assert sendable_validator('"abc"') == '"abc"'
    assert sendable_validator('W/"abc-123"') == 'W/"abc-123"'
    assert sendable_validator("Mon, 01 Dec 2025 10:00:00 GMT") == "Mon, 01 Dec 2025 10:00:00 GMT"
    for bad in ('"café"', '"a\u202eb"', '"\x9b31m"', '"a\r\nb"', "", "x" * 5000):
        assert sendable_validator(bad) is None


@given(DATES)
def test_a_stored_wait_is_honoured_only_up_to_a_day(moment: datetime) -> None:
    state = FetchState(None, None, None, to_stored(moment), None, to_stored(moment))
    waits = server_says_wait(state, NOW)
    assert waits == (NOW < moment.replace(microsecond=0) <= NOW + DAY)
    if moment > NOW + timedelta(days=400):
        assert is_due(state, to_stored(NOW))


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
def test_the_preferred_date_form_reads_as_email_utils_reads_it(moment: datetime) -> None:
    text = email.utils.format_datetime(moment.replace(tzinfo=UTC, microsecond=0), usegmt=True)
    expected = email.utils.parsedate_to_datetime(text)
    assert fixdate(text) == (expected if moment.year >= 100 else None)  # else email answers
    assert read_http_date(text) == expected


def test_other_date_forms_still_go_through_email_utils() -> None:
    assert fixdate("Sunday, 06-Nov-94 08:49:37 GMT") is None  # RFC 850
    assert read_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == datetime(
        1994, 11, 6, 8, 49, 37, tzinfo=UTC
    )
    assert fixdate("Sun, 06 Nov 1994 08:49:37 +0000") is None
    assert read_http_date("Sun, 06 Nov 1994 08:49:37 +0000") == datetime(
        1994, 11, 6, 8, 49, 37, tzinfo=UTC
    )
    for odd in (
        "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT",
    ):
        assert fixdate(odd) is None and read_http_date(odd) is None, odd
