"""URL joining as feedparser does it, fast for the URLs joining would not change."""

from __future__ import annotations

import re
import urllib.parse

_URIFIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
# An absolute http(s) URL that urljoin returns as it is: no empty query or fragment, no
# path parameters, no whitespace or brackets (see tests/unit/test_fastfeed.py).
_PLAIN_URL = re.compile(r"https?://[^/?#;\s\\\[\]]+(?:/[^?#;\s\\]*)?(?:\?[^#\s]+)?(?:#\S+)?\Z")


def join_url(base: str, url: str) -> str:
    """``urllib.parse.urljoin``, without its cost for URLs it would return unchanged."""
    return url if _PLAIN_URL.match(url) else urllib.parse.urljoin(base, url)


def feedparser_urljoin(base: str, uri: str) -> str:
    """feedparser's URL joining (``feedparser.urls._urljoin``), copied to avoid a private.

    Most links are already plain absolute URLs that joining returns unchanged; those skip
    the (comparatively slow) urllib round trip.
    """
    if _PLAIN_URL.match(uri):
        return uri
    uri = _URIFIXER.sub(r"\1\3", uri)
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""
