"""``[[queries]]`` and ``[[rules]]``: saved searches shown as feeds, and actions applied
to articles a query matches.

Each query is parsed here, when the config loads, so a mistake is reported with the file,
the line and the column inside the query — not later, as an empty feed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from suxun_tui.config.checks import UNKNOWN_KEY, check_type
from suxun_tui.config.model import ConfigError, QuerySpec, RuleSpec
from suxun_tui.text.i18n import N_
from suxun_tui.text.sanitize import clean_line

_QUERY_TYPES: dict[str, type] = {"name": str, "query": str, "group": str}
_RULE_TYPES: dict[str, type] = {"name": str, "query": str, "action": str}
_ACTIONS = ("hide", "read", "star")
_TAG = re.compile(r"^tag:(\S{1,64})$")
_TABLE = re.compile(r"\s*\[")


class _Tables:
    """Where each ``[[name]]`` table and its keys are in the file (tomllib gives no lines)."""

    def __init__(self, text: str, path: Path, name: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        start = re.compile(rf"\s*\[\[\s*{name}\s*\]\]")
        self.starts = [i for i, line in enumerate(self.lines) if start.match(line)]
        self.any_table = [i for i, line in enumerate(self.lines) if _TABLE.match(line)]

    def where(self, index: int, key: str | None = None) -> str:
        if index >= len(self.starts):
            return str(self.path)
        start = self.starts[index]
        end = next((i for i in self.any_table if i > start), len(self.lines))
        if key is not None:
            pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for i in range(start, end):
                if pattern.match(self.lines[i]):
                    return f"{self.path}:{i + 1}"
        return f"{self.path}:{start + 1}"


def _tables(raw: Any, text: str, path: Path, name: str) -> tuple[list[dict[str, Any]], _Tables]:
    tables = _Tables(text, path, name)
    if not isinstance(raw, list):
        raise ConfigError(
            N_("{where}: use [[{name}]] tables for {name}").format(where=path, name=name)
        )
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            message = N_("{where}: each entry must be a [[{name}]] table")
            raise ConfigError(message.format(where=tables.where(index), name=name))
    return raw, tables


def _checked_query(value: Any, where: str, label: str) -> str:
    if not isinstance(value, str) or not value.strip():
        message = N_("{where}: {label} needs a 'query', such as query = \"is:unread\"")
        raise ConfigError(message.format(where=where, label=label))
    # The query language loads only for a config that has queries or rules.
    from suxun_tui.query import QueryError, parse_query

    try:
        parse_query(value)
    except QueryError as exc:
        message = N_("{where}: {label}: query {query!r}: {error}")
        raise ConfigError(message.format(where=where, label=label, query=value, error=exc)) from exc
    return value.strip()


def _values(
    item: dict[str, Any], types: dict[str, type], tables: _Tables, index: int, warnings: list[str]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in item.items():
        where = tables.where(index, key)
        if key not in types:
            warnings.append(UNKNOWN_KEY.format(where=where, key=key))
            continue
        check_type(value, types[key], where, key)
        values[key] = value
    return values


def parse_queries(raw: Any, text: str, path: Path, warnings: list[str]) -> tuple[QuerySpec, ...]:
    """``[[queries]]`` → specs: a unique name, a query that parses, an optional group."""
    items, tables = _tables(raw, text, path, "queries")
    specs: list[QuerySpec] = []
    for index, item in enumerate(items):
        values = _values(item, _QUERY_TYPES, tables, index, warnings)
        name = clean_line(values.get("name", "")).strip()
        label = N_("query #{number}").format(number=index + 1)
        if not name:
            message = N_("{where}: {label} needs a 'name'")
            raise ConfigError(message.format(where=tables.where(index), label=label))
        label = N_("query '{name}'").format(name=name)
        if any(s.name == name for s in specs):
            message = N_("{where}: {label}: duplicate name")
            raise ConfigError(message.format(where=tables.where(index, "name"), label=label))
        query = _checked_query(values.get("query"), tables.where(index, "query"), label)
        group = clean_line(values["group"]).strip() or None if "group" in values else None
        specs.append(QuerySpec(name, query, group))
    return tuple(specs)


def parse_rules(raw: Any, text: str, path: Path, warnings: list[str]) -> tuple[RuleSpec, ...]:
    """``[[rules]]`` → specs: a query that parses and one action."""
    items, tables = _tables(raw, text, path, "rules")
    specs: list[RuleSpec] = []
    for index, item in enumerate(items):
        values = _values(item, _RULE_TYPES, tables, index, warnings)
        name = clean_line(values.get("name", "")).strip()
        if name:
            label = N_("rule '{name}'").format(name=name)
        else:
            label = N_("rule #{number}").format(number=index + 1)
        query = _checked_query(values.get("query"), tables.where(index, "query"), label)
        action = str(values.get("action", "")).strip()
        if action not in _ACTIONS and not _TAG.match(action):
            message = N_(
                '{where}: {label}: \'action\' must be "hide", "read", "star" or "tag:NAME",'
                " not {action!r}"
            )
            where = tables.where(index, "action")
            raise ConfigError(message.format(where=where, label=label, action=action))
        specs.append(RuleSpec(name or f"rule {index + 1}", query, action))
    return tuple(specs)
