"""Where the config and the cache are looked for: option, environment, XDG directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from suxun_tui.config.model import APP_NAME


def config_path(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the config is looked for: ``--config``, ``$SUXUN_TUI_CONFIG``, XDG config dir."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get("SUXUN_TUI_CONFIG"):
        return Path(env["SUXUN_TUI_CONFIG"]).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def data_dir(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives: ``--data-dir``, ``$SUXUN_TUI_DATA_DIR``, XDG data dir."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get("SUXUN_TUI_DATA_DIR"):
        return Path(env["SUXUN_TUI_DATA_DIR"]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME))
