"""The ids of a Google Reader API stream: both id forms, and every page of a listing.

A sync with nothing new is mostly listings: every unread id, every starred and read one,
10,000 a page. Such a page as Miniflux writes it — ``{"itemRefs":[{"id":"1"},…],
"continuation":"10000"}``, nothing else — is recognised whole by one regular expression
and its ids taken as text, without building 10,000 dicts (:func:`plain_page`); any other
page (other keys, spaces, the long id form, a broken answer) goes through the JSON
decoder and :func:`page_ids`, so both ways read a page the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from suxun_tui.sync.api import Api, expect

IDS_PAGE = 10_000
MAX_ID_PAGES = 50  # up to 500,000 ids per listing; a continuation loop ends here
ITEMS_IDS = "reader/api/0/stream/items/ids"
_ITEM_PREFIX = "tag:google.com,2005:reader/item/"
_REF = rb'\{"id":"[1-9][0-9]*"\}'
# A page that is exactly refs of canonical decimal ids and, perhaps, a continuation of
# printable ASCII without quotes or backslashes: JSON whose meaning is plain from the text.
_PLAIN_PAGE = re.compile(
    rb'\{"itemRefs":\[(?:' + _REF + rb"(?:," + _REF + rb")*)?\]"
    rb'(?:,"continuation":"([\x20\x21\x23-\x5b\x5d-\x7e]*)")?\}'
)
_PLAIN_ID = re.compile(r'"id":"([0-9]+)"')


def item_id(value: Any) -> str | None:
    """Either id form (decimal, or the long form with 16 hex digits) → decimal text."""
    if type(value) is str and value.isdecimal() and value[:1] != "0" and value.isascii():
        return value  # the common form, already canonical: tens of thousands per sync
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    try:
        if value.startswith(_ITEM_PREFIX):
            return str(int(value[len(_ITEM_PREFIX) :], 16))
        return str(int(value)) if value.lstrip("-").isdigit() else None
    except ValueError:
        return None


def page_ids(refs: Any) -> list[str]:
    """The item ids of one decoded page of ``stream/items/ids`` in canonical form.

    The common form (decimal text) is checked in one pass, and only a page holding
    another form goes through :func:`item_id` one id at a time.
    """
    if not isinstance(refs, list):
        return []
    values = [ref.get("id") for ref in refs if isinstance(ref, dict)]
    decimal = [
        v for v in values if type(v) is str and v.isdecimal() and v[:1] != "0" and v.isascii()
    ]
    if len(decimal) == len(values):
        return decimal
    return [i for i in map(item_id, values) if i is not None]


def plain_page(body: bytes) -> tuple[list[str], str] | None:
    """(ids, continuation) of a page in the plain form above, else None.

    Equal to decoding the JSON and reading it with :func:`page_ids`: the expression
    admits only text whose JSON meaning it can read directly (a test compares the two).
    """
    page = _PLAIN_PAGE.fullmatch(body)
    if page is None:
        return None
    continuation = page.group(1)
    return _PLAIN_ID.findall(body.decode("ascii")), (continuation or b"").decode("ascii")


async def list_ids(api: Api, query: Sequence[tuple[str, str]], what: str) -> tuple[list[str], bool]:
    """All ids of a stream, following continuations (opaque); (ids, complete)."""
    ids: list[str] = []
    seen: set[str] = set()
    continuation = ""
    for _ in range(MAX_ID_PAGES):
        page = list(query) + [("n", str(IDS_PAGE)), ("output", "json")]
        if continuation:
            page.append(("c", continuation))
        result = await api.call("GET", ITEMS_IDS, query=page)
        plain = plain_page(result.content.strip())
        if plain is not None:
            fresh, following = plain
        else:
            answer = expect(api.decode(result, ITEMS_IDS), dict, api.account, what)
            fresh, following = page_ids(answer.get("itemRefs")), answer.get("continuation")
        fresh = list(dict.fromkeys(fresh))  # a server may repeat an id
        if seen:
            fresh = [value for value in fresh if value not in seen]
        seen.update(fresh)
        ids += fresh
        if not following or not isinstance(following, str) or following == continuation:
            return ids, True
        if not fresh:
            return ids, False  # "more" that brings nothing new: a loop
        continuation = following
    return ids, False
