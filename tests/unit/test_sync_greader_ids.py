"""The Google Reader API's two item id forms, read the same however they are written."""

from __future__ import annotations

import asyncio
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.sync.greader import _together
from suxun_tui.sync.greader_ids import item_id, page_ids, plain_page


@given(st.integers(min_value=0, max_value=2**63 - 1))
def test_every_form_of_an_id_gives_the_same_decimal_text(number: int) -> None:
    decimal = str(number)
    assert item_id(decimal) == decimal
    assert item_id(number) == decimal
    assert item_id("0" + decimal) == decimal
    assert item_id(f"tag:google.com,2005:reader/item/{number:016x}") == decimal


@pytest.mark.parametrize(
    "value", ["", "abc", "12a", None, True, 1.5, [], "tag:google.com,2005:reader/item/zz"]
)
def test_what_is_not_an_id_is_refused(value: object) -> None:
    assert item_id(value) is None


@given(st.lists(st.integers(min_value=0, max_value=2**63 - 1)), st.data())
def test_a_page_of_refs_reads_each_id_as_item_id_does(
    numbers: list[int], data: st.DataObject
) -> None:
    forms = [
        lambda n: str(n),
        lambda n: n,
        lambda n: "0" + str(n),
        lambda n: f"tag:google.com,2005:reader/item/{n:016x}",
        lambda n: "x",
    ]
    values = [data.draw(st.sampled_from(forms))(n) for n in numbers]
    refs: list[object] = [{"id": v} for v in values] + ["not a ref", {"no": "id"}]
    expected = [i for i in map(item_id, values) if i is not None]
    assert page_ids(refs) == expected
    assert page_ids({"id": "1"}) == [] and page_ids(None) == []


def read_as_json(body: bytes) -> tuple[list[str], object]:
    answer = json.loads(body)
    return page_ids(answer.get("itemRefs")), answer.get("continuation")


@given(
    st.lists(st.integers(min_value=0, max_value=2**63 - 1)),
    st.one_of(st.none(), st.text(max_size=12), st.integers(min_value=0, max_value=10**6)),
    st.booleans(),
)
def test_a_page_read_whole_by_its_text_reads_as_its_json_does(
    numbers: list[int], continuation: object, spaced: bool
) -> None:
    page: dict[str, object] = {"itemRefs": [{"id": str(n)} for n in numbers]}
    if continuation is not None:
        page["continuation"] = str(continuation) if isinstance(continuation, int) else continuation
    body = json.dumps(page, separators=(", ", ": ") if spaced else (",", ":")).encode()
    plain = plain_page(body)
    ids, following = read_as_json(body)
    if plain is not None:
        assert plain == (ids, following or "")
    elif not spaced and all(str(n)[0] != "0" for n in numbers):
        # only a continuation JSON writes with escapes may send a page the long way
        assert isinstance(continuation, str) and json.dumps(continuation)[1:-1] != continuation


def test_the_page_miniflux_writes_is_read_by_its_text() -> None:
    body = b'{"itemRefs":[{"id":"12"},{"id":"7"}],"continuation":"10000"}'
    assert plain_page(body) == (["12", "7"], "10000")
    assert plain_page(b'{"itemRefs":[]}') == ([], "")


@pytest.mark.parametrize(
    "body",
    [
        b'{"itemRefs":[{"id":"12"},]}',  # not JSON
        b'{"itemRefs":[{"id":"012"}]}',  # not the canonical form
        b'{"itemRefs":[{"id":"12","timestampUsec":"1"}]}',  # another key
        b'{"itemRefs":[{"id":"12"}],"continuation":"a\\"b"}',  # an escape
        b'{"itemRefs":[{"id":"12"}]} ',
        b'{"itemRefs":[{"id":"12"}],"continuation":10}',
    ],
)
def test_any_other_page_is_left_to_the_json_decoder(body: bytes) -> None:
    assert plain_page(body) is None


def test_the_first_failure_of_calls_run_together_is_raised_and_stops_the_rest() -> None:
    finished: list[str] = []

    async def fails() -> str:
        raise ValueError("refused")

    async def slow() -> str:
        await asyncio.sleep(30)
        finished.append("slow")
        return "slow"

    async def run() -> None:
        with pytest.raises(ValueError, match="refused"):
            await _together(slow(), fails())
        await asyncio.sleep(0)

    asyncio.run(run())
    assert finished == []
