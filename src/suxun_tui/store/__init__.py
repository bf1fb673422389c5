"""The SQLite cache: the one place where network results and the user's state meet."""

from __future__ import annotations

from suxun_tui.store.connection import SchemaMismatch, WriteProblem
from suxun_tui.store.db import (
    DB_NAME,
    FetchState,
    SourceUpdate,
    Store,
    StoreError,
    UpdateCounts,
)
from suxun_tui.store.marks import NotSaved, ReaderWrites, Saved, WriteResult
from suxun_tui.store.recovery import OpenedStore, open_store

__all__ = [
    "DB_NAME",
    "FetchState",
    "NotSaved",
    "OpenedStore",
    "ReaderWrites",
    "Saved",
    "SchemaMismatch",
    "SourceUpdate",
    "Store",
    "StoreError",
    "UpdateCounts",
    "WriteProblem",
    "WriteResult",
    "open_store",
]
