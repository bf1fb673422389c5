"""``[[queries]]`` and ``[[rules]]`` in the config: checked when it loads, errors with the
file, the line and the column inside the query."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config import ConfigError, parse_config
from suxun_tui.config.model import QuerySpec, RuleSpec

SOURCE = '[[sources]]\nname = "a"\nurl = "https://example.org/feed"\n'


def test_queries_and_rules_are_read() -> None:
    text = (
        SOURCE
        + '[[queries]]\nname = "新闻"\nquery = "is:unread group:新闻 -体育"\ngroup = "新闻"\n'
        + '[[queries]]\nname = "starred"\nquery = "is:starred"\n'
        + '[[rules]]\nquery = "星座"\naction = "hide"\n'
        + '[[rules]]\nname = "t"\nquery = "AI"\naction = "tag:ai"\n'
    )
    config = parse_config(text, Path("c.toml"))
    assert config.queries == (
        QuerySpec("新闻", "is:unread group:新闻 -体育", "新闻"),
        QuerySpec("starred", "is:starred"),
    )
    assert config.rules == (RuleSpec("rule 1", "星座", "hide"), RuleSpec("t", "AI", "tag:ai"))
    assert config.warnings == ()


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        (
            '[[queries]]\nname = "x"\nquery = "sorce:新华网"\n',
            "c.toml:6: query 'x': query 'sorce:新华网': unknown field 'sorce:' at column 1",
        ),
        ('[[queries]]\nquery = "a"\n', "c.toml:4: query #1 needs a 'name'"),
        ('[[queries]]\nname = "x"\n', "c.toml:4: query 'x' needs a 'query'"),
        (
            '[[queries]]\nname = "x"\nquery = "a"\n[[queries]]\nname = "x"\nquery = "b"\n',
            "c.toml:8: query 'x': duplicate name",
        ),
        (
            '[[rules]]\nquery = "a"\naction = "delete"\n',
            'c.toml:6: rule #1: \'action\' must be "hide", "read", "star" or "tag:NAME"',
        ),
        ('[[rules]]\nquery = "a OR"\naction = "hide"\n', "c.toml:5: rule #1: query 'a OR'"),
    ],
)
def test_mistakes_name_file_line_and_column(tables: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(SOURCE + tables, Path("c.toml"))
    assert str(caught.value).startswith(message)


def test_queries_must_be_tables() -> None:
    with pytest.raises(ConfigError, match=r"use \[\[queries\]\] tables for queries"):
        parse_config("queries = 3\n" + SOURCE, Path("c.toml"))


def test_unknown_keys_are_warnings() -> None:
    config = parse_config(SOURCE + '[[queries]]\nname = "x"\nquery = "a"\ncolour = 1\n', Path("c"))
    assert config.warnings == ("c:7: unknown key 'colour' (ignored)",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("keep_days = -1", "'keep_days' must not be negative"),
        ("keep_days = 99999999999", "'keep_days' must be at most 36500"),
        ("max_articles = -5", "'max_articles' must not be negative"),
    ],
)
def test_retention_settings_are_checked(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(f"[settings]\n{line}\n" + SOURCE, Path("c.toml"))


def test_retention_settings_apply_per_source() -> None:
    text = "[settings]\nkeep_days = 10\nmax_articles = 50\n" + SOURCE + "keep_days = 0\n"
    (source,) = parse_config(text, Path("c.toml")).sources
    assert (source.keep_days, source.max_articles) == (0, 50)
