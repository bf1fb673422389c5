"""The bracket scan that guards tomllib against deep nesting counts lines exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config.checks import MAX_NESTING, nesting_too_deep
from suxun_tui.config.model import ConfigError
from suxun_tui.config.reading import parse_config


def test_lines_inside_strings_count_even_after_a_line_ending_backslash() -> None:
    text = 'a = """one \\\ntwo [[[ ]]"""\nb = \'[[[\'\n# [[[[\nc = ' + "[" * (MAX_NESTING + 1)
    assert nesting_too_deep(text) == 5


def test_brackets_in_strings_and_comments_do_not_nest() -> None:
    text = "\n".join(
        [f'name = "{"[" * 200}"', f"# {'{' * 200}", f"x = '''{'[' * 200}'''", "y = [[1]]"]
    )
    assert nesting_too_deep(text) is None
    assert nesting_too_deep('s = "a \\\\" ' + "[" * 200) == 1  # the string ended at \\\\"


@pytest.mark.parametrize(("opening", "inside", "closing"), [("[", "", "]"), ("{x = ", "1", "}")])
def test_a_file_is_refused_from_one_level_past_the_limit(
    opening: str, inside: str, closing: str
) -> None:
    path = Path("/tmp/config.toml")
    for depth in (MAX_NESTING - 1, MAX_NESTING):
        value = opening * depth + inside + closing * depth
        config = parse_config(f"[settings]\nscript = 'original'\nx = {value}\n", path)
        assert config.warnings  # read: x is only an unknown key
        assert parse_config(f"x = {value}\n", path).warnings
    value = opening * (MAX_NESTING + 1) + inside + closing * (MAX_NESTING + 1)
    with pytest.raises(ConfigError, match=r"config.toml:3: 'x': arrays or inline tables nested"):
        parse_config(f"[settings]\nscript = 'original'\nx = {value}\n", path)
    with pytest.raises(ConfigError, match=r"config.toml:1: 'x': arrays or inline tables nested"):
        parse_config(f"x = {value}\n", path)
    # Too deep is said before a syntax error further on.
    with pytest.raises(ConfigError, match="nested too deeply"):
        parse_config(f"x = {value}\n[broken\n", path)
