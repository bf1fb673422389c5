"""Reading flow of the main screen: marking in preview, confirming a big "all read", and
``n``/``p`` going on to the next source that has unread articles.

Kept apart from the main screen, which owns the state; these helpers only decide and
then call the screen's own methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from suxun_tui.text.i18n import tr
from suxun_tui.tui.screens.confirm import Confirm

if TYPE_CHECKING:
    from textual.timer import Timer

    from suxun_tui.tui.screens.main import MainScreen

PREVIEW_SECONDS = 3.0  # mark_read = "preview": shown this long counts as read
CONFIRM_ABOVE = 20  # "mark all read" on more unread articles than this asks first


class PreviewMarks:
    """``mark_read = "preview"``: an article shown for a few seconds becomes read."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.timer: Timer | None = None
        self.enabled = screen.reader.config.settings.mark_read == "preview"

    def shown(self, article_id: int) -> None:
        """The article pane shows ``article_id`` now; mark it if it stays."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.enabled:
            self.timer = self.screen.set_timer(PREVIEW_SECONDS, lambda: self._stayed(article_id))

    def _stayed(self, article_id: int) -> None:
        self.timer = None
        headline = self.screen.headlines.current
        if headline is None or headline.id != article_id or headline.read:
            return
        if self.screen.shown.article_id == article_id:  # still shown: it was read
            self.screen.set_read(headline, True)


def confirm_mark_read(screen: MainScreen, mark: Callable[[], None]) -> None:
    """Run ``mark`` (all read in the selection), asking first when it marks many."""
    unread, _ = screen.catalog.tally(screen.selection, screen.headlines.rows)
    if unread <= CONFIRM_ABOVE:
        mark()
        return
    label = screen.selection.display_label(screen.headlines.convert)
    question = tr(
        "Mark {unread} unread articles in {label} read? u undoes it.",
        unread=unread,
        label=label,
    )

    def answered(yes: bool | None) -> None:
        if yes:
            mark()

    screen.app.push_screen(Confirm(question), answered)


def next_source_with_unread(screen: MainScreen, direction: int) -> bool:
    """Select the next (1) or previous (-1) source with unread articles; False if none.

    Only when one source is selected: in All or a group, the list already holds them all.
    """
    selection, pane = screen.selection, screen.sources
    if selection.kind != "source":
        return False
    unread = {s.id: s.unread for s in screen.catalog.sources}
    start, filters = pane.index_of(selection.key), pane.filters
    if start is None:
        return False
    order = range(start + 1, len(filters)) if direction > 0 else range(start - 1, -1, -1)
    for index in order:
        candidate = filters[index]
        if candidate.kind == "source" and unread.get(candidate.source_id or -1, 0) > 0:
            pane.highlighted = index
            screen.selection = candidate
            screen.load_headlines()
            return True
    return False


def go_to_unread(screen: MainScreen, direction: int) -> None:
    """``n`` / ``p``: open the next (1) or previous (-1) unread article, going on to the
    next source with unread articles when this one has no more."""
    headlines = screen.headlines
    index = headlines.find_unread(direction)
    if index is None and next_source_with_unread(screen, direction):
        # The next source with unread articles: its first (or last) unread one.
        current = headlines.current
        ahead = direction > 0 and current is not None and not current.read
        index = headlines.cursor if ahead else headlines.find_unread(direction)
    if index is None:
        screen.notify(tr("No more unread articles here."), timeout=3)
        return
    headlines.move_to(index)
    headlines.open_current()
