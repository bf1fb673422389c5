"""Which links may be opened: only http(s) and mailto.

A feed can put anything into a link. The reader opens links through Python's
:mod:`webbrowser` (which passes the URL as one argument, never to a shell), and only for
schemes a browser handles safely; ``javascript:``, ``file:``, ``data:`` and the rest are
refused here, in the core, so every caller applies the same rule.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from suxun_tui.text.sanitize import clean_line

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


class LinkRefused(Exception):
    """The link is not one we open; the message says why."""


def check_link(url: str) -> str:
    """The cleaned URL if it may be opened; raises :class:`LinkRefused` otherwise."""
    cleaned = clean_line(url)
    if not cleaned:
        raise LinkRefused("this article has no link")
    if any(c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in url.strip()):
        raise LinkRefused(f"refusing a link with spaces or control characters: {cleaned!r}")
    scheme = urlsplit(cleaned).scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "relative"
        raise LinkRefused(
            f"refusing to open a {shown} link; only http, https and mailto links open"
        )
    return cleaned
