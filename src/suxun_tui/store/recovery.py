"""Opening the cache safely: a damaged file is moved aside, never silently lost.

A cache that SQLite cannot read (a disk error, a file overwritten by something else, a
table dropped) would otherwise stop the reader from starting. We keep the damaged file
next to the new one with a timestamp in its name, so nothing is destroyed, and tell the
user where it is. A cache we may read but not write (a read-only file or directory) is
the user's to fix: reading commands open it read-only, the others stop and say how.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.store import clean_close
from suxun_tui.store.connection import (
    NoRoom,
    SchemaMismatch,
    StoreError,
    cannot_open,
    open_connection,
    read_only_advice,
)
from suxun_tui.store.db import DB_NAME, Store
from suxun_tui.text.i18n import N_
from suxun_tui.text.timefmt import now_utc

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass
else:
    from suxun_tui.record import dataclass

# Below this size the whole file is checked at a start (a few milliseconds per MiB) unless
# our own clean close left it unchanged (clean_close); a bigger cache, or one closed
# cleanly, gets its small tables checked, and SQLite checks every page it reads.
FULL_CHECK_BYTES = 16 * 1024 * 1024
SMALL_TABLES = ("sources", "pending_changes", "sync_state")


@dataclass(frozen=True)
class OpenedStore:
    """An open store plus a message for the user when the old cache had to be set aside
    (or can only be read)."""

    store: Store
    notice: str | None = None

    @property
    def read_only(self) -> bool:
        return self.store.read_only


# Only these mean the file itself is damaged; any other error (a read-only directory, a
# file we may not read) is the user's to fix, and moving a good cache aside would hide it.
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def unreadable(place: Path, exc: OSError) -> StoreError:
    reason = exc.strerror or str(exc)
    message = N_(
        "{path}: cannot read the data directory ({reason}); give yourself access (chmod u+rwx"
        " {path}) or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR"
    )
    return StoreError(message.format(path=place, reason=reason))


def _size(path: Path) -> int | None:
    """The cache file's size, None when there is none; a directory we may not read raises."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise unreadable(path.parent, exc) from exc


def _looks_healthy(path: Path) -> bool:
    size = _size(path)
    if not size:
        return True
    whole = size <= FULL_CHECK_BYTES and not clean(path)  # before our connection makes a -wal
    try:
        conn = open_connection(path, read_only=True)  # immutable where -shm cannot be made
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return _checks_pass(conn, whole=whole)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", None) in _DAMAGED:
            return False
        raise cannot_open(path, exc) from exc


def clean(path: Path) -> bool:
    """Closed cleanly by us and unchanged since (see :mod:`~suxun_tui.store.clean_close`)."""
    return clean_close.closed_cleanly(path)


def _checks_pass(conn: sqlite3.Connection, *, whole: bool) -> bool:
    """SQLite's quick check: of the whole file when ``whole``, else of the small tables.

    A whole check reads every page — seconds for a cache of millions of articles, which
    every ``list`` would pay, and tens of milliseconds for a small one, most of a
    nothing-new sync; after our own clean close the small tables (sources, the queue of
    changes for the server, sync cursors) are checked alone, as for a big cache.
    """
    if whole:
        checks = ["PRAGMA quick_check(1)"]
    else:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        checks = [f"PRAGMA quick_check({t})" for t in SMALL_TABLES if t in present]
    for check in checks:
        result = conn.execute(check).fetchone()
        if not result or result[0] != "ok":
            return False
    return True


def _not_writable(path: Path) -> str | None:
    """Why SQLite could not write here (the file, or its directory for the journal files)."""
    if path.exists() and not os.access(path, os.W_OK):
        return N_("the file is read-only")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return N_("its directory is not writable")
    return None


def open_store(data_dir: Path, *, check: bool = True, read_only_ok: bool = False) -> OpenedStore:
    """Open (creating if needed) the cache in ``data_dir``, recovering from corruption.

    A cache we may not write — its file or folder read-only, or the disk holding it full —
    is opened read-only when ``read_only_ok`` (the reading commands), with a notice;
    otherwise it is a :class:`StoreError` saying what to do.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = N_("{path}: cannot create the data directory ({reason})")
        raise StoreError(message.format(path=data_dir, reason=exc)) from exc
    path = data_dir.absolute() / DB_NAME
    _size(path)  # a directory we may not read: say so before SQLite does, less clearly
    if check and not _looks_healthy(path):
        clean_close.forget(path)
        notice = _move_aside(path)
        return OpenedStore(Store(path), notice)
    if (reason := _not_writable(path)) is not None:
        if not path.exists():
            message = N_(
                "{path}: cannot create the cache there (not writable); make the directory"
                " writable (chmod u+w {path}) or choose another place with --data-dir"
                " or $SUXUN_TUI_DATA_DIR"
            )
            raise StoreError(message.format(path=data_dir))
        advice = read_only_advice(path, reason)
        if not read_only_ok:
            raise StoreError(advice)
        notice = N_("reading only: {advice}").format(advice=advice)
        return OpenedStore(Store(path, read_only=True), notice)
    try:
        return OpenedStore(Store(path))  # its connection removes the clean-close note
    except SchemaMismatch as mismatch:
        notice = _move_aside(path, str(mismatch))
        return OpenedStore(Store(path), notice)
    except NoRoom as full:  # what is cached can still be read, if not written
        if not read_only_ok:
            raise
        notice = N_("reading only: {advice}").format(advice=str(full))
        return OpenedStore(Store(path, read_only=True), notice)


def _move_aside(path: Path, reason: str = "") -> str:
    """Rename the cache (and its WAL files) out of the way; the notice for the user."""
    stamp = now_utc().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        message = N_(
            "{path} is damaged and cannot be moved aside ({reason}); move or delete it, then"
            " start again"
        )
        raise StoreError(message.format(path=path, reason=exc)) from exc
    if reason:
        return N_(
            "The cache {path} was damaged ({reason}); it was moved to {aside} and a new, empty"
            " cache was created. Refresh to fetch your sources again."
        ).format(path=path, reason=reason, aside=aside)
    return N_(
        "The cache {path} was damaged; it was moved to {aside} and a new, empty cache was"
        " created. Refresh to fetch your sources again."
    ).format(path=path, aside=aside)
