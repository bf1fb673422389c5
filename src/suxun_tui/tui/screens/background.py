"""The main screen's slow work, in thread workers that report back with messages.

The core's functions are synchronous and open their own store connection, so each job
runs in a thread worker owned by the screen and ends by posting a typed message
(:mod:`suxun_tui.tui.screens.messages`) to it; a failure ends the worker in the ERROR
state, which the screen's one ``Worker.StateChanged`` handler reports. A result is not
posted once its worker is cancelled: the screen has moved on and must not see it.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from suxun_tui.config.model import QuerySpec
from suxun_tui.store import Store
from suxun_tui.store.index_fill import start_filling
from suxun_tui.store.pending_fold import prefold_cache
from suxun_tui.text.i18n import tr
from suxun_tui.tui import jobs
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import SourceFilter, load_rows
from suxun_tui.tui.query_feeds import QueryFeed, count_configured
from suxun_tui.tui.screens.messages import (
    FullTextFetched,
    HeadlinesLoaded,
    Prefetched,
    QueriesCounted,
    RefreshFinished,
    RefreshProgressed,
)

if TYPE_CHECKING:
    from suxun_tui.refresh.engine import Progress, RefreshReport

# Worker groups: an exclusive worker cancels the running one of its group.
HEADLINES, REFRESH, FULL_TEXT, BROWSER = "headlines", "refresh", "fulltext", "browser"
PREFETCH = "prefetch"
QUERIES = "queries"
PREFOLD = "prefold"
T = TypeVar("T")


class BackgroundWork:
    """Starts the screen's workers; each posts its result to the screen as a message."""

    def __init__(self, screen: Screen[None], reader: Reader) -> None:
        self.screen = screen
        self.reader = reader
        self.counting = False  # a count of the query feeds runs
        self.count_again: tuple[QuerySpec, ...] | None = None  # asked for meanwhile

    def load_headlines(self, selection: SourceFilter) -> None:
        """Read every headline of ``selection`` (the first page is already shown)."""
        self._run(partial(self._load_headlines, selection), HEADLINES, tr("Loading headlines"))

    def count_queries(self, specs: Sequence[QuerySpec]) -> None:
        """Count the configured query feeds (a search's count each, which no cancel stops):
        one count at a time, and one more after it when asked meanwhile (marks, a refresh's
        recounts twice a second), so counts never pile up in threads."""
        if self.counting:
            self.count_again = tuple(specs)
            return
        self.counting = True
        self._run(partial(self._count_queries, tuple(specs)), QUERIES, tr("Counting query feeds"))

    def queries_counted(self) -> None:
        """The count ended (the screen has its result): start the one asked for meanwhile."""
        self.counting = False
        if (again := self.count_again) is not None:
            self.count_again = None
            self.count_queries(again)

    def prefold(self) -> None:
        """Fold the text of the articles waiting for the index (another process stored
        them), so that the next search finds it folded."""
        self._run(self._prefold, PREFOLD, tr("Preparing search"))

    def refresh(self, names: list[str] | None, due_only: bool, force: bool = False) -> None:
        """Refresh ``names`` (None: every source), posting progress after each source.

        ``force`` fetches even what the server asked us to leave alone for now
        (Retry-After, max-age) and ignores the stored validators.
        """
        work = partial(self._refresh, names, due_only, force)
        self._run(work, REFRESH, tr("Refresh"), exclusive=False)

    def fetch_full_text(self, article_id: int) -> None:
        """Fetch one article's page after a short pause: quick j/k presses cancel it first."""
        self._run(partial(self._fetch_full_text, article_id), FULL_TEXT, tr("Full text"))

    def prefetch(self, article_ids: list[int]) -> None:
        """Fetch these articles' pages one by one, quietly: a failure is retried on open."""
        self._run(partial(self._prefetch, article_ids), PREFETCH, tr("Fetching pages ahead"))

    def open_in_browser(self, found: webbrowser.BaseBrowser, url: str) -> None:
        self._run(partial(_open, found, url), BROWSER, tr("Opening the browser"), exclusive=False)

    def cancel(self, group: str) -> None:
        self.screen.workers.cancel_group(self.screen, group)

    # --- in the worker's thread: no widgets here, only messages ---------------------------

    def _load_headlines(self, selection: SourceFilter) -> None:
        with Store(self.reader.store.path) as store:
            rows = load_rows(store, selection)
        self._post(HeadlinesLoaded(selection, rows))

    def _count_queries(self, specs: tuple[QuerySpec, ...]) -> None:
        feeds: tuple[QueryFeed, ...] = ()
        try:
            with Store(self.reader.store.path) as store:
                feeds = count_configured(store, specs)
        finally:  # after a failure too (reported as any worker's): the next may start
            self.screen.post_message(QueriesCounted(feeds))

    def _prefold(self) -> None:
        prefold_cache(self.reader.store.path)

    def _refresh(self, names: list[str] | None, due_only: bool, force: bool) -> None:
        reader = self.reader
        if force:
            from suxun_tui.refresh.engine import refresh_sources  # the network stack: late

            def forced() -> RefreshReport:
                return refresh_sources(
                    reader.config,
                    reader.store.path,
                    names=names,
                    force=True,
                    offline=reader.offline,
                    on_progress=self._progressed,
                )

            report = self._abandonable(forced)
        else:
            report = self._abandonable(
                lambda: jobs.refresh(
                    reader.config,
                    reader.store,
                    names,
                    due_only=due_only,
                    offline=reader.offline,
                    on_progress=self._progressed,
                )
            )
        start_filling(reader.store.path)  # the search index catches up in the background
        self._post(RefreshFinished(report))
        # Until it has, a search reads the new articles' folded text: folded now, before
        # the first one asks.
        prefold_cache(reader.store.path)

    def _progressed(self, progress: Progress) -> None:
        # post_message does not wait: the refresh never stalls on the interface
        # (call_from_thread would block it once per source).
        self.screen.post_message(RefreshProgressed(progress))

    def _fetch_full_text(self, article_id: int) -> None:
        worker = get_current_worker()
        reader = self.reader
        fetched = self._abandonable(
            lambda: jobs.fetch_full_text(
                reader.config, reader.store, article_id, lambda: worker.is_cancelled
            )
        )
        if fetched is not None:  # None: cancelled before any request was sent
            self._post(FullTextFetched(fetched))

    def _prefetch(self, article_ids: list[int]) -> None:
        worker = get_current_worker()
        reader = self.reader
        with Store(reader.store.path) as store:
            for article_id in article_ids:
                if worker.is_cancelled:
                    return
                if not store.needs_full_text(article_id):
                    continue
                try:
                    self._abandonable(
                        lambda a=article_id: jobs.fetch_full_text(  # type: ignore[misc]
                            reader.config, reader.store, a, lambda: worker.is_cancelled
                        )
                    )
                except jobs.Abandoned:
                    return
                except Exception:  # noqa: BLE001 - ahead of time: the open will say why
                    continue
                self._post(Prefetched(article_id))

    def _abandonable(self, call: Callable[[], T]) -> T:
        worker = get_current_worker()
        return jobs.abandonable(call, lambda: worker.is_cancelled)

    def _post(self, message: Message) -> None:
        if not get_current_worker().is_cancelled:
            self.screen.post_message(message)

    def _run(
        self, work: Callable[[], None], group: str, description: str, *, exclusive: bool = True
    ) -> Worker[None]:
        return self.screen.run_worker(
            work,
            group=group,
            description=description,
            exclusive=exclusive,
            thread=True,
            exit_on_error=False,
        )


def _open(found: webbrowser.BaseBrowser, url: str) -> None:
    if not found.open(url):
        raise RuntimeError(tr("the browser did not start"))
