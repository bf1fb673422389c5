"""A value cut at its closing parenthesis keeps no half of it.

``来源: 上海证券报·中国证券网(上海)`` gave the origin ``上海证券报·中国证券网(上海``: the value
stops at a closing parenthesis, and the opening one was left hanging.
"""

from __future__ import annotations

import pytest

from suxun_tui.pages.metadata import parse_info


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("2015-07-02 03:36:48　来源: 上海证券报·中国证券网(上海)", "上海证券报·中国证券网"),
        ("来源：新华网（北京）", "新华网"),
        ("来源：人民网", "人民网"),
    ],
)
def test_origin_keeps_no_half_parenthesis(line: str, origin: str) -> None:
    assert parse_info(line)[0].origin == origin
