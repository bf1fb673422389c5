"""Sync with a feed server (Miniflux's API, the Google Reader API): pull feeds, entries and
flags into the cache, push the queued local marks."""

from __future__ import annotations

from suxun_tui.sync.api import AuthError, SyncError
from suxun_tui.sync.engine import AccountResult, sync_account, sync_accounts

__all__ = ["AccountResult", "AuthError", "SyncError", "sync_account", "sync_accounts"]
