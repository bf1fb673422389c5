"""Poisoned configs: every value that used to crash a refresh, hang or silently break every
source is a ConfigError naming file, line and key; nothing printed keeps an escape."""

from __future__ import annotations

import math
import os
import re
import string
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.config import ConfigError, Settings, config_path, load_config, parse_config
from suxun_tui.refresh.schedule import next_fetch_times

SOURCE = '[[sources]]\nname = "A"\nurl = "https://example.org/feed.xml"\n'


def error_for(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


def assert_names(message: str, tmp_path: Path, line: int, key: str) -> None:
    assert f"{tmp_path / 'config.toml'}:{line}" in message, message
    assert f"'{key}'" in message, message


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        (2, "user_agent", '"阅读器/1.0"'),
        (2, "user_agent", '"agent\\r\\nX-Injected: 1"'),
        (2, "user_agent", '"   "'),
        (2, "timeout", "nan"),
        (2, "timeout", "inf"),
        (2, "connect_timeout", "-nan"),
        (2, "timeout", "9.6e-223"),
        (2, "connect_timeout", "0.001"),
        (2, "refresh_minutes", "1000000000000"),
        (2, "max_bytes", "100000000000"),
        (2, "max_bytes", str(2**63 - 1)),
        (2, "concurrency", "1000000000"),
        (2, "retries", "1000000000"),
        (2, "max_redirects", "1000000000"),
    ],
)
def test_settings_values_that_broke_every_refresh(
    tmp_path: Path, line: int, key: str, value: str
) -> None:
    message = error_for(tmp_path, f"[settings]\n{key} = {value}\n" + SOURCE)
    assert_names(message, tmp_path, line, key)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("url", '"~nosuchuser-xyz/x.xml"'),
        ("url", '"http://[::1"'),
        ("url", '"http://example.org:99999999/"'),
        ("url", '"http://example.org/a feed.xml"'),
        ("url", '"http://example.org/\\u0007x"'),
        ("url", '"http://example.org/\\u009bx"'),
        ("url", '"http:///nohost"'),
        ("url", '"feed\\u0000.xml"'),
        ("link_selector", '"div[[["'),
        ("body_selector", '"#"'),
        ("pages", "1000000000"),
        ("refresh_minutes", "99999999999999"),
    ],
)
def test_source_values_that_crashed_or_were_silently_ignored(
    tmp_path: Path, key: str, value: str
) -> None:
    text = f'[[sources]]\nname = "A"\nkind = "page"\n{key} = {value}\n'
    if key != "url":
        text += 'url = "https://example.org/list.html"\n'
    message = error_for(tmp_path, text)
    assert_names(message, tmp_path, 4, key)


@pytest.mark.parametrize("opening", ["[", "{x = "])
def test_values_nested_thousands_deep_are_an_error_not_a_recursion(
    tmp_path: Path, opening: str
) -> None:
    closing = "]" if opening == "[" else "}"
    deep = opening * 5000 + closing * 5000
    message = error_for(tmp_path, f'[settings]\nscript = "original"\nbrowser = {deep}\n')
    assert_names(message, tmp_path, 3, "browser")
    assert "nested too deeply" in message


def test_nesting_inside_strings_and_comments_is_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = f'# {"[" * 500}\n[settings]\nuser_agent = "{"[" * 500}"\n' + SOURCE
    path.write_text(text, encoding="utf-8")
    assert load_config(path).settings.user_agent == "[" * 500


def test_a_fifo_as_config_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(fifo)


def test_a_config_path_under_an_unknown_user_is_no_crash() -> None:
    path = config_path(None, {"SUXUN_TUI_CONFIG": "~nosuchuser-xyz/config.toml"})
    assert str(path) == "~nosuchuser-xyz/config.toml"
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(path)


def test_keys_and_names_with_escapes_are_cleaned_in_warnings_and_errors(tmp_path: Path) -> None:
    text = '"\\u001b]0;TITLE\\u0007" = 1\n' + SOURCE + '"\\u009b31m" = 2\n'
    config = parse_config(text, tmp_path / "config.toml")
    assert config.warnings and all(
        "\x1b" not in w and "\x07" not in w and "\x9b" not in w for w in config.warnings
    )
    message = error_for(tmp_path, '[[sources]]\nname = "\\u001b]0;EVIL\\u0007"\nurl = 5\n')
    assert "\x1b" not in message and "\x07" not in message
    odd_dir = tmp_path / "a\x1b]0;dir\x07"
    odd_dir.mkdir()
    with pytest.raises(ConfigError) as caught:
        load_config(odd_dir / "config.toml")
    assert "\x1b" not in str(caught.value)


# The property: any value of the right type either parses into settings a refresh can use,
# or is a ConfigError that names the key. Nothing else escapes.

NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
)
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
NUMERIC_KEYS = [f.name for f in fields(Settings) if f.type in ("int", "float")]


def toml_value(value: object) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return '"' + "".join(f"\\U{ord(c):08x}" for c in value) + '"'
    return str(value)


def usable(settings: Settings) -> None:
    """What a refresh does with the settings must not raise."""
    now = datetime.now(UTC)
    httpx.Headers({"User-Agent": settings.user_agent})
    httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    assert now + timedelta(seconds=settings.timeout) > now
    assert settings.max_bytes <= 1024**3


@given(key=st.sampled_from(NUMERIC_KEYS), value=NUMBERS)
def test_any_number_in_any_setting_parses_usably_or_names_the_key(key: str, value: object) -> None:
    text = f"[settings]\n{key} = {toml_value(value)}\n"
    try:
        config = parse_config(text, Path("/x/config.toml"))
    except ConfigError as exc:
        assert "/x/config.toml:2" in str(exc) and f"'{key}'" in str(exc)
        return
    usable(config.settings)


@given(agent=TEXT)
def test_any_user_agent_is_sendable_or_an_error(agent: str) -> None:
    try:
        config = parse_config(f"[settings]\nuser_agent = {toml_value(agent)}\n", Path("c.toml"))
    except ConfigError as exc:
        assert "'user_agent'" in str(exc)
        return
    usable(config.settings)


URL_ALPHABET = st.sampled_from(list(string.printable + "[]:@%#?~é\u202e\x9b\u200b\x00"))


@given(url=st.text(alphabet=URL_ALPHABET, max_size=40), minutes=NUMBERS)
def test_any_source_url_and_schedule_parses_usably_or_names_the_key(
    url: str, minutes: object
) -> None:
    text = f"[[sources]]\nurl = {toml_value(url)}\nrefresh_minutes = {toml_value(minutes)}\n"
    try:
        config = parse_config(text, Path("/x/config.toml"))
    except ConfigError as exc:
        assert re.search(r"/x/config\.toml:\d", str(exc)), str(exc)
        assert "\x00" not in str(exc) and "\x9b" not in str(exc)
        return
    spec = config.sources[0]
    if spec.url.startswith("http"):
        httpx.URL(spec.url)
    from suxun_tui.net.client import FetchResult

    next_fetch_times(spec, FetchResult(spec.url, 200), 10**9, datetime.now(UTC))
