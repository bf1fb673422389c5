"""The help screen, generated from the command table so it can never disagree with the keys."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui.commands import COMMANDS, PALETTE_KEY, Command, sections, translate_bindings
from suxun_tui.tui.wrap import wrap_text

KEY_WIDTH = 16
NARROWEST = 10  # below this many cells for a description, it is left to wrap as it will


def _description(text: Text, description: str, indent: int, width: int | None) -> None:
    """Append ``description``; given the ``width`` it is drawn in, its further lines start
    ``indent`` cells in, under its first, so the key column stays clear."""
    room = width - indent if width else 0
    if room < NARROWEST:
        text.append(description)
        return
    for index, line in enumerate(wrap_text(Text(description), room)):
        if index:
            text.append("\n" + " " * indent)
        text.append(line)


def help_text(table: Sequence[Command] = COMMANDS, width: int | None = None) -> Text:
    """Every command with its keys, grouped by section, as plain styled text (its long
    descriptions wrapped under themselves when the ``width`` drawn in is given)."""
    text = Text()
    for section, commands in sections(table).items():
        if text:
            text.append("\n")
        text.append(tr(section) + "\n", style="bold underline")
        for command in commands:
            keys = command.key_text
            column = keys + " " * max(KEY_WIDTH - cell_len(keys), 1)
            text.append(column, style="bold cyan")
            _description(text, tr(command.help), cell_len(column), width)
            text.append("\n")
    keys, description = PALETTE_KEY
    text.append(keys + " " * (KEY_WIDTH - len(keys)), style="bold cyan")
    _description(text, tr(description), KEY_WIDTH, width)
    text.append("\n")
    text.append("\n" + tr("Press Esc, q or ? to close."), style="dim")
    return text


class HelpBody(Static):
    """The list of keys, wrapped again for the width it gets each time that changes."""

    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__(help_text(commands), markup=False)
        self.commands = commands

    def on_resize(self) -> None:
        self.update(help_text(self.commands, self.size.width))


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", N_("Close"), show=False),
        # The list is longer than a small terminal: it scrolls with the reader's keys.
        Binding("j,down", "scroll(1)", N_("Down"), show=False),
        Binding("k,up", "scroll(-1)", N_("Up"), show=False),
        Binding("space,pagedown", "page(1)", N_("Page down"), show=False),
        Binding("b,pageup", "page(-1)", N_("Page up"), show=False),
        Binding("g,home", "scroll(-1000000)", N_("Top"), show=False),
        Binding("G,end", "scroll(1000000)", N_("Bottom"), show=False),
    ]

    def __init__(self, commands: Sequence[Command] = COMMANDS) -> None:
        super().__init__()
        translate_bindings(self)
        self.commands = commands  # the main screen's table, with the config's [keys]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield HelpBody(self.commands)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = tr("Keys")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        view = self.query_one("#help", VerticalScroll)
        if direction > 0:
            view.scroll_page_down(animate=False)
        else:
            view.scroll_page_up(animate=False)
