"""The query language shared by search, query feeds and rules: text in, values out."""

from __future__ import annotations

from suxun_tui.query.model import Age, DateBound, Field, Item, Query, State, Text
from suxun_tui.query.parser import QueryError, parse_query

__all__ = [
    "Age",
    "DateBound",
    "Field",
    "Item",
    "Query",
    "QueryError",
    "State",
    "Text",
    "parse_query",
]
