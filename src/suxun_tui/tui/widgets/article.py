"""The article pane: a scrollable view of one article, drawn from store data only.

It holds no state beyond what it shows; the screen decides which article that is and
whether a full-text fetch is under way (then ``loading`` is set, Textual's own indicator).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from suxun_tui.models import ArticleDetail
from suxun_tui.tui.render import ArticleDocument, Convert, article_document, placeholder


class ArticleView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows the article the screen hands it; scrolling is driven by the screen's keys."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        self.document: ArticleDocument = placeholder("")

    def compose(self) -> ComposeResult:
        yield Static(self.document, id="article-body")

    def show(
        self,
        detail: ArticleDetail,
        convert: Convert,
        notes: Iterable[Text] = (),
        meta_convert: Convert | None = None,
    ) -> None:
        """Draw ``detail``; the view returns to the top only for a different article."""
        if detail.id != self.article_id:
            self.scroll_home(animate=False, immediate=True)
        self.article_id = detail.id
        self._set(article_document(detail, convert, notes, meta_convert))
        self.border_subtitle = "★" if detail.starred else ""

    def show_message(self, message: str) -> None:
        self.article_id = None
        self.border_subtitle = ""
        self._set(placeholder(message))

    def _set(self, document: ArticleDocument) -> None:
        self.document = document
        if self.is_mounted:
            self.query_one("#article-body", Static).update(document)

    def page(self, direction: int) -> None:
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)
