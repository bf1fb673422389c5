"""The background half of the main screen: refreshing, full articles, the browser.

Kept apart from the pane logic in ``main.py`` because it changes for different reasons
(the core's refresh and fetch APIs, progress reporting). Both run in thread workers — the
core's functions are synchronous and open their own store connection — and report back
through messages and ``Worker.StateChanged``, so the interface never freezes.
All worker results and failures arrive in one handler, :meth:`on_worker_state_changed`.
"""

from __future__ import annotations

import time
import webbrowser
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import SuspendNotSupported
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.refresh.fulltext_rule import should_fetch_full_text
from suxun_tui.tui import jobs
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import SourceFilter
from suxun_tui.tui.widgets.article import ArticleView
from suxun_tui.tui.widgets.headlines import HeadlineList
from suxun_tui.tui.widgets.sources import SourcesPane
from suxun_tui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from suxun_tui.refresh.engine import Progress, RefreshReport


MAX_FAILURE_NOTICES = 3  # more failed sources than this get one summary notification
COUNTS_EVERY = 0.5  # seconds between recounts of unread articles while a refresh runs


class RefreshProgressed(Message):
    """A source finished refreshing; posted from the refresh thread without waiting."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress


class TaskScreen(Screen[None]):
    """Pane accessors and background work; ``MainScreen`` adds the panes' behaviour."""

    reader: Reader
    selection: SourceFilter
    data_version: int
    fetching: int | None  # the article whose full text is being fetched
    fetch_errors: dict[int, str]
    refreshing = False
    _quiet = False
    _counted_at = 0.0

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def sources(self) -> SourcesPane:
        return self.query_one(SourcesPane)

    @property
    def headlines(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote network text (titles, errors, URLs): never parse markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def reload(self) -> None:  # pragma: no cover - provided by MainScreen
        raise NotImplementedError

    def refresh_counts(self) -> None:  # pragma: no cover - provided by MainScreen
        raise NotImplementedError

    def show_article(self, article_id: int) -> ArticleDetail | None:  # pragma: no cover
        raise NotImplementedError

    def headlines_loaded(
        self, selection: SourceFilter, rows: list[Headline]
    ) -> None:  # pragma: no cover - provided by MainScreen
        raise NotImplementedError

    def start_up(self) -> None:
        """Refresh local (``file://``) sources never fetched, and the demo: no network."""
        config, store = self.reader.config, self.reader.store
        if config.is_demo:
            names = [s.name for s in config.sources]
        else:
            names = [
                row.name
                for row in store.sources()
                if row.url.startswith("file:") and not row.last_success and not row.last_attempt
            ]
        if names:
            self.start_refresh(names, quiet=True)
        elif config.settings.refresh_on_start and not self.reader.offline:
            self.start_refresh(None, due_only=True, quiet=True)

    def action_refresh(self) -> None:
        selection = self.selection
        if selection.kind == "source":
            source = self.sources.source_of(selection)
            names = [source.name] if source else []
        elif selection.kind == "group":
            names = [s.name for s in self.reader.config.sources if s.group == selection.group]
        else:
            names = [s.name for s in self.reader.config.sources]
        self.refresh_sources(names)

    def action_refresh_all(self) -> None:
        self.refresh_sources([s.name for s in self.reader.config.sources])

    def refresh_sources(self, names: Sequence[str]) -> None:
        if self.reader.offline:
            self.notify("Offline (--offline): not refreshing; showing the cache.", timeout=4)
            return
        if not names:
            self.notify("Nothing to refresh here.", timeout=3)
            return
        self.start_refresh(list(names))

    def start_refresh(
        self, names: list[str] | None, *, due_only: bool = False, quiet: bool = False
    ) -> None:
        if self.refreshing:
            self.notify("A refresh is already running.", timeout=3)
            return
        self.refreshing = True
        self._quiet = quiet
        self.status.set_right("Refreshing…")
        self.run_refresh(names, due_only)

    @work(thread=True, group="refresh", exit_on_error=False, description="Refresh")
    def run_refresh(self, names: list[str] | None, due_only: bool) -> RefreshReport:
        worker = get_current_worker()

        def progressed(progress: Progress) -> None:
            # post_message is thread-safe and does not wait: the refresh never stalls on
            # the interface (call_from_thread would block it once per source).
            self.post_message(RefreshProgressed(progress))

        return jobs.abandonable(
            lambda: jobs.refresh(
                self.reader.config,
                self.reader.store,
                names,
                due_only=due_only,
                offline=self.reader.offline,
                on_progress=progressed,
            ),
            lambda: worker.is_cancelled,
        )

    def on_refresh_progressed(self, message: RefreshProgressed) -> None:
        progress = message.progress
        text = f"Refreshing {progress.done}/{progress.total}"
        result = progress.result
        if result is not None:
            text += f" · {result.name} {'✓' if result.ok else '✗'}"
            # Recounting reads the whole cache: at most twice a second, not per source.
            if time.monotonic() - self._counted_at >= COUNTS_EVERY:
                self._counted_at = time.monotonic()
                self.refresh_counts()
        self.status.set_right(text)

    def refresh_finished(self, worker: Worker[object]) -> None:
        self.refreshing = False
        if worker.state == WorkerState.ERROR:
            self.status.set_right("Refresh failed")
            self.notify(f"Refresh failed: {worker.error}", severity="error")
        else:
            report: RefreshReport = worker.result  # type: ignore[assignment]
            self.report(report)
        self.data_version = self.reader.store.data_version()
        self.reload()

    def report(self, report: RefreshReport) -> None:
        results = report.results
        new = sum(r.new for r in results)
        failed = report.failed
        summary = f"Refreshed {len(results)} · {new} new"
        if failed:
            summary += f" · {len(failed)} failed"
        self.status.set_right(summary)
        if len(failed) > MAX_FAILURE_NOTICES:
            # Hundreds of toasts would bury the screen: one summary, details on the sources.
            names = ", ".join(r.name for r in failed[:MAX_FAILURE_NOTICES])
            self.notify(
                f"{len(failed)} sources failed ({names}, …); each shows ✗ and its error "
                "in the sources pane.",
                title="✗ Refresh",
                severity="error",
                timeout=8,
            )
        for result in failed if len(failed) <= MAX_FAILURE_NOTICES else []:
            self.notify(
                result.error or "unknown error",
                title=f"✗ {result.name}",
                severity="error",
                timeout=8,
            )
        skipped = report.skipped_offline
        if skipped:
            self.notify(f"Offline: skipped {len(skipped)} network sources.", timeout=4)
        if not self._quiet and not failed:
            self.notify(summary, timeout=3)

    # --- the browser ---------------------------------------------------------------------

    def action_open_link(self) -> None:
        headline = self.headlines.current
        url = headline.url if headline else ""
        if (refusal := jobs.link_refusal(url)) is not None:
            self.notify(refusal, severity="warning")
            return
        found = jobs.browser(self.reader.config.settings.browser)
        if found is None:
            self.notify("No web browser found; press y to copy the link.", severity="warning")
        elif jobs.runs_in_terminal(found):
            # lynx or w3m needs the terminal: hand it over and take it back afterwards.
            try:
                with self.app.suspend():
                    found.open(url)
            except SuspendNotSupported:
                self.notify("Cannot start a terminal browser here; press y to copy.")
        else:
            self.open_in_browser(found, url)

    @work(thread=True, group="browser", exit_on_error=False, description="Opening the browser")
    def open_in_browser(self, found: webbrowser.BaseBrowser, url: str) -> None:
        if not found.open(url):
            raise RuntimeError("the browser did not start")

    # --- full text ---------------------------------------------------------------------

    def wants_full_text(self, detail: ArticleDetail) -> bool:
        """Whether showing ``detail`` should fetch its page: the core's rule."""
        return should_fetch_full_text(self.reader.config, self.reader.store, detail)

    @work(thread=True, exclusive=True, group="fulltext", exit_on_error=False)
    def fetch_article(self, article_id: int) -> int | None:
        worker = get_current_worker()

        def progressed(progress: Progress) -> None:
            # post_message is thread-safe and does not wait: the refresh never stalls on
            # the interface (call_from_thread would block it once per source).
            self.post_message(RefreshProgressed(progress))

        return jobs.abandonable(
            lambda: jobs.fetch_full_text(
                self.reader.config, self.reader.store, article_id, lambda: worker.is_cancelled
            ),
            lambda: worker.is_cancelled,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place where background work comes back: results and failures."""
        worker = event.worker
        if worker.group == "refresh" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.refresh_finished(worker)
        elif worker.group == "fulltext" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.fetch_finished(worker)
        elif worker.group == "headlines" and event.state == WorkerState.SUCCESS:
            selection, rows = worker.result  # type: ignore[misc]
            self.headlines_loaded(selection, rows)
        elif event.state == WorkerState.ERROR:
            self.notify(f"{worker.description or worker.name}: {worker.error}", severity="error")

    def fetch_finished(self, worker: Worker[object]) -> None:
        article_id = self.fetching
        if worker.is_cancelled or article_id is None:
            return
        if worker.state == WorkerState.SUCCESS and worker.result != article_id:
            return  # a stale fetch that finished anyway
        self.fetching = None
        self.article.loading = False
        if worker.state == WorkerState.ERROR:
            message = str(worker.error) or type(worker.error).__name__
            self.fetch_errors[article_id] = message
            self.notify(message, title="Full text", severity="error")
        self.data_version = self.reader.store.data_version()
        if self.article.article_id == article_id:
            self.show_article(article_id)
