"""``notify_command``: tell the desktop (or anything else) that a refresh brought news.

The command is an argv list from the config, run without a shell and with ``%n`` in any
word replaced by the number of new articles, so the count is data and never a command.
It starts detached, its output kept off the terminal (the reader's screen, or cron's
mail), and nobody waits for it: a slow notifier must not hold up a refresh.
"""

from __future__ import annotations

from collections.abc import Sequence

from suxun_tui.text.i18n import N_

COUNT = "%n"


def notify_argv(command: Sequence[str], new: int) -> tuple[str, ...]:
    """The command line with the count in place of every ``%n``."""
    return tuple(part.replace(COUNT, str(new)) for part in command)


def notify_new(command: Sequence[str], new: int) -> str | None:
    """Start ``command`` when ``new`` articles arrived; returns why it could not start."""
    if not command or new <= 0:
        return None
    import subprocess  # only when there is news to tell

    argv = notify_argv(command, new)
    try:
        subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # ^C in the terminal is the reader's, not the notifier's
        )
    except OSError as exc:
        return N_("notify_command {program!r} could not start: {reason}").format(
            program=argv[0], reason=exc.strerror or exc
        )
    return None
