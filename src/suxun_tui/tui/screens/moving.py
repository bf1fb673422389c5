"""The main screen's moving and layout keys: panes, levels, maximizing, narrow terminals.

A mixin of :class:`suxun_tui.tui.screens.main.MainScreen`, kept apart because it is one
job — where the focus is and how the panes are laid out — and knows nothing about
articles. Every moving key asks the focused pane, and every pane answers the same calls.

Layout rules:
- The sources pane can be hidden (``\\``) and resized (``[`` ``]``); its width is
  remembered in the cache.
- ``z`` maximizes the focused pane; while one is maximized, moving to another pane
  maximizes that one instead, so Tab and ``q`` keep working.
- Below :data:`ONE_PANE_WIDTH` columns the reader shows one pane at a time (the focused
  one), the same mechanism as ``z`` turned on by the terminal's width.
- ``q`` goes back one level (article → headlines → sources) and quits only from the top;
  ``Q`` quits at once.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from suxun_tui.models import Headline
from suxun_tui.store.ui_state import UiState
from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui.filters import SourceFilter
from suxun_tui.tui.widgets.article import ArticleView
from suxun_tui.tui.widgets.headlines import HeadlineList
from suxun_tui.tui.widgets.sources import SourcesPane

Pane = SourcesPane | HeadlineList | ArticleView  # each answers move_by/home/end, open

ONE_PANE_WIDTH = 70  # narrower than this, three panes leave no room to read
SOURCES_WIDTH, MIN_SOURCES_WIDTH, MAX_SOURCES_WIDTH, SOURCES_STEP = 32, 14, 80, 4
DEMO_NOTICE = N_("Sample sources, no network. Your own: `suxun-tui init` writes a config to edit.")
SOURCES_WIDTH_KEY, SOURCES_SHOWN_KEY = "sources-width", "sources-shown"


class PaneMoves(Screen[None]):
    """Focus, levels and layout of the three panes (the main screen's base)."""

    ALLOW_IN_MAXIMIZED_VIEW = "Footer, StatusLine"
    ESCAPE_TO_MINIMIZE = False  # Esc is "back" here; maximizing follows the focus

    def __init__(self, ui_state: UiState) -> None:
        super().__init__()
        self.ui_state = ui_state  # the sources pane's width and visibility are remembered
        self.one_pane = False  # the terminal is narrow: one pane at a time
        self.zoomed = False  # the user pressed z

    @property
    def sources(self) -> SourcesPane:
        return self.query_one(SourcesPane)

    @property
    def headlines(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def panes(self) -> list[Pane]:
        """The panes in reading order; a hidden sources pane is not one of them."""
        shown: list[Pane] = [self.sources] if self.sources.display else []
        return [*shown, self.headlines, self.article]

    def focused_pane(self) -> Pane:
        return next((p for p in self.panes() if p is self.focused), self.headlines)

    def focus_pane(self, pane: Widget) -> None:
        """Focus ``pane`` now: ``Widget.focus`` waits a turn, and a key typed right after
        (Enter then q) would act on the pane before."""
        self.set_focus(pane)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """When panes are shown one at a time, the focused one is the one shown."""
        if (self.one_pane or self.zoomed) and event.widget in self.panes():
            self.maximized = event.widget

    # --- layout --------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """The sources pane's width and visibility as the user left them."""
        width = self.ui_state.get(SOURCES_WIDTH_KEY)
        if width is not None and width.isdigit():
            self._set_sources_width(int(width))
        if self.ui_state.get(SOURCES_SHOWN_KEY) == "0":
            self.sources.display = False

    def on_resize(self, event: events.Resize) -> None:
        one_pane = event.size.width < ONE_PANE_WIDTH
        if one_pane != self.one_pane:
            self.one_pane = one_pane
            self.maximized = self.focused_pane() if one_pane or self.zoomed else None

    def action_maximize(self) -> None:
        if self.one_pane:
            self.notify(tr("The terminal is narrow: one pane at a time already."), timeout=3)
            return
        self.zoomed = not self.zoomed
        self.maximized = self.focused_pane() if self.zoomed else None

    def action_toggle_sources(self) -> None:
        shown = not self.sources.display
        if not shown and self.sources.has_focus:
            self.focus_pane(self.headlines)
        self.sources.display = shown
        if shown and self.one_pane:
            self.focus_pane(self.sources)
        self.ui_state.put({SOURCES_SHOWN_KEY: "1" if shown else "0"})

    def action_narrow_sources(self) -> None:
        self._resize_sources(-SOURCES_STEP)

    def action_widen_sources(self) -> None:
        self._resize_sources(SOURCES_STEP)

    def _resize_sources(self, delta: int) -> None:
        if not self.sources.display:
            self.action_toggle_sources()
            return
        width = self._set_sources_width(self.sources.outer_size.width + delta)
        self.ui_state.put({SOURCES_WIDTH_KEY: str(width)})

    def _set_sources_width(self, width: int) -> int:
        width = max(MIN_SOURCES_WIDTH, min(width, MAX_SOURCES_WIDTH))
        self.sources.styles.width = width
        return width

    # --- moving --------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.focused_pane().move_by(1)

    def action_cursor_up(self) -> None:
        self.focused_pane().move_by(-1)

    def action_top(self) -> None:
        self.focused_pane().move_home()

    def action_bottom(self) -> None:
        self.focused_pane().move_end()

    def action_open(self) -> None:
        """Open what is under the cursor; the focus moves before the next key is read.

        The panes' Opened messages would arrive after a key typed right behind Enter
        (Enter then q would act on the pane left behind), so the screen acts at once.
        """
        pane = self.focused_pane()
        if isinstance(pane, HeadlineList):
            if pane.current is not None:
                self.open_headline(pane.current)
            return
        pane.open_current()
        if isinstance(pane, SourcesPane):
            self.focus_pane(self.headlines)

    def open_headline(self, headline: Headline) -> None:
        raise NotImplementedError  # the main screen's: marks read, shows, focuses

    def action_back(self) -> None:
        panes = self.panes()
        index = panes.index(self.focused_pane())
        if index > 0:
            self.focus_pane(panes[index - 1])

    def action_back_or_quit(self) -> None:
        """``q``: one level back (article → headlines → sources), quit from the top."""
        panes = self.panes()
        if panes.index(self.focused_pane()) == 0:
            self.app.exit()
        else:
            self.action_back()

    def action_quit(self) -> None:
        self.app.exit()

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        panes = self.panes()
        index = panes.index(self.focused_pane())
        self.focus_pane(panes[(index + step) % len(panes)])

    def action_page_down(self) -> None:
        self.article.page(1)

    def action_page_up(self) -> None:
        self.article.page(-1)


def empty_message(selection: SourceFilter) -> str:
    """What the article pane says when the headline list is empty."""
    if selection.kind == "search":
        return tr(
            "Nothing matches {query!r}. Press / to search again, h for the sources.",
            query=selection.query,
        )
    if selection.kind == "starred":
        return tr("No starred articles yet: s stars the selected article.")
    return tr("No articles here yet. Press r to refresh.")
