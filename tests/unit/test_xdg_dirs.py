"""The config, data and cache folders worked out without platformdirs are platformdirs' own."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from suxun_tui.config import paths
from suxun_tui.config.model import APP_NAME

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the quick path is Linux's")

HOMES = (None, "", "/", "/root", "/home/ann/", "//srv//ann//", "relative/home", "~")
XDG = (None, "", "   ", "/", "/x/conf", "/x/conf/", "relative", "~/conf", "//a//b")


@pytest.mark.parametrize(("home", "xdg"), list(itertools.product(HOMES, XDG)))
def test_the_quick_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch, home: str | None, xdg: str | None
) -> None:
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        value = home if name == "HOME" else xdg
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    for variable, default, expected in (
        ("XDG_CONFIG_HOME", ".config", platformdirs.user_config_dir),
        ("XDG_DATA_HOME", ".local/share", platformdirs.user_data_dir),
        ("XDG_CACHE_HOME", ".cache", platformdirs.user_cache_dir),
    ):
        quick = paths._linux_user_dir(variable, default)
        if quick is None:  # left to platformdirs: the answer is its own by construction
            assert home is None or not home.startswith("/")
            continue
        assert quick == expected(APP_NAME), (variable, home, xdg)


def test_the_config_and_data_paths_use_the_quick_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUXUN_TUI_CONFIG", raising=False)
    monkeypatch.delenv("SUXUN_TUI_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", "/home/ann")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/var/data")
    assert str(paths.config_path()) == "/home/ann/.config/suxun-tui/config.toml"
    assert str(paths.data_dir()) == "/var/data/suxun-tui"
    assert str(paths.data_dir()) == platformdirs.user_data_dir(APP_NAME)


def test_an_android_environment_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    monkeypatch.setenv("HOME", "/root")
    assert paths._linux_user_dir("XDG_CONFIG_HOME", ".config") is None
    assert os.environ["HOME"] == "/root"


def test_a_command_with_the_default_folders_loads_no_platformdirs(tmp_path: Path) -> None:
    """cron's usual ``suxun-tui refresh``: no option, no variable, the XDG folders."""
    config = tmp_path / ".config" / "suxun-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[settings]\nrefresh_minutes = 600\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUXUN_TUI_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    program = (
        "import contextlib, io, json, sys\n"
        "from suxun_tui.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['list', '--limit', '5'])\n"
        "print(json.dumps([code, 'platformdirs' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0, done.stderr
    assert not loaded
    assert (tmp_path / ".local" / "share" / "suxun-tui").is_dir()
