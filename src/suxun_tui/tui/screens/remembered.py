"""Where the reader was: the view, the selected headline and each article's scroll place.

All of it lives in the cache's ``ui_state`` table (:class:`suxun_tui.store.ui_state.UiState`),
so a restart opens the reader where it was left. The view and the headline change with
every key press: they are written at most once a second (and when the reader closes), not
once per ``j``. A scroll place is written when the article is left.

A search is not remembered as the view (it would open on a query the user has forgotten);
the reader opens on All instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from suxun_tui.store.ui_state import UiState
from suxun_tui.tui.filters import SourceFilter

if TYPE_CHECKING:
    from textual.timer import Timer

    from suxun_tui.tui.screens.main import MainScreen

VIEW_KEY, HEADLINE_KEY = "view", "headline"
SAVE_AFTER = 1.0  # seconds of quiet before the view and headline are written


class Remembered:
    """Reads the remembered place at start and writes the current one as it changes."""

    def __init__(self, screen: MainScreen, state: UiState) -> None:
        self.screen = screen
        self.state = state
        self.pending: dict[str, str | None] = {}
        self.timer: Timer | None = None

    # --- at start ------------------------------------------------------------------------

    def restore_view(self) -> None:
        """Highlight the remembered view in the sources pane, if it still exists."""
        key = self.state.get(VIEW_KEY)
        index = self.screen.sources.index_of(key) if key is not None else None
        if index is not None:
            self.screen.sources.highlighted = index

    def restore_headline(self) -> None:
        """Put the cursor back on the remembered headline, if it is in the list."""
        value = self.state.get(HEADLINE_KEY)
        if value is None or not value.isdigit():
            return
        index = self.screen.headlines.index_of(int(value))
        if index is not None:
            self.screen.headlines.move_to(index)

    def position(self, article_id: int) -> float:
        return self.state.scroll_position(article_id)

    # --- as the user moves ---------------------------------------------------------------

    def moved(self, selection: SourceFilter, headline_id: int | None) -> None:
        """The view or the cursor changed: write it after a second without changes."""
        if selection.kind != "search":
            self.pending[VIEW_KEY] = selection.key
            self.pending[HEADLINE_KEY] = None if headline_id is None else str(headline_id)
        if self.timer is None:
            self.timer = self.screen.set_timer(SAVE_AFTER, self.flush)

    def left_article(self, article_id: int, position: float) -> None:
        self.state.put_scroll_position(article_id, position)

    def flush(self) -> None:
        """Write what is pending (also when the reader closes)."""
        self.timer = None
        if self.pending and self.state.put(self.pending):
            self.pending = {}
