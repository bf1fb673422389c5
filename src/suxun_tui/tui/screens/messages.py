"""What background work reports to the main screen, one typed message per result.

Workers post these with ``post_message`` (thread-safe, and it never waits for the
interface), so each result arrives in its own handler with its own types; the screen's
``Worker.StateChanged`` handler is left with failures only. They are the screen's alone,
so they do not bubble on to the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from suxun_tui.models import Headline
from suxun_tui.tui.filters import SourceFilter
from suxun_tui.tui.query_feeds import QueryFeed

if TYPE_CHECKING:  # the refresh engine imports the network stack: not at start-up
    from suxun_tui.refresh.engine import Progress, RefreshReport


class HeadlinesLoaded(Message, bubble=False):
    """Every headline of ``selection``, read after its first page was already shown."""

    def __init__(self, selection: SourceFilter, rows: list[Headline]) -> None:
        super().__init__()
        self.selection = selection
        self.rows = rows


class RefreshProgressed(Message, bubble=False):
    """A source finished refreshing (or the refresh started: ``progress.result`` None)."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress


class RefreshFinished(Message, bubble=False):
    """The refresh ended; ``report`` says how each source went."""

    def __init__(self, report: RefreshReport) -> None:
        super().__init__()
        self.report = report


class FullTextFetched(Message, bubble=False):
    """The full text of ``article_id`` was fetched and stored."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class Prefetched(Message, bubble=False):
    """The page of ``article_id`` (a page source's article) was fetched ahead of time."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class QueriesCounted(Message, bubble=False):
    """The configured query feeds, counted in the background after a read or a mark."""

    def __init__(self, feeds: tuple[QueryFeed, ...]) -> None:
        super().__init__()
        self.feeds = feeds
