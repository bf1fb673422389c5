"""Every command of the reader, declared once.

Key bindings, the footer, the command palette and the help screen are all generated from
:data:`COMMANDS`, so a key can never be documented in one place and bound differently in
another. Actions are methods of the main screen (``action_<name>``), which owns the state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from suxun_tui.config.keys import key_label, resolve_keys
from suxun_tui.config.model import KeyOverride
from suxun_tui.text.i18n import N_, tr


@dataclass(frozen=True)
class Command:
    """One user command: its action, keys, and how it is described."""

    action: str
    keys: str  # Textual key names, comma-separated; the first is the one displayed
    title: str  # short: footer and palette title (English: shown through ``tr``)
    help: str  # one line: palette and help screen (English: shown through ``tr``)
    section: str
    footer: bool = False
    palette: bool = True
    display: str | None = None  # how the keys read on the help screen

    @property
    def key_text(self) -> str:
        """Keys as people write them, for the help screen: ``j ↓``."""
        if self.display:
            return self.display
        if not self.keys:
            return "—"  # unbound in [keys]: the command palette still has it
        names = {
            "down": "↓",
            "up": "↑",
            "enter": "Enter",
            "escape": "Esc",
            "tab": "Tab",
            "shift+tab": "Shift+Tab",
            "space": "Space",
            "pagedown": "PgDn",
            "pageup": "PgUp",
            "home": "Home",
            "end": "End",
            "question_mark": "?",
        }
        return " ".join(names.get(key) or key_label(key) for key in self.keys.split(","))


NAV, READ, SRC, APP = "Moving", "Reading", "Sources", "Application"

COMMANDS: tuple[Command, ...] = (
    Command("cursor_down", "j,down", "Down", "Next item in the focused pane", NAV, palette=False),
    Command("cursor_up", "k,up", "Up", "Previous item in the focused pane", NAV, palette=False),
    Command("top", "g,home", "Top", "First item / top of the article", NAV, palette=False),
    Command("bottom", "G,end", "Bottom", "Last item / end of the article", NAV, palette=False),
    Command("open", "enter,l", "Open", "Open the source or article (marks it read)", NAV, True),
    Command("back", "h,escape", "Back", "Go back one pane", NAV, palette=False),
    Command(
        "back_or_quit",
        "q",
        "Quit",
        "Back one level; quit from the sources pane",
        NAV,
        footer=True,
        palette=False,
    ),
    Command("next_pane", "tab", "Next pane", "Focus the next pane", NAV, palette=False),
    Command(
        "previous_pane", "shift+tab", "Prev pane", "Focus the previous pane", NAV, False, False
    ),
    Command("maximize", "z", "Maximize", "Maximize the focused pane, or restore the panes", NAV),
    Command(
        "toggle_sources",
        "backslash",
        "Sources pane",
        "Hide or show the sources pane",
        NAV,
        display="\\",
    ),
    Command(
        "narrow_sources",
        "left_square_bracket",
        "Narrower sources",
        "Narrow the sources pane",
        NAV,
        display="[",
    ),
    Command(
        "widen_sources",
        "right_square_bracket",
        "Wider sources",
        "Widen the sources pane",
        NAV,
        display="]",
    ),
    Command("page_down", "space,pagedown", "Page down", "Scroll the article one page down", READ),
    Command("page_up", "b,pageup", "Page up", "Scroll the article one page up", READ),
    Command("next_unread", "n", "Next unread", "Open the next unread article", READ, True),
    Command("previous_unread", "p", "Prev unread", "Open the previous unread article", READ),
    Command("toggle_read", "m", "Read/unread", "Toggle read on the selected article", READ),
    Command("toggle_star", "s", "Star", "Toggle the star on the selected article", READ, True),
    Command("undo", "u", "Undo", "Undo the last mark: read, star or all read", READ),
    Command(
        "next_match", "full_stop", "Next match", "Show the search's next match", READ, display="."
    ),
    Command(
        "previous_match",
        "comma",
        "Prev match",
        "Show the search's previous match",
        READ,
        display=",",
    ),
    Command("open_link", "o", "Open link", "Open the article's link in the web browser", READ),
    Command("copy_link", "y", "Copy link", "Copy the article's link to the clipboard", READ),
    Command("follow_link", "f", "Open link N", "Open link N of the list under the article", READ),
    Command("copy_link_number", "F", "Copy link N", "Copy link number N to the clipboard", READ),
    Command("copy_article", "Y", "Copy article", "Copy the article's text to the clipboard", READ),
    Command("play_media", "e", "Play", "Play the article's podcast or video (player)", READ),
    Command("save_markdown", "S", "Save Markdown", "Save the article as Markdown (save_dir)", READ),
    Command("save_text", "W", "Save text", "Save the article as plain text (save_dir)", READ),
    Command(
        "pipe_article",
        "vertical_line",
        "Pipe article",
        "Send the article's text to pipe_command",
        READ,
        display="|",
    ),
    Command("cycle_script", "t", "Script", "Show text as original / 简体 / 繁體", READ),
    Command("toggle_images", "I", "Pictures", "Show or hide pictures in articles", READ),
    Command(
        "search",
        "slash",
        "Search",
        "Find articles whose title or text has every word",
        READ,
        display="/",
    ),
    Command("toggle_unread_only", "i", "Unread only", "Show only unread articles, or all", SRC),
    Command("mark_source_read", "A", "All read", "Mark every article of the source read", SRC),
    Command("refresh", "r", "Refresh", "Refresh the selected source", SRC, footer=True),
    Command("refresh_all", "R", "Refresh all", "Refresh every source", SRC),
    Command(
        "force_refresh",
        "ctrl+r",
        "Refresh now",
        "Refresh the selected source now, even when the server asked to wait",
        SRC,
        display="Ctrl+R",
    ),
    Command(
        "subscribe",
        "plus",
        "Subscribe",
        "Subscribe to a feed through a feed-server account",
        SRC,
        display="+",
    ),
    Command(
        "unsubscribe",
        "minus",
        "Unsubscribe",
        "Unsubscribe from the selected feed of a feed-server account",
        SRC,
        display="-",
    ),
    Command("help", "question_mark", "Help", "Show the keys", APP, footer=True),
    Command("quit", "Q", "Quit now", "Quit suxun-tui at once, from any pane", APP),
)

# Not ours to bind (Textual provides it) but worth listing on the help screen.
PALETTE_KEY = ("Ctrl+P", N_("Command palette: every command by name"))


LAST_IN_FOOTER = ("help", "back_or_quit")  # "? Help  q Quit" close the footer


def with_keys(overrides: tuple[KeyOverride, ...]) -> tuple[Command, ...]:
    """The table with the config's ``[keys]`` applied (a changed key is shown as written).

    Raises ``ConfigError`` (file and line) for a command the table does not have.
    """
    defaults = {c.action: tuple(c.keys.split(",")) for c in COMMANDS}
    resolved = resolve_keys(overrides, defaults)
    return tuple(
        c
        if tuple(c.keys.split(",")) == resolved.keys[c.action]
        else replace(c, keys=",".join(resolved.keys[c.action]), display=None)
        for c in COMMANDS
    )


def bindings(commands: Sequence[Command] = COMMANDS) -> list[BindingType]:
    """The screen's bindings, generated from the table (``commands``: as :func:`with_keys`).

    The footer shows them in this order, cut at the terminal's width: the few footer
    commands fit 80 columns, and help and quit come last, where people look for them.
    Titles are in the interface's language, as it is when the bindings are made.
    """
    ordered = sorted(
        commands,
        key=lambda c: LAST_IN_FOOTER.index(c.action) + 1 if c.action in LAST_IN_FOOTER else 0,
    )
    return [
        Binding(c.keys, c.action, tr(c.title), show=c.footer, key_display=c.key_text.split()[0])
        for c in ordered
        if c.keys  # a command unbound in [keys] is left to the palette
    ]


def bind_keys(node: DOMNode, commands: Sequence[Command]) -> None:
    """Give ``node`` (the main screen) the bindings of ``commands`` instead of its class's.

    Textual builds a node's bindings from the class's ``BINDINGS``; the config's keys are
    known only when the screen is made, so its map is replaced then, before it mounts.
    """
    node._bindings = BindingsMap(bindings(commands))


def translate_bindings(node: DOMNode) -> None:
    """Put the descriptions of ``node``'s own bindings (a dialog's Yes, No, Cancel) in the
    interface's language; class ``BINDINGS`` are made on import, before it is known."""
    table = node._bindings.key_to_bindings
    for key, found in table.items():
        table[key] = [replace(b, description=tr(b.description)) for b in found]


def palette_commands(commands: Sequence[Command] = COMMANDS) -> list[Command]:
    """The commands offered in the command palette."""
    return [c for c in commands if c.palette]


def sections(commands: Sequence[Command] = COMMANDS) -> dict[str, list[Command]]:
    """Commands grouped for the help screen, in table order."""
    grouped: dict[str, list[Command]] = {}
    for command in commands:
        grouped.setdefault(command.section, []).append(command)
    return grouped
