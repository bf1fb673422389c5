"""The installed ``suxun-tui`` command in a real terminal (tmux, 120×40), as a user runs it.

No config and an empty data directory: the bundled demo must open without network, the
headline cursor must be drawn differently from the rows around it (read with
``capture-pane -e``, colours and all), Enter must open the seed article with clean text,
q must go back one level at a time and quit from the top with status 0.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SEED_TITLE = "以自我革命精神 提升基层治理效能"
SEED_BODY = "當前我國進入高質量發展新階段"


def installed_command() -> str | None:
    beside_python = Path(sys.executable).parent / "suxun-tui"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("suxun-tui")


class Tmux:
    """One tmux server on a private socket, so a developer's sessions are never touched."""

    def __init__(self) -> None:
        self.socket = f"suxun-e2e-{uuid.uuid4().hex[:8]}"
        self.session = "reader"

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return result.stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", self.session, "-x", "120", "-y", "40", command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def styled_screen(self) -> list[str]:
        """The screen's lines with their escape sequences (colours, reverse…) kept."""
        return self.run("capture-pane", "-p", "-e", "-t", self.session).splitlines()

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def wait_for(self, check: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out; the terminal shows:\n{screen}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = Tmux()
    yield session
    session.kill()


def test_demo_opens_shows_the_seed_article_and_quits_cleanly(tmux: Tmux, tmp_path: Path) -> None:
    command = installed_command()
    if command is None:
        pytest.skip("the suxun-tui command is not installed")
    env = {
        "SUXUN_TUI_CONFIG": str(tmp_path / "no-config.toml"),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "TZ": "Asia/Shanghai",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    assignments = " ".join(f"{key}='{value}'" for key, value in env.items())
    tmux.start(f"env -i {assignments} '{command}'; echo EXIT=$?; sleep 30")

    first = tmux.wait_for(lambda s: SEED_TITLE in s and "Sources" in s)
    assert "Terminal Weekly" in first
    tmux.keys("j")
    cursor_row_stands_out(tmux, row=2)  # the second headline, under the pane's border
    tmux.keys("k", "Enter")
    opened = tmux.wait_for(lambda s: SEED_BODY in s and "┏━ Article" in s)
    assert "(dāng)" not in opened and "(guān)" not in opened
    tmux.keys("q", "q")  # article → headlines → sources: its border turns heavy
    back = tmux.wait_for(lambda s: "┏━ Sources" in s)
    assert "EXIT=" not in back
    tmux.keys("q")  # from the top: quit
    done = tmux.wait_for(lambda s: "EXIT=" in s)
    assert "EXIT=0" in done


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def backgrounds(line: str) -> set[str]:
    """The background (and reverse) codes in effect over the line's visible text."""
    seen: set[str] = set()
    current = ""
    position = 0
    for match in SGR.finditer(line + "\x1b[m"):
        text = line[position : match.start()]
        if text.strip(" │┃╭╮╰╯─━"):
            seen.add(current)
        position = match.end()
        codes = match.group(1).split(";") if match.group(1) else ["0"]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in ("0", ""):
                current = ""
            elif code == "7":
                current += "+reverse"
            elif code == "49":
                current = ""
            elif code == "48":
                step = 3 if i + 1 < len(codes) and codes[i + 1] == "5" else 5
                current = "bg:" + ";".join(codes[i + 1 : i + step])
                i += step - 1
            elif code.isdigit() and 40 <= int(code) <= 47:
                current = "bg:" + code
            i += 1
    return seen


def cursor_row_stands_out(tmux: Tmux, row: int, timeout: float = 20.0) -> None:
    """Wait (polling the styled screen, up to ``timeout``) until ``row``'s background
    differs from both neighbours': the reader draws the key's effect when it gets to it."""
    deadline = time.monotonic() + timeout
    while True:
        lines = tmux.styled_screen()
        # The headline pane is right of the sources pane: compare that part of each row.
        rows = [
            lines[i].split("┃", 1)[-1] if i < len(lines) else "" for i in (row - 1, row, row + 1)
        ]
        above, at, below = (backgrounds(line) for line in rows)
        if at != above and at != below:
            return
        if time.monotonic() >= deadline:
            raise AssertionError(f"row {row} does not stand out: {(above, at, below)}")
        time.sleep(0.1)


def _reader_pid(tmux: Tmux) -> int:
    """The reader's process: the one child of the pane's shell."""
    shell = int(tmux.run("display-message", "-p", "-t", tmux.session, "#{pane_pid}").strip())
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def _terminal_state(tmux: Tmux) -> str:
    return tmux.run(
        "display-message",
        "-p",
        "-t",
        tmux.session,
        "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag} sgr=#{mouse_sgr_flag}",
    ).strip()


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_terminating_signal_leaves_the_terminal_as_it_was(
    tmux: Tmux, tmp_path: Path, signame: str
) -> None:
    """kill (SIGTERM) or a hang-up (SIGHUP): main screen back, cursor shown, no mouse codes."""
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find the reader's process")
    command = installed_command()
    if command is None:
        pytest.skip("the suxun-tui command is not installed")
    env = {
        "SUXUN_TUI_CONFIG": str(tmp_path / "no-config.toml"),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    assignments = " ".join(f"{key}='{value}'" for key, value in env.items())
    tmux.start(f"env -i {assignments} '{command}'; echo EXIT=$?; sleep 30")
    tmux.wait_for(lambda s: "Sources" in s)
    during = _terminal_state(tmux)
    assert "alt=1" in during and "mouse=1" in during, during  # the reader is in charge
    signum = int(getattr(__import__("signal"), signame))
    os.kill(_reader_pid(tmux), signum)
    done = tmux.wait_for(lambda s: "EXIT=" in s, timeout=15)
    assert f"EXIT={128 + signum}" in done, done
    after = _terminal_state(tmux)
    assert after == "alt=0 cursor=1 mouse=0 sgr=0", after
