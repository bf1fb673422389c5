"""Terminal safety: nothing from the network can send escape sequences to the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.text.sanitize import clean_line, clean_text, strip_controls

HOSTILE = [
    "\x1b]0;pwned title\x07",  # OSC 0: window title
    "\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\",  # OSC 8: hyperlink
    "\x1b]52;c;ZWNobyBoaQ==\x07",  # OSC 52: clipboard
    "\x1b[31mred\x1b[0m",  # CSI SGR colour
    "\x1bP1$qm\x1b\\",  # DCS
    "\x9b31m",  # 8-bit CSI
    "\x9d0;t\x9c",  # 8-bit OSC
    "a\x00b\x07c\x08d\x7fe",
]


def test_hostile_sequences_are_removed() -> None:
    for sample in HOSTILE:
        out = clean_text("before " + sample + " after")
        assert "\x1b" not in out
        assert not any(0x80 <= ord(c) <= 0x9F or (ord(c) < 0x20 and c not in "\n\t") for c in out)
        assert out.startswith("before") and out.endswith("after")
    assert clean_line("\x1b[31mred\x1b[0m") == "red"
    assert clean_line("\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\") == "link"


def test_text_and_newlines_survive() -> None:
    assert clean_text("第一段\r\n\r\n第二段\u3000\u3000内容") == "第一段\n\n第二段 内容"
    assert clean_line("  a \n b\t c ") == "a b c"


@given(st.text())
def test_cleanup_never_leaves_controls_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\x1b" not in once
    line = clean_line(text)
    assert clean_line(line) == line and "\n" not in line
    assert "\x1b" not in strip_controls(text)


def test_an_unterminated_string_sequence_loses_itself_not_the_text_after_it() -> None:
    # HTML maps &#156; (ST) to "œ", so a feed's "&#157;0;TITLE&#156;" arrives unterminated.
    assert clean_line("[c1osc:\x9d0;TITLE\u0153] and the rest") == "[c1osc:TITLEœ] and the rest"
    assert clean_line("a\x1b]0;title\x1b[31mred") == "atitlered"
    assert clean_line("a\x90qdata and more") == "aqdata and more"
    assert clean_text("one\x1b]8;;\nline two") == "one\nline two"
    assert clean_line("keep\x1b]0;gone\x07this") == "keepthis"


INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u202a\u202e\u2066\u2069"


def test_invisible_format_characters_are_removed_from_lines_and_text() -> None:
    assert clean_line(f"pay{INVISIBLE}pal") == "paypal"
    assert clean_text(f"第一{INVISIBLE}段\n第二段") == "第一段\n第二段"
    assert strip_controls("http://ex\u200bample.com/") == "http://example.com/"


@given(st.text(alphabet=st.sampled_from(list(INVISIBLE + "\x1b\x9d\x9c\x07]0;ab\n"))))
def test_no_invisible_character_or_introducer_survives(text: str) -> None:
    out = clean_text(text)
    assert not any(c in out for c in INVISIBLE + "\x1b\x9d\x9c\x07")
    assert clean_text(out) == out
