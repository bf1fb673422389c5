"""Opening the cache safely: a corrupt file is moved aside, never silently lost.

A cache that SQLite cannot read (a disk error, a file overwritten by something else)
would otherwise stop the reader from starting. We keep the damaged file next to the new
one with a timestamp in its name, so nothing is destroyed, and tell the user where it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from suxun_tui.store.db import DB_NAME, Store, StoreError, cannot_open
from suxun_tui.text.timefmt import now_utc


@dataclass(frozen=True)
class OpenedStore:
    """An open store plus a message for the user when the old cache had to be set aside."""

    store: Store
    notice: str | None = None


# Only these mean the file itself is damaged; any other error (a read-only directory, a
# file we may not read) is the user's to fix, and moving a good cache aside would hide it.
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _looks_healthy(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
            return bool(result) and result[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", None) in _DAMAGED:
            return False
        raise cannot_open(path, exc) from exc


def open_store(data_dir: Path, *, check: bool = True) -> OpenedStore:
    """Open (creating if needed) the cache in ``data_dir``, recovering from corruption."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{data_dir}: cannot create the data directory ({exc})") from exc
    path = data_dir.absolute() / DB_NAME
    notice = None
    if check and not _looks_healthy(path):
        stamp = now_utc().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.rename(aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise StoreError(
                f"{path} is damaged and cannot be moved aside ({exc}); move or delete it, "
                "then start again"
            ) from exc
        notice = (
            f"The cache {path} was damaged; it was moved to {aside} and a new, empty cache "
            "was created. Refresh to fetch your sources again."
        )
    return OpenedStore(Store(path), notice)
