"""Configuration: TOML file → typed, validated settings, sources and accounts.

Lookup order is ``--config``, then ``$SUXUN_TUI_CONFIG``, then ``suxun-tui/config.toml``
in the XDG config dir (``cli.context`` opens the bundled demo when none exists).
``model`` holds the values, ``reading`` parses and validates, ``accounts`` the feed
servers, ``paths`` where files are looked for, ``checks`` what every table shares,
``loading`` and ``cache`` read a config kept parsed without loading the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from suxun_tui.config.loading import load_config
from suxun_tui.config.model import (
    APP_NAME,
    DEFAULT_USER_AGENT,
    HOMEPAGE,
    AccountSpec,
    AccountType,
    Config,
    ConfigError,
    FullText,
    Script,
    Settings,
    SourceKind,
    SourceSpec,
)
from suxun_tui.config.paths import config_path, data_dir
from suxun_tui.text.script import SCRIPTS

if TYPE_CHECKING:  # the parser loads with the first config parsed (see __getattr__)
    from suxun_tui.config.reading import parse_config

__all__ = [
    "APP_NAME",
    "DEFAULT_USER_AGENT",
    "HOMEPAGE",
    "SCRIPTS",
    "AccountSpec",
    "AccountType",
    "Config",
    "ConfigError",
    "FullText",
    "Script",
    "Settings",
    "SourceKind",
    "SourceSpec",
    "config_path",
    "data_dir",
    "load_config",
    "parse_config",
]


def __getattr__(name: str) -> object:
    """``parse_config``, imported when first asked for: a config kept parsed needs none."""
    if name == "parse_config":
        from suxun_tui.config.reading import parse_config

        return parse_config
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
