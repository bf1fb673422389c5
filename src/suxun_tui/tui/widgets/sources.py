"""The sources pane: All, Starred, then groups with their sources and unread counts.

A line-API widget, like the headline list: with 10,000 sources an ``OptionList`` rendered
every row when filled and again on every cursor move (seconds each). Here a rebuild makes
one cheap entry per row — its filter and how to draw it — and a row is drawn only when it
scrolls into view. A source whose last refresh failed gets a mark and two more lines —
the error and when it last worked — because a silently stale source is the worst failure
a reader can have.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
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
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.timefmt import format_relative
from suxun_tui.tui.filters import ALL, STARRED, Catalog, SourceFilter, query_filter
from suxun_tui.tui.query_feeds import QueryFeed
from suxun_tui.tui.script import converter
from suxun_tui.tui.widgets.cursor_rows import CursorRows


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, never splitting a wide character."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cut = set_cell_size(text, width - 1)
    # set_cell_size pads a half-cut wide character with a space; drop it before the "…"
    return cut.rstrip() + "…"


class _Entry(NamedTuple):
    """One row: what it selects, how many lines it takes, and how to draw it at a width.

    A tuple, not a dataclass: a rebuild makes 10,000 of them after every mark.
    """

    selection: SourceFilter
    height: int
    draw: Callable[[int], Text]


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
        self.filters: list[SourceFilter] = []
        self._entries: list[_Entry] = []
        self._starts: list[int] = []  # first line of each entry
        self._cursor = 0
        self._cache: LRUCache[tuple[int, bool], list[Strip]] = LRUCache(512)
        self._source_filters: dict[tuple[int, str, str | None], SourceFilter] = {}

    # --- what is highlighted -------------------------------------------------------------

    @property
    def selection(self) -> SourceFilter:
        index = self.highlighted
        return self.filters[index] if index is not None and index < len(self.filters) else ALL

    @property
    def highlighted(self) -> int | None:
        return self._cursor if self.filters else None

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Move the cursor (as ``OptionList.highlighted`` did); the screen hears of it."""
        if index is not None and self.filters:
            self._move_to(index)

    @property
    def option_count(self) -> int:
        return len(self._entries)

    def get_option_at_index(self, index: int) -> Option:
        """The row as an option (its prompt drawn at the pane's width), for callers and tests."""
        entry = self._entries[index]
        return Option(entry.draw(self._width()), id=entry.selection.key)

    # --- filling -------------------------------------------------------------------------

    def watch_catalog(self) -> None:
        self.rebuild()

    def watch_script(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Make every row anew (drawn later, when seen), keeping the highlighted filter."""
        catalog, convert = self.catalog, converter(self.script)
        sources, now = catalog.sources, catalog.now
        keep = self.selection.key if self.filters else ALL.key
        entries: list[_Entry] = []

        def add(selection: SourceFilter, draw: Callable[[int], Text], height: int = 1) -> None:
            entries.append(_Entry(selection, height, draw))

        known, filters = self._source_filters, {}

        def source_entry(source: SourceRow, indent: int) -> None:
            key = (source.id, source.name, source.group)
            selection = known.get(key) or _filter(source)  # the same value as last time
            filters[key] = selection
            draw = partial(self._source, source, indent=indent, convert=convert, now=now)
            entries.append(_Entry(selection, 3 if source.last_error else 1, draw))

        unread = sum(s.unread for s in sources)
        add(ALL, lambda w: self._row(tr("All"), unread, w, 0, bold=True))
        add(
            STARRED,
            lambda w: self._row("★ " + tr("Starred"), catalog.starred, w, 0, count_style="yellow"),
        )
        groups = {s.group for s in sources}
        members: dict[str, list[SourceRow]] = {}
        for source in sources:  # one pass: a group's members in the sources' order
            if source.group is not None:
                members.setdefault(source.group, []).append(source)
        seen: set[str] = set()
        for source in sources:
            group = source.group
            if group is None:
                source_entry(source, 1)
            elif group not in seen:
                seen.add(group)
                count = sum(s.unread for s in members[group])
                label = convert(group)
                add(
                    SourceFilter("group", group, group=group),
                    partial(self._row, label, count, indent=0, bold=True),
                )
                for member in members[group]:
                    source_entry(member, 2)
                for feed in (q for q in catalog.queries if q.group == group):
                    add(query_filter(feed), partial(self._query, feed, indent=2, convert=convert))
        for feed in catalog.queries:  # query feeds last: "All unread", then the configured
            if feed.group is None or feed.group not in groups:
                add(query_filter(feed), partial(self._query, feed, indent=0, convert=convert))
        self._source_filters = filters
        self._fill(entries, keep)

    def _fill(self, entries: list[_Entry], keep: str) -> None:
        self._entries = entries
        self.filters = [entry.selection for entry in entries]
        starts, line = [], 0
        for entry in entries:
            starts.append(line)
            line += entry.height
        self._starts = starts
        self._cache.clear()
        self.virtual_size = Size(self._width(), line)
        keys = [f.key for f in self.filters]
        self._cursor = keys.index(keep) if keep in keys else 0
        self._scroll_cursor_visible()
        self.refresh()

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 20)

    # --- drawing a row -------------------------------------------------------------------

    def _row(
        self,
        label: str,
        count: int,
        width: int = 20,
        indent: int = 0,
        *,
        bold: bool = False,
        count_style: str = "",
        mark: str = "",
        style: str = "",
    ) -> Text:
        number = str(count) if count else ""
        room = width - indent - len(mark) - len(number) - 1
        text = Text(" " * indent + mark, style=style)
        name = fit(label, room)
        text.append(name, style=("bold " if bold else "") + style)
        text.append(" " * (room - cell_len(name) + 1))
        text.append(number, style=count_style or "cyan")
        return text

    def _query(
        self, feed: QueryFeed, width: int, indent: int, convert: Callable[[str], str]
    ) -> Text:
        name = query_filter(feed).display_label(convert)  # "All unread" is ours: translated
        return self._row("» " + name, feed.unread, width, indent)

    def _source(
        self,
        source: SourceRow,
        width: int,
        *,
        indent: int,
        convert: Callable[[str], str],
        now: datetime | None,
    ) -> Text:
        name = convert(source.name)
        if not source.last_error:
            return self._row(name, source.unread, width, indent)
        text = self._row(name, source.unread, width, indent, mark="✗ ", style="bold red")
        pad = " " * (indent + 2)
        text.append("\n" + pad + fit(short_error(source), width - len(pad)), style="red")
        when = format_relative(source.last_success, now) if source.last_success and now else ""
        ok = tr("last ok {when}", when=when) if when else tr("never fetched")
        text.append("\n" + pad + fit(ok, width - len(pad)), style="dim")
        return text

    def render_line(self, y: int) -> Strip:
        line = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        if not self._entries or line >= self._starts[-1] + self._entries[-1].height:
            return Strip.blank(width, self.rich_style)
        index = bisect.bisect_right(self._starts, line) - 1
        key = (index, index == self._cursor)
        if (strips := self._cache.get(key)) is None:
            strips = self._draw(index, width)
            self._cache[key] = strips
        part = line - self._starts[index]
        return strips[part] if part < len(strips) else Strip.blank(width, self.rich_style)

    def _draw(self, index: int, width: int) -> list[Strip]:
        base = self.rich_style
        entry = self._entries[index]
        lines = entry.draw(max(width, 1)).split("\n", allow_blank=True)
        strips = []
        for text in lines[: entry.height]:
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
        index = max(0, min(index, len(self._entries) - 1))
        if index == self._cursor:
            return
        self._cursor = index
        self._cache.clear()
        self._scroll_cursor_visible()
        self.refresh()
        self.post_message(self.Changed(self.selection))

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0 or not self._entries:
            return
        first = self._starts[self._cursor]
        last = first + self._entries[self._cursor].height - 1
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
        self._move_to(len(self._entries) - 1)

    def open_current(self) -> None:
        if self._entries:
            self.post_message(self.Opened(self.selection))

    def on_resize(self, event: events.Resize) -> None:
        """Counts are right-aligned and errors cut to the width, so redraw them."""
        self.virtual_size = Size(self._width(), self.virtual_size.height)
        self._cache.clear()
        self._scroll_cursor_visible()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._entries:
            return
        line = offset.y + int(self.scroll_y)
        index = bisect.bisect_right(self._starts, line) - 1
        if 0 <= index < len(self._entries):
            self._move_to(index)
            self.open_current()


def short_error(source: SourceRow) -> str:
    """The error without the source's own URL in front: the pane is narrow, the URL known.

    The cache keeps it in English; it is shown in the interface's language."""
    error = source.last_error or ""
    for prefix in (f"{source.url}: ", f"{source.url} "):
        if error.startswith(prefix):
            return tr_said(error[len(prefix) :])
    return tr_said(error)


def _filter(source: SourceRow) -> SourceFilter:
    return SourceFilter("source", source.name, source_id=source.id, group=source.group)
