"""The quick tests that spare a line the date forms it cannot hold change no date found.

``find_dates`` skips the forms with a year when a line has no "19" or "20", the month-day
forms without a dash, slash or 月 and a time, the relative ones without 前, 今, 昨 or 刚;
run with those tests always passing, it must find exactly the same dates in every line of
the fixture pages and in lines made to sit at each test's edge.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from suxun_tui.pages import dates
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import linearize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
MADE = [
    "2024-05-06 07:08",
    "5/6/2024 7:08 PM",
    "May 6, 2024 at 7:08 pm",
    "6 May 2024",
    "2024 May 6",
    "06.05.2024",
    "6-5-2024",
    "20240506 0708",
    "2024年5月",
    "1999年12月31日",
    "12-29 08:00",
    "12/29 08：00",
    "12-29 8时30",
    "12月29日",
    "3小时前",
    "刚刚",
    "剛剛",
    "昨天 08:00",
    "今日 9:30",
    "前天 12:01",
    "12-29",
    "page 7 of 9, 1921 words",
    "２０２４-０５-０６",
    "2019",
    "room 20, 19 steps",
]


def _lines() -> list[str]:
    """The made lines, then every line of the fixtures' texts and every block of their pages."""
    out = list(MADE)
    for path in sorted(FIXTURES.rglob("*.txt")):
        out.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line)
    for path in sorted(FIXTURES.rglob("*.htm*")):
        data = path.read_bytes()
        html = decode_html(gzip.decompress(data) if path.suffix == ".gz" else data)
        out.extend(b.text for b in linearize(clean_tree(parse_html(html)), ""))
    return out


LINES = _lines()


@pytest.mark.parametrize("relative", [True, False])
def test_quick_tests_find_the_dates_every_form_finds(
    monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    assert len(LINES) > 1500
    quick = [dates.find_dates(t, "Asia/Shanghai", NOW, relative=relative) for t in LINES]
    for name in ("_may_have_year", "_may_have_month_day", "_may_be_relative"):
        monkeypatch.setattr(dates, name, lambda _text: True)
    every = [dates.find_dates(t, "Asia/Shanghai", NOW, relative=relative) for t in LINES]
    assert quick == every
    assert sum(map(bool, every)) > 30


def test_each_made_line_holds_a_date_or_is_meant_not_to() -> None:
    found = {t: dates.find_dates(t, "Asia/Shanghai", NOW) for t in MADE}
    assert not found["12-29"] and not found["page 7 of 9, 1921 words"]
    assert all(found[t] for t in MADE[:20])
