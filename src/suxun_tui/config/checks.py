"""Shared by every table's parser: value types, and the line a key stands on.

tomllib reports no positions, yet every message must name file and line, so
``Locator`` finds them in the text.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from suxun_tui.config.model import ConfigError


def check_type(value: Any, expected: type | tuple[type, ...], where: str, key: str) -> None:
    types = expected if isinstance(expected, tuple) else (expected,)
    # bool is an int in Python; refuse it where a number is wanted.
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        names = "a number" if float in types else " or ".join(TYPE_NAMES[t] for t in types)
        raise ConfigError(f"{where}: '{key}' must be {names}, not {value!r}")


TYPE_NAMES = {
    int: "a whole number",
    float: "a number",
    str: "a string",
    bool: "true or false",
    list: "a list",
}


class Locator:
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
        # Where any table of the array starts, in order: a table ends where the next begins.
        self.table_starts = sorted(self.source_starts + self.account_starts)
        self.settings_start = next(
            (i for i, line in enumerate(self.lines) if re.match(r"\s*\[\s*settings\s*\]", line)),
            None,
        )

    def where(self, key: str, index: int | None = None, section: str | None = None) -> str:
        start, end = 0, len(self.lines)
        starts = self.account_starts if section == "accounts" else self.source_starts
        if index is not None and index < len(starts):
            start = starts[index]
            # A binary search: a config of 10,000 sources asks this for every key.
            after = bisect.bisect_right(self.table_starts, start)
            end = self.table_starts[after] if after < len(self.table_starts) else end
        elif section == "settings" and self.settings_start is not None:
            start = self.settings_start
        pattern = re.compile(rf"\s*(\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\]|\.)")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return f"{self.path}:{i + 1}"
        return f"{self.path}:{start + 1}" if index is not None else str(self.path)
