"""What a server's headers may tell us, bounded: waits, cache lifetimes and validators.

A server is a stranger. ``Retry-After: 31536000``, an ``Expires`` in year 9999 or
``max-age=99999999999999999999`` must not park a source for a year or overflow a
``timedelta``; an ETag with ``é`` or U+202E must not be stored and then break every later
request (httpx sends header values as ASCII). So every hint here is parsed without
trusting its size and capped at :data:`LONGEST_HINT_SECONDS`, and a validator is kept only
when it can be sent back verbatim. This module imports no HTTP client: the schedule and
the CLI use it too.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

LONGEST_HINT_SECONDS = 86_400  # no server can make us wait longer than a day
LONGEST_VALIDATOR = 1_024  # an ETag or Last-Modified longer than this is not one we send back

# Compiled with their first use (most refreshes read neither): 2-5 ms of every start.
_MAX_AGE = (r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
# RFC 9110's preferred date form, what servers send in Date and Expires: read without email.
_FIXDATE = (
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT",
    0,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# What a header value may hold to be sent back as it came: visible ASCII and spaces.


def bounded_seconds(digits: str) -> int:
    """A count of seconds from a run of decimal digits, capped at the longest hint.

    Parsed by length first, so twenty digits never become a number a ``timedelta``
    cannot hold, and a million digits never cost a big-integer conversion.
    """
    digits = digits.lstrip("0") or "0"
    if len(digits) > len(str(LONGEST_HINT_SECONDS)):
        return LONGEST_HINT_SECONDS
    return min(int(digits), LONGEST_HINT_SECONDS)


def fixdate(value: str) -> datetime | None:
    """``Sun, 06 Nov 1994 08:49:37 GMT`` as an aware datetime, equal to what
    ``email.utils.parsedate_to_datetime`` gives; None for any other form (ask it then).

    A sync reads the server's ``Date`` every time; importing ``email`` for it costs more
    than the rest of a sync's parsing.
    """
    match = re.compile(*_FIXDATE).fullmatch(value)  # re's own cache keeps it
    month = _MONTHS.get(match[2]) if match else None
    if match is None or month is None:
        return None
    day, year, hour, minute, second = (int(match[i]) for i in (1, 3, 4, 5, 6))
    if year < 100:
        return None  # email reads "0099" as 1999: its answer, not ours
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


def http_date(value: str | None) -> datetime | None:
    """An HTTP date (``Expires``, ``Retry-After``) as an aware datetime; None if it is not one."""
    if not value or len(value) > 200:
        return None
    if (moment := fixdate(value.strip())) is not None:
        return moment
    import email.utils  # only for the older forms: a sync with nothing new never loads it

    try:
        moment = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def seconds_until(moment: datetime, now: datetime) -> int:
    """Whole seconds from ``now`` to ``moment``, between 0 and the longest hint."""
    delta = (moment - now).total_seconds()
    return int(min(max(delta, 0.0), float(LONGEST_HINT_SECONDS)))


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` (seconds or an HTTP date) in seconds, at most a day; None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():  # what \d+ matches
        return float(bounded_seconds(value))
    moment = http_date(value)
    if moment is None:
        return None
    return float(seconds_until(moment, now or datetime.now(UTC)))


def max_age(cache_control: str | None) -> int | None:
    """``Cache-Control: max-age`` (or ``s-maxage``) in seconds, at most a day; None if absent.

    ``no-cache`` and ``no-store`` mean the server gives no lifetime at all.
    """
    if not cache_control:
        return None
    lowered = cache_control.lower()
    if "no-cache" in lowered or "no-store" in lowered:
        return None
    match = re.compile(*_MAX_AGE).search(cache_control)
    return bounded_seconds(match.group(1)) if match else None


def bounded_minutes(minutes: int | None) -> int | None:
    """An RSS ``<ttl>`` in minutes, at most a day; None for none or a non-positive one."""
    if minutes is None or minutes <= 0:
        return None
    return min(minutes, LONGEST_HINT_SECONDS // 60)


def sendable_validator(value: str | None) -> str | None:
    """The ETag or Last-Modified as it may be stored and sent back, or None.

    Only visible ASCII survives the trip: anything else (``"café"``, C1 controls, bidi
    overrides) would be stored raw and make every later conditional request fail, so
    such a validator is dropped and the body hash decides instead.
    """
    if value is None:
        return None
    value = value.strip()
    # Visible ASCII and spaces: what [\x20-\x7e]+ matches.
    if not value or len(value) > LONGEST_VALIDATOR or not (value.isascii() and value.isprintable()):
        return None
    return value
