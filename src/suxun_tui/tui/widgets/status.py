"""The status line: what is shown on the left, what is happening on the right.

The left side is the display script, demo and offline mode and, when one source is selected and
its last refresh failed, that error in full (the sources pane has room only for a line).
It is worked out here from the screen's ``script``, ``selection`` and ``catalog``; the
right side is the screen's ``activity`` (refresh progress and summary). All four are
bound with ``data_bind``, so the line follows the screen without being told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.widgets import Static

from suxun_tui.text.i18n import tr, trn
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.timefmt import format_relative
from suxun_tui.tui.filters import ALL, Catalog, SourceFilter
from suxun_tui.tui.script import LABELS


class StatusLine(Horizontal):
    """Two plain-text slots; text is always ``Text`` because it may quote network data."""

    script: var[str] = var("original", init=False)
    selection: var[SourceFilter] = var(ALL, init=False)
    catalog: var[Catalog] = var(Catalog(), init=False)
    activity: var[str] = var("", init=False)
    page_failures: var[tuple[tuple[int, int], ...]] = var((), init=False)  # source id, count

    def __init__(
        self,
        *,
        offline: bool,
        clock: Callable[[], datetime],
        demo: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.offline = offline
        self.demo = demo  # the bundled demo: say so, and where a config goes
        self.clock = clock
        self.left = Static(id="status-left", markup=False)
        self.right = Static(id="status-right", markup=False)
        self._left: Text | None = None  # what the left side shows now

    def compose(self) -> ComposeResult:
        yield self.left
        yield self.right

    def watch_script(self) -> None:
        self._show_left()

    def watch_selection(self) -> None:
        self._show_left()

    def watch_catalog(self) -> None:
        self._show_left()

    def watch_activity(self, activity: str) -> None:
        # Its width is the left side's remainder, never its text's: no layout needed.
        self.right.update(Text(activity), layout=False)

    def _show_left(self) -> None:
        parts = [LABELS.get(self.script, self.script)]
        if self.demo:
            parts.append(tr("demo · suxun-tui init writes a config"))
        if self.offline:
            parts.append(tr("offline"))
        left = Text(" · ".join(parts))
        source = self.catalog.source(self.selection)
        if source is not None and source.last_error:
            when = source.last_success and format_relative(source.last_success, self.clock())
            left.append(f" · ✗ {source.name}: {tr_said(source.last_error)}", style="red")
            ok = tr(" (last ok {when})", when=when) if when else tr(" (never fetched)")
            left.append(ok, style="dim")
        if source is not None and (failed := dict(self.page_failures).get(source.id)):
            pages = trn(
                " · ✗ {count} article page not fetched (Enter retries)",
                " · ✗ {count} article pages not fetched (Enter retries)",
                failed,
            )
            left.append(pages, "red")
        if left != self._left:  # a refresh's recounts, twice a second, mostly change nothing
            self._left = left
            self.left.update(left)

    def watch_page_failures(self) -> None:
        self._show_left()
