"""A note beside the cache that says it was closed cleanly and has not changed since.

The health check at start (:mod:`~suxun_tui.store.recovery`) reads every page of a small
cache — tens of milliseconds a start, most of a nothing-new sync's own work. It guards
against a file damaged by a crash, a full disk or another program. When the last
connection of a writer closes, SQLite has checkpointed and deleted the write-ahead log;
we then record the file's identity (inode, size, times and its 100-byte header) in
``<cache>.clean``. The next start skips the page check when nothing of that changed and
no ``-wal`` holds a transaction; every writable connection removes the note as it opens
(``store.db.connect``): a stop without a clean close (a crash, kill -9, power loss)
leaves no note, so the start after it checks the whole file as before. Only our own
clean close writes the note.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SUFFIX = ".clean"
HEADER_BYTES = 100  # SQLite's database header: page count, change counter, schema cookie


def note_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def _identity(path: Path) -> str | None:
    """The file's inode, size, mtime, ctime and header as one line; None if unreadable."""
    try:
        with path.open("rb") as handle:
            st = os.fstat(handle.fileno())
            header = handle.read(HEADER_BYTES)
    except OSError:
        return None
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {header.hex()}"


def _log_has_frames(path: Path) -> bool:
    """A ``-wal`` with anything in it: a writer still open, or one that stopped uncleanly.

    An empty one is what a read-only connection leaves (it may not delete the file): no
    transaction is in it.
    """
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def closed_cleanly(path: Path) -> bool:
    """True when the note matches the file and no write-ahead log is left over."""
    if _log_has_frames(path):
        return False
    try:  # bytes decoded, not a text file: "ascii" as a file's codec is one more import
        note = note_path(path).read_bytes().decode("ascii")
    except (OSError, UnicodeDecodeError):
        return False
    identity = _identity(path)
    return identity is not None and note == identity


def forget(path: Path) -> None:
    """Remove the note: the file is about to be written (or was found damaged)."""
    with contextlib.suppress(OSError):  # a directory we may not write: the writer says so
        note_path(path).unlink(missing_ok=True)


def record(path: Path) -> None:
    """After our connection closed: note the file when it is the last (no ``-wal`` left)."""
    if _log_has_frames(path):
        return  # another process still has it open; the last one to close notes it
    identity = _identity(path)
    if identity is None:
        return
    note = note_path(path)
    temporary = note.with_name(note.name + ".tmp")
    try:
        temporary.write_bytes(identity.encode("ascii"))
        os.replace(temporary, note)
    except OSError:
        pass  # no note only means the next start checks the whole file
