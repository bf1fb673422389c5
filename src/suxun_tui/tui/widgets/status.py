"""The status line: what is shown on the left, what is happening on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class StatusLine(Horizontal):
    """Two plain-text slots; text is always ``Text`` because it may quote network data."""

    right_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="status-left", markup=False)
        yield Static(id="status-right", markup=False)

    def set_left(self, text: Text | str) -> None:
        self.query_one("#status-left", Static).update(_text(text))

    def set_right(self, text: Text | str) -> None:
        self.right_text = str(text)
        self.query_one("#status-right", Static).update(_text(text))


def _text(value: Text | str) -> Text:
    return value if isinstance(value, Text) else Text(value)
