"""The reader's main screen: three panes, and the state they share.

The screen owns the state (which filter, which article, which script); panes only display
what they are given and report what the user did through messages. Every key is bound
here, from the command table, and each action asks the focused pane to act — so one
table describes all keys, and no pane reaches into another.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer

from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.store import Store
from suxun_tui.text.timefmt import format_short
from suxun_tui.tui.commands import bindings
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import ALL, SourceFilter, load_rows, search_filter
from suxun_tui.tui.screens.tasks import TaskScreen
from suxun_tui.tui.script import LABELS, converter, meta_script, next_script
from suxun_tui.tui.widgets.article import ArticleView
from suxun_tui.tui.widgets.headlines import HeadlineList
from suxun_tui.tui.widgets.sources import SourcesPane
from suxun_tui.tui.widgets.status import StatusLine

FIRST_PAGE = 300  # rows loaded before the first paint; more than any terminal shows


class MainScreen(TaskScreen):
    """Sources on the left, headlines above the article on the right."""

    BINDINGS = bindings()
    AUTO_FOCUS = "#headlines"

    def __init__(self, reader: Reader) -> None:
        super().__init__()
        self.reader = reader
        self.script: str = reader.config.settings.script
        self.convert = converter(self.script)
        self.selection: SourceFilter = ALL
        self.fetching: int | None = None  # article whose full text is being fetched
        self.fetch_errors: dict[int, str] = {}
        self.data_version = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield SourcesPane(id="sources")
            with Vertical(id="reading"):
                yield HeadlineList(id="headlines")
                yield ArticleView(id="article")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.sources.border_title = "Sources"
        self.article.border_title = "Article"
        store = self.reader.store
        store.sync_sources([(s.name, s.url, s.kind, s.group) for s in self.reader.config.sources])
        self.data_version = store.data_version()
        self.reload()
        self.set_interval(self.reader.poll_seconds, self.poll_store)
        self.start_up()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read sources and headlines from the store, keeping the selection."""
        store = self.reader.store
        starred = store.starred_count()
        now = self.reader.clock()
        self.sources.show(store.sources(), starred, self.convert, now)
        if self.selection.kind != "search":  # a search is not in the pane: it stays
            self.selection = self.sources.selection
        self.headlines.restyle(self.convert, now)
        self.load_headlines(keep=self.headlines.current)
        self.show_status()

    def load_headlines(self, keep: Headline | None = None) -> None:
        """Fill the headline list: the first screenful now, the rest in a worker.

        One query and one bulk assignment each time. The first page is a LIMIT query
        (about a millisecond), so the list paints at once even over 100,000 articles;
        the full list (a few hundred milliseconds) arrives from a thread with its own
        store connection, and the cursor stays where the user has moved it meanwhile.
        """
        selection = self.selection
        rows = load_rows(self.reader.store, selection, FIRST_PAGE)
        self.headlines.set_rows(rows, keep.id if keep else None)
        self.update_title()
        if len(rows) == FIRST_PAGE:
            self.load_all_headlines(selection)
        else:
            self.workers.cancel_group(self, "headlines")

    @work(thread=True, exclusive=True, group="headlines", exit_on_error=False)
    def load_all_headlines(self, selection: SourceFilter) -> tuple[SourceFilter, list[Headline]]:
        with Store(self.reader.store.path) as store:
            return selection, load_rows(store, selection)

    def headlines_loaded(self, selection: SourceFilter, rows: list[Headline]) -> None:
        if selection.key != self.selection.key:
            return  # the user chose another source meanwhile
        # Rows already on screen may have been marked since the worker's query: keep them.
        current = {row.id: row for row in self.headlines.rows}
        rows = [current.get(row.id, row) for row in rows]
        keep = self.headlines.current
        self.headlines.set_rows(rows, keep.id if keep else None)
        self.update_title()

    def update_title(self) -> None:
        """``All · 12 unread / 40``, counted from the sources, not from the loaded rows."""
        selection, rows = self.selection, self.headlines.rows
        if selection.kind in ("starred", "search"):
            unread, total = sum(1 for row in rows if not row.read), len(rows)
        else:
            counted = [
                s
                for s in self.sources.rows.values()
                if selection.kind == "all"
                or (selection.kind == "group" and s.group == selection.group)
                or s.id == selection.source_id
            ]
            unread, total = sum(s.unread for s in counted), sum(s.total for s in counted)
        # Text, not str: a str title is parsed as markup, and the label is a source name.
        self.headlines.border_title = Text(f"{selection.label} · {unread} unread / {total}")

    def poll_store(self) -> None:
        """Another process (a cron refresh) wrote to the cache: show its work."""
        if self.refreshing:
            return  # the refresh worker reloads when it finishes
        version = self.reader.store.data_version()
        if version != self.data_version:
            self.data_version = version
            self.reload()

    def show_status(self) -> None:
        parts = [LABELS.get(self.script, self.script)]
        if self.reader.offline:
            parts.append("offline")
        source = self.sources.source_of(self.selection)
        left = Text(" · ".join(parts))
        if source is not None and source.last_error:
            when = source.last_success and format_short(source.last_success, self.reader.clock())
            left.append(f" · ✗ {source.name}: {source.last_error}", style="red")
            left.append(f" (last ok {when})" if when else " (never fetched)", style="dim")
        self.status.set_left(left)

    # --- messages from the panes ---------------------------------------------------------

    def on_sources_pane_changed(self, message: SourcesPane.Changed) -> None:
        if message.selection.key != self.selection.key:
            self.selection = message.selection
            self.load_headlines()
        self.show_status()

    def on_sources_pane_opened(self, message: SourcesPane.Opened) -> None:
        self.headlines.focus()

    def on_headline_list_highlighted(self, message: HeadlineList.Highlighted) -> None:
        if message.headline is None:
            self.article.show_message("No articles here yet. Press r to refresh.")
        else:
            self.show_article(message.headline.id)

    def on_headline_list_opened(self, message: HeadlineList.Opened) -> None:
        self.open_headline(message.headline)

    # --- articles ------------------------------------------------------------------------

    def show_article(self, article_id: int) -> ArticleDetail | None:
        """Show an article in the pane, fetching its full text in the background if needed."""
        store = self.reader.store
        detail = store.article(article_id)
        if detail is None:
            self.article.show_message("This article is no longer in the cache.")
            return None
        notes: list[Text] = []
        if article_id in self.fetch_errors:
            notes.append(Text(f"Full text unavailable: {self.fetch_errors[article_id]}", "red"))
        elif self.wants_full_text(detail):
            if self.reader.offline:
                notes.append(Text("Only a summary is cached (offline).", style="dim italic"))
            elif self.fetching != article_id:
                self.fetching = article_id
                self.fetch_article(article_id)
        elif self.fetching is not None:
            self.fetching = None
            self.workers.cancel_group(self, "fulltext")
        self.article.loading = self.fetching == article_id
        self.article.show(detail, self.convert, notes, converter(meta_script(self.script)))
        return detail

    def open_headline(self, headline: Headline) -> None:
        """Opening means reading: mark it read and move the focus to the article.

        Opening again after a failed full-text fetch tries once more.
        """
        if self.fetch_errors.pop(headline.id, None) is not None:
            self.show_article(headline.id)
        if not headline.read:
            self.set_read(headline, True)
        self.article.focus()

    def set_read(self, headline: Headline, read: bool) -> None:
        self.reader.store.set_read(headline.id, read)
        self.headlines.update_row(replace(headline, read=read))
        self.refresh_counts()

    def refresh_counts(self) -> None:
        store = self.reader.store
        starred = store.starred_count()
        self.sources.show(store.sources(), starred, self.convert, self.reader.clock())
        if self.sources.selection.key == self.selection.key:
            self.selection = self.sources.selection  # its label in the current script
        self.update_title()

    # --- actions: moving -----------------------------------------------------------------

    def focused_pane(self) -> Widget:
        focused = self.focused
        for pane in (self.sources, self.headlines, self.article):
            if focused is pane:
                return pane
        return self.headlines

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        pane = self.focused_pane()
        if pane is self.sources:
            self.sources.action_cursor_down() if delta > 0 else self.sources.action_cursor_up()
        elif pane is self.headlines:
            self.headlines.move_by(delta)
        else:
            self.article.scroll_relative(y=delta, animate=False)

    def action_top(self) -> None:
        pane = self.focused_pane()
        if pane is self.sources:
            self.sources.action_first()
        elif pane is self.headlines:
            self.headlines.move_to(0)
        else:
            self.article.scroll_home(animate=False)

    def action_bottom(self) -> None:
        pane = self.focused_pane()
        if pane is self.sources:
            self.sources.action_last()
        elif pane is self.headlines:
            self.headlines.move_to(len(self.headlines.rows) - 1)
        else:
            self.article.scroll_end(animate=False)

    def action_open(self) -> None:
        pane = self.focused_pane()
        if pane is self.sources:
            self.sources.action_select()
        elif pane is self.headlines:
            self.headlines.open_current()

    def action_back(self) -> None:
        pane = self.focused_pane()
        if pane is self.article:
            self.headlines.focus()
        elif pane is self.headlines:
            self.sources.focus()

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        panes: list[Widget] = [self.sources, self.headlines, self.article]
        index = panes.index(self.focused_pane())
        panes[(index + step) % len(panes)].focus()

    def action_page_down(self) -> None:
        self.article.page(1)

    def action_page_up(self) -> None:
        self.article.page(-1)

    # --- actions: reading ----------------------------------------------------------------

    def action_next_unread(self) -> None:
        self._unread(1)

    def action_previous_unread(self) -> None:
        self._unread(-1)

    def _unread(self, direction: int) -> None:
        index = self.headlines.find_unread(direction)
        if index is None:
            self.notify("No more unread articles here.", timeout=3)
            return
        self.headlines.move_to(index)
        self.headlines.open_current()

    def action_toggle_read(self) -> None:
        if (headline := self.headlines.current) is not None:
            self.set_read(headline, not headline.read)

    def action_toggle_star(self) -> None:
        if (headline := self.headlines.current) is None:
            return
        starred = not headline.starred
        self.reader.store.set_starred(headline.id, starred)
        self.headlines.update_row(replace(headline, starred=starred))
        self.refresh_counts()
        if self.article.article_id == headline.id:
            self.show_article(headline.id)

    def action_mark_source_read(self) -> None:
        store, selection = self.reader.store, self.selection
        if selection.kind in ("starred", "search"):
            # Lists that are not a source or group: exactly the rows shown, nothing else.
            count = store.mark_read([row.id for row in self.headlines.rows if not row.read])
        else:
            count = store.mark_all_read(
                source_id=selection.source_id if selection.kind == "source" else None,
                group=selection.group if selection.kind == "group" else None,
            )
        self.refresh_counts()
        self.load_headlines(keep=self.headlines.current)
        self.notify(f"Marked {count} article{'s' if count != 1 else ''} read in {selection.label}.")

    def action_copy_link(self) -> None:
        headline = self.headlines.current
        if headline is None or not headline.url:
            self.notify("This article has no link.", severity="warning")
            return
        self.app.copy_to_clipboard(headline.url)
        self.notify(f"Copied {headline.url}", timeout=3)

    def action_cycle_script(self) -> None:
        self.script = next_script(self.script)
        self.convert = converter(self.script)
        self.refresh_counts()  # source names are converted too
        self.headlines.restyle(self.convert, self.reader.clock())
        self.show_status()
        if self.article.article_id is not None:
            self.show_article(self.article.article_id)
        self.notify(f"Script: {LABELS.get(self.script, self.script)}", timeout=2)

    def action_search(self) -> None:
        from suxun_tui.tui.screens.search import SearchPrompt

        def searched(query: str | None) -> None:
            if query:
                self.selection = search_filter(query)
                self.load_headlines()
                self.headlines.focus()
                self.show_status()

        self.app.push_screen(SearchPrompt(), searched)

    def action_help(self) -> None:
        from suxun_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()
