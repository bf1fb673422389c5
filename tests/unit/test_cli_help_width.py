"""``--help`` is wrapped to the terminal's width, read as argparse reads it ($COLUMNS
first), though the command line does not import ``shutil`` for it."""

from __future__ import annotations

import os

import pytest

from suxun_tui.cli.arguments import build_parser


@pytest.mark.parametrize("columns", [50, 72])
def test_help_lines_fit_the_columns_given(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = build_parser().format_help().splitlines()
    assert max(map(len, lines)) <= columns - 2  # argparse keeps two columns free


def test_a_wide_terminal_gets_long_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert max(map(len, build_parser().format_help().splitlines())) > 80


def test_an_unusable_columns_value_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_terminal(fd: int = 1) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.setenv("COLUMNS", "wide")
    monkeypatch.setattr(os, "get_terminal_size", no_terminal)  # then 80, as shutil says
    assert max(map(len, build_parser().format_help().splitlines())) <= 78
