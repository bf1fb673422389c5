"""Which links may be opened: only http(s) and mailto.

A feed can put anything into a link. The reader opens links through Python's
:mod:`webbrowser` (which passes the URL as one argument, never to a shell), and only for
schemes a browser handles safely; ``javascript:``, ``file:``, ``data:`` and the rest are
refused here, in the core, so every caller applies the same rule.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


class LinkRefused(Exception):
    """The link is not one we open; the message says why."""


def _hidden(char: str) -> bool:
    """Spaces, controls and invisible format characters (U+200B, U+202E…): a link holding
    one is not what it looks like."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def check_link(url: str) -> str:
    """The cleaned URL if it may be opened; raises :class:`LinkRefused` otherwise."""
    cleaned = clean_line(url)
    if not cleaned:
        raise LinkRefused(tr("this article has no link"))
    if any(_hidden(c) for c in url.strip()):
        raise LinkRefused(
            tr("refusing a link with spaces or control characters: {link!r}", link=cleaned)
        )
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 - "http://[::1" and "http://a:99999" raise here, not in a browser
    except ValueError as exc:
        raise LinkRefused(
            tr("refusing a malformed link ({error}): {link!r}", error=exc, link=cleaned)
        ) from exc
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        if not scheme:
            raise LinkRefused(
                tr("refusing to open a relative link; only http, https and mailto links open")
            )
        raise LinkRefused(
            tr(
                "refusing to open a '{scheme}:' link; only http, https and mailto links open",
                scheme=scheme,
            )
        )
    return cleaned
