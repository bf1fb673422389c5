"""A parsed query as plain values: groups that must all match, each a choice of items.

``a b OR c -d`` is ``[[a], [b, c], [-d]]``: ``OR`` joins neighbours into one group, and
groups are joined by AND. The store turns these values into SQL; config checks them when
it loads ``[[queries]]`` and ``[[rules]]``; nothing here knows about either.

The values are tuples, immutable and equal by value, with a named property for each
field, and a ``repr`` and pickling that name the class (:func:`_named`): ``NamedTuple``
classes cost some 2 million instructions each to define (its ``collections.namedtuple``
compiles code for each), which every ``search`` (and ``list``) paid at start-up.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

FieldName = Literal["source", "group", "tag", "author"]
StateName = Literal["unread", "read", "starred", "hidden"]
FIELDS: tuple[FieldName, ...] = ("source", "group", "tag", "author")
STATES: tuple[StateName, ...] = ("unread", "read", "starred", "hidden")


class Text(tuple[str, bool]):
    """Words (or a quoted phrase) that must appear in the title or the text."""

    __slots__ = ()

    def __new__(cls, text: str, phrase: bool = False) -> Text:
        return tuple.__new__(cls, (text, phrase))

    @property
    def text(self) -> str:
        return self[0]

    @property
    def phrase(self) -> bool:
        return self[1]


class Field(tuple[FieldName, str]):
    """``source:``, ``group:`` and ``tag:`` name one exactly; ``author:`` is a substring."""

    __slots__ = ()

    def __new__(cls, name: FieldName, value: str) -> Field:
        return tuple.__new__(cls, (name, value))

    @property
    def name(self) -> FieldName:
        return self[0]

    @property
    def value(self) -> str:
        return self[1]


class State(tuple[StateName]):
    """``is:unread``, ``is:read``, ``is:starred``; ``is:hidden`` (what rules hid, which
    nothing else shows)."""

    __slots__ = ()

    def __new__(cls, name: StateName) -> State:
        return tuple.__new__(cls, (name,))

    @property
    def name(self) -> StateName:
        return self[0]


class DateBound(tuple[bool, date]):
    """``after:D`` (published on D or later) and ``before:D`` (published before D), UTC days."""

    __slots__ = ()

    def __new__(cls, after: bool, day: date) -> DateBound:
        return tuple.__new__(cls, (after, day))

    @property
    def after(self) -> bool:
        return self[0]

    @property
    def day(self) -> date:
        return self[1]


class Age(tuple[bool, int]):
    """``age:<7d`` (newer than) and ``age:>7d`` (older than), in seconds."""

    __slots__ = ()

    def __new__(cls, newer: bool, seconds: int) -> Age:
        return tuple.__new__(cls, (newer, seconds))

    @property
    def newer(self) -> bool:
        return self[0]

    @property
    def seconds(self) -> int:
        return self[1]


Atom = Text | Field | State | DateBound | Age


class Item(tuple[Atom, bool]):
    """One atom, possibly negated (``-word``, ``-source:x``)."""

    __slots__ = ()

    def __new__(cls, atom: Atom, negated: bool = False) -> Item:
        return tuple.__new__(cls, (atom, negated))

    @property
    def atom(self) -> Atom:
        return self[0]

    @property
    def negated(self) -> bool:
        return self[1]


class Query(tuple[tuple[tuple[Item, ...], ...], str]):
    """Every group must match; a group matches when any of its items does."""

    __slots__ = ()

    def __new__(cls, groups: tuple[tuple[Item, ...], ...] = (), source: str = "") -> Query:
        return tuple.__new__(cls, (groups, source))

    @property
    def groups(self) -> tuple[tuple[Item, ...], ...]:
        return self[0]

    @property
    def source(self) -> str:
        return self[1]

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


def _named(cls: type[tuple[object, ...]], fields: tuple[str, ...]) -> None:
    """``repr`` as a named tuple's (``Text(text='x', phrase=False)``), and pickling that
    makes the class again from the fields."""

    def __repr__(self: tuple[object, ...]) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self, strict=True))
        return f"{type(self).__name__}({shown})"

    def __getnewargs__(self: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(self)

    cls.__repr__ = __repr__  # type: ignore[assignment,method-assign]
    cls.__getnewargs__ = __getnewargs__  # type: ignore[attr-defined]


for _cls, _fields in (
    (Text, ("text", "phrase")),
    (Field, ("name", "value")),
    (State, ("name",)),
    (DateBound, ("after", "day")),
    (Age, ("newer", "seconds")),
    (Item, ("atom", "negated")),
    (Query, ("groups", "source")),
):
    _named(_cls, _fields)
