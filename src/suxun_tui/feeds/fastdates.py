"""Feed dates as feedparser reads them, the two common forms without its handler chain.

feedparser tries up to nine date handlers in turn, each splitting and lower-casing the
text again (12–16 µs a date). Nearly every feed writes one of two forms: RFC 822 as
``email.utils.format_datetime`` writes it (``Mon, 01 Dec 2025 08:00:00 +0800``) or W3C
date-time (``2025-12-01T08:00:00+08:00``). For text that is exactly one of those,
:func:`parse_date` does the same arithmetic as feedparser's RFC 822 or W3DTF handler —
the one that would answer first — and anything else, or any value that arithmetic
refuses, goes to feedparser's own chain, so the result is always feedparser's.
``tests/unit/test_fastdates.py`` compares both on generated and hostile dates.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# A day name first: feedparser's W3DTF handler (tried before RFC 822) never reads such
# text, because what precedes the first "-" is not a four-digit year.
_RFC822 = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
    r"([0-9]{2}):([0-9]{2}):([0-9]{2}) (?:([+-])([0-9]{2})([0-9]{2})|GMT|UTC|UT|Z)"
)
_W3DTF = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?"
    r"(?:Z|([+-])([0-9]{2}):([0-9]{2}))"
)


def _parse_date(text: str) -> time.struct_time | None:
    from feedparser.datetimes import _parse_date as _feedparser_date  # its chain, when needed

    found: time.struct_time | None = _feedparser_date(text)
    return found


def parse_date(text: str) -> time.struct_time | None:
    """feedparser's ``_parse_date(text)``, computed directly for the two common forms."""
    match = _RFC822.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, second, sign, tzh, tzm = match.groups()
        fields = (int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))
    else:
        match = _W3DTF.fullmatch(text)
        if match is None:
            return _parse_date(text)
        year, month, day, hour, minute, second, sign, tzh, tzm = match.groups()
        fields = (int(year), int(month), int(day), int(hour), int(minute), int(second))
    try:
        stamp = datetime(*fields)
        if sign and (tzh != "00" or tzm != "00"):
            hours, minutes = int(tzh), int(tzm)
            if sign == "-":
                hours, minutes = -hours, -minutes
            stamp -= timedelta(minutes=minutes, hours=hours)
        result: time.struct_time = stamp.utctimetuple()
    except (OverflowError, ValueError):
        return _parse_date(text)  # feedparser's later handlers may still read it
    return result
