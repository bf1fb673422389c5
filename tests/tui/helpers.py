"""Small helpers shared by the reader's Pilot tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.screens.main import MainScreen


def main_screen(app: SuxunApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), f"expected the main screen, got {screen!r}"
    return screen


def notifications(app: SuxunApp) -> list[str]:
    """Messages (and titles) of the notifications currently shown."""
    return [f"{n.title} {n.message}".strip() for n in app._notifications]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until background workers are done and their results are on screen."""
    await pilot.pause()
    # Failures are the app's to report (as notifications); tests check those. A worker
    # cancelled while we wait (a newer fetch replaced it) interrupts the wait: wait again
    # for the others.
    for _ in range(20):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        except WorkerFailed:
            pass
        break
    await pilot.pause()
    await pilot.pause()


def titles(app: SuxunApp) -> list[str]:
    return [row.title for row in main_screen(app).headlines.rows]


def article_text(app: SuxunApp) -> str:
    return main_screen(app).article.document.plain


async def select_source(pilot: Pilot[None], label: str) -> None:
    """Highlight the sources pane's row named ``label`` (as a user moving to it would)."""
    pane = main_screen(pilot.app).sources  # type: ignore[arg-type]
    labels = [f.label for f in pane.filters]
    assert label in labels, labels
    pane.focus()
    pane.highlighted = labels.index(label)
    await pilot.pause()
    await pilot.pause()
