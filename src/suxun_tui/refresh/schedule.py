"""When to fetch a source next: our own schedule and what the server asked for.

``next_due`` is the source's own rhythm (``refresh_minutes``); ``not_before`` is the
earliest moment the server allows (``Cache-Control: max-age``, ``Expires``, RSS ``<ttl>``),
which only ``--force`` overrides.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta

from suxun_tui.config import SourceSpec
from suxun_tui.net.client import FetchResult
from suxun_tui.store.db import FetchState
from suxun_tui.text.timefmt import to_stored

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*(\d+)", re.IGNORECASE)
_LONGEST_HINT = timedelta(days=1)  # a server cannot make us wait longer than a day


def server_hint(result: FetchResult, ttl_minutes: int | None, now: datetime) -> datetime | None:
    """The earliest next fetch the server (or the feed's ttl) allows, if it says."""
    candidates: list[datetime] = []
    cache_control = result.headers.get("cache-control", "")
    if "no-cache" not in cache_control.lower() and "no-store" not in cache_control.lower():
        match = _MAX_AGE.search(cache_control)
        if match:
            candidates.append(now + timedelta(seconds=int(match.group(1))))
        elif result.headers.get("expires"):
            try:
                expires = email.utils.parsedate_to_datetime(result.headers["expires"])
                candidates.append(expires if expires.tzinfo else expires.replace(tzinfo=UTC))
            except (TypeError, ValueError):
                pass
    if ttl_minutes:
        candidates.append(now + timedelta(minutes=ttl_minutes))
    later = [c for c in candidates if c > now]
    if not later:
        return None
    return min(max(later), now + _LONGEST_HINT)


def next_fetch_times(
    spec: SourceSpec, result: FetchResult, ttl_minutes: int | None, now: datetime
) -> tuple[str, str | None]:
    """(next_due, not_before) as stored strings."""
    hint = server_hint(result, ttl_minutes, now)
    due = now + timedelta(minutes=spec.refresh_minutes)
    if hint and hint > due:
        due = hint
    return to_stored(due), to_stored(hint) if hint else None


def is_due(state: FetchState, now: str) -> bool:
    """Whether a source is due at ``now`` (stored form): never fetched, or its time came."""
    return not state.next_due or state.next_due <= now
