"""[[accounts]] in the config, and where a sync finds the secret."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from suxun_tui.config import AccountSpec, ConfigError, load_config, parse_config
from suxun_tui.sync import SyncError
from suxun_tui.sync.secrets import read_secret

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    path.chmod(mode)
    return path


def test_an_account_is_read_with_its_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[accounts]]\nname = "home"\ntype = "greader"\nurl = "https://h/api/greader.php/"\n'
        'username = "me"\npassword_command = ["pass", "show", "rss"]\n',
    )
    config = load_config(path)
    assert config.warnings == ()
    assert config.accounts == (
        AccountSpec("home", "greader", "https://h/api/greader.php", "me", ("pass", "show", "rss")),
    )
    assert config.account("home") is config.accounts[0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('type = "miniflux"\nurl = "https://h"\ntoken_env = "T"', "needs a 'name'"),
        ('name = "a"\ntype = "ttrss"\nurl = "https://h"\ntoken_env = "T"', "'type' must be"),
        ('name = "a"\ntype = "miniflux"\nurl = "ftp://h"\ntoken_env = "T"', "'url' must be"),
        ('name = "a"\ntype = "miniflux"\nurl = "https://h"', "exactly one of"),
        (
            'name = "a"\ntype = "miniflux"\nurl = "https://h"\ntoken_env = "T"\npassword_env = "P"',
            "exactly one of",
        ),
        (
            'name = "a"\ntype = "miniflux"\nurl = "https://h"\npassword_command = "pass show"',
            "a list",
        ),
        ('name = "a"\ntype = "miniflux"\nurl = "https://h"\npassword_env = "P"', "'username'"),
    ],
)
def test_account_mistakes_name_file_line_and_what_to_do(
    tmp_path: Path, body: str, message: str
) -> None:
    path = write(tmp_path, "[settings]\ntimeout = 5\n\n[[accounts]]\n" + body + "\n")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert f"{path}:" in str(caught.value)


def test_duplicate_account_names_are_refused(tmp_path: Path) -> None:
    one = '[[accounts]]\nname = "a"\ntype = "miniflux"\nurl = "https://h"\ntoken_env = "T"\n'
    with pytest.raises(ConfigError, match="duplicate"):
        load_config(write(tmp_path, one + one))


def test_plain_password_is_warned_about_only_when_others_can_read_the_file(
    tmp_path: Path,
) -> None:
    text = (
        '[[accounts]]\nname = "a"\ntype = "miniflux"\nurl = "https://h"\n'
        'username = "me"\npassword = "hunter2"\n'
    )
    private = load_config(write(tmp_path, text, 0o600))
    assert private.warnings == ()
    shared = load_config(write(tmp_path, text, 0o644))
    assert len(shared.warnings) == 1 and "chmod 600" in shared.warnings[0]
    assert "hunter2" not in shared.warnings[0]
    assert "hunter2" not in repr(shared)


def test_secret_from_env_command_and_plain(tmp_path: Path) -> None:
    base = AccountSpec("a", "miniflux", "https://h", "me")
    env = {"TOKEN": "t0k", "PASS": "pw"}
    token = read_secret(AccountSpec("a", "miniflux", "https://h", token_env="TOKEN"), env)
    assert (token.kind, token.value) == ("token", "t0k")
    assert "t0k" not in repr(token)
    from dataclasses import replace

    assert read_secret(replace(base, password_env="PASS"), env).value == "pw"
    command = (sys.executable, "-c", "print('from-command'); print('second line')")
    assert read_secret(replace(base, password_command=command), env).value == "from-command"
    assert read_secret(replace(base, password="plain"), env).value == "plain"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password_env": "MISSING"}, "MISSING is not set"),
        ({"password_command": ("/no/such/tool",)}, "was not found"),
        ({"password_command": (sys.executable, "-c", "import sys; sys.exit(3)")}, "status 3"),
        ({"password_command": (sys.executable, "-c", "pass")}, "printed nothing"),
    ],
)
def test_secret_failures_name_the_account(change: dict[str, object], message: str) -> None:
    from dataclasses import replace

    account = replace(AccountSpec("home", "miniflux", "https://h", "me"), **change)
    with pytest.raises(SyncError, match=message) as caught:
        read_secret(account, {})
    assert "account 'home'" in str(caught.value)


def test_a_password_command_never_runs_in_a_shell(tmp_path: Path) -> None:
    from dataclasses import replace

    marker = tmp_path / "ran"
    account = replace(
        AccountSpec("home", "miniflux", "https://h", "me"),
        password_command=("echo", f"x; touch {marker}"),
    )
    assert read_secret(account, {}).value == f"x; touch {marker}"
    assert not marker.exists()


def test_example_config_documents_every_account_key() -> None:
    from dataclasses import fields

    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    config = parse_config(text, ROOT / "config.example.toml")
    assert [a.name for a in config.accounts] == ["home"]
    missing = sorted(
        f.name
        for f in fields(AccountSpec)
        if f"\n{f.name} = " not in text and f"\n# {f.name} = " not in text
    )
    assert missing == []
