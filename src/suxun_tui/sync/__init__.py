"""Sync with a feed server (Miniflux's API, the Google Reader API): pull feeds, entries and
flags into the cache, push the queued local marks.

The names below load their modules when first used, so a refresh of local sources only
(``sync.select`` says which accounts to sync: none) never loads the API clients.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from suxun_tui.sync.api import AuthError, SyncError
    from suxun_tui.sync.engine import AccountResult, sync_account, sync_accounts

__all__ = ["AccountResult", "AuthError", "SyncError", "sync_account", "sync_accounts"]
_HOMES = {
    "AuthError": "suxun_tui.sync.api",
    "SyncError": "suxun_tui.sync.api",
    "AccountResult": "suxun_tui.sync.engine",
    "sync_account": "suxun_tui.sync.engine",
    "sync_accounts": "suxun_tui.sync.engine",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
