"""The headline list: a line-API widget that draws only the rows on screen.

``OptionList`` measures every option when filled (about 10 s for 100,000 rows on a small
machine), so this list keeps the ``Headline`` values as they come from the store — one
bulk assignment — and renders a row only when it scrolls into view. Filling it costs
nothing per row; scrolling costs one row's formatting per visible line.

The screen binds its selection, source counts and display script to the list
(``data_bind``); the list titles itself from them and redraws when they change.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip

from suxun_tui.models import Headline
from suxun_tui.text.i18n import tr
from suxun_tui.text.timefmt import format_short
from suxun_tui.tui.collector import settle
from suxun_tui.tui.filters import ALL, Catalog, SourceFilter
from suxun_tui.tui.highlight import marked_segments, terms_of
from suxun_tui.tui.script import converter
from suxun_tui.tui.widgets.cursor_rows import CursorRows
from suxun_tui.tui.widgets.source_rows import fit

TIME_WIDTH = 11  # "12-28 16:45"
SOURCE_WIDTH = 16
# Below this many cells left for the title (an 80-column terminal), the source column is
# dropped: the title is what a reader scans, and the source is in the article pane.
MIN_TITLE_WIDTH = 30


class HeadlineList(CursorRows, can_focus=True, inherit_bindings=False):
    """Headlines newest first, one row each: unread mark, star, time, source, title."""

    CURSOR_COMPONENT = "headline-list--cursor"

    COMPONENT_CLASSES = {
        "headline-list--cursor",
        "headline-list--cursor-blurred",
        "headline-list--unread",
        "headline-list--read",
        "headline-list--meta",
        "headline-list--star",
    }

    class Highlighted(Message):
        """The cursor moved to a headline (None: the list is empty)."""

        def __init__(self, headline: Headline | None) -> None:
            super().__init__()
            self.headline = headline

    class Opened(Message):
        """The user opened the headline under the cursor."""

        def __init__(self, headline: Headline) -> None:
            super().__init__()
            self.headline = headline

    selection: var[SourceFilter] = var(ALL, init=False)
    catalog: var[Catalog] = var(Catalog(), init=False)
    script: var[str] = var("original", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Headline] = []
        self.cursor = 0
        self.convert: Callable[[str], str] = converter(self.script)
        self._index: dict[int, int] | None = None
        self._cache: LRUCache[tuple[int, bool, int], Strip] = LRUCache(256)

    # --- data ----------------------------------------------------------------------------

    @property
    def current(self) -> Headline | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_rows(self, rows: list[Headline], keep_id: int | None = None) -> None:
        """Replace all rows in one go; the cursor stays on ``keep_id`` if it is still there."""
        old_cursor = self.cursor
        self.rows = rows
        self._index = None
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        index = self.index_of(keep_id) if keep_id is not None else None
        if index is None:
            index = min(old_cursor, len(rows) - 1) if keep_id is not None else 0
        self.cursor = max(index, 0)
        self._scroll_cursor_visible(center=True)
        self.refresh()
        self.retitle()
        self.post_message(self.Highlighted(self.current))
        if self.is_mounted:  # the rows (and the screen about them) live long: out of sight
            self.call_after_refresh(settle)

    def index_of(self, article_id: int) -> int | None:
        if self._index is None:
            self._index = {row.id: i for i, row in enumerate(self.rows)}
        return self._index.get(article_id)

    def update_row(self, headline: Headline) -> None:
        """Redraw one headline after its read/star state changed."""
        index = self.index_of(headline.id)
        if index is not None:
            self.rows[index] = headline
            self._cache.clear()
            self.refresh()
            self.retitle()

    # --- what the screen binds: the selection, the sources' counts, the script ----------

    def watch_selection(self) -> None:
        self.retitle()

    def watch_catalog(self) -> None:
        self._restyle()  # new counts for the title, and a new "now" for the times

    def watch_script(self, script: str) -> None:
        self.convert = converter(script)
        self._restyle()

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()
        self.retitle()

    def retitle(self) -> None:
        """``All · 12 unread / 40``: the selection's counts, in the display script."""
        unread, total = self.catalog.tally(self.selection, self.rows)
        label = self.selection.display_label(self.convert)
        # Text, not str: a str title is parsed as markup, and the label is a source name.
        counts = tr("{unread} unread / {total}", unread=unread, total=total)
        self.border_title = Text(f"{label} · {counts}")

    # --- moving --------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        before, top = self.cursor, self.scroll_offset.y
        self.cursor = index
        self._scroll_cursor_visible()
        if self.scroll_offset.y == top:  # only the two rows change: the list stays drawn
            self.refresh_line(before)
            self.refresh_line(index)
        else:
            self.refresh()
        self.post_message(self.Highlighted(self.current))

    def move_by(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def move_home(self) -> None:
        self.move_to(0)

    def move_end(self) -> None:
        self.move_to(len(self.rows) - 1)

    def open_current(self) -> None:
        if (headline := self.current) is not None:
            self.post_message(self.Opened(headline))

    def find_unread(self, direction: int) -> int | None:
        """Index of the nearest unread headline after (1) or before (-1) the cursor."""
        positions = (
            range(self.cursor + 1, len(self.rows))
            if direction > 0
            else range(self.cursor - 1, -1, -1)
        )
        return next((i for i in positions if not self.rows[i].read), None)

    def _scroll_cursor_visible(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = int(self.scroll_y)
        if center and not top <= self.cursor < top + height:
            self.scroll_to(y=max(self.cursor - height // 2, 0), animate=False, immediate=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows))
        self._cache.clear()
        self._scroll_cursor_visible()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            index = offset.y + int(self.scroll_y)
            if index == self.cursor and event.chain > 1:
                self.open_current()
            self.move_to(index)

    # --- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        if index >= len(self.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        key = (index, index == self.cursor, width)  # cleared on focus change
        if (strip := self._cache.get(key)) is None:
            strip = self._render_row(self.rows[index], index == self.cursor, width)
            self._cache[key] = strip
        return strip

    def _render_row(self, row: Headline, is_cursor: bool, width: int) -> Strip:
        base = self.rich_style
        text_style = self.get_component_rich_style(
            "headline-list--read" if row.read else "headline-list--unread"
        )
        meta = self.get_component_rich_style("headline-list--meta")
        star = self.get_component_rich_style("headline-list--star")
        now = self.catalog.now
        when = format_short(row.published, now) if now else row.published[:10]
        segments = [
            Segment("●" if not row.read else " ", text_style),
            Segment("★" if row.starred else " ", star),
            Segment(" " + when.rjust(TIME_WIDTH) + " ", meta),
        ]
        if width - (TIME_WIDTH + 4) - (SOURCE_WIDTH + 1) >= MIN_TITLE_WIDTH:
            source = fit(self.convert(row.source_name), SOURCE_WIDTH)
            segments.append(Segment(set_cell_size(source, SOURCE_WIDTH) + " ", meta))
        used = sum(segment.cell_length for segment in segments)
        title = fit(self.convert(row.title), width - used)
        segments.extend(marked_segments(title, text_style, terms_of(self.selection)))
        segments = [Segment(s.text, base + s.style if s.style else base) for s in segments]
        strip = Strip(segments).crop_extend(0, width, base)
        if is_cursor:
            # On top of each segment's own style: applied underneath, the segments'
            # background (the widget's) would hide it and the cursor would be invisible.
            strip = Strip(Segment.apply_style(strip, post_style=self.cursor_style()), width)
        return strip
