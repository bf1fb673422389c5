"""Waiting for the search index's background filler, as cron's next run finds the cache.

A first refresh or sync starts the filler (``python -m suxun_tui.store.index_fill``) and
returns; the runs after it are measured once it has indexed every queued article and closed
the cache, so that they are not measured beside it.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def index_settled(db: Path, limit: float = 300.0) -> float:
    """Seconds until nothing waits for the index in ``db`` and the cache was closed cleanly
    (``store.clean_close``'s note is back), or ``limit`` seconds."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from suxun_tui.store.clean_close import closed_cleanly
    from suxun_tui.store.index_fill import queued

    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
        try:
            waiting = queued(conn)
        finally:
            conn.close()
        if not waiting and closed_cleanly(db):
            break
        time.sleep(0.1)
    return time.perf_counter() - started
