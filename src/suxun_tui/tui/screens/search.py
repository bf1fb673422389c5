"""The search prompt: one line of input, answered with the query (or None on Esc)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class SearchPrompt(ModalScreen[str | None]):
    """Asks what to search for; every word must appear in the title or the text."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    SearchPrompt { align: center middle; }
    SearchPrompt > Vertical {
        width: 70; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    SearchPrompt Label { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label('Search titles and text (every word must match; "quote a phrase")')
            yield Input(placeholder="南京 地铁", id="query")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
