"""The reader's main screen: three panes, and the state they share.

The screen owns the state as reactive variables — the display ``script``, the
``selection``, the sources' ``catalog``, the article ``shown`` and the ``activity`` of
background work — and binds them to the panes with ``data_bind``: change one here and
every pane that shows it follows. Panes report what the user did through messages and
never reach into each other. Every key is bound here, from the command table; a moving
key asks the focused pane, and every pane answers the same calls (:class:`PaneMoves`);
the marking keys are :class:`MarkActions`. The catalog is read whole at start and after
outside changes, and only recounted after a mark. Slow work runs in
:class:`BackgroundWork`, whose workers answer with the typed messages handled below.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from suxun_tui.models import Headline
from suxun_tui.store import NotSaved, WriteResult
from suxun_tui.store.ui_state import UiState
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.tui.commands import bind_keys, bindings, with_keys
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import ALL, Catalog, SourceFilter, load_rows, search_filter
from suxun_tui.tui.query_feeds import with_counts
from suxun_tui.tui.screens import links, marking, refreshing
from suxun_tui.tui.screens.background import FULL_TEXT, HEADLINES, REFRESH, BackgroundWork
from suxun_tui.tui.screens.exporting import ArticleExports
from suxun_tui.tui.screens.full_text import FullTextFetches
from suxun_tui.tui.screens.mark_actions import MarkActions
from suxun_tui.tui.screens.messages import (
    FullTextFetched,
    HeadlinesLoaded,
    Prefetched,
    QueriesCounted,
    RefreshFinished,
    RefreshProgressed,
)
from suxun_tui.tui.screens.moving import DEMO_NOTICE, PaneMoves, empty_message
from suxun_tui.tui.screens.remembered import Remembered
from suxun_tui.tui.screens.subscribing import Subscriptions
from suxun_tui.tui.screens.undo import Undo
from suxun_tui.tui.script import LABELS, next_script
from suxun_tui.tui.widgets.article import ArticleView, Shown
from suxun_tui.tui.widgets.headlines import HeadlineList
from suxun_tui.tui.widgets.sources import SourcesPane
from suxun_tui.tui.widgets.status import StatusLine

FIRST_PAGE = 300  # rows loaded before the first paint; more than any terminal shows


class MainScreen(PaneMoves, ArticleExports, MarkActions):
    """Sources on the left, headlines above the article on the right."""

    BINDINGS = bindings()
    AUTO_FOCUS = "#headlines"

    # The state the panes show, bound to them in compose (no watchers here: init=False).
    script: var[str] = var("original", init=False)  # display script: original, 简体, 繁體
    selection: var[SourceFilter] = var(ALL, init=False)  # what the headline list shows
    catalog: var[Catalog] = var(Catalog(), init=False)  # sources' counts, errors, from store
    shown: var[Shown] = var(Shown(), init=False)  # what the article pane shows
    activity: var[str] = var("", init=False)  # what background work is doing, for the status
    page_failures: var[tuple[tuple[int, int], ...]] = var((), init=False)  # pages not fetched

    def __init__(self, reader: Reader) -> None:
        super().__init__(UiState(reader.store))
        self.reader = reader
        self.commands = with_keys(reader.config.keys)  # the table with [keys] applied
        bind_keys(self, self.commands)
        self.set_reactive(MainScreen.script, reader.config.settings.script)
        self.background = BackgroundWork(self, reader)
        self.full_text = FullTextFetches(reader, self.background)
        self.refreshes = refreshing.Refreshes(self)
        self.subscriptions = Subscriptions(self)
        self.data_version = 0
        self.remembered = Remembered(self, self.ui_state)
        self.preview_marks = marking.PreviewMarks(self)
        self.undo = Undo(self)  # u takes back the last mark
        self._loading = object()  # the latest load_headlines: only its rest is loaded

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def compose(self) -> ComposeResult:
        screen = MainScreen
        with Horizontal(id="main"):
            yield SourcesPane(id="sources").data_bind(screen.catalog, screen.script)
            with Vertical(id="reading"):
                yield HeadlineList(id="headlines").data_bind(
                    screen.selection, screen.catalog, screen.script
                )
                text_width = self.reader.config.settings.text_width
                self.article_view = ArticleView(id="article", text_width=text_width)
                yield self.article_view.data_bind(screen.shown, screen.script, screen.selection)
        reader = self.reader
        yield StatusLine(
            offline=reader.offline, clock=reader.clock, demo=reader.config.is_demo, id="status"
        ).data_bind(
            screen.script, screen.selection, screen.catalog, screen.activity, screen.page_failures
        )
        yield Footer()

    def on_mount(self) -> None:
        store, config = self.reader.store, self.reader.config
        specs = [(s.name, s.url, s.kind, s.group) for s in config.sources]
        self.saved(store.writes.sync_config(specs, [a.name for a in config.accounts]))
        self.data_version = store.data_version()
        self.refresh_counts()
        self.restore_layout()
        self.remembered.restore_view()
        self.reload(counts=False)  # just read
        self.remembered.restore_headline()
        self.set_interval(self.reader.poll_seconds, self.poll_store)
        self.refreshes.start_up()
        if config.is_demo:
            self.notify(tr(DEMO_NOTICE), title=tr("Demo"), timeout=15)

    def on_unmount(self) -> None:
        """Remember where the reader was, for the next start."""
        article = self.article_view  # no longer a child to query: the widget is kept
        if (article_id := article.article_id) is not None:
            self.remembered.left_article(article_id, article.position)
        self.remembered.flush()

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

    # --- loading -------------------------------------------------------------------------

    def reload(self, *, counts: bool = True) -> None:
        """Re-read sources and headlines from the store, keeping the selection."""
        if counts:
            self.refresh_counts()
        if self.selection.kind != "search":  # a search is not in the pane: it stays
            self.selection = self.sources.selection  # a vanished source falls back to All
        self.load_headlines(keep=self.headlines.current)

    def refresh_counts(self) -> None:
        """Re-read the sources and their counts; every pane that shows them follows.

        The configured query feeds keep their counts meanwhile and are counted in a
        worker (a search's count each: seconds over 1,000,000 articles)."""
        reader, queries = self.reader, self.reader.config.queries
        self.catalog = Catalog.read(reader.store, reader.clock(), queries, self.catalog.queries)
        self._count_queries()

    def recount(self) -> None:
        """Re-read the counts alone, after a mark: the sources stay as they are."""
        reader, queries, known = self.reader, self.reader.config.queries, self.catalog.queries
        self.catalog = self.catalog.recount(reader.store, reader.clock(), queries, known)
        self._count_queries()

    def _count_queries(self) -> None:
        if specs := self.reader.config.queries:  # once the counts read are on screen
            self.call_after_refresh(self.background.count_queries, specs)

    def on_queries_counted(self, message: QueriesCounted) -> None:
        self.background.queries_counted()
        self.catalog = replace(
            self.catalog, queries=with_counts(self.catalog.queries, message.feeds)
        )

    def load_headlines(self, keep: Headline | None = None) -> None:
        """Fill the headline list: the first screenful now, the rest in a worker.

        One query and one bulk assignment each time. The first page is a LIMIT query
        (about a millisecond), so the list paints at once even over 100,000 articles;
        the full list (a few hundred milliseconds) arrives from a thread with its own
        store connection, and the cursor stays where the user has moved it meanwhile.
        That thread starts once the first page is on screen: started at once, it would
        share the interpreter with the drawing of that page and delay it.
        """
        selection = self.selection
        rows = load_rows(self.reader.store, selection, FIRST_PAGE)
        self.headlines.set_rows(rows, keep.id if keep else None)
        self.full_text.ahead(rows, self.headlines.cursor, self.catalog)
        self.background.cancel(HEADLINES)
        self._loading = loading = object()  # a later call makes this one's rest unwanted
        if len(rows) == FIRST_PAGE:
            self.call_after_refresh(self._load_the_rest, selection, loading)

    def _load_the_rest(self, selection: SourceFilter, loading: object) -> None:
        if loading is self._loading:
            self.background.load_headlines(selection)

    def on_headlines_loaded(self, message: HeadlinesLoaded) -> None:
        if message.selection.key != self.selection.key:
            return  # the user chose another source meanwhile
        # Rows already on screen may have been marked since the worker's query: keep them.
        current = {row.id: row for row in self.headlines.rows}
        waiting = self.reader.store.writes  # and marks not saved yet show as made
        rows = [current.get(row.id, row) for row in waiting.shown_all(message.rows)]
        keep = self.headlines.current
        self.headlines.set_rows(rows, keep.id if keep else None)

    def poll_store(self) -> None:
        """Another process (a cron refresh) wrote to the cache: show its work.

        Marks the cache could not take yet (locked, disk full) are tried again first.
        """
        if self.reader.store.writes.waiting:
            self.saved(self.reader.store.writes.retry(), quiet=True)
        if self.refreshes.running:
            return  # the refresh reloads when it finishes
        version = self.reader.store.data_version()
        if version != self.data_version:
            self.data_version = version
            self.reload()
            self.background.prefold()  # new articles' text folded before a search asks

    # --- messages from the panes ---------------------------------------------------------

    unread_only = False  # the "unread only" toggle (i), kept across every view

    def validate_selection(self, selection: SourceFilter) -> SourceFilter:
        """Every view the screen shows follows the "unread only" toggle."""
        return replace(selection, unread_only=self.unread_only)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.selection = self.selection
        self.load_headlines(keep=self.headlines.current)
        self.notify(tr("Showing unread only.") if self.unread_only else tr("Showing all articles."))

    def on_sources_pane_changed(self, message: SourcesPane.Changed) -> None:
        if message.selection.key != self.selection.key:
            self.selection = message.selection
            self.load_headlines()

    def on_sources_pane_opened(self, message: SourcesPane.Opened) -> None:
        self.focus_pane(self.headlines)

    def on_headline_list_highlighted(self, message: HeadlineList.Highlighted) -> None:
        headline = message.headline
        self.remembered.moved(self.selection, headline.id if headline else None)
        if message.headline is None:
            self.shown = Shown(message=empty_message(self.selection))
        else:
            self.show_article(message.headline.id)
            self.preview_marks.shown(message.headline.id)

    def on_article_view_left(self, message: ArticleView.Left) -> None:
        self.remembered.left_article(message.article_id, message.position)

    def on_headline_list_opened(self, message: HeadlineList.Opened) -> None:
        self.open_headline(message.headline)

    # --- articles ------------------------------------------------------------------------

    def show_article(self, article_id: int, *, opening: bool = False) -> None:
        """Show an article in the pane; opening it fetches its full text if it needs it."""
        detail = self.reader.store.article(article_id)
        if detail is None:
            self.shown = Shown(message=tr("This article is no longer in the cache."))
            return
        detail = self.reader.store.writes.shown(detail)  # a mark still waiting to be saved
        notes, loading = self.full_text.prepare(detail, opening=opening)
        position = self.remembered.position(article_id)
        self.shown = Shown(detail, notes, loading=loading, position=position)

    def open_headline(self, headline: Headline) -> None:
        """Opening means reading: mark it read and move the focus to the article.

        Opening again after a failed full-text fetch tries once more.
        """
        if self.full_text.forget_failure(headline.id):
            self.page_failures = self.full_text.failures_by_source()
        self.show_article(headline.id, opening=True)
        if not headline.read:
            self.set_read(headline, True)
        self.focus_pane(self.article)

    def saved(self, result: WriteResult, *, quiet: bool = False) -> None:
        """Say what became of a write: waiting ones saved, or why this one is not (yet).

        ``quiet``: a retry that fails again says nothing new.
        """
        if isinstance(result, NotSaved):
            if not quiet:
                self.notify(result.notice, title=tr("Cache"), severity="warning", timeout=8)
        elif result.notice:
            self.notify(result.notice, title=tr("Cache"), timeout=4)

    # --- results of background work ------------------------------------------------------

    def on_full_text_fetched(self, message: FullTextFetched) -> None:
        if self.full_text.fetched(message.article_id):  # else a stale fetch, finished anyway
            self.full_text_ended(message.article_id)

    def on_prefetched(self, message: Prefetched) -> None:
        self.full_text_ended(message.article_id)

    def full_text_failed(self, error: BaseException | None) -> None:
        if (failure := self.full_text.failed(error)) is not None:
            article_id, reason = failure  # a note above the article, not a toast
            refreshing.show_for_a_while(self, tr("✗ Full text: {reason}", reason=reason))
            self.page_failures = self.full_text.failures_by_source()  # on the source too
            self.full_text_ended(article_id)

    def full_text_ended(self, article_id: int) -> None:
        self.data_version = self.reader.store.data_version()  # our own write: no reload
        if self.shown.article_id == article_id:  # else it is not loading: nothing to redo
            self.show_article(article_id)

    def on_refresh_progressed(self, message: RefreshProgressed) -> None:
        self.refreshes.progressed(message.progress)

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshes.finished(message.report)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Failures only: results come as their own messages, and cancelled work is unwanted."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        if worker.group == REFRESH:
            self.refreshes.failed(worker.error)
        elif worker.group == FULL_TEXT:
            self.full_text_failed(worker.error)
        else:
            said = tr_said(str(worker.error))
            self.notify(f"{worker.description or worker.name}: {said}", severity="error")

    # --- actions: refreshing -------------------------------------------------------------

    def action_refresh(self) -> None:
        config = self.reader.config
        self.refreshes.asked(refreshing.names_for(self.selection, self.catalog, config))

    def action_refresh_all(self) -> None:
        self.refreshes.asked(refreshing.all_names(self.reader.config))

    def action_force_refresh(self) -> None:
        config = self.reader.config
        names = refreshing.names_for(self.selection, self.catalog, config)
        self.refreshes.asked(names, force=True)

    def action_subscribe(self) -> None:
        self.subscriptions.subscribe()

    def action_unsubscribe(self) -> None:
        self.subscriptions.unsubscribe()

    # --- actions: reading ----------------------------------------------------------------

    def action_copy_link(self) -> None:
        links.copy_link(self, self.headlines.current)

    def action_open_link(self) -> None:
        headline = self.headlines.current
        links.open_link(self, headline.url if headline else "")

    def action_cycle_script(self) -> None:
        self.script = next_script(self.script)  # every pane redraws in it
        self.notify(tr("Script: {label}", label=LABELS.get(self.script, self.script)), timeout=2)

    def action_toggle_images(self) -> None:
        self.notify(self.article.toggle_pictures(), timeout=2)

    def action_search(self) -> None:
        from suxun_tui.tui.screens.search import SearchPrompt

        def searched(query: str | None) -> None:
            if query:
                self.selection = search_filter(query)
                self.load_headlines()
                self.headlines.focus()

        self.app.push_screen(SearchPrompt(), searched)

    def action_next_match(self) -> None:
        self.article.jump_to_match(1)

    def action_previous_match(self) -> None:
        self.article.jump_to_match(-1)

    def action_help(self) -> None:
        from suxun_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.commands))
