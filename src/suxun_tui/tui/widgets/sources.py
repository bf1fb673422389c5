"""The sources pane: All, Starred, then groups with their sources and unread counts.

A handful of rows, so a plain ``OptionList`` is right here. A source whose last refresh
failed gets a mark and two more lines — the error and when it last worked — because a
silently stale source is the worst failure a reader can have.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from suxun_tui.models import SourceRow
from suxun_tui.text.timefmt import format_short
from suxun_tui.tui.filters import ALL, STARRED, SourceFilter


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, never splitting a wide character."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cut = set_cell_size(text, width - 1)
    # set_cell_size pads a half-cut wide character with a space; drop it before the "…"
    return cut.rstrip() + "…"


class SourcesPane(OptionList, inherit_bindings=False):
    """Lists the filters; tells the screen which one is highlighted or opened."""

    class Changed(Message):
        """The highlighted filter changed: the headline list should follow."""

        def __init__(self, selection: SourceFilter, source: SourceRow | None) -> None:
            super().__init__()
            self.selection = selection
            self.source = source

    class Opened(Message):
        """The user pressed Enter on a filter: reading should move to the headlines."""

        def __init__(self, selection: SourceFilter) -> None:
            super().__init__()
            self.selection = selection

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filters: list[SourceFilter] = []
        self.rows: dict[int, SourceRow] = {}
        self._data: tuple[list[SourceRow], int, Callable[[str], str], datetime] | None = None

    @property
    def selection(self) -> SourceFilter:
        index = self.highlighted
        return self.filters[index] if index is not None and index < len(self.filters) else ALL

    def source_of(self, selection: SourceFilter) -> SourceRow | None:
        return self.rows.get(selection.source_id) if selection.source_id is not None else None

    def show(
        self,
        sources: list[SourceRow],
        starred: int,
        convert: Callable[[str], str],
        now: datetime,
    ) -> None:
        """Rebuild every row, keeping the highlighted filter where it still exists."""
        self._data = (sources, starred, convert, now)
        keep = self.selection.key if self.filters else ALL.key
        self.rows = {s.id: s for s in sources}
        width = max(self.scrollable_content_region.width, 20)
        filters: list[SourceFilter] = []
        prompts: list[Text] = []

        def add(selection: SourceFilter, prompt: Text) -> None:
            filters.append(selection)
            prompts.append(prompt)

        unread = sum(s.unread for s in sources)
        add(ALL, self._row("All", unread, width, 0, bold=True))
        add(STARRED, self._row("★ Starred", starred, width, 0, count_style="yellow"))
        seen: set[str] = set()
        for source in sources:
            group = source.group
            if group is None:
                add(_filter(source, convert), self._source(source, width, 1, convert, now))
            elif group not in seen:
                seen.add(group)
                members = [s for s in sources if s.group == group]
                label = convert(group)
                add(
                    SourceFilter("group", label, group=group),
                    self._row(label, sum(s.unread for s in members), width, 0, bold=True),
                )
                for member in members:
                    add(_filter(member, convert), self._source(member, width, 2, convert, now))
        self.filters = filters
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(Option(p, id=f.key) for f, p in zip(filters, prompts, strict=True))
            keys = [f.key for f in filters]
            self.highlighted = keys.index(keep) if keep in keys else 0

    def _row(
        self,
        label: str,
        count: int,
        width: int,
        indent: int,
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

    def _source(
        self,
        source: SourceRow,
        width: int,
        indent: int,
        convert: Callable[[str], str],
        now: datetime,
    ) -> Text:
        name = convert(source.name)
        if not source.last_error:
            return self._row(name, source.unread, width, indent)
        text = self._row(name, source.unread, width, indent, mark="✗ ", style="bold red")
        pad = " " * (indent + 2)
        text.append("\n" + pad + fit(short_error(source), width - len(pad)), style="red")
        when = format_short(source.last_success, now) if source.last_success else ""
        ok = f"last ok {when}" if when else "never fetched"
        text.append("\n" + pad + fit(ok, width - len(pad)), style="dim")
        return text

    def on_resize(self, event: events.Resize) -> None:
        """Counts are right-aligned and errors cut to the width, so redo them."""
        if self._data is not None:
            self.show(*self._data)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        selection = self.selection
        self.post_message(self.Changed(selection, self.source_of(selection)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self.selection))


def short_error(source: SourceRow) -> str:
    """The error without the source's own URL in front: the pane is narrow, the URL known."""
    error = source.last_error or ""
    for prefix in (f"{source.url}: ", f"{source.url} "):
        if error.startswith(prefix):
            return error[len(prefix) :]
    return error


def _filter(source: SourceRow, convert: Callable[[str], str]) -> SourceFilter:
    return SourceFilter("source", convert(source.name), source_id=source.id, group=source.group)
