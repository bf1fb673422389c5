"""A credit's name is cut where the text's origin follows it without a separator.

``作者： 赵婕 出自[人民文学出版社]`` names the writer 赵婕; the publisher after 出自 is where
the text comes from, not part of her name.
"""

from __future__ import annotations

import pytest

from suxun_tui.pages.credits import read_info_line


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者： 赵婕 出自[人民文学出版社]", "赵婕"),
        ("作者： 赵婕 出处:人民文学出版社", "赵婕"),
        ("作者：王帅 李四", "王帅 李四"),
    ],
)
def test_author_stops_at_its_origin(line: str, author: str) -> None:
    assert read_info_line(line)[0].author == author
