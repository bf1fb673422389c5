"""The suxun-tui application: wires the config and the store to the main screen.

The app itself is thin on purpose: state and keys live on the main screen, background
work in its workers, and this class only adds what is application-wide — start-up
notices and the command palette entries generated from the command table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from suxun_tui.config import Config
from suxun_tui.store import Store
from suxun_tui.store.ui_state import UiState
from suxun_tui.text.i18n import resolve_language, set_language, tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.timefmt import now_utc
from suxun_tui.tui import themes
from suxun_tui.tui.commands import palette_commands
from suxun_tui.tui.context import Reader
from suxun_tui.tui.screens.main import MainScreen
from suxun_tui.tui.widgets.pictures import prepare as prepare_pictures


def searchable(title: str) -> str:
    """A palette title in the interface's language, with the English after it: typing
    "theme" (as the docs and notices say) still finds 主题."""
    shown = tr(title)
    return shown if shown == title else f"{shown} · {title}"


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
        # The footer's and palette's words are made with the screen: the language first.
        set_language(resolve_language(config.settings.language))
        # What the terminal draws pictures with is asked now: Textual takes it over next.
        prepare_pictures(config.settings.images)
        # NO_COLOR: ANSI mode, whose colour filter leaves every colour to the terminal.
        super().__init__(ansi_color=True if themes.no_color() else None)
        self._name_palette_key()
        self.reader = Reader(config, store, offline, clock or now_utc)
        self.notices = tuple(notices)
        self.ui_state = UiState(store)
        for theme in themes.THEMES:
            self.register_theme(theme)
        configured = config.settings.theme
        self.theme = themes.starting_theme(configured, self.ui_state, self.available_themes)
        if themes.theme_name(configured) not in self.available_themes:
            self.notices += (
                tr(
                    "Unknown theme {configured!r} in the config; using {theme}. "
                    "Ctrl+P, then 'theme', lists the themes.",
                    configured=configured,
                    theme=self.theme,
                ),
            )

    def _name_palette_key(self) -> None:
        """Textual's ``^p palette`` at the footer's right, in the interface's language."""
        table = self._bindings.key_to_bindings
        key = self.COMMAND_PALETTE_BINDING
        table[key] = [
            replace(b, description=tr("palette"), tooltip=tr("Open the command palette"))
            if b.action == "command_palette"
            else b
            for b in table.get(key, [])
        ]

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.reader)

    def on_mount(self) -> None:
        for notice in self.notices:
            # The core's notices (a cache moved aside, config warnings) come in English.
            self.notify(tr_said(notice), severity="warning", timeout=10, markup=False)
        self.watch(self, "theme", self._theme_changed, init=False)

    def _theme_changed(self, name: str) -> None:
        """A theme picked (in the palette) is the theme of the next start too."""
        themes.remember_theme(name, self.reader.config.settings.theme, self.ui_state)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands (theme, keys, screenshot) plus ours, from one table."""
        table = screen.commands if isinstance(screen, MainScreen) else None
        ours = palette_commands(table) if table is not None else palette_commands()
        titles = {c.title for c in ours}
        for system in super().get_system_commands(screen):
            if system.title not in titles:  # Textual's words, in the catalog too
                yield system._replace(title=searchable(system.title), help=tr(system.help))
        if isinstance(screen, MainScreen):
            for command in ours:
                keys = f"  ({command.key_text})" if command.keys else ""  # as bound now
                yield SystemCommand(
                    searchable(command.title),
                    tr(command.help) + keys,
                    partial(screen.run_action, command.action),
                )

    def action_command_palette(self) -> None:
        """Textual's palette, its prompt in the interface's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = CommandPalette(id="--command-palette", placeholder=tr("Search for commands…"))
            self.push_screen(palette)
