"""What the reader needs from outside: config, the store, offline mode and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from suxun_tui.config import Config
from suxun_tui.store import Store


@dataclass(frozen=True)
class Reader:
    """Passed to the main screen instead of letting it reach into the app.

    ``clock`` is injectable so that snapshot tests can fix "today" (the headline list shows
    ``12:34`` for today and a date otherwise).
    """

    config: Config
    store: Store
    offline: bool
    clock: Callable[[], datetime]
    poll_seconds: float = 3.0
