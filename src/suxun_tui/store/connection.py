"""Opening a connection to the cache, and what a failed write means for the user.

Kept apart from :mod:`suxun_tui.store.db` so that the rules live in one place: the pragmas
every connection needs, how a cache in a place we may not write is opened for reading
only, and how SQLite's errors become messages that name the file and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from suxun_tui.text.i18n import N_

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass
else:
    from suxun_tui.record import dataclass

BUSY_TIMEOUT_MS = 30_000  # refresh and CLI writes: wait for a concurrent refresh's commit
INTERACTIVE_TIMEOUT_MS = 150  # a key press in the reader: never freeze the screen longer

ProblemKind = Literal["locked", "full", "read-only", "damaged", "failed"]


class StoreError(Exception):
    """The cache cannot be used; the message says which file and what to do."""


class NoRoom(StoreError):
    """The cache cannot be opened for writing: the disk holding it is full."""


class SchemaMismatch(StoreError):
    """The file is SQLite but not the cache its ``user_version`` says (a table is missing)."""


# Less room than this where the cache lives, after SQLite failed to open it: the disk is
# full (a connection must create its shared-memory and log files, which needs room).
_FULL_BYTES = 1 << 20


def cannot_open(path: Path, problem: Exception) -> StoreError:
    if _out_of_room(path.parent, problem):
        full = N_(
            "{path}: cannot open the cache: the disk holding it is full ({problem}); free some"
            " space there, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR"
        )
        return NoRoom(full.format(path=path, problem=problem))
    message = N_(
        "{path}: cannot open the cache ({problem}); check that {folder} and the file are"
        " readable and writable, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR"
    )
    return StoreError(message.format(path=path, problem=problem, folder=path.parent))


def _out_of_room(folder: Path, problem: Exception) -> bool:
    """Whether a failure to open the cache in ``folder`` comes from a full disk.

    SQLite names the problem only as "disk I/O error" when it cannot create the files a
    connection needs, so the folder's free space decides; a failure to measure it says
    nothing.
    """
    if isinstance(problem, OSError) and problem.errno == errno.ENOSPC:
        return True
    if not isinstance(problem, sqlite3.Error):
        return False
    import shutil  # only here: it loads the compression modules, which a start avoids

    try:
        return shutil.disk_usage(folder).free < _FULL_BYTES
    except OSError:
        return False


def open_connection(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` with the pragmas every connection of ours needs.

    ``read_only`` opens with ``mode=ro`` — for a cache whose file or directory we may not
    write — and, when SQLite cannot keep its shared-memory file there either, as
    ``immutable``: reading still works, no writer can be noticed meanwhile.
    """
    if not read_only:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    try:
        conn = _open_uri(path, "mode=ro")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return _open_uri(path, "mode=ro&immutable=1")


def use_wal(conn: sqlite3.Connection, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Put the file in WAL mode (once set, it stays), waiting for another writer.

    Changing the journal mode needs the file to itself. While another connection writes
    to it in rollback mode — a cache being created by a second process at the same
    moment: two refreshes from cron, a reader started meanwhile — SQLite answers
    "database is locked" at once rather than calling the busy handler (the wait could
    never end: this statement holds the shared lock the writer's commit waits for). So
    the statement is tried again, its lock let go in between, until the busy timeout.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    pause = 0.002
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _open_uri(path: Path, query: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?{query}",
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
    )
    conn.execute("PRAGMA query_only = 1")
    return conn


@contextlib.contextmanager
def busy_timeout(conn: sqlite3.Connection, milliseconds: int) -> Iterator[None]:
    """Wait at most ``milliseconds`` for another writer's lock, then put the usual back."""
    conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@dataclass(frozen=True)
class WriteProblem:
    """Why a write did not happen, in words for the user: what, which file, what to do."""

    kind: ProblemKind
    message: str

    @property
    def passing(self) -> bool:
        """Whether waiting may be enough (a lock, a full disk someone may clear)."""
        return self.kind in ("locked", "full")


def write_problem(path: Path, exc: BaseException) -> WriteProblem:
    """What ``exc``, raised by a write to the cache at ``path``, means for the user."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    detail = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in detail:
        return WriteProblem(
            "locked",
            N_(
                "the cache {path} is locked by another program ({detail}); a refresh from cron,"
                " or another suxun-tui, may be writing"
            ).format(path=path, detail=detail),
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in detail:
        return WriteProblem(
            "full",
            N_("the disk holding {path} is full ({detail}); free some space there").format(
                path=path, detail=detail
            ),
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly" in detail:
        return WriteProblem("read-only", read_only_advice(path, detail))
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return WriteProblem(
            "damaged",
            N_(
                "the cache {path} is damaged ({detail}); quit and start again to move it aside"
            ).format(path=path, detail=detail),
        )
    failed = N_("cannot write the cache {path} ({detail})").format(path=path, detail=detail or name)
    return WriteProblem("failed", failed)


def read_only_advice(path: Path, detail: str) -> str:
    """The message for a cache we may read but not write."""
    return N_(
        "the cache {path} is read-only ({detail}); make the file and its directory writable"
        " (chmod u+w {path} {folder}) or choose another place with --data-dir or"
        " $SUXUN_TUI_DATA_DIR"
    ).format(path=path, detail=detail, folder=path.parent)
