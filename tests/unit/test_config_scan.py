"""The bracket scan that guards tomllib against deep nesting counts lines exactly."""

from __future__ import annotations

from suxun_tui.config.checks import MAX_NESTING, nesting_too_deep


def test_lines_inside_strings_count_even_after_a_line_ending_backslash() -> None:
    text = 'a = """one \\\ntwo [[[ ]]"""\nb = \'[[[\'\n# [[[[\nc = ' + "[" * (MAX_NESTING + 1)
    assert nesting_too_deep(text) == 5


def test_brackets_in_strings_and_comments_do_not_nest() -> None:
    text = "\n".join(
        [f'name = "{"[" * 200}"', f"# {'{' * 200}", f"x = '''{'[' * 200}'''", "y = [[1]]"]
    )
    assert nesting_too_deep(text) is None
    assert nesting_too_deep('s = "a \\\\" ' + "[" * 200) == 1  # the string ended at \\\\"
