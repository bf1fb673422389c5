"""Reading the TOML file: syntax, then every table checked and turned into values.

Errors are :class:`ConfigError` and always name file, line and key, because a user editing
TOML by hand needs to know exactly where to look; unknown keys are warnings, by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

from suxun_tui.config.checks import (
    AT_LEAST,
    AT_MOST,
    EITHER,
    MAX_NESTING,
    ONE_OF,
    UNKNOWN_KEY,
    Locator,
    check_bounds,
    check_selector,
    check_type,
    check_user_agent,
    check_web_url,
    key_on_line,
    nesting_too_deep,
    nests_at_most,
)
from suxun_tui.config.model import (
    AccountSpec,
    Config,
    ConfigError,
    KeyOverride,
    QuerySpec,
    RuleSpec,
    Settings,
    SourceSpec,
)
from suxun_tui.config.programs import ARGV_SETTINGS, check_argv, check_save_dir
from suxun_tui.text.i18n import LANGUAGES, N_
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.script import SCRIPTS

_SETTINGS_TYPES: dict[str, type | tuple[type, ...]] = {
    "concurrency": int,
    "per_host": int,
    "timeout": (int, float),
    "connect_timeout": (int, float),
    "retries": int,
    "user_agent": str,
    "refresh_minutes": int,
    "max_bytes": int,
    "max_items": int,
    "max_redirects": int,
    "script": str,
    "timezone": str,
    "full_text": (str, bool),
    "refresh_on_start": bool,
    "browser": str,
    "theme": str,
    "text_width": int,
    "mark_read": str,
    "language": str,
    "keep_days": int,
    "max_articles": int,
    "notify_command": (list, str),  # a string: told how to write it as a list
    "pipe_command": (list, str),
    "player": (list, str),
    "save_dir": str,
    "images": (str, bool),
    "image_max_bytes": int,
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
    "max_items": int,
    "keep_days": int,
    "max_articles": int,
}
_THEME_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")  # which themes exist: the reader's
MAX_ITEMS_BOUND = 100_000  # items per feed document; more is a flood, not a feed
MIN_TIMEOUT = 0.1  # seconds: the least time in which a request can be answered at all
_URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def parse_config(text: str, path: Path) -> Config:
    """Parse and validate config text; ``path`` is used for messages and relative URLs."""
    # The bracket scan (a few ms for 200 sources) is needed only for a file tomllib could
    # not read, or whose values nest deeply enough that brackets might: a value n brackets
    # deep is n containers inside the file's own table.
    import tomllib  # here: a config kept parsed (config.cache) is read without it

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        deep = nesting_too_deep(text)  # named before any syntax error, as it always was
        if deep is None and isinstance(exc, tomllib.TOMLDecodeError):
            raise ConfigError(
                N_("{where}: TOML syntax error: {error}").format(where=path, error=exc)
            ) from exc
        _too_deep(text, path, deep or 1, exc)
    if not nests_at_most(data, MAX_NESTING + 1) and (deep := nesting_too_deep(text)):
        _too_deep(text, path, deep, RecursionError())
    locator = Locator(text, path)
    warnings: list[str] = []
    for key in data:
        if key not in ("settings", "sources", "accounts", "queries", "rules", "keys"):
            warnings.append(UNKNOWN_KEY.format(where=locator.where(key), key=key))
    raw_settings = data.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise ConfigError(
            N_("{where}: 'settings' must be a table").format(where=locator.where("settings"))
        )
    settings = _parse_settings(raw_settings, locator, warnings)
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(
            N_("{where}: use [[sources]] tables for sources").format(where=locator.where("sources"))
        )
    sources: list[SourceSpec] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_sources):
        source = _parse_source(raw, index, settings, locator, warnings, path)
        if source.name in seen:
            message = N_(
                "{where}: source '{name}': duplicate name (also source #{number}); give each"
                " source its own name"
            )
            where, number = locator.where("name", index), seen[source.name] + 1
            raise ConfigError(message.format(where=where, name=source.name, number=number))
        seen[source.name] = index
        sources.append(source)
    accounts, queries, rules, keys = _parse_optional_tables(data, text, path, locator, warnings)
    shown = tuple(clean_line(w) for w in warnings)  # keys are the file's text, printed as-is
    return Config(settings, tuple(sources), path, False, shown, accounts, queries, rules, keys=keys)


def _too_deep(text: str, path: Path, line: int, cause: BaseException) -> NoReturn:
    message = N_(
        "{where}: '{key}': arrays or inline tables nested too deeply; no setting needs more"
        " than a list of strings"
    )
    raise ConfigError(
        message.format(where=f"{path}:{line}", key=key_on_line(text, line))
    ) from cause


def _parse_optional_tables(
    data: dict[str, Any], text: str, path: Path, locator: Locator, warnings: list[str]
) -> tuple[
    tuple[AccountSpec, ...], tuple[QuerySpec, ...], tuple[RuleSpec, ...], tuple[KeyOverride, ...]
]:
    """``[[accounts]]``, ``[[queries]]``, ``[[rules]]`` and ``[keys]``: each table's parser
    loads with the first config that has one (most have none of them)."""
    accounts: tuple[AccountSpec, ...] = ()
    queries: tuple[QuerySpec, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    keys: tuple[KeyOverride, ...] = ()
    if "accounts" in data:
        from suxun_tui.config.accounts import parse_accounts

        accounts = parse_accounts(data["accounts"], locator, warnings, path)
    if "queries" in data or "rules" in data:
        from suxun_tui.config.queries import parse_queries, parse_rules

        queries = parse_queries(data.get("queries", []), text, path, warnings)
        rules = parse_rules(data.get("rules", []), text, path, warnings)
    if "keys" in data:
        from suxun_tui.config.keys import parse_keys

        keys = parse_keys(data["keys"], text, path)
    return accounts, queries, rules, keys


def _parse_settings(raw: dict[str, Any], loc: Locator, warnings: list[str]) -> Settings:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        expected = _SETTINGS_TYPES.get(key)
        if expected is None:
            where = loc.where(key, section="settings")
            warnings.append(UNKNOWN_KEY.format(where=where, key=f"settings.{key}"))
            continue
        try:
            check_type(value, expected, _HERE, key)
            values[key] = _validate_value(key, value, _HERE)
        except ConfigError as exc:
            raise _placed(exc, loc.where(key, section="settings")) from exc.__cause__
    return Settings(**values)


# Finding a key's line costs a search of its table (and a pattern compiled for the key):
# with 10,000 sources, done for every key it was most of reading the file. Checks get this
# mark instead, and an error's mark is replaced by the key's place only when there is one.
_HERE = "⟦here⟧"  # printable: ConfigError cleans control characters from messages


def _placed(exc: ConfigError, place: str) -> ConfigError:
    """``exc`` with its mark replaced by the key's place (file:line, and for a source its
    label)."""
    return ConfigError(str(exc).replace(_HERE, place))


def _parse_source(
    raw: Any,
    index: int,
    settings: Settings,
    loc: Locator,
    warnings: list[str],
    path: Path,
) -> SourceSpec:
    # Run for each of thousands of sources: places (a search of the text each) are found
    # only for a message.
    if not isinstance(raw, dict):
        raise ConfigError(
            N_("{where}: each source must be a [[sources]] table").format(
                where=loc.where("sources", index)
            )
        )
    if isinstance(raw.get("name"), str):
        label = N_("source '{name}'").format(name=raw["name"])
    else:
        label = N_("source #{number}").format(number=index + 1)
    values: dict[str, Any] = {
        "refresh_minutes": settings.refresh_minutes,
        "script": settings.script,
        "timezone": settings.timezone,
        "full_text": settings.full_text,
        "max_items": settings.max_items,
        "keep_days": settings.keep_days,
        "max_articles": settings.max_articles,
    }
    for key, value in raw.items():
        expected = _SOURCE_TYPES.get(key)
        if expected is None:
            warnings.append(UNKNOWN_KEY.format(where=f"{loc.where(key, index)}: {label}", key=key))
            continue
        try:
            check_type(value, expected, _HERE, key)
            values[key] = _validate_value(key, value, _HERE)
        except ConfigError as exc:
            raise _placed(exc, f"{loc.where(key, index)}: {label}") from exc.__cause__
    if "url" not in values or not str(values["url"]).strip():
        message = N_("{where}: {label} has no 'url'; add url = \"https://…\"")
        raise ConfigError(message.format(where=loc.where("sources", index), label=label))
    try:
        values["url"] = _normalize_url(values["url"].strip(), path, _HERE)
    except ConfigError as exc:
        raise _placed(exc, f"{loc.where('url', index)}: {label}") from exc.__cause__
    if not values.get("name"):
        values["name"] = values["url"]
    values["name"] = clean_line(values["name"])
    return SourceSpec(**values)


def _validate_value(key: str, value: Any, where: str) -> Any:
    """Check ranges and enumerations; returns the value in its canonical form."""
    if key == "url":  # every source has these, and no check below is about them; the
        return value  # URL's own checks come after (_normalize_url)
    if key in ("name", "group"):
        return clean_line(value)
    at_least_one = (
        *("concurrency", "per_host", "refresh_minutes", "pages", "max_bytes", "max_items"),
        "image_max_bytes",
    )
    if key in at_least_one and value < 1:
        raise ConfigError(AT_LEAST.format(where=where, key=key, bound=1, value=value))
    if key == "max_items" and value > MAX_ITEMS_BOUND:
        raise ConfigError(
            AT_MOST.format(where=where, key="max_items", bound=f"{MAX_ITEMS_BOUND:,}", value=value)
        )
    if key == "keep_days" and value > 36_500:
        message = N_("{where}: 'keep_days' must be at most 36500 (a century), not {value}")
        raise ConfigError(message.format(where=where, value=value))
    if key in ("retries", "max_redirects", "keep_days", "max_articles") and value < 0:
        raise ConfigError(N_("{where}: '{key}' must not be negative").format(where=where, key=key))
    check_bounds(key, value, where)
    if key == "user_agent":
        check_user_agent(value, where)
    if key in ("link_selector", "body_selector"):
        check_selector(key, value, where)
    if key in ("timeout", "connect_timeout"):
        if value < MIN_TIMEOUT:
            # 1e-223 is positive, yet no request can finish in it: every fetch would fail.
            message = N_("{where}: '{key}' must be at least {bound} seconds, not {value!r}")
            raise ConfigError(message.format(where=where, key=key, bound=MIN_TIMEOUT, value=value))
        return float(value)
    if key == "script" and value not in SCRIPTS:
        raise ConfigError(
            ONE_OF.format(where=where, key="script", names=", ".join(SCRIPTS), value=value)
        )
    if key == "kind" and value not in ("feed", "page"):
        raise ConfigError(
            EITHER.format(where=where, key="kind", a='"feed"', b='"page"', value=value)
        )
    if key == "full_text":
        mapped = (
            {True: "always", False: "never"}.get(value, value) if isinstance(value, bool) else value
        )
        if mapped not in ("auto", "always", "never"):
            message = N_("{where}: '{key}' must be \"auto\", true or false")
            raise ConfigError(message.format(where=where, key="full_text"))
        return mapped
    if key == "theme" and not _THEME_NAME.match(value):
        message = N_(
            '{where}: \'theme\' must be a theme\'s name ("dark", "light", "high-contrast" or a'
            ' Textual theme such as "nord"), not {value!r}'
        )
        raise ConfigError(message.format(where=where, value=value))
    if key == "text_width" and not 20 <= value <= 1000:
        message = N_("{where}: 'text_width' must be between 20 and 1000 cells, not {value}")
        raise ConfigError(message.format(where=where, value=value))
    if key == "images":
        mapped = {True: "on", False: "off"}.get(value, value) if isinstance(value, bool) else value
        if mapped not in ("auto", "on", "off"):
            message = N_("{where}: '{key}' must be \"auto\", true or false, not {value!r}")
            raise ConfigError(message.format(where=where, key="images", value=value))
        return mapped
    if key == "mark_read" and value not in ("open", "preview"):
        message = EITHER.format(
            where=where, key="mark_read", a='"open"', b='"preview"', value=value
        )
        raise ConfigError(message)
    if key == "language":
        canonical = {name.lower(): name for name in LANGUAGES}.get(value.strip().lower())
        if canonical is None:
            names = ", ".join(f'"{name}"' for name in LANGUAGES)
            raise ConfigError(ONE_OF.format(where=where, key="language", names=names, value=value))
        return canonical
    if key in ARGV_SETTINGS:
        return check_argv(key, value, where)
    if key == "save_dir":
        return check_save_dir(value, where)
    if key == "timezone":
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for a config that names one

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            message = N_("{where}: unknown timezone {value!r}")
            raise ConfigError(message.format(where=where, value=value)) from exc
    return value


def _normalize_url(url: str, config_file: Path, where: str) -> str:
    """Accept http(s)://, file:// and local paths (relative to the config file)."""
    match = _URL_SCHEME.match(url)
    if match and len(match.group(1)) > 1:  # a one-letter "scheme" is a Windows drive
        scheme = match.group(1).lower()
        if scheme not in ("http", "https", "file"):
            message = N_(
                "{where}: unsupported URL scheme '{scheme}:' in {url!r}; use http://, https://,"
                " file:// or a local path"
            )
            raise ConfigError(message.format(where=where, scheme=scheme, url=url))
        if scheme in ("http", "https"):
            check_web_url(url, where)
        return url
    if any(not c.isprintable() for c in url):
        raise ConfigError(f"{where}: 'url' holds control characters: {url!r}")
    try:
        local = Path(url).expanduser()
    except RuntimeError as exc:  # "~nosuchuser/x.xml"
        raise ConfigError(f"{where}: 'url' {url!r}: no such user's home directory") from exc
    if not local.is_absolute():
        local = (config_file.parent / local).resolve()
    return local.as_uri()
