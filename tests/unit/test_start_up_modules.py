"""What the non-interactive commands leave unloaded (checked by name, never by time).

Each command runs in a fresh interpreter that reports ``sys.modules``. Parsing the command
line loads no other command's module; a refresh with nothing due (cron, every few
minutes) starts no event loop, so neither asyncio nor the ``ssl`` it would import; the
query language loads only for a config with queries or rules; ``list`` and ``search``
load no fetcher. Each guard has a counterpart showing the path was really taken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

OTHER_COMMANDS = {
    "suxun_tui.cli.extract_cmd",
    "suxun_tui.cli.gc_cmd",
    "suxun_tui.cli.init_cmd",
    "suxun_tui.cli.opml_cmd",
    "suxun_tui.cli.rules_cmd",
    "suxun_tui.cli.subscribe_cmd",
    "suxun_tui.pages",
}
# Loaded only by the work that needs them: TLS, the query language and rules, hashing,
# the parsed-config cache, argparse's terminal-width lookup, timezones and suggestions;
# dataclasses (and the inspect it loads) only for dataclasses.replace or fields on a
# record (suxun_tui.record makes the value classes without it).
NOT_AT_START = {
    "dataclasses",
    "inspect",
    "ssl",
    "suxun_tui.query.model",
    "suxun_tui.query.parser",
    "suxun_tui.store.rules",
    "hashlib",
    "pickle",
    "shutil",
    "zoneinfo",
    "difflib",
    "platformdirs",
}
FETCHING = {"asyncio", "suxun_tui.refresh.running", "suxun_tui.net.client"}


def loaded_by(tmp_path: Path, *args: str, parse_pool: str = "") -> set[str]:
    """Module names (dotted and top-level) loaded by ``suxun-tui ARGS`` with this config."""
    program = (
        "import contextlib, io, json, sys\n"
        "from suxun_tui.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({['--data-dir', str(tmp_path / 'data'), *args]!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUXUN_TUI_")}
    env["SUXUN_TUI_CONFIG"] = str(tmp_path / "config.toml")
    if parse_pool:
        env["SUXUN_TUI_PARSE_POOL"] = parse_pool
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    code, names = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0, done.stderr
    return set(names) | {n.split(".")[0] for n in names}


def write_config(tmp_path: Path, extra: str = "", url: str = "") -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss("Local", items(3)), encoding="utf-8")
    source = f'[[sources]]\nname = "local"\nurl = "{url or feed.as_uri()}"\n'
    (tmp_path / "config.toml").write_text(
        f"[settings]\nrefresh_minutes = 600\n\n{source}{extra}", encoding="utf-8"
    )


def test_a_refresh_with_nothing_due_starts_no_event_loop_and_loads_no_other_command(
    tmp_path: Path,
) -> None:
    write_config(tmp_path)
    first = loaded_by(tmp_path, "refresh")  # the source is new: it is due, and fetched
    assert first >= FETCHING  # the guards below can fail: this is what fetching loads
    # Fetched a moment ago: nothing is due. Worker processes asked for, but none needed:
    # no parse server is forked, and no database thread (concurrent.futures) starts.
    again = loaded_by(tmp_path, "refresh", parse_pool="process")
    assert "suxun_tui.cli.refresh_cmd" in again
    assert again & (FETCHING | OTHER_COMMANDS | NOT_AT_START) == set()
    assert {"multiprocessing", "concurrent", "logging"} & again == set()
    # Nothing to store: neither the article writer nor the feed-server accounts' store
    # (the command line's start wrote the config's sources and accounts already).
    writers = {"suxun_tui.store.source_writes", "suxun_tui.store.articles"}
    assert (writers | {"suxun_tui.store.remote"}) & again == set()


def test_queries_and_rules_load_the_query_language(tmp_path: Path) -> None:
    write_config(tmp_path, '\n[[rules]]\nname = "r"\nquery = "spam"\naction = "read"\n')
    loaded = loaded_by(tmp_path, "refresh")
    assert {"suxun_tui.query.model", "suxun_tui.store.rules"} <= loaded


def test_list_and_search_load_no_fetcher_and_no_other_command(tmp_path: Path) -> None:
    write_config(tmp_path)
    loaded_by(tmp_path, "refresh")
    for args in (("list", "--limit", "50"), ("search", "Item", "--limit", "50")):
        loaded = loaded_by(tmp_path, *args)
        assert "suxun_tui.cli.commands" in loaded, args
        assert loaded & (FETCHING | OTHER_COMMANDS) == set(), args
        assert loaded & {"ssl", "hashlib", "pickle", "shutil", "difflib", "platformdirs"} == set()
        assert loaded & {"dataclasses", "inspect", "suxun_tui.refresh.fulltext_rule"} == set()


def test_the_other_commands_still_load_their_modules(tmp_path: Path) -> None:
    write_config(tmp_path)
    assert "suxun_tui.cli.init_cmd" in loaded_by(tmp_path, "init", "--config", str(tmp_path / "n"))
    loaded = loaded_by(tmp_path, "opml", "export", "-o", str(tmp_path / "out.opml"))
    assert "suxun_tui.cli.opml_cmd" in loaded


def test_a_refresh_of_unchanged_feeds_over_libcurl_loads_no_ssl(tmp_path: Path) -> None:
    pytest.importorskip("pycurl", reason="without pycurl, httpx fetches and brings ssl")
    with LoopbackServer() as server:
        url = server.add(
            "/feed.xml", rss("Served", items(3)), headers={"Content-Type": "application/rss+xml"}
        )
        write_config(tmp_path, url=url)
        loaded_by(tmp_path, "refresh")  # the first fetch: parsed and stored
        again = loaded_by(tmp_path, "refresh", "--all")  # the same body: nothing to parse
        assert server.hits["/feed.xml"] == 2
    assert {"asyncio", "pycurl", "suxun_tui.refresh.running"} <= again
    assert "ssl" not in again  # libcurl does its own TLS; asyncio's is never used
