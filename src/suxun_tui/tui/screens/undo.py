"""``u``: take back the last mark — a read toggle, a star, or a whole "all read".

The screen tells :class:`Undo` what each mark changed before it makes it: the articles
and the state they had. Undoing writes that state back to exactly those articles as one
write (one transaction, however many it touched: a mark-all-read of 5,000 articles comes
back in one step), through the reader's soft writes, so a locked cache keeps the undo
waiting like any mark. One step only: undoing twice does not redo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from suxun_tui.models import Headline
from suxun_tui.store import NotSaved, WriteResult
from suxun_tui.text.i18n import tr, trn
from suxun_tui.tui.filters import SourceFilter, mark_read

if TYPE_CHECKING:
    from suxun_tui.tui.screens.main import MainScreen

Flag = Literal["read", "starred"]


@dataclass(frozen=True)
class LastMark:
    """What the last mark changed: ``flag`` was ``before`` on ``article_ids``."""

    flag: Flag
    before: bool
    article_ids: tuple[int, ...]
    label: str


class Undo:
    """The last mark the user made on this screen, and ``u`` to take it back."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.last: LastMark | None = None

    def record(self, flag: Flag, before: bool, article_ids: Sequence[int], label: str) -> None:
        """Remember a mark about to be made (nothing changed, nothing to remember)."""
        self.last = LastMark(flag, before, tuple(article_ids), label) if article_ids else None

    def mark_read(self, selection: SourceFilter, rows: Sequence[Headline]) -> WriteResult:
        """Mark everything ``selection`` holds read (:func:`~..filters.mark_read`),
        remembering which articles were unread so that ``u`` can bring them back."""
        writes = self.screen.reader.store.writes
        if selection.kind in ("starred", "search", "query"):
            ids = [row.id for row in rows if not row.read]
        else:
            source = selection.source_id if selection.kind == "source" else None
            group = selection.group if selection.kind == "group" else None
            ids = writes.unread_in(self.screen.reader.store.scope(source, group))
        result = mark_read(self.screen.reader.store, selection, rows)
        if not isinstance(result, NotSaved) or result.problem.passing:
            self.record("read", False, ids, selection.label)
        return result

    def undo(self) -> None:
        """Write back the state the last mark changed, as one write; say what came back."""
        screen, last = self.screen, self.last
        if last is None:
            screen.notify(tr("Nothing to undo."), timeout=3)
            return
        self.last = None
        writes = screen.reader.store.writes
        result = writes.set_many(last.flag, last.before, last.article_ids, last.label)
        screen.recount()
        screen.load_headlines(keep=screen.headlines.current)
        shown = screen.shown.article_id
        if shown is not None and shown in last.article_ids:
            screen.show_article(shown)  # its flags in the header follow
        if isinstance(result, NotSaved):
            screen.saved(result)
            return
        count = len(last.article_ids)
        screen.notify(
            trn("Undone: {count} article.", "Undone: {count} articles.", count),
            timeout=4,
        )
