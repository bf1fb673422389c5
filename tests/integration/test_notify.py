"""``notify_command`` after ``suxun-tui refresh`` and after a refresh in the reader.

The notifier is a real program (this Python) that appends its arguments to a file; it
runs detached, so the test waits for the file by polling a bounded number of times.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.notify import notify_argv, notify_new
from tests.integration.test_cli import run
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

WRITER = "import sys; open(sys.argv[1], 'a', encoding='utf-8').write(sys.argv[2] + '\\n')"


def notifier(log: Path) -> list[str]:
    return [sys.executable, "-c", WRITER, str(log), "%n new articles"]


def lines_of(log: Path, expected: int) -> list[str]:
    """The file's lines once it has ``expected`` of them (or what it has after ~20 s)."""
    for _ in range(200):
        if log.exists() and len(log.read_text("utf-8").splitlines()) >= expected:
            break
        time.sleep(0.1)
    return log.read_text("utf-8").splitlines() if log.exists() else []


def test_the_count_replaces_every_placeholder_and_nothing_else() -> None:
    assert notify_argv(["notify-send", "%n new", "x%ny"], 7) == ("notify-send", "7 new", "x7y")
    assert notify_argv(["echo", "$(rm -rf ~)", "%s"], 2) == ("echo", "$(rm -rf ~)", "%s")


def test_nothing_runs_without_new_articles_or_a_command(tmp_path: Path) -> None:
    log = tmp_path / "log"
    assert notify_new(notifier(log), 0) is None
    assert notify_new((), 5) is None
    problem = notify_new([str(tmp_path / "no-such-notifier"), "%n"], 3)
    assert problem is not None and "no-such-notifier" in problem


def test_cli_refresh_notifies_with_the_count_only_when_there_is_news(tmp_path: Path) -> None:
    log = tmp_path / "notified.log"
    with LoopbackServer() as server:
        url = server.add("/feed.xml", rss("Feed", items(3)))
        config = tmp_path / "config.toml"
        config.write_text(
            f"[settings]\nretries = 0\nnotify_command = {json.dumps(notifier(log))}\n"
            f'[[sources]]\nname = "feed"\nurl = "{url}"\n',
            encoding="utf-8",
        )
        args = ("--config", str(config), "--data-dir", str(tmp_path / "d"))
        first = run("refresh", "--all", *args)
        assert first.returncode == 0, first.stdout + first.stderr
        assert lines_of(log, 1) == ["3 new articles"]
        same = run("refresh", "--all", *args)  # nothing new: no notification
        assert same.returncode == 0
        server.add("/feed.xml", rss("Feed", items(5)))
        more = run("refresh", "--all", *args)
        assert more.returncode == 0
        assert lines_of(log, 2) == ["3 new articles", "2 new articles"]


def test_a_notifier_that_cannot_start_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        url = server.add("/feed.xml", rss("Feed", items(1)))
        config = tmp_path / "config.toml"
        config.write_text(
            f'[settings]\nnotify_command = ["{tmp_path}/absent-notifier"]\n'
            f'[[sources]]\nname = "feed"\nurl = "{url}"\n',
            encoding="utf-8",
        )
        done = run("refresh", "--config", str(config), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 0
    assert "warning: notify_command" in done.stderr and "absent-notifier" in done.stderr


async def test_the_reader_notifies_after_a_refresh_that_brought_news(tmp_path: Path) -> None:
    from suxun_tui.store import Store
    from suxun_tui.tui.app import SuxunApp
    from tests.tui.helpers import settle

    log = tmp_path / "notified.log"
    with LoopbackServer() as server:
        url = server.add("/feed.xml", rss("Feed", items(4)))
        source = SourceSpec("feed", url, kind="feed", full_text="never")
        settings = Settings(retries=0, full_text="never", notify_command=tuple(notifier(log)))
        config = Config(settings=settings, sources=(source,))
        with Store(tmp_path / "cache.sqlite3") as store:
            app = SuxunApp(config, store)
            async with app.run_test() as pilot:
                await settle(pilot)
                await pilot.press("R")
                await settle(pilot)
                assert lines_of(log, 1) == ["4 new articles"]
