"""Ctrl-C in the middle of a command: one line saying so, exit 130, the cache intact.

The command runs as a real child process against a loopback server whose one feed never
answers in time, and gets a real SIGINT once it is waiting for that feed; what it had
stored before (another source's articles) must still be there, and readable.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from suxun_tui.store import DB_NAME
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer


def _default_sigint() -> None:
    """The child gets Python's own Ctrl-C handling even when started with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_refresh_says_so_and_keeps_what_was_stored(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        fast = server.add("/fast.xml", rss("Fast", items(4, "Fast")))
        slow = server.add("/slow.xml", rss("Slow", items(2, "Slow")), delay=30)
        config = tmp_path / "config.toml"
        config.write_text(
            f'[[sources]]\nname = "快"\nurl = "{fast}"\n\n[[sources]]\nname = "慢"\nurl = "{slow}"\n'
            "[settings]\ntimeout = 60\nretries = 0\n",
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "SUXUN_TUI_CONFIG": str(config),
            "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        }
        child = subprocess.Popen(
            [sys.executable, "-m", "suxun_tui", "refresh"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_default_sigint,
        )
        deadline = time.monotonic() + 30
        while server.hits["/slow.xml"] == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.hits["/slow.xml"] == 1, "the refresh never asked for the slow feed"
        time.sleep(0.5)  # the fast feed's rows are stored meanwhile
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
        assert child.returncode == 130, (out, err)
        assert "Traceback" not in err, err
        assert "interrupted; what was already stored in the cache is kept" in err
        conn = sqlite3.connect(tmp_path / "data" / DB_NAME)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
        listed = subprocess.run(
            [sys.executable, "-m", "suxun_tui", "list", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listed.returncode == 0, listed.stderr
        titles = sorted(row["title"] for row in json.loads(listed.stdout))
        assert titles == [f"Fast {i}" for i in range(4)]
