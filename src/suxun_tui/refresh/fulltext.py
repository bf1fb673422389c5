"""Fetching the full article behind a headline, for page sources and summary-only feeds.

The TUI calls :func:`fetch_full_article` from a worker when an article is opened whose
stored body is only a summary; the result is stored, so it stays readable offline.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import ArticleText
from suxun_tui.net.client import Fetcher, FetchError, local_path
from suxun_tui.pages import ExtractionError
from suxun_tui.store import Store
from suxun_tui.text.i18n import N_


class ArticleFetchError(Exception):
    """The full article could not be fetched or read; the message says why."""


async def fetch_article_text(settings: Settings, url: str, spec: SourceSpec | None) -> ArticleText:
    """Fetch and extract one article (joining multi-page articles).

    Local files load only for sources the user configured as local files (the demo, say):
    a web feed linking to ``file:///etc/passwd`` gets an error, not the file.
    """
    from suxun_tui.pages.reader import read_article

    allow_local = spec is not None and local_path(spec.url) is not None
    async with Fetcher(settings) as fetcher:

        async def fetch(address: str) -> tuple[bytes, str | None, str]:
            result = await fetcher.get(address, allow_local=allow_local)
            return result.content, result.content_type, result.url

        return await read_article(
            fetch,
            url,
            timezone=spec.timezone if spec else settings.timezone,
            body_selector=spec.body_selector if spec else None,
        )


def fetch_full_article(config: Config, db_path: Path, article_id: int) -> None:
    """Fetch, extract and store the full text of article ``article_id``."""
    with Store(db_path) as store:
        article = store.article(article_id)
        if article is None:
            raise ArticleFetchError(N_("article {id} is not in the cache").format(id=article_id))
        if not article.url:
            message = N_("{title}: the article has no link to fetch")
            raise ArticleFetchError(message.format(title=article.title))
        spec = config.source(article.source_name)
        try:
            text = asyncio.run(fetch_article_text(config.settings, article.url, spec))
        except FetchError as exc:
            raise ArticleFetchError(str(exc)) from exc
        except ExtractionError as exc:
            raise ArticleFetchError(f"{article.url}: {exc}") from exc
        # The page has no enclosures: the feed's podcast or video stays under the text.
        media = tuple(block for block in article.blocks if block.kind == "media")
        store.save_article_text(article_id, replace(text, blocks=(*text.blocks, *media)))
