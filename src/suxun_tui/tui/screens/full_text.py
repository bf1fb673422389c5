"""Which article's full text is being fetched, and which fetches failed.

A page is fetched when the user opens an article (Enter, ``n``), never because the
cursor passed over it: browsing a list costs no requests, and an item that carries a
summary is read as it is until asked for more. The fetch runs in the exclusive worker of
:class:`BackgroundWork`; opening another article replaces it. A failure is remembered per
article and shown as a note above it — not as a notification — until the user opens it
again, which retries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text

from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.refresh.fulltext_rule import should_fetch_full_text
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import Catalog
from suxun_tui.tui.screens.background import BackgroundWork

PREFETCH_AHEAD = 8  # page-source articles fetched ahead when a list is filled


class FullTextFetches:
    """The full-text state of the article pane: at most one fetch, and past failures."""

    def __init__(self, reader: Reader, background: BackgroundWork) -> None:
        self.reader = reader
        self.background = background
        self.fetching: int | None = None  # the article whose full text is being fetched
        self.errors: dict[int, str] = {}
        self.urls: dict[int, str] = {}  # the page each fetch asked for, for its message
        self.sources: dict[int, int] = {}  # the source of each article fetched

    def prepare(
        self, detail: ArticleDetail, *, opening: bool = False
    ) -> tuple[tuple[Text, ...], bool]:
        """The notes to show above ``detail``, and whether its full text is on its way.

        ``opening``: the user opened the article, so a page it needs is fetched now
        (never offline); a preview only says how to get it.
        """
        reader, article_id = self.reader, detail.id
        notes: list[Text] = []
        if article_id in self.errors:
            reason = self.errors[article_id]
            notes.append(Text(tr("Full text unavailable: {reason}", reason=reason), "red"))
        elif self.fetching == article_id:
            notes.append(Text(tr("Fetching the whole article…"), style="dim italic"))
        elif should_fetch_full_text(reader.config, reader.store, detail):
            if reader.offline:
                notes.append(Text(tr("Only a summary is cached (offline)."), style="dim italic"))
            elif opening:
                self.fetching = article_id
                self.urls[article_id] = detail.url
                self.sources[article_id] = detail.source_id
                self.background.fetch_full_text(article_id)
                notes.append(Text(tr("Fetching the whole article…"), style="dim italic"))
            elif detail.blocks:
                notes.append(Text(tr("A summary; Enter fetches the whole article."), "dim italic"))
            else:
                notes.append(Text(tr("Enter loads the article from its page."), "dim italic"))
        return tuple(notes), self.fetching == article_id

    def ahead(self, rows: Sequence[Headline], start: int, catalog: Catalog) -> None:
        """Fetch ahead the pages of page sources' articles from ``start`` on.

        A page source's headline has no text at all until its page is fetched, so the
        next few are fetched in the background when the list is filled (not as the
        cursor moves); feeds carry their text and wait for Enter.
        """
        if self.reader.offline:
            return
        pages = {s.id for s in catalog.sources if s.kind == "page"}
        wanted = [
            row.id
            for row in rows[start : start + PREFETCH_AHEAD]
            if row.source_id in pages and row.id not in self.errors and row.url
        ]
        if wanted:
            self.background.prefetch(wanted)

    def fetched(self, article_id: int) -> bool:
        """A fetch ended well; False when it is stale (another article is awaited)."""
        if article_id != self.fetching:
            return False
        self.fetching = None
        return True

    def failed(self, error: BaseException | None) -> tuple[int, str] | None:
        """The awaited fetch failed: remember why; the article and the reason, if any."""
        article_id = self.fetching
        if article_id is None:
            return None
        self.fetching = None
        reason = failure_reason(error, self.urls.pop(article_id, ""))
        self.errors[article_id] = reason
        return article_id, reason

    def failures_by_source(self) -> tuple[tuple[int, int], ...]:
        """How many articles of each source (by id) could not be fetched, for its status."""
        counts = Counter(self.sources[a] for a in self.errors if a in self.sources)
        return tuple(sorted(counts.items()))

    def forget_failure(self, article_id: int) -> bool:
        """Opening an article again retries its fetch: whether there was a failure."""
        return self.errors.pop(article_id, None) is not None


def failure_reason(error: BaseException | None, url: str) -> str:
    """Why a page could not be fetched, in words about the article, not its source.

    The fetcher words a 404 for a feed's address ("check the source's url"); for an
    article's page that advice is wrong — the source is fine, this one page is gone.
    """
    status = getattr(error.__cause__, "status", None) if error is not None else None
    if status in (404, 410):
        return tr(
            "{url}: HTTP {status}; this article's page is gone (moved or deleted)",
            url=url or tr("the page"),
            status=status,
        )
    if error is None:
        return tr("unknown error")
    return tr_said(str(error)) or type(error).__name__
