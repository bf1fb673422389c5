"""Writes whose new articles wait for the index, as a sync's or a killed filler's do.

A refresh indexes the articles it stores in its own transaction
(:mod:`suxun_tui.store.index_inline`), so a test of the queue — the filler, the scan of
queued articles, their folded text — stores its articles inside :func:`index_later`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

VARIABLE = "SUXUN_TUI_INDEX_LATER"


@contextlib.contextmanager
def index_later() -> Iterator[None]:
    """New articles stored meanwhile stay past the index's mark (the variable restored)."""
    before = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[VARIABLE]
        else:
            os.environ[VARIABLE] = before
