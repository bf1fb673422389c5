"""Make text from strangers safe to show in a terminal.

Every string that comes from the network (titles, bodies, names, URLs, error messages)
passes through :func:`clean_text` or :func:`clean_line` where it enters the core, so no
escape sequence can ever change the user's terminal: window title (OSC 0/2), hyperlinks
(OSC 8), clipboard (OSC 52), colours (CSI/SGR) or device control strings (DCS).
"""

from __future__ import annotations

import functools
import re

# ESC-introduced sequences, in both their 7-bit (ESC x) and 8-bit (C1) forms:
#   CSI  ESC [ ... final byte 0x40-0x7E            (8-bit: \x9b)
#   OSC  ESC ] ... terminated by BEL or ST (ESC \)  (8-bit: \x9d, ST \x9c)
#   DCS/SOS/PM/APC  ESC P|X|^|_ ... ST              (8-bit: \x90 \x98 \x9e \x9f)
#   two-byte ESC sequences (ESC c, ESC 7, ESC ( B ...)
# A string sequence (OSC, DCS ...) goes whole only when its terminator follows on the same
# line; an unterminated one loses its introducer and numeric parameter and keeps the text
# after it. (HTML turns &#156; — ST — into "œ", so a feed's "&#157;0;TITLE&#156;" arrives
# unterminated; taking everything up to the end would delete the rest of the field.)
_ESCAPES_PATTERN = r"""
    (?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?                       # CSI
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)         # OSC, terminated
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]*(?:\x1b\\|\x9c)  # DCS SOS PM APC, terminated
  | (?:\x1b\]|\x9d)(?:\d{1,4};;?)?                                # OSC, unterminated
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])                             # DCS ..., unterminated
  | \x1b[\x20-\x2f]*[\x30-\x7e]?                                  # other ESC sequences
    """


@functools.cache
def _escapes() -> re.Pattern[str]:
    """The pattern, compiled for the first string holding a control character: most
    processes (a search, a list) never meet one, and it costs a millisecond to compile."""
    return re.compile(_ESCAPES_PATTERN, re.VERBOSE)


# C0 controls except TAB and LF, DEL, C1 controls; bidi overrides and isolates that can
# disguise text; and invisible format characters (zero-width space, joiners, directional
# marks, word joiner and invisible operators, BOM, Arabic letter mark) that let a title,
# an author or a URL look like another.
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u206f\ufeff]"
)
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a]+")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROLS.search(text) is None:
        # Every escape sequence starts with ESC or a C1 control, which _CONTROLS holds:
        # one fast scan clears nearly every string without the slow alternation.
        return text
    text = _escapes().sub("", text)
    return _CONTROLS.sub("", text)


def clean_line(text: str | None) -> str:
    """A single display line: controls stripped and all whitespace folded to one space."""
    if not text:
        return ""
    return " ".join(strip_controls(text).split())


def clean_text(text: str | None) -> str:
    """Multi-line text: controls stripped, runs of spaces folded, line breaks kept."""
    if not text:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in strip_controls(text).split("\n"))
    return "\n".join(lines).strip("\n")
