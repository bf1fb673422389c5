"""Parse workers forked from a server the refresh forked itself, before any thread started.

Each case runs a refresh in a fresh interpreter (a script with a ``__main__`` guard, as
worker processes require) over local feed files, with worker processes forced, and reports
where the workers came from and what was stored: the same rows as parsing on threads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.feeds import items, rss

SCRIPT = """
import json, sys, threading
from pathlib import Path
from suxun_tui.refresh import parse_server

servers = []
original = parse_server.start_server

def spy():
    servers.append(original())
    return servers[-1]

parse_server.start_server = spy

if __name__ == "__main__":
    from suxun_tui.config import Config, SourceSpec
    from suxun_tui.refresh.engine import refresh_sources
    from suxun_tui.store import Store

    feeds, db, threaded = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1"
    if threaded:  # as in the reader, whose refresh runs beside other threads
        stop = threading.Event()
        threading.Thread(target=stop.wait, daemon=True).start()
    specs = tuple(
        SourceSpec(p.stem, p.as_uri()) for p in sorted(Path(feeds).glob("*.xml"))
    )
    report = refresh_sources(Config(sources=specs), db)
    with Store(db) as store:
        rows = sorted([h.source_name, h.title, h.url] for h in store.headlines())
    alive = parse_server._server is not None
    print(json.dumps({"new": report.new, "servers": servers, "rows": rows, "alive": alive}))
"""


def refresh_in_child(tmp_path: Path, route: str, threaded: bool = False) -> dict[str, object]:
    feeds = tmp_path / "feeds"
    if not feeds.exists():
        feeds.mkdir()
        for i in range(4):
            (feeds / f"s{i}.xml").write_text(rss(f"S{i}", items(5, f"S{i}")), encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    db = tmp_path / f"{route}-{int(threaded)}.sqlite3"
    env = {**os.environ, "SUXUN_TUI_PARSE_POOL": route}
    done = subprocess.run(
        [sys.executable, str(script), str(feeds), str(db), "1" if threaded else "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_workers_come_from_the_forked_server_and_store_what_threads_store(
    tmp_path: Path,
) -> None:
    forked = refresh_in_child(tmp_path, "process")
    threads = refresh_in_child(tmp_path, "thread")
    assert forked["servers"] == ["forked"]
    assert threads["servers"] == []
    assert forked["new"] == threads["new"] == 20
    assert forked["rows"] == threads["rows"]
    assert forked["alive"] is False  # the server ended with the refresh


def test_with_a_thread_running_the_standard_fork_server_is_used(tmp_path: Path) -> None:
    result = refresh_in_child(tmp_path, "process", threaded=True)
    assert result["servers"] == ["forkserver"]
    assert result["new"] == 20


def test_forking_the_server_loads_no_multiprocessing_until_it_is_started() -> None:
    code = (
        "import sys\n"
        "from suxun_tui.refresh import parse_server\n"
        "forked = parse_server.fork_server(500)\n"
        "before = 'multiprocessing' in sys.modules\n"
        "parse_server.stop_server()\n"
        "print(forked, before, 'multiprocessing' in sys.modules)\n"
    )
    env = {**os.environ, "SUXUN_TUI_PARSE_POOL": "process"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "False"]
