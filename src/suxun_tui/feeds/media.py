"""Podcast and video enclosures → ``media`` blocks at the end of an entry's body.

RSS ``<enclosure>`` and Atom ``rel="enclosure"`` links reach us as ``("enclosure", url)``
links of both parsing routes; JSON Feed has ``attachments``. They are kept in the body
(the cache's existing column), so the article lists them, ``show`` prints them, and they
survive offline. Pictures sent as enclosures are left out (the body shows pictures), and
a feed cannot flood an article: at most :data:`MAX_MEDIA` per entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from suxun_tui.models import Block
from suxun_tui.text.sanitize import clean_line

MAX_MEDIA = 20
MAX_URL = 4096
_PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp")


def media_blocks(urls: Iterable[str], mime_types: Iterable[str | None] = ()) -> tuple[Block, ...]:
    """One ``media`` block per audio/video enclosure: the file's name, its address."""
    types = list(mime_types)
    blocks: list[Block] = []
    seen: set[str] = set()
    for index, raw in enumerate(urls):
        url = clean_line(raw).strip()
        mime = (types[index] if index < len(types) else None) or ""
        path = urlsplit(url).path.lower() if url else ""
        if (
            not url
            or len(url) > MAX_URL
            or url in seen
            or urlsplit(url).scheme not in ("http", "https")
        ):
            continue
        if mime.startswith("image/") or (not mime and path.endswith(_PICTURES)):
            continue
        seen.add(url)
        name = clean_line(unquote(path.rsplit("/", 1)[-1] if path else ""))[:120]
        blocks.append(Block("media", name or url[:120], url))
        if len(blocks) == MAX_MEDIA:
            break
    return tuple(blocks)
