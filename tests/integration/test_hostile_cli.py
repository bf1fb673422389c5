"""What the command line prints about hostile configs and arguments: exit 2, file and line,
and never a raw escape sequence on the user's terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d")


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def clean(text: str) -> bool:
    return not any(e in text for e in ESCAPES)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "SUXUN_TUI_CONFIG": str(tmp_path / "config.toml"),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
    }


def test_warnings_about_hostile_keys_reach_stderr_cleaned(
    tmp_path: Path, env: dict[str, str]
) -> None:
    (tmp_path / "config.toml").write_text(
        '"\\u001b]0;TITLE\\u0007" = 1\n[[sources]]\nname = "A"\nurl = "https://a.example/"\n'
        '"\\u009b31m" = 2\n',
        encoding="utf-8",
    )
    done = run("list", env=env)
    assert done.returncode == 0, done.stderr
    assert "unknown key" in done.stderr and clean(done.stderr)


def test_config_errors_with_escapes_exit_2_cleaned(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "config.toml").write_text(
        '[[sources]]\nname = "\\u001b]0;EVIL\\u0007"\nurl = "http://[::1"\n', encoding="utf-8"
    )
    done = run("refresh", env=env)
    assert done.returncode == 2
    assert f"{tmp_path / 'config.toml'}:3" in done.stderr and "'url'" in done.stderr
    assert clean(done.stderr) and "Traceback" not in done.stderr


def test_a_fifo_config_exits_2_instead_of_hanging(tmp_path: Path, env: dict[str, str]) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    done = run("--config", str(fifo), "list", env=env)
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_arguments_echoed_in_errors_are_cleaned(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "config.toml").write_text(
        '[[sources]]\nname = "A"\nurl = "https://a.example/"\n', encoding="utf-8"
    )
    unknown = run("refresh", "--source", "\x1b]0;pwned\x07", env=env)
    assert unknown.returncode == 2 and "no source named" in unknown.stderr
    assert clean(unknown.stderr)
    stray = run("list", "\x1b]0;pwned\x07", env=env)
    assert stray.returncode == 2 and "unrecognized" in stray.stderr and clean(stray.stderr)


def test_extract_of_a_malformed_url_is_an_error_object_not_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>text</p></body></html>", encoding="utf-8")
    done = run("extract", "http://[::1", env={})
    assert done.returncode == 1 and "invalid URL" in done.stdout
    assert "Traceback" not in done.stderr
    base = run("extract", "--base-url", "http://[::1", str(page), env={})
    assert base.returncode == 2 and "--base-url" in base.stderr


def test_an_undecodable_byte_in_an_argument_is_a_usage_error(
    tmp_path: Path, env: dict[str, str]
) -> None:
    # A terminal not in UTF-8 sends bytes Python passes on as lone surrogates; no command
    # may crash on them (SQLite cannot take them).
    (tmp_path / "config.toml").write_text(
        '[[sources]]\nname = "A"\nurl = "https://a.example/"\n', encoding="utf-8"
    )
    cases = (
        ([b"search", b"ab\xffcd"], "a byte that is not text at column 3"),
        ([b"list", b"--source", b"x\xffy"], "no source named"),
    )
    for args, message in cases:
        done = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"suxun_tui", *args],
            capture_output=True,
            timeout=60,
            env={**os.environ, **env},
        )
        said = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 2, said
        assert message in said and "Traceback" not in said, said


def test_numbers_past_what_sqlite_keeps_are_answered_not_a_traceback(
    tmp_path: Path, env: dict[str, str]
) -> None:
    (tmp_path / "config.toml").write_text(
        '[[sources]]\nname = "x"\nurl = "http://127.0.0.1:9/feed.xml"\n', encoding="utf-8"
    )
    huge = "9" * 30
    shown = run("show", huge, env=env)
    assert shown.returncode == 2 and "must be at most 9223372036854775807" in shown.stderr
    assert "Traceback" not in shown.stderr
    largest = run("show", str(2**63 - 1), env=env)
    assert largest.returncode == 1 and "no article with id" in largest.stderr
    for command in (["list", "--limit", huge], ["search", "标题", "--limit", huge]):
        done = run(*command, env=env)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def test_extract_of_a_folder_or_a_missing_file_says_which(tmp_path: Path) -> None:
    done = run("extract", str(tmp_path), str(tmp_path / "gone.html"), env={})
    assert done.returncode == 1
    first, second = done.stdout.splitlines()
    assert f"{tmp_path}: is a directory, not a file" in first
    assert "gone.html: no such file" in second
