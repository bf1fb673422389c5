"""Settings that name programs and places: ``notify_command``, ``pipe_command``, ``player``,
``save_dir``.

A program is an argv list, never a shell line: the reader passes article text or a count
as data, so a feed's text can never become a command. Where saved articles go defaults to
the XDG download directory (``user-dirs.dirs``), else the home directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from suxun_tui.config.checks import shown
from suxun_tui.config.model import ConfigError
from suxun_tui.text.i18n import N_

ARGV_SETTINGS = {
    "notify_command": '["notify-send", "suxun-tui", "%n new articles"]',
    "pipe_command": '["less"]',
    "player": '["mpv", "%u"]',
}
MAX_ARGV = 64


def check_argv(key: str, value: Any, where: str) -> tuple[str, ...]:
    """A non-empty list of non-empty strings without NUL; an empty list turns it off."""
    example = ARGV_SETTINGS[key]
    if isinstance(value, str):
        message = N_(
            "{where}: '{key}' must be a list of strings, such as {example} (it never runs in a"
            " shell), not the line {value}; as a list: {words}"
        )
        words = _as_list(value)
        said = message.format(
            where=where, key=key, example=example, value=shown(value), words=words
        )
        raise ConfigError(said)
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        message = N_("{where}: '{key}' must be a list of strings, such as {example}")
        raise ConfigError(message.format(where=where, key=key, example=example))
    if len(value) > MAX_ARGV:
        message = N_("{where}: '{key}' has {count} words; at most {limit}")
        raise ConfigError(message.format(where=where, key=key, count=len(value), limit=MAX_ARGV))
    if value and (not value[0].strip() or any("\0" in part for part in value)):
        message = N_("{where}: '{key}' must start with a program's name and hold no NUL characters")
        raise ConfigError(message.format(where=where, key=key))
    return tuple(value)


def _as_list(line: str) -> str:
    import shlex  # only to word a mistake's message

    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    return "[" + ", ".join(f'"{w}"' for w in words) + "]"


def check_save_dir(value: str, where: str) -> str:
    """A directory path (``~`` allowed, empty: the default); whether it exists is seen when
    saving."""
    if (value and not value.strip()) or any(not c.isprintable() for c in value):
        message = N_("{where}: 'save_dir' must be a directory's path, not {value}")
        raise ConfigError(message.format(where=where, value=shown(value)))
    return value


def save_directory(setting: str, env: Mapping[str, str] | None = None) -> Path:
    """Where saved articles go: the setting, else the XDG download directory, else home."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home())
    if setting.strip():
        text = setting.strip()
        return home / text[2:] if text == "~" or text.startswith("~/") else Path(text)
    download = env.get("XDG_DOWNLOAD_DIR") or _user_dirs_download(env, home)
    if download:
        path = Path(download.replace("$HOME", str(home)))
        if path.is_absolute() and path.is_dir():
            return path
    return home


def _user_dirs_download(env: Mapping[str, str], home: Path) -> str | None:
    """``XDG_DOWNLOAD_DIR`` from ``user-dirs.dirs``, written there as a shell assignment."""
    config_home = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    try:
        text = (config_home / "user-dirs.dirs").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r'^\s*XDG_DOWNLOAD_DIR\s*=\s*"([^"\n]*)"', text, re.MULTILINE)
    return match.group(1) if match else None
