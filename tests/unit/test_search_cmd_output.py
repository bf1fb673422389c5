"""A query the language cannot read is echoed safely, the caret under the named column."""

from __future__ import annotations

import argparse

import pytest

from suxun_tui.cli.codes import EXIT_USAGE
from suxun_tui.cli.search_cmd import run_search


def test_an_unreadable_query_is_echoed_without_terminal_controls(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = argparse.Namespace(query=["\x1b]0;owned\x07sorce:news"], sort="newest", limit=None)
    assert run_search(args, lambda a, find: 0) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    lines = err.splitlines()
    assert "sorce" in lines[0]
    echoed, caret = lines[1], lines[2]
    assert len(echoed) == len("  \x1b]0;owned\x07sorce:news")
    assert echoed[caret.index("^")] in "?]0;owneds"
