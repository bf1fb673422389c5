"""URL joining as feedparser does it, fast for the URLs joining would not change."""

from __future__ import annotations

import re
import urllib.parse

_URIFIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
# An absolute http(s) URL that urljoin returns as it is: no empty query or fragment, no
# path parameters, no whitespace or brackets (see tests/unit/test_fastfeed.py).
_PLAIN_URL = re.compile(r"https?://[^/?#;\s\\\[\]]+(?:/[^?#;\s\\]*)?(?:\?[^#\s]+)?(?:#\S+)?\Z")
# URLs that matched _PLAIN_URL lately. An RSS item names its address two or three times
# (link, guid, then the entry's link joined again): a set lookup instead of the pattern
# for all but the first. Cleared when full, so any document keeps it bounded.
_PLAIN_SEEN: set[str] = set()
_PLAIN_SEEN_MAX = 2048


def is_plain(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL that joining returns as it is."""
    if url in _PLAIN_SEEN:
        return True
    if _PLAIN_URL.match(url) is None:
        return False
    if len(_PLAIN_SEEN) >= _PLAIN_SEEN_MAX:
        _PLAIN_SEEN.clear()
    _PLAIN_SEEN.add(url)
    return True


def join_url(base: str, url: str) -> str:
    """``urllib.parse.urljoin``, without its cost for URLs it would return unchanged."""
    return url if is_plain(url) else urllib.parse.urljoin(base, url)


def feedparser_urljoin(base: str, uri: str) -> str:
    """feedparser's URL joining (``feedparser.urls._urljoin``), copied to avoid a private.

    Most links are already plain absolute URLs that joining returns unchanged; those skip
    the (comparatively slow) urllib round trip.
    """
    if is_plain(uri):
        return uri
    uri = _URIFIXER.sub(r"\1\3", uri)
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""
