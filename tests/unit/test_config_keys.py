"""``[keys]``: key names, commands, conflicts, and the lines errors name."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config import ConfigError, parse_config
from suxun_tui.config.keys import KeyNameError, key_label, normalize_key, resolve_keys
from suxun_tui.config.programs import save_directory

PATH = Path("/home/u/.config/suxun-tui/config.toml")
DEFAULTS = {
    "refresh": ("r",),
    "refresh_all": ("R",),
    "back_or_quit": ("q",),
    "quit": ("Q",),
    "help": ("question_mark",),
}


def keys_of(text: str) -> dict[str, tuple[str, ...]]:
    config = parse_config(text, PATH)
    return dict(resolve_keys(config.keys, DEFAULTS).keys)


@pytest.mark.parametrize(
    ("written", "textual"),
    [
        ("R", "R"),
        ("r", "r"),
        ("?", "question_mark"),
        ("/", "slash"),
        ("|", "vertical_line"),
        ("+", "plus"),
        ("-", "minus"),
        ("[", "left_square_bracket"),
        ("Ctrl+R", "ctrl+r"),
        ("ctrl+shift+Up", "ctrl+shift+up"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("alt+x", "alt+x"),
        ("Esc", "escape"),
        ("PgDn", "pagedown"),
        ("F5", "f5"),
        ("ctrl+?", "ctrl+question_mark"),
        ("space", "space"),
    ],
)
def test_key_names_are_written_as_textual_names_them(written: str, textual: str) -> None:
    assert normalize_key(written) == textual


@pytest.mark.parametrize(
    "bad", ["", "  ", "ctlr+r", "hyper+x", "ctrl+ctrl+x", "shift+r", "f25", "刷", "page up", "é"]
)
def test_keys_no_terminal_sends_are_refused(bad: str) -> None:
    with pytest.raises(KeyNameError):
        normalize_key(bad)


def test_labels_read_as_people_write_keys() -> None:
    assert [key_label(k) for k in ("question_mark", "ctrl+r", "R", "vertical_line", "f5")] == [
        "?",
        "Ctrl+R",
        "R",
        "|",
        "F5",
    ]


def test_an_override_replaces_the_default_and_takes_its_key_from_others() -> None:
    keys = keys_of('[keys]\nrefresh-all = "a"\nquit = ["q", "ctrl+c"]\n')
    assert keys["refresh_all"] == ("a",)
    assert keys["quit"] == ("q", "ctrl+c")
    assert keys["back_or_quit"] == ()  # q was its only key: the palette still has it
    assert keys["refresh"] == ("r",)


def test_swapping_two_keys_is_no_conflict() -> None:
    keys = keys_of('[keys]\nrefresh = "R"\nrefresh-all = "r"\n')
    assert (keys["refresh"], keys["refresh_all"]) == (("R",), ("r",))


def test_an_empty_list_leaves_the_command_to_the_palette() -> None:
    assert keys_of("[keys]\nhelp = []\n")["help"] == ()


def test_one_key_given_to_two_commands_names_both_lines() -> None:
    text = '[settings]\ntimeout = 5\n\n[keys]\nrefresh = "x"\nrefresh-all = "X"\nhelp = "x"\n'
    with pytest.raises(ConfigError) as error:
        parse_config(text, PATH)
    message = str(error.value)
    assert message.startswith(f"{PATH}:7: keys.help: 'x' is also given to refresh")
    assert f"{PATH}:5" in message


def test_an_unknown_command_names_its_line_and_a_close_name() -> None:
    config = parse_config('[keys]\nrefresh = "x"\nrefesh-all = "y"\n', PATH)
    with pytest.raises(
        ConfigError, match=rf"^{PATH}:3: unknown command 'refesh-all'.*'refresh-all'"
    ):
        resolve_keys(config.keys, DEFAULTS)


def test_underscores_are_pointed_to_the_dashed_name() -> None:
    config = parse_config('[keys]\nrefresh_all = "x"\n', PATH)
    with pytest.raises(ConfigError, match="write it 'refresh-all'"):
        resolve_keys(config.keys, DEFAULTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[keys]\nrefresh = "shift+r"\n', r":2: keys.refresh: 'shift\+r': write \"R\""),
        ('[keys]\nrefresh = "ctrl+p"\n', r":2: keys.refresh: 'ctrl\+p' is kept for the command"),
        ("[keys]\nrefresh = 5\n", r":2: keys.refresh must be a key"),
        ('[keys]\nrefresh = ["r", 5]\n', r":2: keys.refresh must be a key"),
        ('keys = "r"\n', r": 'keys' must be a table"),
        ('[keys]\n"quit" = "nope"\n', r":2: keys.quit: 'nope': 'nope' is not a key name"),
    ],
)
def test_bad_keys_are_config_errors_naming_the_line(text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        parse_config(text, PATH)


def test_programs_are_argv_lists_never_shell_lines() -> None:
    config = parse_config(
        '[settings]\nnotify_command = ["notify-send", "%n new"]\npipe_command = []\n', PATH
    )
    assert config.settings.notify_command == ("notify-send", "%n new")
    assert config.settings.pipe_command == ()
    with pytest.raises(
        ConfigError, match=r":2: 'pipe_command' must be a list.*\[\"less\", \"-R\"\]"
    ):
        parse_config('[settings]\npipe_command = "less -R"\n', PATH)
    with pytest.raises(ConfigError, match="start with a program"):
        parse_config('[settings]\nnotify_command = ["", "x"]\n', PATH)


def test_save_dir_defaults_to_the_xdg_download_dir(tmp_path: Path) -> None:
    home = tmp_path / "home"
    downloads = home / "下载"
    downloads.mkdir(parents=True)
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOWNLOAD_DIR="$HOME/下载"\n')
    assert save_directory("", {"HOME": str(home)}) == downloads
    assert save_directory("", {"HOME": str(tmp_path / "nobody")}) == tmp_path / "nobody"
    assert save_directory("~/saved", {"HOME": str(home)}) == home / "saved"
