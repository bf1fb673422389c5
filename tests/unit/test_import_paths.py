"""Each command imports only what it uses (checked by what is loaded, never by time).

A fresh interpreter runs the command, or imports its path, and reports ``sys.modules``:
a refresh that parses nothing loads no feed or HTML reader, a refresh without accounts
no sync client, a sync with nothing new no HTML reader, and no command but the reader
loads Textual.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

READERS = {"lxml", "feedparser", "charset_normalizer", "html5lib", "bs4"}
SYNC_CLIENTS = {"suxun_tui.sync.greader", "suxun_tui.sync.miniflux", "suxun_tui.sync.engine"}


def modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """Every module name in ``sys.modules`` (top-level and dotted) after ``code`` runs."""
    program = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, check=True
    )
    names = set(json.loads(done.stdout.strip().splitlines()[-1]))
    return names | {n.split(".")[0] for n in names}


def run_cli(*args: str) -> str:
    return (
        "from suxun_tui.entry import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({list(args)!r})\n"
        "assert code == 0, code\n"
    )


def test_a_refresh_with_nothing_to_parse_loads_no_reader_no_sync_and_no_textual(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[settings]\nrefresh_minutes = 60\n")
    loaded = modules_after(
        run_cli("refresh", "--config", str(config), "--data-dir", str(tmp_path / "data"))
    )
    assert "suxun_tui.cli.refresh_cmd" in loaded  # the guard can fail: this is the path
    assert loaded & READERS == set()
    assert loaded & SYNC_CLIENTS == set()
    assert {"textual", "multiprocessing", "suxun_tui.feeds.fragments"} & loaded == set()
    assert "email" not in loaded  # HTTP dates are read only when a server sends one
    assert "suxun_tui.demo" not in loaded


def test_the_refresh_path_leaves_the_parse_machinery_to_the_first_document() -> None:
    loaded = modules_after("import suxun_tui.cli.refresh_cmd, suxun_tui.refresh.parse_pool")
    assert loaded & READERS == set()
    assert loaded & SYNC_CLIENTS == set()
    assert "multiprocessing" not in loaded and "textual" not in loaded


def test_a_sync_loads_no_html_reader_until_an_entry_comes_nor_a_client_before_its_account() -> None:
    loaded = modules_after("from suxun_tui.sync import sync_accounts")
    assert "suxun_tui.sync.engine" in loaded
    assert {"suxun_tui.sync.greader", "suxun_tui.sync.miniflux"} & loaded == set()
    assert loaded & READERS == set()
    assert "textual" not in loaded


@pytest.mark.parametrize(("kind", "other"), [("miniflux", "greader"), ("greader", "miniflux")])
def test_an_account_loads_its_own_api_client_only(kind: str, other: str) -> None:
    code = (
        "import os\n"
        "os.environ['SECRET'] = 's'\n"
        "from suxun_tui.config import AccountSpec, Settings\n"
        "from suxun_tui.net.client import Fetcher\n"
        "from suxun_tui.sync.engine import make_client\n"
        f"account = AccountSpec('a', {kind!r}, 'http://127.0.0.1:9', 'u', token_env='SECRET',"
        " password_env='SECRET')\n"
        "make_client(account, Fetcher(Settings()))"
    )
    loaded = modules_after(code)
    assert f"suxun_tui.sync.{kind}" in loaded
    assert f"suxun_tui.sync.{other}" not in loaded


def test_a_config_without_queries_does_not_load_the_query_parser(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[sources]]\nname = "a"\nurl = "http://127.0.0.1:9/a.xml"\n')
    code = f"from pathlib import Path\nfrom suxun_tui.config import load_config\nload_config(Path({str(config)!r}))"
    assert "suxun_tui.query.parser" not in modules_after(code)
    config.write_text(config.read_text() + '[[queries]]\nname = "q"\nquery = "is:unread"\n')
    assert "suxun_tui.query.parser" in modules_after(code)


def test_the_cache_commands_load_no_network_stack(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    config = tmp_path / "config.toml"
    config.write_text("")
    for args in (("list",), ("search", "x")):
        loaded = modules_after(run_cli(*args, "--config", str(config), "--data-dir", data))
        assert {"asyncio", "ssl", "httpx", "pycurl", "textual"} & loaded == set(), args
        assert loaded & READERS == set(), args
