"""The command line as scripts and cron use it: exit codes, JSON shapes, plain output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

SEED_TITLE = "以自我革命精神 提升基层治理效能"
PINYIN = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
        cwd=cwd,
    )


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, str]:
    """Environment pointing config and data at temp dirs (no config file: the demo)."""
    return {
        "SUXUN_TUI_CONFIG": str(tmp_path / "absent.toml"),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
    }


def test_demo_refresh_list_show(dirs: dict[str, str]) -> None:
    done = run("refresh", env=dirs)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "refreshed" in done.stdout and "0 failed" in done.stdout
    listed = run("list", "--json", env=dirs)
    rows = json.loads(listed.stdout)
    assert rows[0]["title"] == SEED_TITLE
    assert set(rows[0]) == {"id", "source", "title", "url", "published", "read", "starred"}
    # Two demo feeds carry the seed: one headline, under whichever source stored it first.
    [seed] = [r for r in rows if r["title"] == SEED_TITLE]
    assert seed["source"] in ("苏讯网 · 要闻", "苏讯网 · 本地新闻")
    assert seed["published"] == "2025-12-29T04:34:00Z"
    shown = json.loads(run("show", str(seed["id"]), "--json", env=dirs).stdout)
    assert shown["author"] == "王帥"
    paragraphs = shown["body"].split("\n\n")
    assert len(paragraphs) == 5
    assert not PINYIN.search(shown["body"]), "no flattened pinyin may remain"
    assert "當前我國進入高質量發展新階段" in paragraphs[0]
    plain = run("show", str(seed["id"]), env=dirs)
    assert plain.stdout.startswith(SEED_TITLE + "\n")
    assert "\x1b" not in plain.stdout


def test_list_filters_and_limit(dirs: dict[str, str]) -> None:
    run("refresh", env=dirs)
    everything = json.loads(run("list", "--json", env=dirs).stdout)
    assert len(json.loads(run("list", "--json", "--limit", "2", env=dirs).stdout)) == 2
    only = json.loads(run("list", "--json", "--source", "Terminal Weekly", env=dirs).stdout)
    assert only and all(r["source"] == "Terminal Weekly" for r in only)
    assert json.loads(run("list", "--json", "--starred", env=dirs).stdout) == []
    assert len(json.loads(run("list", "--json", "--unread", env=dirs).stdout)) == len(everything)
    text = run("list", env=dirs).stdout.splitlines()
    assert len(text) == len(everything) and SEED_TITLE in text[0]


def test_refresh_exit_code_1_when_a_source_fails(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        good = server.add("/good.xml", rss("Good", items(2)))
        bad = server.add("/bad.xml", "gone", status=404)
        config = tmp_path / "config.toml"
        config.write_text(
            f'[settings]\nretries = 0\n[[sources]]\nname = "good"\nurl = "{good}"\n'
            f'[[sources]]\nname = "bad"\nurl = "{bad}"\n',
            encoding="utf-8",
        )
        done = run("refresh", "--config", str(config), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 1
    assert "error: bad: " in done.stdout and "HTTP 404" in done.stdout and "bad.xml" in done.stdout
    assert "error: good" not in done.stdout
    assert "Traceback" not in done.stderr


def test_usage_and_config_errors_exit_2(tmp_path: Path, dirs: dict[str, str]) -> None:
    assert run("list", "--limit", "zero", env=dirs).returncode == 2
    assert run("frobnicate", env=dirs).returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]]\nname = 'x'\n", encoding="utf-8")
    done = run("list", "--config", str(bad))
    assert done.returncode == 2 and f"{bad}:1: source 'x' has no 'url'" in done.stderr
    assert run("list", "--config", str(tmp_path / "missing.toml")).returncode == 2
    assert run("refresh", "--source", "nope", env=dirs).returncode == 2


def test_show_unknown_id(dirs: dict[str, str]) -> None:
    done = run("show", "999", env=dirs)
    assert done.returncode == 1 and "no article" in done.stderr


def test_offline_refresh_skips_web_sources(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[sources]]\nname = "web"\nurl = "http://127.0.0.1:9/feed"\n', encoding="utf-8"
    )
    done = run("refresh", "--offline", "--config", str(config), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 0 and "skipped (offline)" in done.stdout


def test_version_and_module_entry(dirs: dict[str, str]) -> None:
    done = run("--version", env=dirs)
    assert done.returncode == 0 and done.stdout.startswith("suxun-tui ")


def test_reader_with_a_broken_config_says_where_instead_of_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[settings]\ntimeout = "soon"\n', encoding="utf-8")
    done = run("--config", str(bad), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 2
    assert f"{bad}:2: 'timeout' must be" in done.stderr
    assert "Traceback" not in done.stderr
    syntax = tmp_path / "syntax.toml"
    syntax.write_text("[[sources]\nurl = 1\n", encoding="utf-8")
    done = run("--config", str(syntax), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 2 and "line 1" in done.stderr and "column" in done.stderr


def test_search_command(dirs: dict[str, str]) -> None:
    run("refresh", env=dirs)
    rows = json.loads(run("search", "治理效能", "--json", env=dirs).stdout)
    assert rows and all(r["title"] == SEED_TITLE for r in rows)
    assert json.loads(run("search", "no-such-words-anywhere", "--json", env=dirs).stdout) == []
    plain = run("search", "Terminal", "--source", "Terminal Weekly", env=dirs)
    assert plain.returncode == 0 and "Reading the news" in plain.stdout


def test_options_before_the_subcommand_are_honoured(tmp_path: Path) -> None:
    """``suxun-tui --config F --data-dir D --offline refresh`` is the same as after it."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]]\nname = 'x'\n", encoding="utf-8")
    done = run("--config", str(bad), "list")
    assert done.returncode == 2 and f"{bad}:1: source 'x' has no 'url'" in done.stderr
    config = tmp_path / "config.toml"
    config.write_text(
        '[[sources]]\nname = "web"\nurl = "http://127.0.0.1:9/feed"\n', encoding="utf-8"
    )
    data = tmp_path / "d"
    done = run("--config", str(config), "--data-dir", str(data), "--offline", "refresh")
    assert done.returncode == 0 and "1 skipped (offline)" in done.stdout
    assert (data / "cache.sqlite3").exists()


def test_output_into_a_closed_pipe_is_no_error(dirs: dict[str, str]) -> None:
    """``suxun-tui list | head -1``: the reader leaves early; no traceback, exit 0."""
    run("refresh", env=dirs)
    for command in (["list"], ["list", "--json"], ["search", "治理效能"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "suxun_tui", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **dirs},
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # before the command has written anything
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, stderr
        assert "Traceback" not in stderr and "Broken pipe" not in stderr, stderr


def test_show_fetches_a_page_article_once_and_keeps_it_for_offline(dirs: dict[str, str]) -> None:
    # Only the column page: the feed carries the same story, and the first source stored
    # would make it the headline (the page's copy would be listed under the feed's).
    run("refresh", "--source", "苏讯网 · 本地新闻", env=dirs)
    rows = json.loads(run("list", "--json", "--source", "苏讯网 · 本地新闻", env=dirs).stdout)
    seed = next(r for r in rows if r["title"] == SEED_TITLE)
    offline = json.loads(run("show", str(seed["id"]), "--json", "--offline", env=dirs).stdout)
    assert offline["body"] == ""  # never fetched, and --offline must not fetch it
    shown = json.loads(run("show", str(seed["id"]), "--json", env=dirs).stdout)
    assert (shown["origin"], shown["editor"], shown["views"]) == ("供稿", "玖柒六", 0)
    assert len(shown["body"].split("\n\n")) == 5 and not PINYIN.search(shown["body"])
    again = json.loads(run("show", str(seed["id"]), "--json", "--offline", env=dirs).stdout)
    assert again["body"] == shown["body"]


def test_opml_import_append_and_export(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Tech">'
        '<outline title="One" xmlUrl="https://one.example/rss"/>'
        '<outline title="Two" xmlUrl="https://two.example/atom"/></outline>'
        '<outline title="Cmd" xmlUrl="|rm -rf ~"/></body></opml>',
        encoding="utf-8",
    )
    config = tmp_path / "conf" / "config.toml"
    env = {"SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(tmp_path / "d")}
    printed = run("opml", "import", str(opml), env=env)
    # The command entry is skipped, never run: reported, and exit 1 says something was left out.
    assert printed.returncode == 1 and printed.stdout.count("[[sources]]") == 2
    assert "skipped Cmd" in printed.stderr and not config.exists()
    added = run("opml", "import", "--append", str(opml), env=env)
    assert added.returncode == 1 and "added 2 source(s)" in added.stdout
    again = run("opml", "import", "--append", str(opml), env=env)
    assert "nothing new" in again.stderr and config.read_text().count("[[sources]]") == 2
    exported = run("opml", "export", env=env)
    assert exported.returncode == 0
    assert (
        'xmlUrl="https://one.example/rss"' in exported.stdout and 'text="Tech"' in exported.stdout
    )
    broken = run("opml", "import", str(tmp_path / "missing.opml"), env=env)
    assert broken.returncode == 2 and "missing.opml" in broken.stderr
