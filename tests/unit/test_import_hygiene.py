"""Start-up imports only what it uses: the reader and the cache commands stay light.

Each check runs a fresh interpreter, because this test process has long since imported
everything. httpx, lxml and feedparser cost most of a cold start; they belong to refresh
and fetching, and are loaded when one of those runs.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("httpx", "httpcore", "lxml", "feedparser", "charset_normalizer", "brotli")


def loaded_after(statement: str) -> set[str]:
    """Top-level module names present in ``sys.modules`` after running ``statement``."""
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return {name.split(".")[0] for name in json.loads(out)}


@pytest.mark.parametrize(
    "statement",
    [
        "import suxun_tui.tui.app",
        "import suxun_tui.entry",
        "import suxun_tui.cli.commands",
        "from suxun_tui.cli import parse_args; parse_args(['list'])",
    ],
)
def test_start_up_does_not_load_the_network_or_parsers(statement: str) -> None:
    assert loaded_after(statement) & set(HEAVY) == set()


def test_the_cache_commands_start_without_an_event_loop() -> None:
    # asyncio costs 25-60 ms at start-up; list, show and search never run one.
    assert "asyncio" not in loaded_after(
        "from suxun_tui.cli import parse_args; parse_args(['list']); import suxun_tui.cli.commands"
    )


def test_the_refresh_command_loads_what_refreshing_needs() -> None:
    # The guard above must be able to fail: the refresh path really uses these modules.
    loaded = loaded_after("import suxun_tui.cli.refresh_cmd")
    assert "httpx" in loaded
    assert "textual" not in loaded
    # The readers (lxml, feedparser ~50 ms) only once a feed is read: not for "not
    # modified" or a sync with nothing new (tests/unit/test_import_paths.py).
    assert {"feedparser", "lxml"} & loaded == set()
    parsing = loaded_after(
        "from suxun_tui.refresh.parse_pool import parse_source_document\n"
        "from suxun_tui.config import SourceSpec\n"
        "parse_source_document(SourceSpec('a', 'http://x/f'), b'<rss><channel/></rss>',"
        " 'http://x/f', 'application/rss+xml')"
    )
    # A plain feed is read by the fast reader (lxml); feedparser loads only for what that
    # reader refuses (feeds.fallback).
    assert "lxml" in parsing and "feedparser" not in parsing
