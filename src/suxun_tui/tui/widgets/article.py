"""The article pane: a scrollable view of one article, drawn from store data only.

What it shows is the screen's ``shown`` value and the display ``script``, both bound with
``data_bind``: the screen decides which article that is, which notes go above it and
whether its full text is being fetched (then ``loading`` is set, Textual's own
indicator); the pane redraws itself when either value changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import Static

from suxun_tui.models import ArticleDetail
from suxun_tui.tui.render import ArticleDocument, article_document, placeholder
from suxun_tui.tui.script import converter, meta_script


@dataclass(frozen=True)
class Shown:
    """What the article pane shows: an article with notes above it, or a message."""

    detail: ArticleDetail | None = None
    notes: tuple[Text, ...] = ()
    message: str = ""
    loading: bool = False  # the article's full text is being fetched

    @property
    def article_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None


class ArticleView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows the screen's article; scrolling is driven by the screen's keys."""

    shown: var[Shown] = var(Shown(), init=False)
    script: var[str] = var("original", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Article"
        self.document: ArticleDocument = placeholder("")

    @property
    def article_id(self) -> int | None:
        return self.shown.article_id

    def compose(self) -> ComposeResult:
        yield Static(self.document, id="article-body")

    def watch_shown(self, old: Shown, new: Shown) -> None:
        """Draw ``new``; the view returns to the top only for a different article."""
        if new.detail is not None and new.article_id != old.article_id:
            self.scroll_home(animate=False, immediate=True)
        self.border_subtitle = "★" if new.detail is not None and new.detail.starred else ""
        # A note says the page is on its way; Textual's loading indicator would also
        # refuse the focus, and Enter must move to the article at once.
        self.set_class(new.loading, "-fetching")
        self._draw()

    def watch_script(self) -> None:
        self._draw()

    def _draw(self) -> None:
        shown, script = self.shown, self.script
        if shown.detail is None:
            document = placeholder(shown.message)
        else:
            meta = converter(meta_script(script))
            document = article_document(shown.detail, converter(script), shown.notes, meta)
        self.document = document
        if self.is_mounted:
            self.query_one("#article-body", Static).update(document)

    # --- the screen's moving keys, which every pane answers ------------------------------

    def move_by(self, delta: int) -> None:
        self.scroll_relative(y=delta, animate=False)

    def move_home(self) -> None:
        self.scroll_home(animate=False)

    def move_end(self) -> None:
        self.scroll_end(animate=False)

    def open_current(self) -> None:
        """The article is already open: Enter here does nothing."""

    def page(self, direction: int) -> None:
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)
