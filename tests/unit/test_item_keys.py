"""An item's key is a function of its fields as read: equal fields give equal keys,
whatever objects hold them, and a change to any field or to the seed gives another."""

from __future__ import annotations

import time
from dataclasses import replace

from suxun_tui.feeds.fastfeed import RawEntry
from suxun_tui.feeds.itemkeys import item_key

WHEN = time.strptime("2025-12-01 08:00:00", "%Y-%m-%d %H:%M:%S")


def _entry() -> RawEntry:
    return RawEntry(
        id="http://example.org/a/1",
        title="标题 \ud800 one",
        link="http://example.org/a/1",
        links=[("alternate", "http://example.org/a/1")],
        content=["<p>正文</p>"],
        summary="<p>正文</p>",
        published=WHEN,
        author="作者",
    )


def test_equal_fields_in_other_objects_give_the_same_key() -> None:
    first = _entry()
    fresh = "".join(["altern", "ate"])  # equal to the interned literal, not the same object
    second = replace(
        _entry(),
        id="".join(["http://example.org/a/", "1"]),
        links=[(fresh, "http://example.org/a/" + "1")],
        published=time.struct_time(tuple(WHEN)),
    )
    assert item_key(first, "seed") == item_key(second, "seed")


def test_any_change_gives_another_key() -> None:
    base = _entry()
    changed = [
        replace(base, id="http://example.org/a/2"),
        replace(base, title="标题 two"),
        replace(base, link=None),
        replace(base, links=[("enclosure", "http://example.org/a/1")]),
        replace(base, content=[]),
        replace(base, content=["<p>正文</p>", ""]),
        replace(base, summary=None),
        replace(base, author="作者 2"),
        replace(base, published=None),
        replace(base, updated=WHEN),
    ]
    keys = {item_key(entry, "seed") for entry in changed}
    assert len(keys) == len(changed) and item_key(base, "seed") not in keys
    assert item_key(base, "other seed") != item_key(base, "seed")


class _Text(str):
    """What a reader might hand over instead of a plain str."""


def test_fields_of_a_str_subclass_still_give_a_stable_key() -> None:
    odd = replace(_entry(), title=_Text("标题 \ud800 one"))
    assert item_key(odd, "seed") == item_key(
        replace(_entry(), title=_Text("标题 \ud800 one")), "seed"
    )
