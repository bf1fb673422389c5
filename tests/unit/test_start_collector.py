"""The cycle collector is off while a command starts and on for its work.

What a start allocates (modules, classes, the config's values) lives on, so collections
during it find nothing to free; the command's own work (a refresh, a sync, the reader)
runs with the collector as usual. Checked in a fresh interpreter through ``entry.run``,
by the collections the interpreter reports (``gc.callbacks``), never by time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import atexit, gc, json, sys
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(1))
seen = {}

def watch(frame, event, arg):  # the start: from run() until the config and cache are in
    name = frame.f_code.co_name
    if event == "call" and name == "run" and frame.f_code.co_filename.endswith("entry.py"):
        collections.clear()
    elif event == "return" and name == "load_context":
        seen["collections at start"] = len(collections)
    elif event == "call" and name == "_plan" and "on" not in seen:
        seen["on"] = gc.isenabled()  # the refresh's own work

atexit.register(lambda: print(json.dumps([seen, gc.isenabled()]), flush=True))
sys.setprofile(watch)
from suxun_tui.entry import run
run()
"""


def run_command(tmp_path: Path, *args: str) -> list[object]:
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    config = tmp_path / "config.toml"
    config.write_text(f'[[sources]]\nname = "local"\nurl = "{feed.as_uri()}"\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUXUN_TUI_")}
    env["SUXUN_TUI_CONFIG"] = str(config)
    env["SUXUN_TUI_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_refresh_starts_without_collections_and_works_with_the_collector(
    tmp_path: Path,
) -> None:
    seen, on_at_exit = run_command(tmp_path, "refresh")
    # Imports, the command line, the config and the cache: not one collection.
    assert seen == {"collections at start": 0, "on": True}
    assert on_at_exit is True


def test_a_command_without_a_cache_gets_the_collector_back_at_once(tmp_path: Path) -> None:
    _, on_at_exit = run_command(tmp_path, "init", "--config", str(tmp_path / "new.toml"))
    assert on_at_exit is True
