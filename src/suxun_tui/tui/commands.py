"""Every command of the reader, declared once.

Key bindings, the footer, the command palette and the help screen are all generated from
:data:`COMMANDS`, so a key can never be documented in one place and bound differently in
another. Actions are methods of the main screen (``action_<name>``), which owns the state.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Command:
    """One user command: its action, keys, and how it is described."""

    action: str
    keys: str  # Textual key names, comma-separated; the first is the one displayed
    title: str  # short: footer and palette title
    help: str  # one line: palette and help screen
    section: str
    footer: bool = False
    palette: bool = True
    display: str | None = None  # how the keys read on the help screen

    @property
    def key_text(self) -> str:
        """Keys as people write them, for the help screen: ``j ↓``."""
        if self.display:
            return self.display
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
        return " ".join(names.get(key, key) for key in self.keys.split(","))


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
    Command("open_link", "o", "Open link", "Open the article's link in the web browser", READ),
    Command("copy_link", "y", "Copy link", "Copy the article's link to the clipboard", READ),
    Command("cycle_script", "t", "Script", "Show text as original / 简体 / 繁體", READ),
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
PALETTE_KEY = ("Ctrl+P", "Command palette: every command by name")


LAST_IN_FOOTER = ("help", "back_or_quit")  # "? Help  q Quit" close the footer


def bindings() -> list[BindingType]:
    """The screen's bindings, generated from the table.

    The footer shows them in this order, cut at the terminal's width: the few footer
    commands fit 80 columns, and help and quit come last, where people look for them.
    """
    ordered = sorted(
        COMMANDS,
        key=lambda c: LAST_IN_FOOTER.index(c.action) + 1 if c.action in LAST_IN_FOOTER else 0,
    )
    return [
        Binding(c.keys, c.action, c.title, show=c.footer, key_display=c.key_text.split()[0])
        for c in ordered
    ]


def palette_commands() -> list[Command]:
    """The commands offered in the command palette."""
    return [c for c in COMMANDS if c.palette]


def sections() -> dict[str, list[Command]]:
    """Commands grouped for the help screen, in table order."""
    grouped: dict[str, list[Command]] = {}
    for command in COMMANDS:
        grouped.setdefault(command.section, []).append(command)
    return grouped
