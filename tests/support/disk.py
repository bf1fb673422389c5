"""Real write failures for tests: another connection's lock, and a disk that is full.

``hold_write_lock`` takes SQLite's write lock from a second, real connection
(``BEGIN IMMEDIATE``), as a cron refresh does while it stores a feed. ``small_disk``
mounts a small tmpfs where the machine lets us (root, a kernel that allows it) and
``fill_disk`` fills it, so SQLite itself answers "database or disk is full"; where it
cannot, the test skips and says why (the core's subprocess test under ``RLIMIT_FSIZE``
still runs).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def hold_write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Hold the cache's write lock from another connection until the block ends."""
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield holder
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@contextlib.contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where``; skips when mounting is not possible."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if os.geteuid() != 0 or mount is None or umount is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run([umount, "-l", str(where)], capture_output=True, check=False)


def fill_disk(where: Path) -> Path:
    """Write a file until the filesystem at ``where`` has no byte left; returns it."""
    filler = where / "filler"
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as out:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    out.write(chunk[:size])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    return filler


def settle_wal(path: Path) -> None:
    """Copy the WAL into the database and truncate it: the next commit must grow a file."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
