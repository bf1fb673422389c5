"""Configuration: TOML file → typed, validated settings and sources.

Lookup order is ``--config``, then ``$SUXUN_TUI_CONFIG``, then ``suxun-tui/config.toml``
in the XDG config dir (``cli.context`` opens the bundled demo when none exists). Errors are
:class:`ConfigError` and always name file, line and key, because a user editing TOML by
hand needs to know exactly where to look.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from suxun_tui import __version__
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.script import SCRIPTS

APP_NAME = "suxun-tui"
HOMEPAGE = "https://github.com/suxun-tui/suxun-tui"
DEFAULT_USER_AGENT = f"suxun-tui/{__version__} (+{HOMEPAGE})"

SourceKind = Literal["feed", "page"]
AccountType = Literal["miniflux", "greader"]
Script = Literal["original", "simplified", "traditional"]
FullText = Literal["auto", "always", "never"]


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names file, line and key."""


@dataclass(frozen=True)
class Settings:
    """Global settings (``[settings]``); defaults are what a first-time user gets."""

    concurrency: int = 16
    per_host: int = 4
    timeout: float = 20.0
    connect_timeout: float = 10.0
    retries: int = 2
    user_agent: str = DEFAULT_USER_AGENT
    refresh_minutes: int = 60
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 10
    script: Script = "original"
    timezone: str = "Asia/Shanghai"
    full_text: FullText = "auto"
    refresh_on_start: bool = False
    browser: str = ""


@dataclass(frozen=True)
class SourceSpec:
    """One ``[[sources]]`` entry, with per-source overrides already resolved."""

    name: str
    url: str
    kind: SourceKind | None = None
    group: str | None = None
    refresh_minutes: int = 60
    script: Script = "original"
    timezone: str = "Asia/Shanghai"
    full_text: FullText = "auto"
    link_selector: str | None = None
    body_selector: str | None = None
    pages: int = 1


@dataclass(frozen=True)
class AccountSpec:
    """One ``[[accounts]]`` entry: a feed server whose feeds and read/star state we sync.

    The secret itself is not read here: ``password_command`` runs and the environment is
    read only when a sync needs them (``sync.secrets``), so ``list`` never runs a command.
    A plain ``password`` is kept out of ``repr`` so no log or traceback shows it.
    """

    name: str
    type: AccountType
    url: str
    username: str = ""
    password_command: tuple[str, ...] = ()
    password_env: str = ""
    token_env: str = ""
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class Config:
    """The whole configuration; ``path`` is None for the bundled demo."""

    settings: Settings = field(default_factory=Settings)
    sources: tuple[SourceSpec, ...] = ()
    path: Path | None = None
    is_demo: bool = False
    warnings: tuple[str, ...] = ()
    accounts: tuple[AccountSpec, ...] = ()

    def source(self, name: str) -> SourceSpec | None:
        return next((s for s in self.sources if s.name == name), None)

    def account(self, name: str) -> AccountSpec | None:
        return next((a for a in self.accounts if a.name == name), None)


_SETTINGS_TYPES: dict[str, type | tuple[type, ...]] = {
    "concurrency": int,
    "per_host": int,
    "timeout": (int, float),
    "connect_timeout": (int, float),
    "retries": int,
    "user_agent": str,
    "refresh_minutes": int,
    "max_bytes": int,
    "max_redirects": int,
    "script": str,
    "timezone": str,
    "full_text": (str, bool),
    "refresh_on_start": bool,
    "browser": str,
}
_SOURCE_TYPES: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "url": str,
    "kind": str,
    "group": str,
    "refresh_minutes": int,
    "script": str,
    "timezone": str,
    "full_text": (str, bool),
    "link_selector": str,
    "body_selector": str,
    "pages": int,
}
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
_URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


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


def load_config(path: Path) -> Config:
    """Read and validate ``path``; a missing file is an error here.

    Whether a missing file means the bundled demo is the caller's decision
    (``cli.context``), because only it knows whether the user named the file.
    """
    if not path.exists():
        raise ConfigError(f"{path}: no such config file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from exc
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """Parse and validate config text; ``path`` is used for messages and relative URLs."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from exc
    locator = _Locator(text, path)
    warnings: list[str] = []
    for key in data:
        if key not in ("settings", "sources", "accounts"):
            warnings.append(f"{locator.where(key)}: unknown key '{key}' (ignored)")
    raw_settings = data.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise ConfigError(f"{locator.where('settings')}: 'settings' must be a table")
    settings = _parse_settings(raw_settings, locator, warnings)
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{locator.where('sources')}: use [[sources]] tables for sources")
    sources: list[SourceSpec] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_sources):
        source = _parse_source(raw, index, settings, locator, warnings, path)
        if source.name in seen:
            raise ConfigError(
                f"{locator.where('name', index)}: source '{source.name}': duplicate name "
                f"(also source #{seen[source.name] + 1}); give each source its own name"
            )
        seen[source.name] = index
        sources.append(source)
    accounts = _parse_accounts(data.get("accounts", []), locator, warnings, path)
    return Config(settings, tuple(sources), path, False, tuple(warnings), accounts)


def _parse_accounts(
    raw_accounts: Any, loc: _Locator, warnings: list[str], path: Path
) -> tuple[AccountSpec, ...]:
    """``[[accounts]]`` → specs: a name, a type, an http(s) URL and one way to get a secret."""
    if not isinstance(raw_accounts, list):
        raise ConfigError(f"{loc.where('accounts')}: use [[accounts]] tables for accounts")
    accounts: list[AccountSpec] = []
    for index, raw in enumerate(raw_accounts):
        where = loc.where("accounts", index, section="accounts")
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: each account must be an [[accounts]] table")
        values: dict[str, Any] = {}
        for key, value in raw.items():
            key_where = loc.where(key, index, section="accounts")
            if key not in _ACCOUNT_TYPES:
                warnings.append(f"{key_where}: unknown key 'accounts.{key}' (ignored)")
                continue
            _check_type(value, _ACCOUNT_TYPES[key], key_where, key)
            values[key] = value
        name = clean_line(values.get("name", ""))
        label = f"account '{name}'" if name else f"account #{index + 1}"
        if not name or "/" in name:
            raise ConfigError(f"{where}: {label} needs a 'name' without '/'")
        if any(a.name == name for a in accounts):
            raise ConfigError(f"{where}: {label}: duplicate name; give each account its own")
        if values.get("type") not in ("miniflux", "greader"):
            raise ConfigError(f'{where}: {label}: \'type\' must be "miniflux" or "greader"')
        url = str(values.get("url", "")).strip()
        if not re.match(r"^https?://[^/\s]+", url):
            raise ConfigError(f"{where}: {label}: 'url' must be an http:// or https:// address")
        command = values.get("password_command", [])
        if not all(isinstance(part, str) for part in command) or (
            command == [] and "password_command" in values
        ):
            raise ConfigError(
                f"{where}: {label}: 'password_command' must be a list of strings"
                ' (an argv such as ["pass", "show", "rss"]; it never runs in a shell)'
            )
        ways = [
            k
            for k in ("password_command", "password_env", "token_env", "password")
            if values.get(k)
        ]
        if len(ways) != 1:
            raise ConfigError(
                f"{where}: {label}: give exactly one of password_command, password_env,"
                f" token_env or password (found {len(ways) or 'none'})"
            )
        if ways[0] != "token_env" and not values.get("username"):
            raise ConfigError(f"{where}: {label}: a password needs a 'username'")
        if values.get("password") and _readable_by_others(path):
            warnings.append(
                f"{where}: {label}: a plain-text password in a file others can read;"
                f" use password_command or password_env, or chmod 600 {path}"
            )
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


def _check_type(value: Any, expected: type | tuple[type, ...], where: str, key: str) -> None:
    types = expected if isinstance(expected, tuple) else (expected,)
    # bool is an int in Python; refuse it where a number is wanted.
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        names = "a number" if float in types else " or ".join(_TYPE_NAMES[t] for t in types)
        raise ConfigError(f"{where}: '{key}' must be {names}, not {value!r}")


_TYPE_NAMES = {
    int: "a whole number",
    float: "a number",
    str: "a string",
    bool: "true or false",
    list: "a list",
}


def _parse_settings(raw: dict[str, Any], loc: _Locator, warnings: list[str]) -> Settings:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = loc.where(key, section="settings")
        if key not in _SETTINGS_TYPES:
            warnings.append(f"{where}: unknown key 'settings.{key}' (ignored)")
            continue
        _check_type(value, _SETTINGS_TYPES[key], where, key)
        values[key] = _validate_value(key, value, where)
    return replace(Settings(), **values)


def _parse_source(
    raw: Any,
    index: int,
    settings: Settings,
    loc: _Locator,
    warnings: list[str],
    path: Path,
) -> SourceSpec:
    where = loc.where("sources", index)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: each source must be a [[sources]] table")
    label = (
        f"source '{raw['name']}'" if isinstance(raw.get("name"), str) else f"source #{index + 1}"
    )
    values: dict[str, Any] = {
        "refresh_minutes": settings.refresh_minutes,
        "script": settings.script,
        "timezone": settings.timezone,
        "full_text": settings.full_text,
    }
    for key, value in raw.items():
        key_where = f"{loc.where(key, index)}: {label}"
        if key not in _SOURCE_TYPES:
            warnings.append(f"{key_where}: unknown key '{key}' (ignored)")
            continue
        _check_type(value, _SOURCE_TYPES[key], key_where, key)
        values[key] = _validate_value(key, value, key_where)
    if "url" not in values or not str(values["url"]).strip():
        raise ConfigError(f"{where}: {label} has no 'url'; add url = \"https://…\"")
    values["url"] = _normalize_url(
        values["url"].strip(), path, f"{loc.where('url', index)}: {label}"
    )
    if not values.get("name"):
        values["name"] = values["url"]
    values["name"] = clean_line(values["name"])
    return SourceSpec(**values)


def _validate_value(key: str, value: Any, where: str) -> Any:
    """Check ranges and enumerations; returns the value in its canonical form."""
    if key in ("concurrency", "per_host", "refresh_minutes", "pages", "max_bytes") and value < 1:
        raise ConfigError(f"{where}: '{key}' must be at least 1, not {value}")
    if key in ("retries", "max_redirects") and value < 0:
        raise ConfigError(f"{where}: '{key}' must not be negative")
    if key in ("timeout", "connect_timeout"):
        if value <= 0:
            raise ConfigError(f"{where}: '{key}' must be a positive number of seconds")
        return float(value)
    if key == "script" and value not in SCRIPTS:
        raise ConfigError(f"{where}: 'script' must be one of {', '.join(SCRIPTS)}, not {value!r}")
    if key == "kind" and value not in ("feed", "page"):
        raise ConfigError(f'{where}: \'kind\' must be "feed" or "page", not {value!r}')
    if key == "full_text":
        mapped = (
            {True: "always", False: "never"}.get(value, value) if isinstance(value, bool) else value
        )
        if mapped not in ("auto", "always", "never"):
            raise ConfigError(f"{where}: 'full_text' must be \"auto\", true or false")
        return mapped
    if key == "timezone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{where}: unknown timezone {value!r}") from exc
    if key in ("name", "group"):
        return clean_line(value)
    return value


def _normalize_url(url: str, config_file: Path, where: str) -> str:
    """Accept http(s)://, file:// and local paths (relative to the config file)."""
    match = _URL_SCHEME.match(url)
    if match and len(match.group(1)) > 1:  # a one-letter "scheme" is a Windows drive
        scheme = match.group(1).lower()
        if scheme not in ("http", "https", "file"):
            raise ConfigError(
                f"{where}: unsupported URL scheme '{scheme}:' in {url!r}; "
                "use http://, https://, file:// or a local path"
            )
        return url
    local = Path(url).expanduser()
    if not local.is_absolute():
        local = (config_file.parent / local).resolve()
    return local.as_uri()


class _Locator:
    """Finds the line of a key in TOML text, because tomllib reports no positions."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.source_starts = [
            i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*sources\s*\]\]", line)
        ]
        self.account_starts = [
            i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*accounts\s*\]\]", line)
        ]
        self.settings_start = next(
            (i for i, line in enumerate(self.lines) if re.match(r"\s*\[\s*settings\s*\]", line)),
            None,
        )

    def where(self, key: str, index: int | None = None, section: str | None = None) -> str:
        start, end = 0, len(self.lines)
        starts = self.account_starts if section == "accounts" else self.source_starts
        if index is not None and index < len(starts):
            start = starts[index]
            later = [s for s in self.source_starts + self.account_starts if s > start]
            end = later[0] if later else end
        elif section == "settings" and self.settings_start is not None:
            start = self.settings_start
        pattern = re.compile(rf"\s*(\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\]|\.)")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return f"{self.path}:{i + 1}"
        return f"{self.path}:{start + 1}" if index is not None else str(self.path)
