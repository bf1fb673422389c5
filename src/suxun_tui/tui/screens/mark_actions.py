"""The main screen's marking keys: read and unread, star, all read, undo, next unread.

A mixin of :class:`suxun_tui.tui.screens.main.MainScreen`, kept apart because it is one
job — changing what the user has read or starred — over the screen's state. After each
mark only the counts are read again (:meth:`MainScreen.recount`): a mark changes counts,
never which sources there are, so with 10,000 sources a key press reads 10,000 pairs of
numbers and redraws the rows on screen, not the whole sources pane.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.screen import Screen

from suxun_tui.models import Headline
from suxun_tui.store import NotSaved
from suxun_tui.text.i18n import trn
from suxun_tui.tui.screens import marking
from suxun_tui.tui.script import converter

if TYPE_CHECKING:
    from suxun_tui.tui.screens.main import MainScreen


class MarkActions(Screen[None]):
    """Marks made from the keyboard; mixed into the main screen, whose state they change."""

    @property
    def _main(self) -> MainScreen:
        return self  # type: ignore[return-value]  # only the main screen inherits this

    def set_read(self, headline: Headline, read: bool) -> None:
        screen = self._main
        writes = screen.reader.store.writes
        screen.saved(writes.set_flag("read", headline.id, read, headline.title))
        screen.headlines.update_row(replace(headline, read=read))
        screen.recount()

    def action_next_unread(self) -> None:
        marking.go_to_unread(self._main, 1)

    def action_previous_unread(self) -> None:
        marking.go_to_unread(self._main, -1)

    def action_toggle_read(self) -> None:
        screen = self._main
        if (headline := screen.headlines.current) is not None:
            screen.undo.record("read", headline.read, (headline.id,), headline.title)
            self.set_read(headline, not headline.read)

    def action_toggle_star(self) -> None:
        screen = self._main
        if (headline := screen.headlines.current) is None:
            return
        starred = not headline.starred
        writes = screen.reader.store.writes
        screen.undo.record("starred", headline.starred, (headline.id,), headline.title)
        screen.saved(writes.set_flag("starred", headline.id, starred, headline.title))
        screen.headlines.update_row(replace(headline, starred=starred))
        screen.recount()
        if screen.shown.article_id == headline.id:
            screen.show_article(headline.id)

    def action_mark_source_read(self) -> None:
        marking.confirm_mark_read(self._main, self.mark_source_read)

    def mark_source_read(self) -> None:
        screen = self._main
        selection = screen.selection
        result = screen.undo.mark_read(selection, screen.headlines.rows)  # u brings them back
        screen.recount()
        screen.load_headlines(keep=screen.headlines.current)
        if isinstance(result, NotSaved):
            screen.saved(result)
            return
        # Stories, as the list counts them (a story's copies in other sources follow it).
        last = screen.undo.last
        count = len(last.article_ids) if last is not None else result.changed
        label = selection.display_label(converter(screen.script))
        screen.notify(
            trn(
                "Marked {count} article read in {label}.",
                "Marked {count} articles read in {label}.",
                count,
                label=label,
            )
        )

    def action_undo(self) -> None:
        self._main.undo.undo()
