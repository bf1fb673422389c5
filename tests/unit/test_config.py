"""Config parsing, lookup order and the messages users get for mistakes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from suxun_tui.cli.context import ContextError, load_config_from_args
from suxun_tui.config import ConfigError, config_path, data_dir, load_config, parse_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_config_parses_with_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[settings]
concurrency = 4
timeout = 5
user_agent = "test-agent"
script = "simplified"

[[sources]]
name = "A"
url = "https://example.org/feed.xml"
group = "News"

[[sources]]
name = "B"
url = "pages/local.html"
kind = "page"
script = "traditional"
timezone = "Europe/Berlin"
pages = 3
full_text = true
""",
    )
    config = load_config(path)
    assert config.settings.concurrency == 4
    assert config.settings.timeout == 5.0
    assert config.settings.user_agent == "test-agent"
    a, b = config.sources
    assert (a.name, a.group, a.kind, a.script) == ("A", "News", None, "simplified")
    assert b.url == (tmp_path / "pages" / "local.html").as_uri()
    assert (b.kind, b.script, b.timezone, b.pages, b.full_text) == (
        "page",
        "traditional",
        "Europe/Berlin",
        3,
        "always",
    )
    assert not config.is_demo and config.warnings == ()


def test_missing_config_means_demo_unless_named(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.toml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUXUN_TUI_CONFIG", missing)
        config = load_config_from_args(argparse.Namespace(config=None))
    assert config.is_demo and config.sources
    with pytest.raises(ContextError, match="no such config file"):
        load_config_from_args(argparse.Namespace(config=missing))
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "[settings]\nconcurrency = 4\ntimeout = = 3\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message and "line 3" in message and "column" in message


def test_source_without_url_names_source_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[[sources]]\nname = "ok"\nurl = "http://a/"\n\n[[sources]]\nname = "broken"\n'
    )
    with pytest.raises(ConfigError, match=r"config\.toml:5: source 'broken' has no 'url'"):
        load_config(path)


def test_unsupported_scheme_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[[sources]]\nname = "x"\nurl = "ftp://example.org/feed"\n')
    with pytest.raises(ConfigError, match=r":3: source 'x'.*unsupported URL scheme 'ftp:'"):
        load_config(path)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[sources]]\nname = "x"\nurl = "http://a/"\n[[sources]]\nname = "x"\nurl = "http://b/"\n',
    )
    with pytest.raises(ConfigError, match=r":5: source 'x': duplicate name"):
        load_config(path)


def test_wrong_types_and_values_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r":2: 'concurrency' must be a whole number"):
        load_config(write(tmp_path, '[settings]\nconcurrency = "many"\n'))
    with pytest.raises(ConfigError, match="'script' must be one of"):
        load_config(write(tmp_path, '[settings]\nscript = "klingon"\n'))
    with pytest.raises(ConfigError, match="unknown timezone"):
        load_config(write(tmp_path, '[[sources]]\nurl = "http://a/"\ntimezone = "Mars/Base"\n'))
    with pytest.raises(ConfigError, match="'kind' must be"):
        load_config(write(tmp_path, '[[sources]]\nurl = "http://a/"\nkind = "podcast"\n'))


def test_unknown_keys_are_warned_about_by_name(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            'colour = 1\n[settings]\nspeed = 3\n[[sources]]\nurl = "http://a/"\nlabel = "x"\n',
        )
    )
    joined = "\n".join(config.warnings)
    assert "'colour'" in joined and "'settings.speed'" in joined and "'label'" in joined
    assert ":6:" in joined  # the line of the unknown source key


def test_name_defaults_to_url_and_is_cleaned(tmp_path: Path) -> None:
    config = parse_config(
        '[[sources]]\nurl = "http://a/"\n[[sources]]\nname = "x\\u001b[31my"\nurl = "http://b/"\n',
        tmp_path / "c.toml",
    )
    assert config.sources[0].name == "http://a/"
    assert config.sources[1].name == "xy"


def test_lookup_order(tmp_path: Path) -> None:
    env = {
        "SUXUN_TUI_CONFIG": str(tmp_path / "env.toml"),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
    }
    assert config_path("cli.toml", env) == Path("cli.toml")
    assert config_path(None, env) == tmp_path / "env.toml"
    assert config_path(None, {}).name == "config.toml"
    assert "suxun-tui" in str(config_path(None, {}))
    assert data_dir("d", env) == Path("d")
    assert data_dir(None, env) == tmp_path / "data"
    assert "suxun-tui" in str(data_dir(None, {}))


def test_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    config = load_config(example)
    assert config.warnings == ()
    assert len(config.sources) >= 2


def test_example_config_documents_every_key() -> None:
    from dataclasses import fields

    from suxun_tui.config import Settings, SourceSpec

    text = (Path(__file__).resolve().parents[2] / "config.example.toml").read_text(encoding="utf-8")
    keys = {f.name for f in fields(Settings)} | {f.name for f in fields(SourceSpec)}
    missing = sorted(k for k in keys if f"\n{k} = " not in text)
    assert missing == []
