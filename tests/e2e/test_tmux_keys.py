"""``[keys]`` in the installed command: the footer shows the user's key, and it works."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Tmux, installed_command, tmux  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local</title>
<item><guid>1</guid><title>第一篇</title><link>https://example.org/1</link>
<description>正文。</description></item>
</channel></rss>
"""


def _config(tmp_path: Path, keys: str) -> Path:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[settings]\nrefresh_on_start = true\n\n[[sources]]\nname = "Local"\nurl = "feed.xml"\n'
        f"\n[keys]\n{keys}",
        encoding="utf-8",
    )
    return config


def _env(tmp_path: Path, config: Path) -> dict[str, str]:
    return {
        "SUXUN_TUI_CONFIG": str(config),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "TZ": "Asia/Shanghai",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }


def test_a_keys_override_is_shown_and_works(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    command = installed_command()
    if command is None:
        pytest.skip("the suxun-tui command is not installed")
    config = _config(tmp_path, 'quit = "x"\nhelp = "F1"\n')
    assignments = " ".join(f"{k}='{v}'" for k, v in _env(tmp_path, config).items())
    tmux.start(f"env -i {assignments} '{command}'; echo EXIT=$?; sleep 30")
    first = tmux.wait_for(lambda s: "第一篇" in s and "Help" in s)
    assert "F1 Help" in first, first
    tmux.keys("F1")
    tmux.wait_for(lambda s: "Keys" in s and "Next item in the focused pane" in s)
    tmux.keys("G")  # the list is longer than the screen: its end
    tmux.wait_for(lambda s: "Quit suxun-tui at once" in s)
    help_screen = tmux.screen()
    quit_line = next(line for line in help_screen.splitlines() if "Quit suxun-tui at once" in line)
    assert " x " in quit_line, quit_line
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Quit suxun-tui at once" not in s)
    tmux.keys("x")
    done = tmux.wait_for(lambda s: "EXIT=" in s)
    assert "EXIT=0" in done


def test_an_unknown_command_in_keys_stops_with_its_line(tmp_path: Path) -> None:
    command = installed_command()
    if command is None:
        pytest.skip("the suxun-tui command is not installed")
    config = _config(tmp_path, 'refesh-all = "R"\n')
    result = subprocess.run(
        [command], env=_env(tmp_path, config), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert f"{config}:9: unknown command 'refesh-all'" in result.stderr
    assert "'refresh-all'" in result.stderr
