"""Where the config and the cache are looked for: option, environment, XDG directory.

The XDG directories are platformdirs' answer. On Linux, the common cases — an absolute
``$XDG_CONFIG_HOME`` / ``$XDG_DATA_HOME``, or none and an absolute ``$HOME`` — are worked
out here by the same rules, since importing platformdirs costs a cron job's ``refresh``
several milliseconds of its start; anything else (another platform, Android, a relative or
missing home) is left to platformdirs, and a test compares the two over many environments.
"""

from __future__ import annotations

import os
import sys
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
    return Path(xdg_user_dir("XDG_CONFIG_HOME", ".config")) / "config.toml"


def data_dir(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives: ``--data-dir``, ``$SUXUN_TUI_DATA_DIR``, XDG data dir."""
    env = os.environ if env is None else env
    if cli_value:
        return expand_user(cli_value)
    if env.get("SUXUN_TUI_DATA_DIR"):
        return expand_user(env["SUXUN_TUI_DATA_DIR"])
    return Path(xdg_user_dir("XDG_DATA_HOME", ".local/share"))


def xdg_user_dir(variable: str, default: str) -> str:
    """This program's folder in the user's XDG directory ``variable`` (whose default is
    ``~/default``): what platformdirs' ``user_config_dir`` / ``user_data_dir`` /
    ``user_cache_dir`` give."""
    quick = _linux_user_dir(variable, default)
    if quick is not None:
        return quick
    import platformdirs  # another platform, or a case the quick path leaves to it

    if variable == "XDG_CONFIG_HOME":
        return platformdirs.user_config_dir(APP_NAME)
    if variable == "XDG_CACHE_HOME":
        return platformdirs.user_cache_dir(APP_NAME)
    return platformdirs.user_data_dir(APP_NAME)


def _linux_user_dir(variable: str, default: str) -> str | None:
    """The folder by platformdirs' Unix rules (an absolute ``$variable``, else ``$HOME``
    joined with ``default``), or None where they need platformdirs itself."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return None
    environ = os.environ
    if environ.get("ANDROID_DATA") == "/data" and environ.get("ANDROID_ROOT") == "/system":
        return None  # platformdirs may find an Android app's folders here
    base = environ.get(variable, "")
    if not base.startswith("/"):
        home = environ.get("HOME", "")
        if not home.startswith("/"):
            return None  # no usable HOME: platformdirs asks the password database
        base = os.path.join(home.rstrip("/") or "/", default)
    return os.path.join(base, APP_NAME)


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
    try:  # without a byte-order mark, UTF-8 itself (its codec is loaded, utf-8-sig is not)
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        message = N_("{path}: the config file is not UTF-8 text ({reason})")
        raise ConfigError(message.format(path=path, reason=exc)) from exc
