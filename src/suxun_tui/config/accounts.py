"""``[[accounts]]``: feed servers to sync with, and how their secrets are given.

A secret is never required in plain text: ``password_command`` (an argv, never a shell)
and ``password_env``/``token_env`` are read only when a sync runs (``sync.secrets``). A
plain ``password`` is accepted but warned about when others can read the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from suxun_tui.config.checks import UNKNOWN_KEY, Locator, check_type, check_web_url
from suxun_tui.config.model import AccountSpec, ConfigError
from suxun_tui.text.i18n import N_
from suxun_tui.text.sanitize import clean_line

_ACCOUNT_TYPES: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "type": str,
    "url": str,
    "username": str,
    "password_command": list,
    "password_env": str,
    "token_env": str,
    "password": str,
}


def parse_accounts(
    raw_accounts: Any, loc: Locator, warnings: list[str], path: Path
) -> tuple[AccountSpec, ...]:
    """``[[accounts]]`` → specs: a name, a type, an http(s) URL and one way to get a secret."""
    if not isinstance(raw_accounts, list):
        message = N_("{where}: use [[accounts]] tables for accounts")
        raise ConfigError(message.format(where=loc.where("accounts")))
    accounts: list[AccountSpec] = []
    for index, raw in enumerate(raw_accounts):
        where = loc.where("accounts", index, section="accounts")
        if not isinstance(raw, dict):
            message = N_("{where}: each account must be an [[accounts]] table")
            raise ConfigError(message.format(where=where))
        values: dict[str, Any] = {}
        for key, value in raw.items():
            key_where = loc.where(key, index, section="accounts")
            if key not in _ACCOUNT_TYPES:
                warnings.append(UNKNOWN_KEY.format(where=key_where, key=f"accounts.{key}"))
                continue
            check_type(value, _ACCOUNT_TYPES[key], key_where, key)
            values[key] = value
        name = clean_line(values.get("name", ""))
        if name:
            label = N_("account '{name}'").format(name=name)
        else:
            label = N_("account #{number}").format(number=index + 1)
        if not name or "/" in name:
            message = N_("{where}: {label} needs a 'name' without '/'")
            raise ConfigError(message.format(where=where, label=label))
        if any(a.name == name for a in accounts):
            message = N_("{where}: {label}: duplicate name; give each account its own")
            raise ConfigError(message.format(where=where, label=label))
        if values.get("type") not in ("miniflux", "greader"):
            message = N_('{where}: {label}: \'type\' must be "miniflux" or "greader"')
            raise ConfigError(message.format(where=where, label=label))
        url = str(values.get("url", "")).strip()
        if not re.match(r"^https?://[^/\s]+", url):
            message = N_("{where}: {label}: 'url' must be an http:// or https:// address")
            raise ConfigError(message.format(where=where, label=label))
        check_web_url(url, f"{where}: {label}")
        command = values.get("password_command", [])
        if not all(isinstance(part, str) for part in command) or (
            command == [] and "password_command" in values
        ):
            message = N_(
                "{where}: {label}: 'password_command' must be a list of strings (an argv such as"
                ' ["pass", "show", "rss"]; it never runs in a shell)'
            )
            raise ConfigError(message.format(where=where, label=label))
        ways = [
            k
            for k in ("password_command", "password_env", "token_env", "password")
            if values.get(k)
        ]
        if len(ways) != 1:
            message = N_(
                "{where}: {label}: give exactly one of password_command, password_env, token_env"
                " or password (found {found})"
            )
            found = len(ways) or N_("none")
            raise ConfigError(message.format(where=where, label=label, found=found))
        if ways[0] != "token_env" and not values.get("username"):
            message = N_("{where}: {label}: a password needs a 'username'")
            raise ConfigError(message.format(where=where, label=label))
        if values.get("password") and _readable_by_others(path):
            message = N_(
                "{where}: {label}: a plain-text password in a file others can read; use"
                " password_command or password_env, or chmod 600 {path}"
            )
            warnings.append(message.format(where=where, label=label, path=path))
        accounts.append(
            AccountSpec(
                name=name,
                type=values["type"],
                url=url.rstrip("/"),
                username=values.get("username", ""),
                password_command=tuple(command),
                password_env=values.get("password_env", ""),
                token_env=values.get("token_env", ""),
                password=values.get("password", ""),
            )
        )
    return tuple(accounts)


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
