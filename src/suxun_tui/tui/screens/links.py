"""Opening an article's link in the browser: the configured command, or the system's.

The main screen's ``o`` and ``y`` keys land here. Which links may be opened is the core's rule
(:func:`suxun_tui.tui.jobs.link_refusal`); how the ``browser`` setting becomes a command
is :mod:`suxun_tui.tui.browser`. A console browser (lynx, w3m) gets the terminal: the app
suspends until it quits. Anything else starts detached, its output kept off the screen.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from suxun_tui.models import Headline
from suxun_tui.text.i18n import tr
from suxun_tui.tui import jobs
from suxun_tui.tui.browser import BrowserCommand, BrowserSettingError, browser_command

if TYPE_CHECKING:
    from suxun_tui.tui.screens.main import MainScreen


def copy_link(screen: MainScreen, headline: Headline | None) -> None:
    """Put the article's link on the clipboard (OSC 52, through Textual)."""
    if headline is None or not headline.url:
        screen.notify(tr("This article has no link."), severity="warning")
        return
    screen.app.copy_to_clipboard(headline.url)
    screen.notify(tr("Copied {url}", url=headline.url), timeout=3)


def open_link(screen: MainScreen, url: str) -> None:
    """Open ``url`` as the settings say, or tell the user why not."""
    if (refusal := jobs.link_refusal(url)) is not None:
        screen.notify(refusal, severity="warning")
        return
    try:
        command = browser_command(screen.reader.config.settings.browser, url)
    except BrowserSettingError as exc:
        screen.notify(str(exc), title=tr("Browser"), severity="warning", timeout=8)
        return
    if command is None:
        _system_browser(screen, url)
    elif command.console:
        _in_the_terminal(screen, command)
    else:
        _detached(screen, command)


def _system_browser(screen: MainScreen, url: str) -> None:
    found = jobs.browser("")
    if found is None:
        screen.notify(tr("No web browser found; press y to copy the link."), severity="warning")
    elif jobs.runs_in_terminal(found):
        try:
            with screen.app.suspend():
                found.open(url)
        except SuspendNotSupported:
            screen.notify(tr("Cannot start a terminal browser here; press y to copy."))
    else:
        screen.background.open_in_browser(found, url)


def _in_the_terminal(screen: MainScreen, command: BrowserCommand) -> None:
    try:
        with screen.app.suspend():
            subprocess.run(command.argv, check=False)
    except SuspendNotSupported:
        screen.notify(tr("Cannot start a terminal browser here; press y to copy."))
    except OSError as exc:
        screen.notify(
            tr("Cannot start {program}: {error}", program=command.argv[0], error=exc),
            severity="warning",
        )


def _detached(screen: MainScreen, command: BrowserCommand) -> None:
    try:
        subprocess.Popen(
            command.argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a GUI browser outlives the reader, and ^C is ours
        )
    except OSError as exc:
        screen.notify(
            tr("Cannot start {program}: {error}", program=command.argv[0], error=exc),
            severity="warning",
        )
    else:
        screen.notify(tr("Opening in {program}", program=command.argv[0]), timeout=2)
