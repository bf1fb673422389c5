"""Signals that end the reader: the terminal is put back first, whatever the signal.

Textual restores the terminal (main screen, cursor, mouse reporting off, line mode) when
the app exits; a signal's default action kills the process before that can happen, so
``kill`` or a closed terminal window (SIGTERM, SIGHUP) left the alternate screen on, the
cursor hidden and every mouse move typing escape codes. While the reader runs, each
catchable terminating signal instead asks the app to exit the normal way, with the
shell's exit status for it (128 + the signal's number). Should the app not get there — a
second signal while it is still running — the terminal is reset here and the process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

# Every signal whose default action ends the process and that a process may catch
# (SIGPIPE stays ignored, as Python sets it: a write to a closed pipe is an error there).
TERMINATING = tuple(
    getattr(signal, name)
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
    if hasattr(signal, name)
)

# Leave the alternate screen, show the cursor, stop mouse, focus and paste reporting.
RESET = (
    "\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"
    "\x1b[?1004l\x1b[?2004l\x1b[?7h"
)


def reset_terminal(attrs: list[Any] | None) -> None:
    """Put the terminal back as it was before the reader started, as far as we can."""
    with contextlib.suppress(OSError):
        os.write(sys.__stdout__.fileno() if sys.__stdout__ else 1, RESET.encode())
    if attrs is not None:
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(
                sys.__stdin__.fileno() if sys.__stdin__ else 0, termios.TCSANOW, attrs
            )


def _terminal_attrs() -> list[Any] | None:
    try:
        return termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (OSError, termios.error, ValueError):
        return None


@contextlib.contextmanager
def exit_cleanly_on_signals(exit_app: Callable[[int], None]) -> Iterator[None]:
    """While the block runs, terminating signals call ``exit_app(128 + signum)``.

    ``exit_app`` is called on the event loop (through ``call_soon_threadsafe``, which
    wakes it), never inside the signal handler; a second signal resets the terminal and
    ends the process at once.
    """
    attrs = _terminal_attrs()
    asked: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        code = 128 + signum
        if asked:
            reset_terminal(attrs)
            os._exit(code)
        asked.append(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in the event loop yet (or any more): end the usual way
            raise SystemExit(code) from None
        loop.call_soon_threadsafe(exit_app, code)

    previous = {sig: signal.signal(sig, on_signal) for sig in TERMINATING}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
