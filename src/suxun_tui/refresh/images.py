"""Pictures inside articles: fetched when their article is shown, kept for offline reading.

The reader calls :func:`load_picture` from a worker for each picture of the article it
shows, and only while pictures are on. The cache is asked first (a second open, or an
offline one, never fetches); otherwise the picture is fetched with the feeds' own
:class:`~suxun_tui.net.client.Fetcher` — timeouts, retries, redirects and its size cap,
here ``image_max_bytes``, enforced while reading — and local files only for sources the
user configured as local files. The body is checked and scaled down by
:mod:`.picture_data`; the drawable PNG, or the reason there is none, is kept by
:mod:`suxun_tui.store.image_cache`. Network failures are not kept: they may pass.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from suxun_tui.config import Config, Settings
from suxun_tui.net.client import Fetcher, FetchError, local_path
from suxun_tui.refresh.picture_data import PictureError, drawable_png
from suxun_tui.store import Store
from suxun_tui.store.image_cache import (
    CachedPicture,
    cached_picture,
    image_root,
    store_picture,
    store_reason,
)
from suxun_tui.text.i18n import N_

OFFLINE = N_("not in the cache (offline)")


def picture_settings(settings: Settings) -> Settings:
    """The fetch settings for pictures: the picture cap, one retry at most."""
    return replace(settings, max_bytes=settings.image_max_bytes, retries=min(settings.retries, 1))


async def fetch_picture(settings: Settings, url: str, allow_local: bool) -> bytes:
    """The picture's bytes; raises FetchError (over the cap: before reading past it)."""
    async with Fetcher(picture_settings(settings)) as fetcher:
        result = await fetcher.get(url, allow_local=allow_local)
    return result.content


def _address(url: str) -> str:
    """Where to fetch: ``file://dir/x.png``, as feedparser joins a relative picture onto a
    ``file:///`` page, is the path ``/dir/x.png`` (the same repair item links get)."""
    if url.startswith("file://") and not url.startswith(("file:///", "file://localhost/")):
        return "file:///" + url[len("file://") :]
    return url


def _short(exc: FetchError, url: str) -> str:
    """The fetch error as a placeholder's reason: without the address, the right key."""
    text = str(exc).removeprefix(f"{url}: ").replace("('max_bytes')", "('image_max_bytes')")
    return text[:120]


def load_picture(
    config: Config, db_path: Path, article_id: int, url: str, *, offline: bool = False
) -> CachedPicture:
    """Picture ``url`` of article ``article_id``: a file to draw, or the reason why not."""
    root = image_root(db_path)
    cached = cached_picture(root, article_id, url)
    if cached is not None:
        return cached
    with Store(db_path) as store:
        article = store.article(article_id)
    if article is None:
        return CachedPicture(reason=N_("the article is no longer in the cache"))
    spec = config.source(article.source_name)
    allow_local = spec is not None and local_path(spec.url) is not None
    address = _address(url)
    if offline and not (allow_local and local_path(address) is not None):
        return CachedPicture(reason=OFFLINE)
    try:
        data = asyncio.run(fetch_picture(config.settings, address, allow_local))
    except FetchError as exc:
        return CachedPicture(reason=_short(exc, address))
    try:
        png = drawable_png(data)
    except PictureError as exc:
        reason = str(exc)
        with suppress(OSError):  # unkept, the reason is shown all the same, and asked again
            store_reason(root, article_id, url, reason)
        return CachedPicture(reason=reason)
    try:
        return CachedPicture(path=store_picture(root, article_id, url, png))
    except OSError as exc:
        return CachedPicture(reason=f"cannot keep it: {exc.strerror or exc}")
