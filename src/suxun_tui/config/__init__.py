"""Configuration: TOML file → typed, validated settings, sources and accounts.

Lookup order is ``--config``, then ``$SUXUN_TUI_CONFIG``, then ``suxun-tui/config.toml``
in the XDG config dir (``cli.context`` opens the bundled demo when none exists).
``model`` holds the values, ``reading`` parses and validates, ``accounts`` the feed
servers, ``paths`` where files are looked for, ``checks`` what every table shares.
"""

from __future__ import annotations

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
from suxun_tui.config.reading import load_config, parse_config
from suxun_tui.text.script import SCRIPTS

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
