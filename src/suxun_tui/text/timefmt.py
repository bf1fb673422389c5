"""Time stamps: one canonical stored form and the short forms shown on screen.

The store keeps every time as UTC ``YYYY-MM-DDTHH:MM:SSZ`` so that sorting the text
sorts the times; display converts to the user's local zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from suxun_tui.text.i18n import tr

STORED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_stored(moment: datetime) -> str:
    """A datetime as the stored UTC string (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def parse_iso(text: str | None) -> datetime | None:
    """Parse any ISO 8601 string we produce or receive; None when it is not one."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalize_iso(text: str | None) -> str | None:
    """Any ISO 8601 string → the stored UTC form, or None when unparseable."""
    moment = parse_iso(text)
    if moment is None:
        return None
    try:
        return to_stored(moment)
    except (OverflowError, ValueError):
        return None


def format_short(stored: str, now: datetime, zone: tzinfo | None = None) -> str:
    """A compact local time for the headline list: ``12:34`` today, else a date."""
    moment = parse_iso(stored)
    if moment is None:
        return ""
    local = moment.astimezone(zone) if zone else moment.astimezone()
    local_now = now.astimezone(zone) if zone else now.astimezone()
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    if local.year == local_now.year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d")


def format_full(stored: str, zone: tzinfo | None = None) -> str:
    """A full local time for the article pane: ``2025-12-29 12:34``."""
    moment = parse_iso(stored)
    if moment is None:
        return ""
    return (moment.astimezone(zone) if zone else moment.astimezone()).strftime("%Y-%m-%d %H:%M")


def format_relative(stored: str, now: datetime) -> str:
    """How long ago, in the interface's language: ``3h ago`` / ``3小时前``; a date after a
    month (and for a time ahead of ``now`` by more than a minute: a clock is wrong)."""
    moment = parse_iso(stored)
    if moment is None:
        return ""
    seconds = (now - moment).total_seconds()
    if -60 < seconds < 60:
        return tr("just now")
    if seconds < 0 or seconds >= 30 * 86_400:
        return format_full(stored)[:10]
    minutes = int(seconds // 60)
    if minutes < 60:
        return tr("{n}m ago", n=minutes)
    if minutes < 24 * 60:
        return tr("{n}h ago", n=minutes // 60)
    return tr("{n}d ago", n=minutes // (24 * 60))
