"""Where the Google Reader login token is kept, and when a kept file is not trusted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from suxun_tui.sync.tokens import forget_token, load_token, save_token, token_dir, token_path


def test_the_runtime_directory_is_used_only_when_it_is_private(tmp_path: Path) -> None:
    runtime, state = tmp_path / "run", tmp_path / "state"
    runtime.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(runtime), "XDG_STATE_HOME": str(state)}
    assert token_dir(env) == runtime / "suxun-tui"
    runtime.chmod(0o755)  # others may look in: not there
    assert token_dir(env) == state / "suxun-tui"
    assert token_dir({**env, "XDG_RUNTIME_DIR": "relative/dir"}) == state / "suxun-tui"
    assert token_dir({**env, "SUXUN_TUI_NO_TOKEN_FILE": "1"}) is None


def test_a_token_is_kept_for_its_password_only(tmp_path: Path) -> None:
    path = token_path("home", "http://h/", "me", {"XDG_STATE_HOME": str(tmp_path)})
    assert path is not None and path.parent == tmp_path / "suxun-tui"
    assert path == token_path("home", "http://h", "me", {"XDG_STATE_HOME": str(tmp_path)})
    save_token(path, "pw", "me/0123abcd")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_token(path, "pw") == "me/0123abcd"
    assert load_token(path, "another") is None
    assert b"pw" not in path.read_bytes()  # the password itself is never written
    forget_token(path)
    assert not path.exists() and load_token(path, "pw") is None


def test_a_file_that_is_not_safely_ours_is_not_read(tmp_path: Path) -> None:
    path = token_path("home", "http://h/", "me", {"XDG_STATE_HOME": str(tmp_path)})
    assert path is not None
    save_token(path, "pw", "me/token")
    path.chmod(0o640)
    assert load_token(path, "pw") is None
    path.chmod(0o600)
    path.parent.chmod(0o750)
    assert load_token(path, "pw") is None
    path.parent.chmod(0o700)
    link = path.with_name("link.token")
    os.symlink(path, link)
    assert load_token(link, "pw") is None  # never through a symlink
    path.write_text("v1 zz 00\nme/token\n")  # damaged: no valid salt
    assert load_token(path, "pw") is None


def test_tokens_that_could_break_the_file_or_a_header_are_not_kept(tmp_path: Path) -> None:
    path = token_path("home", "http://h/", "me", {"XDG_STATE_HOME": str(tmp_path)})
    assert path is not None
    for bad in ("", "me/a b", "me/a\nAuth=x", "me/\u00e9", "x" * 5000):
        save_token(path, "pw", bad)
        assert not path.exists(), bad
