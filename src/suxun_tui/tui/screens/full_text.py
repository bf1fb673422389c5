"""Which article's full text is being fetched, and which fetches failed.

The screen asks on every cursor move; a fetch starts only through the debounced,
exclusive worker of :class:`BackgroundWork`, so quick j/k presses never reach the
network, and moving to an article that needs nothing cancels the fetch under way.
A failure is remembered per article (shown as a note) until the user opens it again.
"""

from __future__ import annotations

from rich.text import Text

from suxun_tui.models import ArticleDetail
from suxun_tui.refresh.fulltext_rule import should_fetch_full_text
from suxun_tui.tui.context import Reader
from suxun_tui.tui.screens.background import FULL_TEXT, BackgroundWork


class FullTextFetches:
    """The full-text state of the article pane: at most one fetch, and past failures."""

    def __init__(self, reader: Reader, background: BackgroundWork) -> None:
        self.reader = reader
        self.background = background
        self.fetching: int | None = None  # the article whose full text is being fetched
        self.errors: dict[int, str] = {}

    def prepare(self, detail: ArticleDetail) -> tuple[tuple[Text, ...], bool]:
        """The notes to show above ``detail``, and whether its full text is on its way.

        Starts the fetch when the core's rule asks for one (never offline), and cancels
        a fetch of another article that is no longer wanted.
        """
        reader, article_id = self.reader, detail.id
        notes: list[Text] = []
        if article_id in self.errors:
            notes.append(Text(f"Full text unavailable: {self.errors[article_id]}", "red"))
        elif should_fetch_full_text(reader.config, reader.store, detail):
            if reader.offline:
                notes.append(Text("Only a summary is cached (offline).", style="dim italic"))
            elif self.fetching != article_id:
                self.fetching = article_id
                self.background.fetch_full_text(article_id)
        elif self.fetching is not None:
            self.fetching = None
            self.background.cancel(FULL_TEXT)
        return tuple(notes), self.fetching == article_id

    def fetched(self, article_id: int) -> bool:
        """A fetch ended well; False when it is stale (another article is awaited)."""
        if article_id != self.fetching:
            return False
        self.fetching = None
        return True

    def failed(self, error: BaseException | None) -> tuple[int, str] | None:
        """The awaited fetch failed: remember why; the article and the reason, if any."""
        article_id = self.fetching
        if article_id is None:
            return None
        self.fetching = None
        reason = str(error) or type(error).__name__
        self.errors[article_id] = reason
        return article_id, reason

    def forget_failure(self, article_id: int) -> bool:
        """Opening an article again retries its fetch: whether there was a failure."""
        return self.errors.pop(article_id, None) is not None
