"""A feed item with code, refreshed into a real cache and printed by ``show``: lines kept.

The whole way a code block travels - feed HTML, the converter, the SQLite cache (blocks as
JSON), ``show`` in plain text and JSON - is run for real, with a local feed file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.feeds import rss

POST = (
    "<p>Python 里叫做 <code>with</code> 的语句会自动关闭文件：</p>"
    "<pre><code>def first_line(path):\n\twith open(path) as f:\n\t\treturn f.readline()\n\n\n"
    "print(first_line('關(guān)注.txt'))\n</code></pre>"
    "<ul><li>top<ul><li>nested</li></ul></li></ul>"
)
CODE = (
    "def first_line(path):\n    with open(path) as f:\n        return f.readline()\n\n\n"
    "print(first_line('關(guān)注.txt'))"
)


def run(*args: str, data: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "suxun_tui",
            *args,
            "--config",
            str(config),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SUXUN_TUI_CONFIG": str(config)},
    )


def test_show_prints_a_stored_code_block_as_written(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        rss(
            "Code notes",
            [{"title": "with", "link": "http://e/1", "guid": "1", "description": POST}],
        ),
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[[sources]]\nname = "notes"\nurl = "{feed}"\n', encoding="utf-8")
    data = tmp_path / "data"
    done = run("refresh", data=data, config=config)
    assert done.returncode == 0, done.stdout + done.stderr
    (row,) = json.loads(run("list", "--json", data=data, config=config).stdout)
    plain = run("show", str(row["id"]), "--offline", data=data, config=config).stdout
    assert CODE in plain
    assert "叫做 with 的语句" in plain
    assert "• top\n\n  • nested" in plain
    shown = json.loads(
        run("show", str(row["id"]), "--json", "--offline", data=data, config=config).stdout
    )
    assert CODE in shown["body"]
