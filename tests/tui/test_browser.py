"""The ``browser`` setting: newsboat's ``w3m %u``, a bare ``firefox``, Python's ``%s``.

Real programs on a private PATH (small scripts that write down their arguments); the
reader starts them as it would a browser.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings
from suxun_tui.tui.browser import BrowserSettingError, browser_command
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import notifications, settle

URL = "https://example.org/a b;echo x"  # spaces and a semicolon stay inside one argument


@pytest.fixture
def programs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``firefox``, ``lynx`` and ``w3m`` on PATH, each writing its arguments to a file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("firefox", "lynx", "w3m", "my browser"):
        script = bin_dir / name
        script.write_text(
            '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "$0.args"\n', "utf-8"
        )
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return bin_dir


def test_newsboat_python_and_bare_forms_all_give_one_argument_for_the_link(
    programs: Path,
) -> None:
    command = browser_command("w3m %u", URL)
    assert command is not None and command.argv == ("w3m", URL) and command.console
    command = browser_command("firefox", URL)
    assert command is not None and command.argv == ("firefox", URL) and not command.console
    command = browser_command("firefox --new-tab %s", URL)
    assert command is not None and command.argv == ("firefox", "--new-tab", URL)
    command = browser_command("lynx", URL)
    assert command is not None and command.argv == ("lynx", URL) and command.console
    command = browser_command("'my browser' -x", URL)
    assert command is not None and command.argv == ("my browser", "-x", URL)
    assert browser_command("", URL) is None  # the system default


def test_a_browser_that_is_not_installed_or_cannot_be_read_is_said_plainly(
    programs: Path,
) -> None:
    with pytest.raises(BrowserSettingError, match="not installed"):
        browser_command("no-such-browser %u", URL)
    with pytest.raises(BrowserSettingError, match="quotes"):
        browser_command("'firefox", URL)


async def test_o_starts_the_configured_browser_with_the_link(
    make_app: MakeApp, filled: Config, programs: Path
) -> None:
    app = make_app(replace(filled, settings=Settings(browser="firefox %u")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        args = programs / "firefox.args"
        for _ in range(100):  # the browser runs on its own; wait for its file
            if args.exists() and args.read_text("utf-8"):
                break
            time.sleep(0.05)
        assert args.read_text("utf-8").splitlines() == ["https://example.org/Alpha/0"]
        assert not any("No web browser" in n for n in notifications(app))


async def test_o_with_a_missing_browser_says_which_and_how_to_copy(
    make_app: MakeApp, filled: Config, programs: Path
) -> None:
    app = make_app(replace(filled, settings=Settings(browser="nosuch %u")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        shown = notifications(app)
        assert any("'nosuch'" in n and "y to copy" in n for n in shown), shown
