"""Line breaking for Chinese and mixed text: widths in cells, breaks between ideographs."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from suxun_tui.tui.wrap import CODE_CONTINUATION, NO_LINE_START, line_ranges, wrap_code, wrap_text

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


def wrapping_work(
    size: int, monkeypatch: pytest.MonkeyPatch, *, styled: bool = False
) -> tuple[int, int, int]:
    """Lines, Python calls made, and characters copied into Text objects to wrap ``size``.

    ``styled`` adds a span every 1,000 characters, as search highlights do.
    """
    paragraph = Text("长" * size)
    if styled:
        for start in range(0, size, 1000):
            paragraph.stylize("reverse", start, start + 3)
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


def test_a_long_highlighted_paragraph_wraps_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Styled text (search matches) was sliced line by line, each slice dividing the whole
    # paragraph: 64 million characters copied for 50k.
    lines, calls, copied = wrapping_work(50_000, monkeypatch, styled=True)
    assert lines == -(-50_000 // 39)
    assert copied <= 3 * 50_000, f"{copied} characters copied for 50k"
    big_lines, big_calls, big_copied = wrapping_work(500_000, monkeypatch, styled=True)
    assert big_lines == -(-500_000 // 39)
    assert big_copied <= 3 * 500_000, f"{big_copied} characters copied for 500k"
    assert big_calls <= 11 * calls, f"{calls} calls for 50k, {big_calls} for 500k"


def test_highlights_stay_on_their_characters_across_lines() -> None:
    paragraph = Text("基层治理" * 30 + " tail")
    paragraph.stylize("reverse", 38, 42)  # a match across the first line's end
    wrapped = wrap_text(paragraph, 80)  # 40 ideographs a line
    plain = "".join(line.plain for line in wrapped)
    assert plain == paragraph.plain.replace(" ", "")
    styled = [
        (index, line.plain[span.start : span.end])
        for index, line in enumerate(wrapped)
        for span in line.spans
    ]
    assert styled == [(0, paragraph.plain[38:40]), (1, paragraph.plain[40:42])]


# --- code: drawn as written --------------------------------------------------------------

GO = "func main() {\n    if err := run(); err != nil {\n\n        log.Fatal(err) // 失败\n    }\n}"


def code_lines(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap_code(Text(text), width)]


def test_code_that_fits_keeps_every_line_indent_and_blank_line() -> None:
    assert code_lines(GO, 60) == GO.split("\n")
    # Prose wrapping would drop the indents and join nothing here, but lose the spaces.
    assert lines(GO, 60) != GO.split("\n")


def test_a_code_line_too_wide_is_folded_and_its_continuation_marked() -> None:
    line = "        result := compute(alpha, beta, gamma, delta, epsilon, zeta)"
    drawn = code_lines(line, 30)
    assert drawn[0] == line[:30]
    assert all(cell_len(d) <= 30 for d in drawn)
    for rest in drawn[1:]:
        assert rest.startswith(" " * 8 + CODE_CONTINUATION)
    pieces = [drawn[0]] + [d[8 + len(CODE_CONTINUATION) :] for d in drawn[1:]]
    assert "".join(pieces) == line


def test_ideographs_in_code_are_not_rewrapped_and_never_straddle_the_edge() -> None:
    comment = "    // 这是一个很长的中文注释，说明下面的代码做什么"
    drawn = code_lines(comment, 21)
    assert all(cell_len(d) <= 21 for d in drawn)
    assert drawn[0] == "    // 这是一个很长的"  # 4 + 3 + 7 ideographs = 21 cells, to the edge


@given(
    st.lists(st.sampled_from(list("ab{}()中文，\t") + ["\n", "    ", "😀"]), max_size=80).map(
        "".join
    ),
    st.integers(min_value=4, max_value=30),
)
@example("\ta", 4)  # an indent as wide as the screen once left no room after the marker
def test_code_lines_fit_and_lose_no_text(text: str, width: int) -> None:
    text = text.replace("\t", "    ")
    drawn = wrap_code(Text(text), width)
    assert all(cell_len(line.plain) <= width for line in drawn)
    kept = "".join(line.plain for line in drawn).replace(CODE_CONTINUATION, "")
    assert kept.replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_the_article_draws_code_in_its_own_style_with_its_indents() -> None:
    from rich.console import Console

    from suxun_tui.models import ArticleDetail, Block
    from suxun_tui.tui.render import CODE_STYLE, article_document

    detail = ArticleDetail(
        1, 1, "Blog", "feed", "Errors in Go", "https://e/1", "2025-12-28T10:00:00Z", False, False,
        blocks=(Block("paragraph", "Check every error: func main() {"), Block("code", GO)),
    )  # fmt: skip
    console = Console(width=50, color_system="truecolor", legacy_windows=False)
    document = article_document(detail, lambda s: s)
    segments = list(console.render(document, console.options))
    drawn = "".join(s.text for s in segments).split("\n")
    start = drawn.index("  func main() {")
    assert drawn[start : start + 6] == ["  " + line for line in GO.split("\n")]
    styles = {s.text: s.style for s in segments if s.text.strip()}
    assert styles["func main() {"] == console.get_style(CODE_STYLE)
    assert styles["Check every error: func main() {"] != console.get_style(CODE_STYLE)
