"""A real Miniflux for the sync tests: built with ``go install``, on a throwaway PostgreSQL.

Run as a script it builds (``--build``) or builds and serves until interrupted
(``--serve``); the test fixture (``tests/integration/conftest.py``) imports it. Everything
listens on 127.0.0.1 only and lives in a temporary directory that is removed afterwards.

- Miniflux ``v2.3.5`` is installed with ``GOBIN`` in ``.cache/miniflux/`` of the project,
  so a second run reuses the binary (and Go's own build cache); ``.cache/`` carries its
  own ``.gitignore``.
- PostgreSQL refuses to run as root; as root the cluster belongs to the ``postgres`` user
  (``runuser``), otherwise to the current user. It listens on a loopback port with
  ``trust`` authentication — it holds nothing but test data for the lifetime of a run.
- Miniflux's scheduler is off: tests ask it to fetch a feed now (``PUT
  /v1/feeds/ID/refresh``), so Miniflux itself fetches the tests' loopback feeds, but at a
  moment the test chooses. ``FETCHER_ALLOW_PRIVATE_NETWORKS`` lets it reach 127.0.0.1.
- The Google Reader endpoint is switched on the way a user does it
  (``miniflux_settings``): logging in to the web UI and saving the integrations form
  (``googlereader_enabled``, username, password).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script (``.ci/run``): the project's root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.miniflux_accounts import (  # noqa: E402
    ADMIN_PASSWORD,
    ADMIN_USER,
    GREADER_PASSWORD,
    GREADER_USER,
    ServerUnavailable,
)
from tests.support.miniflux_settings import enable_google_reader  # noqa: E402

__all__ = [
    "GREADER_PASSWORD",
    "GREADER_USER",
    "MinifluxServer",
    "ServerUnavailable",
    "miniflux_binary",
    "start_server",
]

MINIFLUX_MODULE = "miniflux.app/v2"
MINIFLUX_VERSION = "v2.3.5"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = PROJECT_ROOT / ".cache" / "miniflux"
PG_BIN_DIRS = tuple(Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def miniflux_binary() -> Path:
    return CACHE_DIR / "bin" / "miniflux.app"  # go install names it after the module path


def build_miniflux() -> tuple[Path, float]:
    """Install Miniflux into the project cache (reused when present); (path, seconds)."""
    binary = miniflux_binary()
    stamp = CACHE_DIR / "version"
    if binary.exists() and stamp.exists() and stamp.read_text().strip() == MINIFLUX_VERSION:
        return binary, 0.0
    go = shutil.which("go") or (
        "/usr/local/go/bin/go" if Path("/usr/local/go/bin/go").exists() else None
    )
    if go is None:
        raise ServerUnavailable("Go is not installed (no 'go' on PATH or in /usr/local/go/bin)")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    gitignore = PROJECT_ROOT / ".cache" / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n")
    env = dict(os.environ, GOBIN=str(binary.parent), CGO_ENABLED="0")
    started = time.monotonic()
    done = subprocess.run(
        [go, "install", f"{MINIFLUX_MODULE}@{MINIFLUX_VERSION}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    if done.returncode != 0 or not binary.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise ServerUnavailable(
            f"go install {MINIFLUX_MODULE}@{MINIFLUX_VERSION} failed:\n" + "\n".join(tail)
        )
    stamp.write_text(MINIFLUX_VERSION + "\n")
    return binary, seconds


def postgres_bin() -> Path:
    for directory in PG_BIN_DIRS:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerUnavailable(
        "PostgreSQL is not installed (no initdb/pg_ctl; on Debian: apt-get install postgresql)"
    )


@dataclass
class MinifluxServer:
    """One running Miniflux with its own PostgreSQL cluster; use as a context manager."""

    binary: Path
    pg_bin: Path
    port: int = field(default_factory=_free_port)
    pg_port: int = field(default_factory=_free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="suxun-miniflux-")))
    process: subprocess.Popen[bytes] | None = None
    api_key: str = ""
    startup_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def greader_url(self) -> str:
        return f"{self.url}/"

    # --- PostgreSQL ----------------------------------------------------------------------

    def _as_db_user(self, argv: list[str]) -> list[str]:
        if os.geteuid() == 0:
            # runuser lives in /usr/sbin, which a minimal PATH (cron, CI) may lack.
            path = f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin"
            runuser = shutil.which("runuser", path=path) or "runuser"
            return [runuser, "-u", "postgres", "--", *argv]
        return argv

    def _pg(self, name: str, *args: str) -> None:
        argv = self._as_db_user([str(self.pg_bin / name), *args])
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ServerUnavailable(f"{name} failed: {(done.stderr or done.stdout).strip()}")

    def _start_postgres(self) -> None:
        data = self.root / "pg"
        if os.geteuid() == 0:
            os.chmod(self.root, 0o755)
            data.mkdir()
            shutil.chown(data, "postgres", "postgres")
        self._pg("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.pg_port} -k {data} -c fsync=off"
        self._pg("pg_ctl", "-D", str(data), "-o", options, "-l", str(data / "log"), "-w", "start")
        self._pg(
            "createdb", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "miniflux"
        )

    def analyze(self) -> None:
        """Bring PostgreSQL's statistics and visibility map up to date (``VACUUM
        ANALYZE``), as autovacuum does within a minute or so of many new rows: a benchmark
        that times Miniflux's queries right after it fetched its feeds would otherwise time
        plans made without them, or autovacuum's own work beside them."""
        self._pg(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.pg_port),
            "-U",
            "postgres",
            "-d",
            "miniflux",
            "-c",
            "VACUUM ANALYZE",
        )

    def _stop_postgres(self) -> None:
        data = self.root / "pg"
        if (data / "postmaster.pid").exists():
            subprocess.run(
                self._as_db_user(
                    [str(self.pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
                ),
                capture_output=True,
                check=False,
            )

    # --- Miniflux ------------------------------------------------------------------------

    def start(self) -> MinifluxServer:
        started = time.monotonic()
        try:
            self._start_postgres()
            self.start_miniflux()
            enable_google_reader(self.url, self.log_tail)
            self.api_key = self.api("POST", "/v1/api-keys", {"description": "tests"})["token"]
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def start_miniflux(self) -> None:
        """Start (or restart after :meth:`stop_miniflux`) Miniflux on the same port."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/miniflux?sslmode=disable",
            "RUN_MIGRATIONS": "1",
            "CREATE_ADMIN": "1",
            "ADMIN_USERNAME": ADMIN_USER,
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "LISTEN_ADDR": f"127.0.0.1:{self.port}",
            "DISABLE_SCHEDULER_SERVICE": "1",
            "POLLING_FREQUENCY": "1",
            "FETCHER_ALLOW_PRIVATE_NETWORKS": "1",
            "WORKER_POOL_SIZE": "2",
            "LOG_LEVEL": "warning",
        }
        log = (self.root / "miniflux.log").open("ab")
        self.process = subprocess.Popen(
            [str(self.binary)], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerUnavailable(f"miniflux exited at start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthcheck", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise ServerUnavailable(f"miniflux did not answer within 60 s:\n{self.log_tail()}")

    def stop_miniflux(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def stop(self) -> None:
        self.stop_miniflux()
        self._stop_postgres()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        path = self.root / "miniflux.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> MinifluxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- talking to it as a user ---------------------------------------------------------

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """Miniflux's REST API as the admin (basic auth); the decoded JSON answer or None."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method)
        credentials = base64.b64encode(f"{ADMIN_USER}:{ADMIN_PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {credentials}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as answer:
            raw = answer.read()
        return json.loads(raw) if raw.strip() else None

    def add_feed(self, url: str, category: str | None = None) -> int:
        """Subscribe the admin to ``url``; Miniflux fetches it right away."""
        body: dict[str, Any] = {"feed_url": url}
        if category:
            body["category_id"] = self.category_id(category)
        return int(self.api("POST", "/v1/feeds", body)["feed_id"])

    def category_id(self, title: str) -> int:
        for category in self.api("GET", "/v1/categories"):
            if category["title"] == title:
                return int(category["id"])
        return int(self.api("POST", "/v1/categories", {"title": title})["id"])

    def refresh_feed(self, feed_id: int) -> None:
        """Make Miniflux fetch the feed now (it does, synchronously)."""
        self.api("PUT", f"/v1/feeds/{feed_id}/refresh")

    def entries(self, **query: Any) -> list[dict[str, Any]]:
        query.setdefault("limit", 1000)
        answer = self.api("GET", "/v1/entries?" + urllib.parse.urlencode(query))
        return list(answer["entries"])

    def set_entries(
        self, ids: list[int], *, status: str | None = None, starred: bool | None = None
    ) -> None:
        body: dict[str, Any] = {"entry_ids": ids}
        if status is not None:
            body["status"] = status
        if starred is not None:
            body["starred"] = starred
        self.api("PUT", "/v1/entries", body)

    def remove_all_feeds(self) -> None:
        for feed in self.api("GET", "/v1/feeds"):
            self.api("DELETE", f"/v1/feeds/{feed['id']}")


def start_server(*, build: bool = True) -> MinifluxServer:
    """Build if needed (and ``build``), then start; :class:`ServerUnavailable` says why not."""
    binary = miniflux_binary()
    if build:
        binary, _ = build_miniflux()
    elif not binary.exists():
        hint = (
            "Go is not installed"
            if shutil.which("go") is None and not Path("/usr/local/go/bin/go").exists()
            else "not built yet"
        )
        raise ServerUnavailable(
            f"{hint}: run `python3 tests/support/miniflux_server.py --build` once"
            " (a few minutes the first time; .ci/run does it)"
        )
    return MinifluxServer(binary, postgres_bin()).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--build", action="store_true", help="build (or reuse) Miniflux and exit")
    parser.add_argument("--serve", action="store_true", help="start Miniflux and wait for Ctrl-C")
    args = parser.parse_args(argv)
    try:
        binary, seconds = build_miniflux()
        print(
            f"miniflux {MINIFLUX_VERSION}: {binary} ({'cached' if not seconds else f'built in {seconds:.1f} s'})"
        )
        postgres_bin()
        if args.serve:
            with MinifluxServer(binary, postgres_bin()) as server:
                print(
                    f"miniflux at {server.url} (admin / {ADMIN_PASSWORD}; Google Reader user {GREADER_USER}), started in {server.startup_seconds:.1f} s"
                )
                try:
                    while True:
                        time.sleep(3600)
                except KeyboardInterrupt:
                    pass
    except ServerUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
