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
