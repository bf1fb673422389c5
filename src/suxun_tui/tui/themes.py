"""The reader's themes, which theme to start in, and remembering the one picked.

``theme`` in the config names one of ours (``dark``, ``light``, ``high-contrast``) or any
Textual theme (``nord``, ``gruvbox``…). A theme picked in the command palette is
remembered in the cache (:class:`suxun_tui.store.ui_state.UiState`) together with the
config's theme at that moment: it wins until the user edits ``theme`` in the config, and
then the config wins again — the file is the later word.

With ``NO_COLOR`` set, Textual's ANSI mode with its colour filter draws every colour as
the terminal's default, and the widgets show emphasis by bold, underline and reverse.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from textual.theme import Theme

from suxun_tui.store.ui_state import UiState

THEMES: tuple[Theme, ...] = (
    Theme(
        name="suxun-dark",
        primary="#5fafff",
        secondary="#3a6ea5",
        accent="#ffaf5f",
        warning="#ffd75f",
        error="#ff6b6b",
        success="#5fd787",
        foreground="#e4e4e4",
        background="#1c1c1c",
        surface="#262626",
        panel="#303030",
        dark=True,
    ),
    Theme(
        name="suxun-light",
        primary="#005fae",
        secondary="#3a6ea5",
        accent="#005fae",
        warning="#8a5a00",
        error="#b00020",
        success="#1a7f37",
        foreground="#1c1c1c",
        background="#fafafa",
        surface="#eeeeee",
        panel="#e0e0e0",
        dark=False,
        variables={"footer-key-foreground": "#005fae", "text-muted": "#5a5a5a"},
    ),
    Theme(
        name="suxun-high-contrast",
        primary="#ffff00",
        secondary="#00ffff",
        accent="#ffff00",
        warning="#ffff00",
        error="#ff5555",
        success="#00ff00",
        foreground="#ffffff",
        background="#000000",
        surface="#000000",
        panel="#1a1a1a",
        dark=True,
        luminosity_spread=0.3,
        text_alpha=1.0,
        variables={"text-muted": "#d0d0d0"},
    ),
)
ALIASES = {"dark": "suxun-dark", "light": "suxun-light", "high-contrast": "suxun-high-contrast"}
DEFAULT = "suxun-dark"
THEME_KEY, THEME_CONFIG_KEY = "theme", "theme-config"  # the pick, and the config it beat


def no_color(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the user asked for no colour (https://no-color.org: set, whatever the value)."""
    return "NO_COLOR" in (os.environ if environ is None else environ)


def theme_name(configured: str) -> str:
    """The Textual name of a configured theme: ``light`` is ``suxun-light``."""
    return ALIASES.get(configured, configured)


def starting_theme(configured: str, state: UiState, available: Mapping[str, Theme]) -> str:
    """The theme to start in: the remembered pick, the configured one, or the default.

    The remembered pick applies while the config still says what it said when the pick
    was made.
    """
    remembered = state.get(THEME_KEY)
    picked_under = state.get(THEME_CONFIG_KEY)
    if remembered is not None and remembered in available and picked_under == configured:
        return remembered
    name = theme_name(configured)
    return name if name in available else DEFAULT


def remember_theme(name: str, configured: str, state: UiState) -> None:
    """The user picked ``name`` (in the palette): keep it for the next start."""
    state.put({THEME_KEY: name, THEME_CONFIG_KEY: configured})
