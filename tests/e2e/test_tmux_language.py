"""The installed command under a Chinese locale: a Chinese reader on first start, at 80×24,
with help and quit still in the footer (Chinese labels are two cells a character)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Tmux, installed_command, tmux  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e


def test_a_chinese_locale_gets_a_chinese_reader(tmux: Tmux, tmp_path: Path) -> None:  # noqa: F811
    command = installed_command()
    if command is None:
        pytest.skip("the suxun-tui command is not installed")
    env = {
        "SUXUN_TUI_CONFIG": str(tmp_path / "no-config.toml"),  # none: the demo
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "TZ": "Asia/Shanghai",
        "TERM": "xterm-256color",
        "LANG": "zh_CN.UTF-8",
        "PATH": os.environ.get("PATH", ""),
    }
    assignments = " ".join(f"{key}='{value}'" for key, value in env.items())
    shell = f"env -i {assignments} '{command}'; echo EXIT=$?; sleep 30"
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", "80", "-y", "24", shell)
    screen = tmux.wait_for(lambda s: "? 帮助" in s)
    last = [line for line in screen.splitlines() if line.strip()][-1]
    assert "? 帮助" in last and "q 退出" in last and "r 刷新" in last, screen
    assert "来源" in screen and "全部" in screen and "演示" in screen, screen
    assert "Help" not in screen and "Quit" not in screen
    tmux.keys("?")
    tmux.wait_for(lambda s: "按键" in s and "当前窗格的下一项" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "当前窗格的下一项" not in s)
    tmux.keys("Q")
    done = tmux.wait_for(lambda s: "EXIT=" in s)
    assert "EXIT=0" in done
