"""The query language of the reader's ``/``, ``suxun-tui search``, query feeds and rules.

``南京 "metro line" -体育 source:新华网 OR source:BBC is:unread after:2025-12-01 age:<7d``.
Words must all match; ``OR`` between two items makes either enough; ``-`` negates an
item. A mistake is a :class:`QueryError` that says what and where (a 1-based column), so
the reader, the CLI and the config loader can all point at it.
"""

from __future__ import annotations

import re
from datetime import date

from suxun_tui.query.model import (
    FIELDS,
    STATES,
    Age,
    Atom,
    DateBound,
    Field,
    Item,
    Query,
    State,
    Text,
)
from suxun_tui.text.i18n import N_

MAX_ITEMS = 32
_AGE = re.compile(r"([<>])(\d{1,6})([hdw])")
_UNIT_SECONDS = {"h": 3600, "d": 86400, "w": 7 * 86400}
_FIELD = re.compile(r"([A-Za-z]+):")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class QueryError(ValueError):
    """A query that cannot be read; ``column`` is 1-based, ``str()`` says it all."""

    def __init__(self, message: str, column: int, hint: str = "") -> None:
        if hint:
            said = N_("{message} at column {column} ({hint})").format(
                message=message, column=column, hint=hint
            )
        else:
            said = N_("{message} at column {column}").format(message=message, column=column)
        super().__init__(said)
        self.column = column
        self.problem = message


class _Token:
    """One word of the query as typed, where it starts, and how it was written."""

    __slots__ = ("column", "negated", "prefix", "quoted", "text")

    def __init__(
        self, text: str, column: int, quoted: bool, prefix: str = "", negated: bool = False
    ) -> None:
        self.text = text  # the raw text, quotes removed from a quoted value
        self.column = column
        self.quoted = quoted  # the value (or the whole token) was in quotes
        self.prefix = prefix  # "field:" when the token had one, "-" kept apart in ``negated``
        self.negated = negated


def _tokens(query: str) -> list[_Token]:
    """Split on spaces; quotes keep a phrase (or a field's value) together."""
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        start = i
        negated = query[i] == "-" and i + 1 < n and not query[i + 1].isspace()
        if negated:
            i += 1
        prefix = ""
        match = _field_prefix(query, i)
        if match and match.end() < n and not query[match.end()].isspace():
            prefix, i = match.group(0), match.end()
        elif match and _known(match.group(1)):
            raise QueryError(N_("'{field}' needs a value").format(field=match.group(0)), start + 1)
        if i < n and query[i] == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError(N_("unclosed quote"), i + 1)
            tokens.append(_Token(query[i + 1 : end], start + 1, True, prefix, negated))
            i = end + 1
            continue
        end = i
        while end < n and not query[end].isspace():
            end += 1
        tokens.append(_Token(query[i:end], start + 1, False, prefix, negated))
        i = end
    return tokens


def _field_prefix(query: str, i: int) -> re.Match[str] | None:
    """``name:`` at ``i`` when it reads as a field; ``c:\\path`` and ``https://`` are text."""
    match = _FIELD.match(query, i)
    if match is None or len(match.group(1)) < 2:
        return None
    if query.startswith(("/", "\\"), match.end()):
        return None
    return match


def _known(name: str) -> bool:
    return name.lower() in (*FIELDS, "is", "after", "before", "age")


def parse_query(query: str) -> Query:
    """``query`` as a :class:`Query`; raises :class:`QueryError` saying where it is wrong."""
    query = _CONTROLS.sub(" ", query)
    # A byte the terminal's encoding could not decode reaches us as a lone surrogate
    # (Python's command-line escape); no text holds one, and SQLite cannot take it.
    lone = _SURROGATE.search(query)
    if lone is not None:
        raise QueryError(
            N_("a byte that is not text"),
            lone.start() + 1,
            N_("type the query in UTF-8"),
        )
    groups: list[list[Item]] = []
    join_next = False
    count = 0
    last_column = 1
    for token in _tokens(query):
        last_column = token.column
        if token.text == "OR" and not token.quoted and not token.prefix and not token.negated:
            if not groups or join_next:
                raise QueryError(N_("'OR' needs a term on each side"), token.column)
            join_next = True
            continue
        item = Item(_atom(token), token.negated)
        if item.atom == Text(""):
            continue  # an empty phrase ("") asks for nothing
        count += 1
        if count > MAX_ITEMS:
            raise QueryError(N_("more than {count} terms").format(count=MAX_ITEMS), token.column)
        if join_next:
            groups[-1].append(item)
            join_next = False
        else:
            groups.append([item])
    if join_next:
        raise QueryError(N_("'OR' needs a term on each side"), last_column)
    return Query(tuple(tuple(g) for g in groups), query.strip())


def _atom(token: _Token) -> Atom:
    if not token.prefix:
        return Text(token.text.strip() if token.quoted else token.text, token.quoted)
    name = token.prefix[:-1].lower()
    value = token.text.strip()
    value_column = token.column + len(token.prefix) + int(token.negated)
    if not value:
        raise QueryError(N_("'{field}' needs a value").format(field=token.prefix), token.column)
    if name in FIELDS:
        return Field(name, value)
    if name == "is":
        if value.lower() not in STATES:
            states = ", ".join("is:" + s for s in STATES)
            message = N_("unknown state 'is:{value}'").format(value=value)
            raise QueryError(message, token.column, N_("use {states}").format(states=states))
        return State(value.lower())  # type: ignore[arg-type]
    if name in ("after", "before"):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            message = N_("'{field}{value}' is not a date").format(field=token.prefix, value=value)
            raise QueryError(message, value_column, N_("use YYYY-MM-DD")) from None
        return DateBound(name == "after", day)
    if name == "age":
        match = _AGE.fullmatch(value)
        if not match:
            message = N_("'age:{value}' is not an age").format(value=value)
            raise QueryError(message, value_column, N_("use age:<7d or age:>12h; h, d, w"))
        seconds = int(match.group(2)) * _UNIT_SECONDS[match.group(3)]
        return Age(match.group(1) == "<", seconds)
    known = ", ".join(f"{f}:" for f in (*FIELDS, "is", "after", "before", "age"))
    message = N_("unknown field '{field}'").format(field=token.prefix)
    raise QueryError(message, token.column, N_("known: {fields}").format(fields=known))
