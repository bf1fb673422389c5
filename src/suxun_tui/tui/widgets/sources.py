"""The sources pane: All, Starred, then groups with their sources and unread counts.

A line-API widget, like the headline list: with 10,000 sources an ``OptionList`` rendered
every row when filled and again on every cursor move (seconds each). Here the rows are a
:class:`~.sources_layout.Layout` — each row's kind and where its values are in the
catalog — and a row is drawn (:mod:`.source_rows`) only when it scrolls into view, from
the catalog the pane holds then. A new catalog that differs only in counts (after a mark)
keeps the layout and redraws the rows on screen; only new sources, names, groups or
failures lay the rows out again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.widgets.option_list import Option

from suxun_tui.models import SourceRow
from suxun_tui.text.i18n import tr
from suxun_tui.tui.filters import ALL, Catalog, SourceFilter
from suxun_tui.tui.script import converter
from suxun_tui.tui.widgets.cursor_rows import CursorRows
from suxun_tui.tui.widgets.source_rows import draw_query, draw_row, draw_source
from suxun_tui.tui.widgets.sources_layout import (
    ALL_ROW,
    GROUP_ROW,
    QUERY_ROW,
    SOURCE_ROW,
    STARRED_ROW,
    Layout,
    same_structure,
)

__all__ = ["SourcesPane"]


class Filters(Sequence[SourceFilter]):
    """The pane's rows as the filters they select, each made when it is read."""

    def __init__(self, layout: Layout) -> None:
        self._layout = layout

    def __len__(self) -> int:
        return len(self._layout)

    @overload
    def __getitem__(self, index: int) -> SourceFilter: ...

    @overload
    def __getitem__(self, index: slice) -> list[SourceFilter]: ...

    def __getitem__(self, index: int | slice) -> SourceFilter | list[SourceFilter]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._layout.filter(index)

    def __iter__(self) -> Iterator[SourceFilter]:
        return (self._layout.filter(i) for i in range(len(self)))

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """Found by key (one lookup), not by comparing every row's filter."""
        found = self._layout.index_of(value.key) if isinstance(value, SourceFilter) else None
        end = len(self) if stop is None else stop
        if found is None or not start <= found < end or self[found] != value:
            raise ValueError(value)
        return found


class SourcesPane(CursorRows, can_focus=True, inherit_bindings=False):
    """Lists the filters; tells the screen which one is highlighted or opened.

    It draws the screen's ``catalog`` in the screen's ``script`` (both bound with
    ``data_bind``) and redraws itself when either changes.
    """

    CURSOR_COMPONENT = "sources-pane--cursor"

    COMPONENT_CLASSES = {"sources-pane--cursor", "sources-pane--cursor-blurred"}

    DEFAULT_CSS = """
    SourcesPane > .sources-pane--cursor {
        background: $accent 45%;
    }
    SourcesPane > .sources-pane--cursor-blurred {
        background: $accent 20%;
    }
    """

    class Changed(Message):
        """The highlighted filter changed: the headline list should follow."""

        def __init__(self, selection: SourceFilter) -> None:
            super().__init__()
            self.selection = selection

    class Opened(Message):
        """The user pressed Enter on a filter: reading should move to the headlines."""

        def __init__(self, selection: SourceFilter) -> None:
            super().__init__()
            self.selection = selection

    catalog: var[Catalog] = var(Catalog(), init=False)
    script: var[str] = var("original", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = tr("Sources")
        self._layout = Layout(Catalog(), empty=True)  # the store not read yet
        self._convert = converter(self.script)
        self._cursor = 0
        self._cache: LRUCache[tuple[int, bool], list[Strip]] = LRUCache(512)

    # --- what is highlighted -------------------------------------------------------------

    @property
    def filters(self) -> Filters:
        """Every row's filter, in order (each made when read)."""
        return Filters(self._layout)

    @property
    def selection(self) -> SourceFilter:
        layout = self._layout
        return layout.filter(self._cursor) if self._cursor < len(layout) else ALL

    @property
    def highlighted(self) -> int | None:
        return self._cursor if len(self._layout) else None

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Move the cursor (as ``OptionList.highlighted`` did); the screen hears of it."""
        if index is not None and len(self._layout):
            self._move_to(index)

    def index_of(self, key: str) -> int | None:
        """The row whose filter has ``key`` (``SourceFilter.key``), or None."""
        return self._layout.index_of(key)

    @property
    def option_count(self) -> int:
        return len(self._layout)

    def get_option_at_index(self, index: int) -> Option:
        """The row as an option (its prompt drawn at the pane's width), for callers and tests."""
        return Option(self._text(index, self._width()), id=self._layout.filter(index).key)

    # --- filling -------------------------------------------------------------------------

    def watch_catalog(self, catalog: Catalog) -> None:
        """New counts redraw the rows on screen; a new structure lays them out again."""
        if self._layout.empty or not same_structure(self._layout.catalog, catalog):
            self.rebuild()
            return
        self._layout.catalog = catalog  # the same rows: their values are read from here
        self._cache.clear()
        self.refresh()

    def watch_script(self, script: str) -> None:
        self._convert = converter(script)
        self._cache.clear()
        self.refresh()

    def rebuild(self) -> None:
        """Lay the rows out anew (drawn later, when seen), keeping the highlighted filter."""
        keep = self.selection.key if len(self._layout) else ALL.key
        self._layout = layout = Layout(self.catalog)
        self._cache.clear()
        self.virtual_size = Size(self._width(), layout.lines)
        self._cursor = layout.index_of(keep) or 0
        self._scroll_cursor_visible()
        self.refresh()

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 20)

    # --- drawing a row -------------------------------------------------------------------

    def _text(self, index: int, width: int) -> Text:
        """Row ``index`` as text at ``width``, from the catalog held now."""
        row, catalog, convert = self._layout.rows[index], self.catalog, self._convert
        if row.kind == SOURCE_ROW:
            assert isinstance(row.ref, int)
            return self._source(catalog.sources[row.ref], width, indent=row.indent)
        if row.kind == GROUP_ROW:
            assert isinstance(row.ref, str)
            count = catalog.sums.get(("group", row.ref), (0, 0))[0]
            return draw_row(convert(row.ref), count, width, row.indent, bold=True)
        if row.kind == QUERY_ROW:
            assert isinstance(row.ref, int)
            return draw_query(catalog.queries[row.ref], width, row.indent, convert)
        if row.kind == STARRED_ROW:
            return draw_row("★ " + tr("Starred"), catalog.starred, width, count_style="yellow")
        assert row.kind == ALL_ROW
        return draw_row(tr("All"), catalog.sums.get(("all", None), (0, 0))[0], width, bold=True)

    def _source(self, source: SourceRow, width: int, *, indent: int) -> Text:
        """One source's row (a method: tests count how many are drawn)."""
        now, convert = self.catalog.now, self._convert
        return draw_source(source, width, indent=indent, convert=convert, now=now)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self._layout.at_line(y + int(self.scroll_y))
        if index is None:
            return Strip.blank(width, self.rich_style)
        key = (index, index == self._cursor)
        if (strips := self._cache.get(key)) is None:
            strips = self._draw(index, width)
            self._cache[key] = strips
        part = y + int(self.scroll_y) - self._layout.starts[index]
        return strips[part] if part < len(strips) else Strip.blank(width, self.rich_style)

    def _draw(self, index: int, width: int) -> list[Strip]:
        base = self.rich_style
        height = self._layout.rows[index].height
        lines = self._text(index, max(width, 1)).split("\n", allow_blank=True)
        strips = []
        for text in lines[:height]:
            segments = [
                Segment(s.text, base + s.style if s.style else base)
                for s in text.render(self.app.console)
                if s.text != "\n"
            ]
            strip = Strip(segments).crop_extend(0, width, base)
            if index == self._cursor:
                strip = Strip(Segment.apply_style(strip, post_style=self.cursor_style()), width)
            strips.append(strip)
        return strips

    # --- the screen's moving keys, which every pane answers ------------------------------

    def _move_to(self, index: int) -> None:
        index = max(0, min(index, len(self._layout) - 1))
        if index == self._cursor:
            return
        self._cursor = index  # (the drawn rows are cached with and without the cursor)
        self._scroll_cursor_visible()
        self.refresh()
        self.post_message(self.Changed(self.selection))

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        layout = self._layout
        if height <= 0 or not len(layout):
            return
        first = layout.starts[self._cursor]
        last = first + layout.rows[self._cursor].height - 1
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    def move_by(self, delta: int) -> None:
        self._move_to(self._cursor + delta)

    def move_home(self) -> None:
        self._move_to(0)

    def move_end(self) -> None:
        self._move_to(len(self._layout) - 1)

    def open_current(self) -> None:
        if len(self._layout):
            self.post_message(self.Opened(self.selection))

    def on_resize(self, event: events.Resize) -> None:
        """Counts are right-aligned and errors cut to the width, so redraw them."""
        self.virtual_size = Size(self._width(), self.virtual_size.height)
        self._cache.clear()
        self._scroll_cursor_visible()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._layout.at_line(offset.y + int(self.scroll_y))
        if index is not None:
            self._move_to(index)
            self.open_current()
