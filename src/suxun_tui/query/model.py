"""A parsed query as plain values: groups that must all match, each a choice of items.

``a b OR c -d`` is ``[[a], [b, c], [-d]]``: ``OR`` joins neighbours into one group, and
groups are joined by AND. The store turns these values into SQL; config checks them when
it loads ``[[queries]]`` and ``[[rules]]``; nothing here knows about either.

The values are named tuples: immutable and equal by value as frozen dataclasses are, and
a tenth of their cost to define, which every ``search`` (and ``list``) pays at start-up.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

FieldName = Literal["source", "group", "tag", "author"]
StateName = Literal["unread", "read", "starred", "hidden"]
FIELDS: tuple[FieldName, ...] = ("source", "group", "tag", "author")
STATES: tuple[StateName, ...] = ("unread", "read", "starred", "hidden")


class Text(NamedTuple):
    """Words (or a quoted phrase) that must appear in the title or the text."""

    text: str
    phrase: bool = False


class Field(NamedTuple):
    """``source:``, ``group:`` and ``tag:`` name one exactly; ``author:`` is a substring."""

    name: FieldName
    value: str


class State(NamedTuple):
    """``is:unread``, ``is:read``, ``is:starred``; ``is:hidden`` (what rules hid, which
    nothing else shows)."""

    name: StateName


class DateBound(NamedTuple):
    """``after:D`` (published on D or later) and ``before:D`` (published before D), UTC days."""

    after: bool
    day: date


class Age(NamedTuple):
    """``age:<7d`` (newer than) and ``age:>7d`` (older than), in seconds."""

    newer: bool
    seconds: int


Atom = Text | Field | State | DateBound | Age


class Item(NamedTuple):
    """One atom, possibly negated (``-word``, ``-source:x``)."""

    atom: Atom
    negated: bool = False


class Query(NamedTuple):
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
