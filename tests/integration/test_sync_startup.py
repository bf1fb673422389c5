# ruff: noqa: F811  (the session fixtures are imported, then named as parameters)
"""What a nothing-new sync against a real Miniflux loads (checked by name, never by time).

The sync goes through the libcurl fetcher when pycurl is installed: no httpx stack, no
HTML or feed reader, no parse pool or local sources' fetch job, no OpenSSL, no Textual,
and no ``email`` (HTTP dates are read only when a server sends one that matters). The
cache is closed cleanly, so the next start may skip the whole-file check.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suxun_tui.store.clean_close import closed_cleanly
from suxun_tui.store.db import DB_NAME
from tests.integration.test_sync_cli import RSS, run, write_config
from tests.support.feeds import items, rss
from tests.support.miniflux_fixture import clean_miniflux, feed_server, miniflux  # noqa: F401
from tests.support.miniflux_server import MinifluxServer
from tests.support.server import LoopbackServer

HTTPX_STACK = {"httpx", "httpcore", "h11", "anyio", "certifi", "sniffio"}
READERS = {"lxml", "feedparser", "charset_normalizer", "html5lib", "bs4"}
LOADED = (
    "import json, sys\n"
    "from suxun_tui.entry import main\n"
    "code = main(['refresh'])\n"
    "print(json.dumps([code, sorted(n for n, m in sys.modules.items() if m is not None)]))\n"
)


def closed_cleanly_once_settled(db: Path) -> bool:
    """Whether the cache is noted as cleanly closed once the background index filler a
    refresh starts has finished (it takes the note away while it writes); ~30 s at most."""
    for _ in range(300):
        if closed_cleanly(db):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("api", ["miniflux", "greader"])
def test_a_sync_with_nothing_new_loads_only_what_it_uses(
    api: str, clean_miniflux: MinifluxServer, feed_server: LoopbackServer, tmp_path: Path
) -> None:
    pytest.importorskip("pycurl", reason="the httpx fetcher is used without pycurl")
    env = write_config(tmp_path, clean_miniflux, api)
    url = feed_server.add(f"/startup-{api}", rss("Startup", items(2, prefix="S")), headers=RSS)
    assert run(env, "subscribe", url, "--account", "home").returncode == 0
    assert run(env, "refresh").returncode == 0  # the first sync: entries pulled
    assert closed_cleanly_once_settled(tmp_path / "data" / DB_NAME)
    done = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    code, names = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0
    loaded = set(names) | {n.split(".")[0] for n in names}
    assert "suxun_tui.sync.engine" in loaded and "pycurl" in loaded  # the path was taken
    assert loaded & HTTPX_STACK == set()
    assert loaded & READERS == set()
    assert {"textual", "email", "multiprocessing"} & loaded == set()
    assert {"suxun_tui.refresh.parse_pool", "suxun_tui.refresh.fetch_job"} & loaded == set()
    assert "_hashlib" not in loaded  # no OpenSSL: the token file's hashes come without it
    assert closed_cleanly_once_settled(
        tmp_path / "data" / DB_NAME
    )  # the next start skips the page check
