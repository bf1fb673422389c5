"""A line that names its subcommand is parsed by a parser holding only that one: the same
namespace, the same messages and exit code, the same help, as the parser of every command.
"""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from suxun_tui.cli import parse_args
from suxun_tui.cli.arguments import build_parser, command_named
from suxun_tui.cli.subcommands import COMMANDS

LINES = [
    ["refresh"],
    ["refresh", "--all", "--source", "a", "--source", "b", "--offline"],
    ["--offline", "refresh", "--force"],
    ["--config", "c.toml", "--data-dir", "d", "list", "--unread", "--limit", "5"],
    ["--config=c.toml", "--data-dir=d", "search", "经济", "--limit", "50", "--json"],
    ["--config", "list", "search", "a", "b"],  # a config file named "list"
    ["search", "--", "-word"],
    ["search", "a", "--sort", "relevance", "--source", "x"],
    ["show", "7", "--json"],
    ["extract", "--links", "--pages", "2", "a.html"],
    ["opml", "import", "f.opml", "--append"],
    ["opml", "export", "-o", "out.opml"],
    ["gc", "--dry-run", "--json"],
    ["rules", "apply", "--json"],
    ["subscribe", "http://x/f", "--account", "home", "--folder", "F"],
    ["unsubscribe", "S", "--account", "home"],
    ["init", "--config", "new.toml"],
    ["read", "--offline"],
    ["list", "--conf", "c.toml"],  # an abbreviation, after the command: its parser's
    ["--offline"],
    [],
    # Mistakes: each parser's own message and exit code 2.
    ["search"],
    ["show", "x"],
    ["list", "--limit", "0"],
    ["refresh", "--nope"],
    ["opml"],
    ["rules", "nope"],
    ["search", "a", "--sort", "size"],
    ["nosuch"],
    ["--conf", "c.toml", "list"],
    ["--config"],
    ["--config", "--offline", "list"],
    # Help and version.
    ["--help"],
    ["search", "--help"],
    ["opml", "import", "-h"],
    ["--version"],
]


def outcome(parser: argparse.ArgumentParser, line: list[str]) -> tuple[object, str, str]:
    """The namespace (or exit code), and what was printed, when ``parser`` reads ``line``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(line))
        except SystemExit as exc:
            result = exc.code
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_a_line_reads_the_same_with_only_its_command(
    line: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    command = command_named(line)
    assert outcome(build_parser(command), line) == outcome(build_parser(), line)


def test_plain_lines_name_their_command_and_the_rest_get_every_command() -> None:
    assert command_named(["--offline", "--config", "x", "search", "a"]) == "search"
    assert command_named(["--config", "list", "search"]) == "search"
    assert command_named(["--data-dir=d", "rules", "apply"]) == "rules"
    for line in (["--help", "list"], ["--conf", "x", "list"], ["--config"], [], ["--", "x"]):
        assert command_named(line) is None, line
    assert set(build_parser("gc")._subparsers._group_actions[0].choices) == {"gc"}  # type: ignore[union-attr]


def test_each_command_help_is_the_same_from_either_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    full = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in COMMANDS:
        alone = build_parser(name)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert alone[name].format_help() == full[name].format_help(), name


def test_parse_args_still_opens_the_reader_without_a_command() -> None:
    assert parse_args([]).command == "read"
    assert parse_args(["--offline"]).command == "read"
    assert parse_args(["refresh", "--all"]).all is True
