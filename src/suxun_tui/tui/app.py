"""The suxun-tui application: wires the config and the store to the main screen.

The app itself is thin on purpose: state and keys live on the main screen, background
work in its workers, and this class only adds what is application-wide — start-up
notices and the command palette entries generated from the command table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from suxun_tui.config import Config
from suxun_tui.store import Store
from suxun_tui.store.ui_state import UiState
from suxun_tui.text.timefmt import now_utc
from suxun_tui.tui import themes
from suxun_tui.tui.commands import palette_commands
from suxun_tui.tui.context import Reader
from suxun_tui.tui.screens.main import MainScreen


class SuxunApp(App[None]):
    """A three-pane news reader over the local cache."""

    CSS_PATH = "app.tcss"
    TITLE = "suxun-tui"

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        offline: bool = False,
        notices: Sequence[str] = (),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        # NO_COLOR: ANSI mode, whose colour filter leaves every colour to the terminal.
        super().__init__(ansi_color=True if themes.no_color() else None)
        self.reader = Reader(config, store, offline, clock or now_utc)
        self.notices = tuple(notices)
        self.ui_state = UiState(store)
        for theme in themes.THEMES:
            self.register_theme(theme)
        configured = config.settings.theme
        self.theme = themes.starting_theme(configured, self.ui_state, self.available_themes)
        if themes.theme_name(configured) not in self.available_themes:
            self.notices += (
                f"Unknown theme {configured!r} in the config; using {self.theme}. "
                "Ctrl+P, then 'theme', lists the themes.",
            )

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.reader)

    def on_mount(self) -> None:
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self.watch(self, "theme", self._theme_changed, init=False)

    def _theme_changed(self, name: str) -> None:
        """A theme picked (in the palette) is the theme of the next start too."""
        themes.remember_theme(name, self.reader.config.settings.theme, self.ui_state)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands (theme, keys, screenshot) plus ours, from one table."""
        table = screen.commands if isinstance(screen, MainScreen) else None
        ours = palette_commands(table) if table is not None else palette_commands()
        titles = {c.title for c in ours}
        yield from (c for c in super().get_system_commands(screen) if c.title not in titles)
        if isinstance(screen, MainScreen):
            for command in ours:
                keys = f"  ({command.key_text})" if command.keys else ""  # as bound now
                yield SystemCommand(
                    command.title, command.help + keys, partial(screen.run_action, command.action)
                )
