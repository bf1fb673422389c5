"""Forms of English dates that sites print in their datelines, read as people read them."""

from __future__ import annotations

from datetime import datetime

import pytest

from suxun_tui.pages.dates import find_dates, parse_datetime

NOW = datetime.fromisoformat("2026-12-02T10:00:00+00:00")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published on 01-Dec-2025", "2025-12-01T00:00:00+00:00"),
        ("3-Sept-2025 14:05", "2025-09-03T14:05:00+00:00"),
    ],
)
def test_a_day_month_and_year_joined_by_dashes(text: str, iso: str) -> None:
    assert parse_datetime(text, tz="UTC", now=NOW) == iso


def test_a_word_with_a_dash_before_a_month_name_is_no_date() -> None:
    assert find_dates("covid-19-dec 2025 report", "UTC", NOW) == []
