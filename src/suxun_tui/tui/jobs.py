"""The slow things the reader asks the core to do, run inside thread workers.

These functions run off the event loop and must not touch widgets. They import the
refresh machinery lazily: it pulls in httpx, feedparser and lxml, which the first paint
does not need (and which the TUI package itself must never import directly).
"""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from suxun_tui.config import Config
from suxun_tui.store import Store
from suxun_tui.text.links import LinkRefused, check_link

if TYPE_CHECKING:
    from suxun_tui.refresh.engine import Progress, RefreshReport

FETCH_DEBOUNCE = 0.15  # seconds: quick j/k presses cancel before any request is sent
T = TypeVar("T")


class Abandoned(Exception):
    """The worker was cancelled (a newer request, or the app quitting) before the call ended."""


def abandonable(call: Callable[[], T], cancelled: Callable[[], bool]) -> T:
    """Run ``call`` in a daemon thread; stop waiting for it as soon as ``cancelled()``.

    Textual's thread workers run on the event loop's default executor, whose threads the
    interpreter joins at exit: quitting during a slow request would hang until the HTTP
    timeout. The worker's thread waits here instead and returns when cancelled (Textual
    cancels every worker on exit); the daemon thread is then left to die with the process.
    The store stays consistent — every write is one SQLite transaction.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []
    finished = threading.Event()

    def target() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed to the waiting worker, re-raised there
            failure.append(exc)
        finally:
            finished.set()

    threading.Thread(target=target, name="suxun-tui-core", daemon=True).start()
    while not finished.wait(0.05):
        if cancelled():
            raise Abandoned
    if failure:
        raise failure[0]
    return outcome[0]


def refresh(
    config: Config,
    store: Store,
    names: Sequence[str] | None,
    *,
    due_only: bool,
    offline: bool,
    on_progress: Callable[[Progress], None],
) -> RefreshReport:
    """Refresh sources into the cache; the core opens its own connection in this thread."""
    from suxun_tui.refresh.engine import refresh_sources

    return refresh_sources(
        config,
        store.path,
        names=names,
        due_only=due_only,
        offline=offline,
        on_progress=on_progress,
    )


def fetch_full_text(
    config: Config, store: Store, article_id: int, cancelled: Callable[[], bool]
) -> int | None:
    """Fetch and store one article's full text; None when cancelled before starting."""
    time.sleep(FETCH_DEBOUNCE)
    if cancelled():
        return None
    from suxun_tui.refresh.fulltext import fetch_full_article

    fetch_full_article(config, store.path, article_id)
    return article_id


def link_refusal(url: str) -> str | None:
    """Why a link must not be handed to the browser, or None when it is safe.

    The rule lives in the core (:func:`suxun_tui.text.links.check_link`): only web and mail
    links open, so a feed cannot point the browser at a local file or a URL handler.
    """
    try:
        check_link(url)
    except LinkRefused as refused:
        return f"{refused}."
    return None


def browser(name: str) -> webbrowser.BaseBrowser | None:
    """The configured (or default) browser, None when the system has none."""
    try:
        return webbrowser.get(name or None)
    except webbrowser.Error:
        return None


def runs_in_terminal(found: webbrowser.BaseBrowser) -> bool:
    """Console browsers (lynx, w3m) need the terminal, so the app must suspend for them."""
    return isinstance(found, webbrowser.GenericBrowser) and not isinstance(
        found, webbrowser.BackgroundBrowser
    )
