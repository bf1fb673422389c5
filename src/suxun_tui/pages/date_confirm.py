"""How a page's shown dates and its markup's times confirm each other.

A shown date the markup also gives is the article's (it takes the markup's time, which
names its zone); a page that shows its markup's publish day nowhere is dated by the day it
shows, when the markup names that day too. A UTC time in markup is most often a server's
conversion of the page's local time, so it confirms a day on either side of midnight, and a
shown time that is the markup's moment gives the page's own clock. :func:`page_time` keeps
that clock in the result.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone

from suxun_tui.pages.dates import _zone

__all__ = ["DateCandidate", "corroborated", "page_time"]

# How often each place holds the publish time on real pages (see :mod:`.fields`).
NEAR_TITLE = 100
META = 95
SHOWN = 92
REGION_HEAD = 90
INFO_LINE = 80
EARLY_LINE = 85  # a short line among the text's first blocks
AFTER = 45
BEFORE_TITLE = 50
SHOWN_UPDATE = 35
MODIFIED = 30
URL = 10
LAST_RESORT = 5
# "Originally published on …": the page itself names its first publication.
ORIGINAL = 140
# A date the page shows that its markup also gives as the publish time is the one the
# reader sees as the article's: it beats every other.
CORROBORATED = 20


@dataclass(frozen=True)
class DateCandidate:
    """A publish-time candidate: ``weight`` says how often its place is right, ``human``
    whether a reader sees it written as people write dates (not ``2025-10-30T10:45:07Z``)."""

    iso: str
    precision: int
    weight: int
    human: bool = False
    swappable: bool = False

    @property
    def score(self) -> int:
        return self.weight + (10 if self.precision >= 5 else 0)


def _days(iso: str) -> set[str]:
    """The calendar days a time can be shown on: its own and its day in UTC (templates that
    print times in UTC), and for a UTC time - most often a server's conversion of the
    page's local time - each day it is in some real zone."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return {iso[:10]}
    if moment.utcoffset() is None:
        return {iso[:10]}
    utc = moment.astimezone(UTC)
    if moment.utcoffset():
        return {iso[:10], utc.date().isoformat()}
    return {(utc + timedelta(hours=h)).date().isoformat() for h in (-12, 0, 14)}


def _on_page_clock(shown: DateCandidate, known: DateCandidate) -> str | None:
    """``known`` (a UTC time from markup) on the page's clock, when ``shown`` is the same
    moment as the page prints it (``Feb 14, 21:05`` for ``2026-02-15T03:05:48Z``): the
    difference is then a whole quarter hour within a real zone's offset."""
    if shown.precision < 5 or known.precision < 5:
        return None
    try:
        mark = datetime.fromisoformat(known.iso)
        wall = datetime.fromisoformat(shown.iso).replace(tzinfo=None, second=0, microsecond=0)
    except ValueError:
        return None
    if mark.utcoffset() != timedelta(0):
        return None
    diff = wall - mark.replace(tzinfo=None, second=0, microsecond=0)
    quarters, rest = divmod(diff, timedelta(minutes=15))
    if rest or not diff or abs(diff) > timedelta(hours=14):
        return None
    return mark.astimezone(timezone(quarters * timedelta(minutes=15))).isoformat()


def _exact(c: DateCandidate, known: list[DateCandidate]) -> DateCandidate:
    """A shown date completed by the markup: the markup's time of the same day, which names
    its zone ("17:42 BST" on the page is "17:42+01:00" in markup), or the markup's moment
    on the page's clock."""
    for k in known:
        clock = _on_page_clock(c, k)
        if clock is not None:
            return replace(c, iso=clock, precision=k.precision)
    for k in known:
        if k.precision >= 5 and k.iso[:10] == c.iso[:10]:
            return replace(c, iso=k.iso, precision=k.precision)
    for k in known:  # the page prints the markup's local time in UTC: the markup's time
        moment = datetime.fromisoformat(k.iso)
        utc_day = moment.astimezone(UTC).date().isoformat()
        if k.precision >= 5 and moment.utcoffset() and utc_day == c.iso[:10]:
            return replace(c, iso=k.iso, precision=k.precision)
    return c


def corroborated(
    found: list[DateCandidate],
    markup: list[DateCandidate],
    known: list[DateCandidate],
    shown_days: set[str],
) -> list[DateCandidate]:
    """Shown dates that the markup confirms, raised and completed by :func:`_exact`.

    A page that shows its markup's publish day anywhere (``shown_days``: every date of the
    elements marked as dates, and the candidates from the text) is dated by the shown
    dates of that day. A page that shows none of it - the markup keeps a first publication
    its readers never see - is dated by a date it shows in the article's own places,
    written for people, when the markup names that day too (its last revision, a second
    publish time): a reader's date is the one the page gives its readers. Where the markup
    names no shown day at all, a date written for people in the article's own places
    (under the title, in its info line) still beats the markup, which then dates a
    publication the reader is not shown. A date shown as the last change ("Updated …")
    counts so only where the markup gives no publish time.
    ``known`` is every time the markup gives, publish times first.
    """
    published_days = set().union(*(_days(c.iso) for c in markup if c.weight == META))
    in_text = {c.iso[:10] for c in found if c.weight > SHOWN_UPDATE and c.weight != META}
    confirmed = bool(published_days & (in_text | shown_days)) or not known
    days = published_days if confirmed else set().union(*(_days(k.iso) for k in known))
    floor = SHOWN_UPDATE if confirmed or published_days else SHOWN_UPDATE - 1
    out: list[DateCandidate] = []
    for c in found:
        if c.weight > floor and c.weight != META and c.iso[:10] in days:
            if confirmed:
                exact = _exact(c, [k for k in known if k.weight == META])
                c = replace(
                    exact,
                    precision=max(c.precision, exact.precision),
                    weight=c.weight + CORROBORATED,
                )
            elif c.human and (c.weight >= INFO_LINE or c.weight == SHOWN_UPDATE):
                exact = _exact(c, known)
                weight = max(c.weight, META) + CORROBORATED
                c = replace(exact, precision=max(c.precision, exact.precision), weight=weight)
        elif not confirmed and c.human and c.weight >= INFO_LINE and c.weight != META:
            c = replace(c, weight=max(c.weight, META) + 1)  # shown, if unconfirmed
        out.append(c)
    return out


def page_time(iso: str | None, tz: str) -> str | None:
    """The publish time on the page's own clock: as the page wrote it, with its offset.

    A time in UTC (``Z``, ``+00:00``) is most often a server's conversion of the source's
    local time, so it is shown in the source's zone ``tz``; any other offset is the page's
    own and is kept, because converting it may move the day (``2025-06-25T20:57-04:00`` is
    the 26th in UTC, but the page says the 25th). Either way the instant is unchanged.
    """
    if iso is None:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    offset = moment.utcoffset()
    if offset is None or offset:
        return iso
    return moment.astimezone(_zone(tz)).isoformat()
