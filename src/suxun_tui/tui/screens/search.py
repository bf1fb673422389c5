"""The search prompt: one line of the query language, answered with the query (or None
on Esc). A query that cannot be read keeps the prompt open and says where it is wrong."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from suxun_tui.query import QueryError, parse_query
from suxun_tui.text.i18n import N_, tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.tui.commands import translate_bindings

HINT = N_(
    'Search titles and text: every word must match; "a phrase", -word, a OR b,\n'
    "source: group: tag: author: is:unread is:starred after:2025-12-01 age:<7d"
)


class SearchPrompt(ModalScreen[str | None]):
    """Asks what to search for, in the query language of ``suxun-tui search``."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]
    DEFAULT_CSS = """
    SearchPrompt { align: center middle; }
    SearchPrompt > Vertical {
        width: 80; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    SearchPrompt Label { color: $text-muted; }
    SearchPrompt #problem { color: $error; }
    """

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr(HINT))
            yield Input(placeholder="南京 地铁 -体育", id="query")
            yield Label("", id="problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        try:
            parse_query(query)
        except QueryError as exc:
            self.query_one("#problem", Label).update(tr_said(str(exc)))
            event.input.cursor_position = max(0, exc.column - 1)
            return
        self.dismiss(query or None)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#problem", Label).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
