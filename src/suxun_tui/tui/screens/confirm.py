"""A yes/no question in a small modal: ``y`` or Enter says yes, ``n`` or Esc says no."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui.commands import translate_bindings


class Confirm(ModalScreen[bool]):
    """Asks ``question``; dismissed with True (yes) or False (no)."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes")),
        Binding("n,escape,q", "answer(False)", N_("No")),
    ]
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical {
        width: 64; max-width: 90%; height: auto; padding: 1 2;
        border: heavy $accent; background: $surface;
    }
    Confirm .hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question))  # may quote a source's name: never markup
            yield Static(Text(tr("y / Enter: yes    n / Esc: no")), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
