"""When to fetch a source next: our own schedule and what the server asked for.

``next_due`` is the source's own rhythm (``refresh_minutes``); ``not_before`` is the
earliest moment the server allows (``Cache-Control: max-age``, ``Expires``, RSS ``<ttl>``,
``Retry-After`` after an error), which only ``--force`` overrides. Every server hint is
capped at a day (``net.hints``), and a stored time further ahead than any current rule
could write (a cache from before the caps) counts as no wait at all, so no server can
park a source until year 9999.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from suxun_tui.config import SourceSpec
from suxun_tui.net.hints import (
    LONGEST_HINT_SECONDS,
    bounded_minutes,
    http_date,
    max_age,
    seconds_until,
)
from suxun_tui.store.db import FetchState
from suxun_tui.text.timefmt import parse_iso, to_stored

if TYPE_CHECKING:  # choosing the due sources loads no fetcher (nor its event loop)
    from suxun_tui.net.client import FetchResult

_LONGEST_HINT = timedelta(seconds=LONGEST_HINT_SECONDS)
# refresh_minutes is at most a year (config.reading); a stored next_due beyond that plus
# a day was written by something else, and is not believed.
_LONGEST_SCHEDULE = timedelta(days=366) + _LONGEST_HINT


def server_hint(result: FetchResult, ttl_minutes: int | None, now: datetime) -> datetime | None:
    """The earliest next fetch the server (or the feed's ttl) allows, at most a day ahead."""
    waits: list[int] = []
    cache_control = result.headers.get("cache-control", "")
    lifetime = max_age(cache_control)
    if lifetime is not None:
        waits.append(lifetime)
    elif "no-cache" not in cache_control.lower() and "no-store" not in cache_control.lower():
        expires = http_date(result.headers.get("expires"))
        if expires is not None:
            waits.append(seconds_until(expires, now))
    ttl = bounded_minutes(ttl_minutes)
    if ttl:
        waits.append(ttl * 60)
    longest = max((w for w in waits if w > 0), default=0)
    if not longest:
        return None
    return now + timedelta(seconds=min(longest, LONGEST_HINT_SECONDS))


def retry_not_before(retry_after: float | None, now: datetime) -> str | None:
    """The stored ``not_before`` for an error's ``Retry-After`` (already at most a day)."""
    if not retry_after or retry_after <= 0:
        return None
    return to_stored(now + timedelta(seconds=min(retry_after, float(LONGEST_HINT_SECONDS))))


def next_fetch_times(
    spec: SourceSpec, result: FetchResult, ttl_minutes: int | None, now: datetime
) -> tuple[str, str | None]:
    """(next_due, not_before) as stored strings."""
    hint = server_hint(result, ttl_minutes, now)
    due = now + min(timedelta(minutes=max(spec.refresh_minutes, 1)), _LONGEST_SCHEDULE)
    if hint and hint > due:
        due = hint
    return to_stored(due), to_stored(hint) if hint else None


def server_says_wait(state: FetchState, now: datetime) -> bool:
    """Whether the server's last hint still holds at ``now`` (``--force`` ignores it).

    A ``not_before`` more than a day ahead cannot come from a capped hint: it is ignored
    rather than honoured until whenever it says.
    """
    moment = parse_iso(state.not_before)
    return moment is not None and now < moment <= now + _LONGEST_HINT


def is_due(state: FetchState, now: str) -> bool:
    """Whether a source is due at ``now`` (stored form): never fetched, or its time came.

    A ``next_due`` further ahead than the longest schedule is treated as due.
    """
    if not state.next_due or state.next_due <= now:
        return True
    due, current = parse_iso(state.next_due), parse_iso(now)
    if due is None or current is None:
        return True
    return due > current + _LONGEST_SCHEDULE
