"""Line breaking for Chinese and mixed text: widths in cells, breaks between ideographs."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from suxun_tui.tui.wrap import NO_LINE_START, line_ranges, wrap_text

SEED = "當前我國進入高質量發展新階段,基層治理面臨新任務新挑戰。治理效能直接關系到群眾滿意度。"


def lines(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap_text(Text(text), width)]


def test_chinese_fills_each_line_to_the_edge() -> None:
    wrapped = lines(SEED, 20)
    assert "".join(wrapped) == SEED
    assert all(cell_len(line) <= 20 for line in wrapped)
    assert all(cell_len(line) >= 18 for line in wrapped[:-1])


def test_a_latin_word_before_chinese_leaves_no_gap() -> None:
    wrapped = lines("Hello " + SEED, 20)
    assert wrapped[0] == "Hello 當前我國進入高"


def test_closing_punctuation_never_starts_a_line() -> None:
    for width in range(4, 40):
        for line in lines(SEED, width)[1:]:
            assert line[0] not in NO_LINE_START, (width, line)


def test_latin_text_breaks_at_spaces() -> None:
    assert lines("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_an_over_long_url_is_folded() -> None:
    url = "https://example.org/" + "a" * 50
    wrapped = lines(url, 16)
    assert "".join(wrapped) == url
    assert all(cell_len(line) <= 16 for line in wrapped)


def test_newlines_are_kept_and_styles_survive() -> None:
    text = Text("第一行\n第二行")
    text.stylize("bold", 0, 3)
    wrapped = wrap_text(text, 10)
    assert [line.plain for line in wrapped] == ["第一行", "第二行"]
    assert wrapped[0].spans and not wrapped[1].spans


alphabet = st.sampled_from(list("中文字，。「」abc xyz 12()—…") + ["  ", "😀"])


@given(st.lists(alphabet, max_size=80).map("".join), st.integers(min_value=2, max_value=30))
def test_no_line_is_wider_than_the_width_and_no_text_is_lost(text: str, width: int) -> None:
    ranges = line_ranges(text, width)
    for start, end in ranges:
        assert cell_len(text[start:end]) <= width
    kept = "".join(text[start:end] for start, end in ranges)
    assert kept.replace(" ", "") == text.replace(" ", "")


def test_a_combining_mark_never_starts_a_line() -> None:
    text = "中\u0301文\u0301" * 40
    for width in range(2, 12):
        for line in lines(text, width)[1:]:
            assert line[0] != "\u0301", (width, line)


def wrapping_work(size: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """Lines, Python calls made, and characters copied into Text objects to wrap ``size``."""
    paragraph = Text("长" * size)
    copied, calls = [0], [0]
    original = Text.__init__

    def counting_init(self: Text, text: str = "", *args: Any, **kwargs: Any) -> None:
        copied[0] += len(text)
        original(self, text, *args, **kwargs)

    def count_calls(frame: object, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    with monkeypatch.context() as patch:
        patch.setattr(Text, "__init__", counting_init)
        previous = sys.getprofile()
        sys.setprofile(count_calls)
        try:
            wrapped = wrap_text(paragraph, 78)
        finally:
            sys.setprofile(previous)
    return len(wrapped), calls[0], copied[0]


def test_a_long_paragraph_wraps_in_work_linear_in_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One Text slice per line copied the whole paragraph each time: minutes for a megabyte.
    # Ten times the text must cost about ten times the work, not a hundred.
    lines, calls, copied = wrapping_work(50_000, monkeypatch)
    assert lines == -(-50_000 // 39)  # 39 ideographs a line, to the edge
    assert copied <= 3 * 50_000, f"{copied} characters copied for 50k"
    big_lines, big_calls, big_copied = wrapping_work(500_000, monkeypatch)
    assert big_lines == -(-500_000 // 39)
    assert big_copied <= 3 * 500_000, f"{big_copied} characters copied for 500k"
    assert big_calls <= 11 * calls, f"{calls} calls for 50k, {big_calls} for 500k"
