"""A new user's first minutes: the demo says it is one, and ``init`` writes a config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from suxun_tui.cli import parse_args, run_command
from suxun_tui.cli.init_cmd import starter_config
from suxun_tui.config import load_config
from suxun_tui.config.paths import config_path
from suxun_tui.demo import demo_config
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from tests.tui.conftest import SIZE, fixed_clock
from tests.tui.helpers import main_screen, notifications, settle

ROOT = Path(__file__).resolve().parents[2]


async def test_the_demo_says_it_is_a_demo_and_how_to_add_sources(tmp_path: Path) -> None:
    app = SuxunApp(demo_config(), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("suxun-tui init" in n for n in notifications(app))
        status = str(main_screen(app).status.left.render())
        assert "demo" in status and "suxun-tui init" in status


def test_init_writes_a_commented_starter_config_to_the_xdg_path(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = config_path()
    assert not path.exists()
    assert run_command(parse_args(["init"])) == 0
    assert str(path) in capsys.readouterr().out
    config = load_config(path)  # valid as written: one source, every setting a default
    assert [s.name for s in config.sources] == ["Hacker News"]
    assert config.warnings == ()
    assert config.accounts == ()
    text = path.read_text("utf-8")
    assert "# concurrency = 16" in text and "# theme = " in text  # documented, commented
    assert os.stat(path).st_mode & 0o077 == 0


def test_init_refuses_to_overwrite_an_existing_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text("[settings]\nscript = 'simplified'\n", "utf-8")
    assert run_command(parse_args(["--config", str(mine), "init"])) == 2
    assert "already exists" in capsys.readouterr().err
    assert mine.read_text("utf-8") == "[settings]\nscript = 'simplified'\n"
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "nowhere.toml")  # a dangling dotfile link is not replaced
    assert run_command(parse_args(["init", "--config", str(link)])) == 2
    assert link.is_symlink() and not (tmp_path / "nowhere.toml").exists()


def test_the_packaged_example_is_the_documented_one() -> None:
    """``init`` ships ``config.example.toml``: the copy in the package must not drift."""
    packaged = ROOT / "src" / "suxun_tui" / "cli" / "config.example.toml"
    documented = ROOT / "config.example.toml"
    assert packaged.read_text("utf-8") == documented.read_text("utf-8"), (
        "run: cp config.example.toml src/suxun_tui/cli/config.example.toml"
    )
    assert "[[sources]]" in starter_config()
