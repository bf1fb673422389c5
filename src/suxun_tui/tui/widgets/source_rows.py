"""How one row of the sources pane reads: a name cut to the width, its unread count at the
right edge, and for a failing source two more lines — the error and when it last worked —
because a silently stale source is the worst failure a reader can have.

Pure functions of a row's values and a width, so the pane can draw a row only when it
scrolls into view, from the counts it holds at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from suxun_tui.models import SourceRow
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.timefmt import format_relative
from suxun_tui.tui.filters import query_filter
from suxun_tui.tui.query_feeds import QueryFeed


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, never splitting a wide character."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cut = set_cell_size(text, width - 1)
    # set_cell_size pads a half-cut wide character with a space; drop it before the "…"
    return cut.rstrip() + "…"


def draw_row(
    label: str,
    count: int | str,
    width: int = 20,
    indent: int = 0,
    *,
    bold: bool = False,
    count_style: str = "",
    mark: str = "",
    style: str = "",
) -> Text:
    """``label`` (after ``indent`` and ``mark``) and ``count`` (blank when 0) at the right."""
    number = str(count) if count else ""  # (a str: what stands for a count not known yet)
    room = width - indent - len(mark) - len(number) - 1
    text = Text(" " * indent + mark, style=style)
    name = fit(label, room)
    text.append(name, style=("bold " if bold else "") + style)
    text.append(" " * (room - cell_len(name) + 1))
    text.append(number, style=count_style or "cyan")
    return text


def draw_query(feed: QueryFeed, width: int, indent: int, convert: Callable[[str], str]) -> Text:
    """A query feed: ``» name`` and its unread count ("…" while it is being counted)."""
    name = query_filter(feed).display_label(convert)  # "All unread" is ours: translated
    return draw_row("» " + name, feed.unread if feed.counted else "…", width, indent)


def draw_source(
    source: SourceRow,
    width: int,
    *,
    indent: int,
    convert: Callable[[str], str],
    now: datetime | None,
) -> Text:
    """A source: one line, or three when its last refresh failed (see the module)."""
    name = convert(source.name)
    if not source.last_error:
        return draw_row(name, source.unread, width, indent)
    text = draw_row(name, source.unread, width, indent, mark="✗ ", style="bold red")
    pad = " " * (indent + 2)
    text.append("\n" + pad + fit(short_error(source), width - len(pad)), style="red")
    when = format_relative(source.last_success, now) if source.last_success and now else ""
    ok = tr("last ok {when}", when=when) if when else tr("never fetched")
    text.append("\n" + pad + fit(ok, width - len(pad)), style="dim")
    return text


def short_error(source: SourceRow) -> str:
    """The error without the source's own URL in front: the pane is narrow, the URL known.

    The cache keeps it in English; it is shown in the interface's language."""
    error = source.last_error or ""
    for prefix in (f"{source.url}: ", f"{source.url} "):
        if error.startswith(prefix):
            return tr_said(error[len(prefix) :])
    return tr_said(error)
