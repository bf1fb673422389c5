"""The parse workers' fork server, forked from the refresh itself before any thread starts.

multiprocessing's ``forkserver`` starts a fresh interpreter that imports the package again
(a third of a second of CPU) before it forks the first worker. From a command-line
refresh we can do better: at the start of :func:`~suxun_tui.refresh.engine.refresh_sources`,
while the process still has one thread, :func:`fork_server` forks a copy of the process
that waits, costing a fork (a few milliseconds) and shared memory pages. Only when the
first document needs a worker process (:meth:`~suxun_tui.refresh.parse_pool.ParsePool.get`)
is it told to start: it imports the feed readers once and then serves multiprocessing's
own fork-server protocol (``multiprocessing.forkserver.main``), so every worker is a fork
of a process that already holds everything. A refresh that parses nothing, or little
enough to stay on threads, tells it nothing, and it exits with the refresh.

Where the process already has threads (the reader refreshes from a worker thread, a
progress bar draws from one) forking is unsafe, and multiprocessing's own fork server is
used as before. This leans on ``multiprocessing.forkserver``'s module state (the address,
the alive pipe and the pid that ``ensure_running`` checks), which CPython 3.11-3.13 keep
the same; a failure to set it up leaves the standard fork server in place.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from typing import Any


class _Server:
    """The forked server of this process: its pid, its pipes' write ends, its address."""

    def __init__(self, pid: int, go: int, alive: int, address: str) -> None:
        self.pid = pid
        self.go = go  # write end: one byte starts serving
        self.alive = alive  # write end: closed, the server exits (multiprocessing's protocol)
        self.address = address
        self.started = False


_server: _Server | None = None


def fork_server(jobs: int) -> bool:
    """Fork the waiting server now, for a refresh of at most ``jobs`` sources that would
    parse in worker processes, if this process may fork safely; True when it did.

    Nothing of multiprocessing is imported here: a refresh that parses nothing (the
    usual one: every feed answers 304) never loads it; the server imports it when it is
    told to start, this process in :func:`start_server`."""
    global _server
    if _server is not None or sys.platform == "win32" or threading.active_count() != 1:
        return False
    from suxun_tui.refresh.parse_pool import uses_processes

    if not uses_processes(jobs):
        return False
    running = sys.modules.get("multiprocessing.forkserver")
    if running is not None and getattr(running, "_forkserver")._forkserver_pid is not None:  # noqa: B009
        return False  # one is running already (an earlier refresh in this process)
    import select  # the sockets and the fork itself: only for a refresh that may parse much
    import socket

    address = _address()
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(address)
        os.chmod(address, 0o600)
        listener.listen()
        go_r, go_w = os.pipe()
        alive_r, alive_w = os.pipe()
    except OSError:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(address)
        return False
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        with contextlib.suppress(Exception):
            stream.flush()
    pid = os.fork()
    if pid == 0:  # the server: whatever happens, it ends here (SystemExit ends serving)
        try:
            os.close(go_w)
            os.close(alive_w)
            ready, _, _ = select.select([go_r, alive_r], [], [])
            if go_r in ready and os.read(go_r, 1):
                from multiprocessing import forkserver

                import suxun_tui.feeds.parse  # noqa: F401 - the readers, once for all workers

                forkserver.main(listener.fileno(), alive_r, [])
        finally:
            os._exit(0)
    os.close(go_r)
    os.close(alive_r)
    listener.close()
    _server = _Server(pid, go_w, alive_w, address)
    return True


def _address() -> str:
    """A new socket path in the temporary directory (as multiprocessing's own, short
    enough for AF_UNIX), found without loading ``tempfile``."""
    folder = os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(folder, f"suxun-parse-{os.getpid()}-{os.urandom(6).hex()}")


def start_server() -> str:
    """Before the first worker process: start the forked server if there is one.

    Returns which server the workers come from, ``"forked"`` or ``"forkserver"``."""
    if _server is None:
        return "forkserver"
    if not _server.started:
        _server.started = True
        from multiprocessing import forkserver

        state: Any = forkserver._forkserver  # its private state (see the module's note)
        state._forkserver_address = _server.address
        state._forkserver_alive_fd = _server.alive
        state._forkserver_pid = _server.pid
        with contextlib.suppress(OSError):
            os.write(_server.go, b"g")
    return "forked"


def stop_server() -> None:
    """At the end of the refresh: the server exits (it served, or it was never needed)."""
    global _server
    server, _server = _server, None
    if server is None:
        return
    for fd in (server.go, server.alive):
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(OSError):
        os.waitpid(server.pid, 0)
    with contextlib.suppress(OSError):
        os.unlink(server.address)
    if not server.started:
        return  # multiprocessing never heard of it
    from multiprocessing import forkserver

    state: Any = forkserver._forkserver  # its private state (see the module's note)
    if state._forkserver_pid == server.pid:
        state._forkserver_address = None
        state._forkserver_alive_fd = None
        state._forkserver_pid = None
