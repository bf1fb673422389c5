"""Where the config and the cache are looked for: option, environment, XDG directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from suxun_tui.config.model import APP_NAME, ConfigError
from suxun_tui.text.i18n import N_


def expand_user(text: str) -> Path:
    """``~`` and ``~user`` expanded; a user without a home directory leaves the path as given.

    ``Path.expanduser`` raises RuntimeError for ``~nosuchuser``; the path then simply does
    not exist, which the caller reports by name.
    """
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)


def config_path(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the config is looked for: ``--config``, ``$SUXUN_TUI_CONFIG``, XDG config dir."""
    env = os.environ if env is None else env
    if cli_value:
        return expand_user(cli_value)
    if env.get("SUXUN_TUI_CONFIG"):
        return expand_user(env["SUXUN_TUI_CONFIG"])
    import platformdirs  # only when neither the option nor the environment says

    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def data_dir(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives: ``--data-dir``, ``$SUXUN_TUI_DATA_DIR``, XDG data dir."""
    env = os.environ if env is None else env
    if cli_value:
        return expand_user(cli_value)
    if env.get("SUXUN_TUI_DATA_DIR"):
        return expand_user(env["SUXUN_TUI_DATA_DIR"])
    import platformdirs  # only when neither the option nor the environment says

    return Path(platformdirs.user_data_dir(APP_NAME))


def read_config_file(path: Path, limit: int = 4 * 1024 * 1024) -> str:
    """The text of the config file; a FIFO, device or huge file is a :class:`ConfigError`.

    Opening a FIFO blocks until something writes to it, so ``--config`` pointed at one
    would hang forever; only regular files (symlinks to them too) are read, and at most
    ``limit`` bytes, since no configuration is megabytes long.
    """
    try:
        if not path.exists():
            raise ConfigError(N_("{path}: no such config file").format(path=path))
        if not path.is_file():
            message = N_(
                "{path}: not a regular file (a directory, FIFO or device); point --config or"
                " $SUXUN_TUI_CONFIG at a TOML file"
            )
            raise ConfigError(message.format(path=path))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        message = N_("{path}: cannot read the config file ({reason})")
        raise ConfigError(message.format(path=path, reason=exc.strerror or exc)) from exc
    if len(data) > limit:
        message = N_("{path}: the config file is over {size} MB; is it one?")
        raise ConfigError(message.format(path=path, size=limit // 1024 // 1024))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = N_("{path}: the config file is not UTF-8 text ({reason})")
        raise ConfigError(message.format(path=path, reason=exc)) from exc
