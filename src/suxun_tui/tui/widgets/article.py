"""The article pane: a scrollable view of one article, drawn from store data only.

What it shows is the screen's ``shown`` value and the display ``script``, both bound with
``data_bind``: the screen decides which article that is, which notes go above it and
whether its full text is being fetched (then ``loading`` is set, Textual's own
indicator); the pane redraws itself when either value changes. With pictures on (the
``images`` setting, ``I``) an article's pictures are drawn where they stand: the text
between them goes into one ``Static`` each (:mod:`suxun_tui.tui.widgets.pictures`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from suxun_tui.models import ArticleDetail
from suxun_tui.text.i18n import tr
from suxun_tui.tui.context import Reader
from suxun_tui.tui.filters import ALL, SourceFilter
from suxun_tui.tui.highlight import CONTEXT, MatchJumps, mark_document, match_lines, terms_of
from suxun_tui.tui.render import ArticleDocument, article_document, placeholder, reading_minutes
from suxun_tui.tui.script import converter, meta_script
from suxun_tui.tui.widgets.pictures import Known, picture_pieces, pictures_wanted


@dataclass(frozen=True)
class Shown:
    """What the article pane shows: an article with notes above it, or a message."""

    detail: ArticleDetail | None = None
    notes: tuple[Text, ...] = ()
    message: str = ""
    loading: bool = False  # the article's full text is being fetched
    position: float = 0.0  # where to start reading a newly shown article (0 top, 1 end)

    @property
    def article_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None


class ArticleView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows the screen's article; scrolling is driven by the screen's keys."""

    class Left(Message):
        """The pane stops showing an article, scrolled to ``position`` (0 top, 1 end)."""

        def __init__(self, article_id: int, position: float) -> None:
            super().__init__()
            self.article_id = article_id
            self.position = position

    shown: var[Shown] = var(Shown(), init=False)
    script: var[str] = var("original", init=False)
    selection: var[SourceFilter] = var(ALL, init=False)  # a search's matches are marked

    def __init__(self, *, text_width: int = 80, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = tr("Article")
        self.document: ArticleDocument = placeholder("")
        self.text_width = text_width
        self.minutes = 0  # reading time of the article shown
        self.pictures_on: bool | None = None  # None: from the settings, once mounted
        self.known_pictures: Known = {}  # pictures loaded, so a redraw fetches none again
        self.jumps = MatchJumps()  # where . and , last showed a match
        # A remembered place, held until the reader scrolls: pictures arriving later
        # make the article taller, and the place (its end, say) must move with them.
        self.held_position: float | None = None
        self._placing = False
        self._subtitle: str | None = None  # what the border's subtitle says now

    @property
    def article_id(self) -> int | None:
        return self.shown.article_id

    def compose(self) -> ComposeResult:
        body = Static(self.document, id="article-body")
        # Long lines are hard to follow: at most text_width cells, centred (app.tcss).
        body.styles.max_width = self.text_width
        yield body
        pieces = Vertical(id="article-pieces")
        pieces.styles.max_width = self.text_width
        pieces.styles.height = "auto"
        pieces.display = False
        yield pieces

    def on_mount(self) -> None:
        if self.pictures_on is None:
            reader = getattr(self.screen, "reader", None)
            setting = reader.config.settings.images if reader is not None else "off"
            self.pictures_on = pictures_wanted(setting)
        self._draw()

    def toggle_pictures(self) -> str:
        """Show or hide the pictures; says which, for the screen's notification."""
        self.pictures_on = not self.pictures_on
        self.held_position = self.position  # the height changes: the reader's place stays
        self._draw()
        return tr("Pictures shown") if self.pictures_on else tr("Pictures hidden")

    @property
    def position(self) -> float:
        """How far down the article the view is: 0 at the top, 1 at the end."""
        return min(self.scroll_y / self.max_scroll_y, 1.0) if self.max_scroll_y > 0 else 0.0

    def watch_shown(self, old: Shown, new: Shown) -> None:
        """Draw ``new``; the view moves (to its remembered place) only for another article."""
        if new.article_id != old.article_id:
            if old.article_id is not None:
                self.post_message(self.Left(old.article_id, self.position))
            self.scroll_home(animate=False, immediate=True)
            self.held_position = new.position if new.position > 0 else None
            if new.position > 0:
                self.call_after_refresh(self._scroll_to_position, new.position)
        self.minutes = reading_minutes(new.detail) if new.detail is not None else 0
        # A note says the page is on its way; Textual's loading indicator would also
        # refuse the focus, and Enter must move to the article at once.
        self.set_class(new.loading, "-fetching")
        self._draw()
        self.call_after_refresh(self._show_progress)  # the height is known once laid out

    def _scroll_to_position(self, position: float) -> None:
        self._placing = True
        try:
            self.scroll_to(y=round(position * self.max_scroll_y), animate=False, immediate=True)
        finally:
            self._placing = False

    def on_resize(self) -> None:
        self._show_progress()

    def watch_virtual_size(self) -> None:
        """The article grew or shrank (a picture drawn): keep the held place, and the %."""
        if self.held_position is not None:
            self._scroll_to_position(self.held_position)
        self._show_progress()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._placing:
            self.held_position = None  # the reader moved: the place is theirs now
        self._show_progress()

    def _show_progress(self) -> None:
        """``★ · 35% · 4 min``: the star, how far in, and how long it takes to read."""
        detail = self.shown.detail
        subtitle = ""
        if detail is not None:
            at_end = self.max_scroll_y <= 0 or self.scroll_y >= self.max_scroll_y
            percent = 100 if at_end else int(100 * self.position)
            parts = ["★"] if detail.starred else []
            parts += [f"{percent}%", tr("{minutes} min", minutes=self.minutes)]
            subtitle = " · ".join(parts)
        # Setting the subtitle redraws the whole pane, even to the same words: on every
        # move in the headline list, and on every line scrolled.
        if subtitle != self._subtitle:
            self._subtitle = subtitle
            self.border_subtitle = subtitle

    def watch_script(self) -> None:
        self._draw()

    def _draw(self) -> None:
        shown, script = self.shown, self.script
        if shown.detail is None:
            document = placeholder(shown.message)
        else:
            meta = converter(meta_script(script))
            document = article_document(shown.detail, converter(script), shown.notes, meta)
            mark_document(document, self.match_terms())  # the search's matches
        self.document = document
        if self.is_mounted:
            self.query_one("#article-body", Static).update(document)
            self._draw_pictures(document)

    def _draw_pictures(self, document: ArticleDocument) -> None:
        """The article again in pieces with its pictures, when they are on and it has any."""
        body = self.query_one("#article-body", Static)
        box = self.query_one("#article-pieces", Vertical)
        reader = getattr(self.screen, "reader", None)
        detail = self.shown.detail
        pieces: list[Widget] = []
        if self.pictures_on and isinstance(reader, Reader) and detail is not None:
            pieces = picture_pieces(document, reader, detail.id, self.known_pictures)
        box.remove_children()
        if pieces:
            box.mount_all(pieces)
        body.display = not pieces
        box.display = bool(pieces)

    def match_terms(self) -> tuple[str, ...]:
        """What the screen's search (or query feed) looks for: marked in the article."""
        return terms_of(self.selection)

    def watch_selection(self, old: SourceFilter, new: SourceFilter) -> None:
        if terms_of(old) != terms_of(new):
            self.jumps = MatchJumps()
            self._draw()  # the same article may stay shown: its marks follow the search

    def jump_to_match(self, direction: int) -> None:
        """``.`` / ``,``: scroll to the next (1) or previous (-1) line with a match."""
        body = self.query_one("#article-body", Static)
        lines = match_lines(self.app.console, self.document, body.content_region.width)
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        line = self.jumps.target(lines, top - body.virtual_region.y, height, direction)
        if line is None:
            self.notify(tr("No match of the search in this article."), timeout=3)
            return
        y = body.virtual_region.y + max(line - CONTEXT, 0)
        self.scroll_to(y=y, animate=False, immediate=True)

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
