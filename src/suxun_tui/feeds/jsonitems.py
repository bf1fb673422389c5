"""A JSON Feed's items read one at a time, so only the kept ones are ever held.

``json.loads`` of 19 MB of tiny items builds every item's dictionary at once (13 times
the input in memory). Here the top-level object is walked key by key with the standard
decoder's ``raw_decode``; the ``items`` array is decoded item by item and only the first
and last ``max_items`` are kept — the feed's newest end is chosen once both are known.
"""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonFeedSyntaxError(ValueError):
    """Not a JSON object, or broken JSON; the message says where."""


def read_json_items(text: str, max_items: int) -> tuple[dict[str, Any], list[Any], int]:
    """(the top-level object without ``items``, the kept items, how many items there were).

    Raises :class:`JsonFeedSyntaxError` for broken JSON and for nesting too deep to decode.
    """
    try:
        return _read(text, max_items)
    except RecursionError:
        raise JsonFeedSyntaxError("JSON nested too deeply") from None
    except (ValueError, IndexError) as exc:
        raise JsonFeedSyntaxError(str(exc)) from None


def _skip(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _expect(text: str, pos: int, chars: str) -> str:
    if pos >= len(text) or text[pos] not in chars:
        found = repr(text[pos]) if pos < len(text) else "the end"
        raise JsonFeedSyntaxError(f"expected {' or '.join(chars)} at character {pos}, not {found}")
    return text[pos]


def _read(text: str, max_items: int) -> tuple[dict[str, Any], list[Any], int]:
    pos = _skip(text, 0)
    _expect(text, pos, "{")
    top: dict[str, Any] = {}
    items: list[Any] = []
    count = 0
    pos = _skip(text, pos + 1)
    if text[pos] == "}":
        return top, items, 0
    while True:
        _expect(text, pos, '"')
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        _expect(text, pos, ":")
        pos = _skip(text, pos + 1)
        if key == "items" and text[pos] == "[":
            items, count, pos = _read_items(text, pos, max_items)
            top["items"] = None  # present, as a list: the caller checks for the key
        else:
            top[key], pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        if _expect(text, pos, ",}") == "}":
            break
        pos = _skip(text, pos + 1)
    if text[_skip(text, pos + 1) :]:
        raise JsonFeedSyntaxError(f"extra data after the object at character {pos + 1}")
    return top, items, count


def _read_items(text: str, pos: int, max_items: int) -> tuple[list[Any], int, int]:
    first: list[Any] = []
    last: deque[Any] = deque(maxlen=max_items)
    count = 0
    pos = _skip(text, pos + 1)
    if text[pos] == "]":
        return [], 0, pos + 1
    while True:
        item, pos = _DECODER.raw_decode(text, pos)
        count += 1
        if len(first) < max_items:
            first.append(item)
        else:
            last.append(item)
        pos = _skip(text, pos)
        if _expect(text, pos, ",]") == "]":
            break
        pos = _skip(text, pos + 1)
    if count <= max_items:
        return first, count, pos + 1
    tail = (first + list(last))[-max_items:]
    oldest, newest = _date(first[0]), _date(tail[-1])
    newest_last = bool(oldest) and newest > oldest
    return (tail if newest_last else first), count, pos + 1


def _date(item: Any) -> str:
    """An item's date as written (ISO 8601 strings of one feed compare as text)."""
    if isinstance(item, dict):
        value = item.get("date_published") or item.get("date_modified")
        if isinstance(value, str):
            return value
    return ""
