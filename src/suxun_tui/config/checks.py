"""Shared by every table's parser: value types, and the line a key stands on.

tomllib reports no positions, yet every message must name file and line, so
``Locator`` finds them in the text.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from suxun_tui.config.model import ConfigError
from suxun_tui.text.i18n import N_

# Messages more than one check gives (English, translated where shown; see text.i18n_said).
UNKNOWN_KEY = N_("{where}: unknown key '{key}' (ignored)")
AT_LEAST = N_("{where}: '{key}' must be at least {bound}, not {value}")
AT_MOST = N_("{where}: '{key}' must be at most {bound}, not {value}")
EITHER = N_("{where}: '{key}' must be {a} or {b}, not {value!r}")
ONE_OF = N_("{where}: '{key}' must be one of {names}, not {value!r}")


def check_type(value: Any, expected: type | tuple[type, ...], where: str, key: str) -> None:
    types = expected if isinstance(expected, tuple) else (expected,)
    # bool is an int in Python; refuse it where a number is wanted.
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        names = TYPE_NAMES[float] if float in types else " or ".join(TYPE_NAMES[t] for t in types)
        message = N_("{where}: '{key}' must be {kind}, not {value}")
        raise ConfigError(message.format(where=where, key=key, kind=names, value=shown(value)))


TYPE_NAMES = {
    int: N_("a whole number"),
    float: N_("a number"),
    str: N_("a string"),
    bool: N_("true or false"),
    list: N_("a list"),
}


_SOURCES = re.compile(r"\s*\[\[\s*sources\s*\]\]")
_ACCOUNTS = re.compile(r"\s*\[\[\s*accounts\s*\]\]")
_SETTINGS = re.compile(r"\s*\[\s*settings\s*\]")


class Locator:
    """Finds the line of a key in TOML text, because tomllib reports no positions."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.source_starts = [i for i, line in enumerate(self.lines) if _SOURCES.match(line)]
        self.account_starts = [i for i, line in enumerate(self.lines) if _ACCOUNTS.match(line)]
        # Where any table of the array starts, in order: a table ends where the next begins.
        self.table_starts = sorted(self.source_starts + self.account_starts)
        self.settings_start = next(
            (i for i, line in enumerate(self.lines) if _SETTINGS.match(line)),
            None,
        )

    def where(self, key: str, index: int | None = None, section: str | None = None) -> str:
        start, end = 0, len(self.lines)
        starts = self.account_starts if section == "accounts" else self.source_starts
        if index is not None and index < len(starts):
            start = starts[index]
            # A binary search: a config of 10,000 sources asks this for every key (of its
            # accounts, or of a table with a mistake: most starts never ask).
            import bisect

            after = bisect.bisect_right(self.table_starts, start)
            end = self.table_starts[after] if after < len(self.table_starts) else end
        elif section == "settings" and self.settings_start is not None:
            start = self.settings_start
        pattern = re.compile(rf"\s*(\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\]|\.)")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return f"{self.path}:{i + 1}"
        return f"{self.path}:{start + 1}" if index is not None else str(self.path)


# Upper bounds on numbers: beyond these a value is a typo or an attack, and would overflow
# a timedelta, allocate gigabytes or retry forever at every refresh.
UPPER_BOUNDS: dict[str, tuple[float, str]] = {
    "concurrency": (1_000, ""),
    "per_host": (100, ""),
    "timeout": (86_400, " seconds (a day)"),
    "connect_timeout": (86_400, " seconds (a day)"),
    "retries": (20, ""),
    "refresh_minutes": (525_600, " minutes (a year)"),
    "max_bytes": (1024 * 1024 * 1024, " bytes (1 GiB)"),
    "image_max_bytes": (256 * 1024 * 1024, " bytes (256 MiB)"),
    "max_redirects": (100, ""),
    "pages": (1_000, ""),
}
MAX_NESTING = 100  # arrays and inline tables; no setting nests more than two deep
MAX_CONFIG_BYTES = 4 * 1024 * 1024


def shown(value: Any, limit: int = 60) -> str:
    """A value for a message: its repr, cut short (a huge or deep value must not flood it)."""
    try:
        text = repr(value)
    except RecursionError:
        text = f"<a {type(value).__name__} nested too deeply>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_bounds(key: str, value: Any, where: str) -> None:
    """Numbers must be finite and within :data:`UPPER_BOUNDS` (``nan`` compares false)."""
    if isinstance(value, float) and not math.isfinite(value):
        message = N_("{where}: '{key}' must be a finite number, not {value}")
        raise ConfigError(message.format(where=where, key=key, value=value))
    if key in UPPER_BOUNDS:
        bound, unit = UPPER_BOUNDS[key]
        if value > bound:
            limit = f"{bound:g}{unit}"
            raise ConfigError(AT_MOST.format(where=where, key=key, bound=limit, value=shown(value)))


def check_user_agent(value: str, where: str) -> None:
    """A header value goes out as ASCII: anything else would fail every request."""
    if not value.strip() or not re.fullmatch(r"[\x20-\x7e]+", value):
        message = N_(
            "{where}: 'user_agent' must be printable ASCII on one line (no line breaks, no other"
            " scripts: HTTP headers carry ASCII), not {value}"
        )
        raise ConfigError(message.format(where=where, value=shown(value)))


def check_selector(key: str, value: str, where: str) -> None:
    """A CSS selector must parse: a broken one would silently match nothing."""
    from cssselect import HTMLTranslator, SelectorError

    try:
        HTMLTranslator().css_to_xpath(value)
    except (SelectorError, ValueError, RecursionError) as exc:
        message = N_(
            "{where}: '{key}' is not a CSS selector this reader understands ({error}): {value}"
        )
        raise ConfigError(
            message.format(where=where, key=key, error=exc, value=shown(value))
        ) from exc


# An http(s) URL whose host is letters, digits, dots and dashes, with a numeric port at
# most: urlsplit reads its host and port without fail (most configured URLs).
_PLAIN_WEB_URL = re.compile(
    r"https?://[A-Za-z0-9.-]*[A-Za-z0-9](?::(?P<port>[0-9]{1,5}))?(?:[/?#]|$)"
)


def check_web_url(url: str, where: str) -> None:
    """An http(s) URL must be one an HTTP request can be made for.

    Spaces and control characters are refused (percent-encode them: ``%20``); the host must
    parse (``http://[::1`` does not) and the port be a number.
    """
    # isprintable is False for every control, format and space character but U+0020.
    if " " in url or not url.isprintable():
        message = N_(
            "{where}: 'url' holds spaces or control characters; write a space as %20: {url}"
        )
        raise ConfigError(message.format(where=where, url=shown(url)))
    plain = _PLAIN_WEB_URL.match(url)
    if plain and (not plain["port"] or int(plain["port"]) <= 65535):
        return  # a plain host name or address and a port that parse: what the rest checks
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as exc:
        message = N_("{where}: 'url' is not a valid URL ({error}): {url}")
        raise ConfigError(message.format(where=where, error=exc, url=shown(url))) from exc
    if not parts.hostname:
        message = N_("{where}: 'url' has no host name: {url}")
        raise ConfigError(message.format(where=where, url=shown(url)))


def nesting_too_deep(text: str) -> int | None:
    """The 1-based line where arrays or inline tables nest past :data:`MAX_NESTING`, if any.

    tomllib recurses once per level and dies with RecursionError thousands deep; counting
    brackets outside strings and comments first gives a line number and no crash. The scan
    jumps from one character that matters to the next (C-speed searches): a config of
    10,000 sources is a megabyte of text.
    """
    depth, i = 0, 0
    while (found := _SIGNIFICANT.search(text, i)) is not None:
        j, c = found.start(), found.group()
        i = j + 1
        if c == "#":
            end = text.find("\n", j)
            if end < 0:
                return None
            i = end
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, j) else c
            close = _string_end(text, j + len(quote), quote)
            if close < 0:
                return None  # an unterminated string: tomllib says where
            i = close + len(quote)
        elif c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, j) + 1  # lines are counted only for the message
        else:
            depth = max(0, depth - 1)
    return None


def nests_at_most(data: Any, limit: int) -> bool:
    """Whether lists and tables of parsed TOML nest at most ``limit`` deep (``data``, the
    file's own table, is 1)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return False
        for child in value.values() if isinstance(value, dict) else value:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return True


_SIGNIFICANT = re.compile(r"[\"'#\[\]{}]")


def _string_end(text: str, start: int, quote: str) -> int:
    """Where the string that opened before ``start`` closes (-1: never); a backslash escapes
    the next character in basic (double-quoted) strings only."""
    at = start
    while (close := text.find(quote, at)) >= 0:
        if quote[0] == '"':
            slashes = 0
            while close - slashes - 1 >= start and text[close - slashes - 1] == "\\":
                slashes += 1
            if slashes % 2:
                at = close + 1
                continue
        return close
    return -1


def key_on_line(text: str, line: int) -> str:
    """The key assigned on ``line`` (or the last one before it), for messages."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)) - 1, -1, -1):
        match = re.match(r"\s*([A-Za-z0-9_.\"'-]+)\s*=", lines[number])
        if match:
            return match.group(1).strip("\"'")
    return "?"
