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
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from suxun_tui.models import SourceRow
from suxun_tui.text.timefmt import format_short
from suxun_tui.tui.filters import ALL, STARRED, Catalog, SourceFilter, query_filter
from suxun_tui.tui.script import converter


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
    """Lists the filters; tells the screen which one is highlighted or opened.

    It draws the screen's ``catalog`` in the screen's ``script`` (both bound with
    ``data_bind``) and redraws itself when either changes.
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
        self.border_title = "Sources"
        self.filters: list[SourceFilter] = []

    @property
    def selection(self) -> SourceFilter:
        index = self.highlighted
        return self.filters[index] if index is not None and index < len(self.filters) else ALL

    def watch_catalog(self) -> None:
        self.rebuild()

    def watch_script(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Redraw every row, keeping the highlighted filter where it still exists."""
        catalog, convert = self.catalog, converter(self.script)
        sources, now = catalog.sources, catalog.now
        keep = self.selection.key if self.filters else ALL.key
        width = max(self.scrollable_content_region.width, 20)
        filters: list[SourceFilter] = []
        prompts: list[Text] = []

        def add(selection: SourceFilter, prompt: Text) -> None:
            filters.append(selection)
            prompts.append(prompt)

        unread = sum(s.unread for s in sources)
        add(ALL, self._row("All", unread, width, 0, bold=True))
        add(STARRED, self._row("★ Starred", catalog.starred, width, 0, count_style="yellow"))
        groups = {s.group for s in sources}
        seen: set[str] = set()
        for source in sources:
            group = source.group
            if group is None:
                add(_filter(source), self._source(source, width, 1, convert, now))
            elif group not in seen:
                seen.add(group)
                members = [s for s in sources if s.group == group]
                add(
                    SourceFilter("group", group, group=group),
                    self._row(convert(group), sum(s.unread for s in members), width, 0, bold=True),
                )
                for member in members:
                    add(_filter(member), self._source(member, width, 2, convert, now))
                for feed in (q for q in catalog.queries if q.group == group):
                    add(
                        query_filter(feed),
                        self._row("» " + convert(feed.name), feed.unread, width, 2),
                    )
        for feed in catalog.queries:  # query feeds last: "All unread", then the configured
            if feed.group is None or feed.group not in groups:
                add(query_filter(feed), self._row("» " + convert(feed.name), feed.unread, width, 0))
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
        now: datetime | None,
    ) -> Text:
        name = convert(source.name)
        if not source.last_error:
            return self._row(name, source.unread, width, indent)
        text = self._row(name, source.unread, width, indent, mark="✗ ", style="bold red")
        pad = " " * (indent + 2)
        text.append("\n" + pad + fit(short_error(source), width - len(pad)), style="red")
        when = format_short(source.last_success, now) if source.last_success and now else ""
        ok = f"last ok {when}" if when else "never fetched"
        text.append("\n" + pad + fit(ok, width - len(pad)), style="dim")
        return text

    # --- the screen's moving keys, which every pane answers ------------------------------

    def move_by(self, delta: int) -> None:
        if delta > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()

    def move_home(self) -> None:
        self.action_first()

    def move_end(self) -> None:
        self.action_last()

    def open_current(self) -> None:
        self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        """Counts are right-aligned and errors cut to the width, so redo them."""
        self.rebuild()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Changed(self.selection))

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


def _filter(source: SourceRow) -> SourceFilter:
    return SourceFilter("source", source.name, source_id=source.id, group=source.group)
