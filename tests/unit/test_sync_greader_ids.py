"""The Google Reader API's two item id forms, read the same however they are written."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.sync.greader import _page_ids, _together, item_id


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
    assert _page_ids(refs) == expected
    assert _page_ids({"id": "1"}) == [] and _page_ids(None) == []


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
