"""Test-wide isolation (no developer config, cache or XDG directory leaks in) and no clocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from suxun_tui.text.i18n import set_language

# Hypothesis fails an example slower than 200 ms, and a data generation it finds slow: limits
# on wall-clock time that a busy machine (two cores shared by several runs) breaks. The
# properties here are about results, so their examples get no clock.
settings.register_profile(
    "suite", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("suite")

# XDG_RUNTIME_DIR points at a directory that does not exist: the sync's kept login token
# (sync.tokens) then goes to the test's own state directory.
ISOLATED_VARS = (
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
)
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANGUAGE")  # LANG is set: an English locale


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
    # The interface follows the locale: every test starts in English, whatever the
    # developer's terminal says (a test that wants Chinese sets LANG or the config).
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")
    yield root
    set_language("en")
