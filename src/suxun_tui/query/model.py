"""A parsed query as plain values: groups that must all match, each a choice of items.

``a b OR c -d`` is ``[[a], [b, c], [-d]]``: ``OR`` joins neighbours into one group, and
groups are joined by AND. The store turns these values into SQL; config checks them when
it loads ``[[queries]]`` and ``[[rules]]``; nothing here knows about either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

FieldName = Literal["source", "group", "tag", "author"]
StateName = Literal["unread", "read", "starred", "hidden"]
FIELDS: tuple[FieldName, ...] = ("source", "group", "tag", "author")
STATES: tuple[StateName, ...] = ("unread", "read", "starred", "hidden")


@dataclass(frozen=True)
class Text:
    """Words (or a quoted phrase) that must appear in the title or the text."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class Field:
    """``source:``, ``group:`` and ``tag:`` name one exactly; ``author:`` is a substring."""

    name: FieldName
    value: str


@dataclass(frozen=True)
class State:
    """``is:unread``, ``is:read``, ``is:starred``; ``is:hidden`` (what rules hid, which
    nothing else shows)."""

    name: StateName


@dataclass(frozen=True)
class DateBound:
    """``after:D`` (published on D or later) and ``before:D`` (published before D), UTC days."""

    after: bool
    day: date


@dataclass(frozen=True)
class Age:
    """``age:<7d`` (newer than) and ``age:>7d`` (older than), in seconds."""

    newer: bool
    seconds: int


Atom = Text | Field | State | DateBound | Age


@dataclass(frozen=True)
class Item:
    """One atom, possibly negated (``-word``, ``-source:x``)."""

    atom: Atom
    negated: bool = False


@dataclass(frozen=True)
class Query:
    """Every group must match; a group matches when any of its items does."""

    groups: tuple[tuple[Item, ...], ...] = ()
    source: str = ""

    @property
    def empty(self) -> bool:
        return not self.groups

    def texts(self) -> list[str]:
        """The words and phrases to find (not negated), for highlighting matches."""
        return [
            item.atom.text
            for group in self.groups
            for item in group
            if isinstance(item.atom, Text) and not item.negated
        ]
