"""The ``browser`` setting as a command: what runs when the user opens a link.

People copy this setting from newsboat (``browser = "w3m %u"``), write a bare program
(``lynx``, ``firefox``) or Python's form (``firefox %s``); all three mean the same here.
The setting is split like a shell would split it (quotes work) but never run through a
shell: the link is one argument, so a link cannot add commands. Console browsers get the
terminal (the app suspends) until they quit; the others start in the background.
An empty setting leaves the choice to Python's :mod:`webbrowser` (the system default).
"""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

from suxun_tui.text.i18n import tr

PLACEHOLDERS = ("%u", "%s")  # newsboat's and Python's webbrowser's
CONSOLE_BROWSERS = frozenset(
    {"lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "chawan", "cha"}
)


class BrowserSettingError(ValueError):
    """The ``browser`` setting cannot be run; the message says why and what to do."""


@dataclass(frozen=True)
class BrowserCommand:
    """A command line with the link in place, and whether it needs the terminal."""

    argv: tuple[str, ...]
    console: bool


def browser_command(setting: str, url: str) -> BrowserCommand | None:
    """The command that opens ``url`` per ``setting``; None: use the system default.

    Raises :class:`BrowserSettingError` for a setting that cannot be split or whose
    program is not installed.
    """
    if not setting.strip():
        return None
    try:
        words = shlex.split(setting)
    except ValueError as exc:
        raise BrowserSettingError(
            tr(
                "the browser setting {setting!r} cannot be read ({error}); check its quotes",
                setting=setting,
                error=exc,
            )
        ) from exc
    if not words:
        return None
    program = words[0]
    if shutil.which(program) is None:
        raise BrowserSettingError(
            tr(
                "the browser {program!r} (setting browser = {setting!r}) is not installed "
                "or not on PATH; press y to copy the link",
                program=program,
                setting=setting,
            )
        )
    placed = False
    argv: list[str] = []
    for word in words:
        for placeholder in PLACEHOLDERS:
            if placeholder in word:
                word = word.replace(placeholder, url)
                placed = True
        argv.append(word)
    if not placed:
        argv.append(url)
    return BrowserCommand(tuple(argv), Path(program).name in CONSOLE_BROWSERS)
