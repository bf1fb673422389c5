"""Test-wide isolation: no developer config, cache or XDG directory leaks into a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ISOLATED_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every config/data location at an empty temporary directory."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SUXUN_TUI_CONFIG", str(root / "config" / "suxun-tui" / "config.toml"))
    monkeypatch.setenv("SUXUN_TUI_DATA_DIR", str(root / "data" / "suxun-tui"))
    for name in ISOLATED_VARS:
        monkeypatch.setenv(name, str(root / name.lower()))
    yield root
