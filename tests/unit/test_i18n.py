"""The interface's language: chosen from the locale or the config, and what tr() gives."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from suxun_tui.config import ConfigError, parse_config
from suxun_tui.text.i18n import (
    current_language,
    language_from_locale,
    resolve_language,
    set_language,
    tr,
    trn,
)
from suxun_tui.text.timefmt import format_relative

NOW = datetime(2025, 12, 29, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh-Hans"),
        ({"LANG": "zh_SG.UTF-8"}, "zh-Hans"),
        ({"LANG": "zh_Hans_CN.UTF-8"}, "zh-Hans"),
        ({"LANG": "zh"}, "zh-Hans"),
        ({"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_Hant"}, "zh-Hant"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-Hant-HK"),
        ({"LANG": "zh_MO.UTF-8"}, "zh-Hant-HK"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "zu_ZA.UTF-8"}, "en"),  # starts with z, is not Chinese
        ({}, "en"),
        # POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"}, "zh-Hant"),
        ({"LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_the_locale_chooses_the_language(environ: dict[str, str], language: str) -> None:
    assert language_from_locale(environ) == language


def test_the_config_overrides_the_locale() -> None:
    chinese = {"LANG": "zh_CN.UTF-8"}
    assert resolve_language("auto", chinese) == "zh-Hans"
    assert resolve_language("en", chinese) == "en"
    assert resolve_language("zh-Hant", {"LANG": "en_US.UTF-8"}) == "zh-Hant"
    assert resolve_language("zh-Hant", {"LANG": "zh_HK.UTF-8"}) == "zh-Hant-HK"
    assert resolve_language("zh-Hans", {}) == "zh-Hans"


def test_tr_in_each_language() -> None:
    assert tr("Refresh") == "Refresh"  # English is the source string
    set_language("zh-Hans")
    assert current_language() == "zh-Hans"
    assert tr("Refresh") == "刷新"
    assert tr("Refreshing {done}/{total}", done=3, total=12) == "正在刷新 3/12"
    set_language("zh-Hant")  # OpenCC with Taiwan phrasing
    assert tr("Refresh") == "重新整理"
    assert tr("Open") == "開啟"
    set_language("zh-Hant-HK")
    assert tr("Help") == "幫助"
    set_language("klingon")
    assert current_language() == "en"


def test_a_string_the_catalog_lacks_is_shown_in_english() -> None:
    set_language("zh-Hans")
    assert tr("No such message {x}", x=1) == "No such message 1"


def test_values_are_inserted_untranslated() -> None:
    set_language("zh-Hant")
    assert tr("Copied {url}", url="刷新 https://x/") == "已複製 刷新 https://x/"


def test_counting_messages() -> None:
    one, many = (
        "Marked {count} article read in {label}.",
        "Marked {count} articles read in {label}.",
    )
    assert trn(one, many, 1, label="All") == "Marked 1 article read in All."
    assert trn(one, many, 3, label="All") == "Marked 3 articles read in All."
    set_language("zh-Hans")
    assert trn(one, many, 1, label="全部") == "已把“全部”中的 1 篇文章标为已读。"


@pytest.mark.parametrize(
    ("stored", "english", "simplified", "traditional"),
    [
        ("2025-12-29T11:59:30Z", "just now", "刚刚", "剛剛"),
        ("2025-12-29T11:55:00Z", "5m ago", "5分钟前", "5分鐘前"),
        ("2025-12-29T09:00:00Z", "3h ago", "3小时前", "3小時前"),
        ("2025-12-27T12:00:00Z", "2d ago", "2天前", "2天前"),
    ],
)
def test_relative_times(stored: str, english: str, simplified: str, traditional: str) -> None:
    assert format_relative(stored, NOW) == english
    set_language("zh-Hans")
    assert format_relative(stored, NOW) == simplified
    set_language("zh-Hant")
    assert format_relative(stored, NOW) == traditional


def test_relative_times_fall_back_to_a_date() -> None:
    assert format_relative("2025-10-01T12:00:00Z", NOW).startswith("2025-10-0")  # a month on
    assert format_relative("2026-01-05T12:00:00Z", NOW).startswith("2026-01-0")  # a wrong clock
    assert format_relative("not a time", NOW) == ""


def test_language_in_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config = parse_config('[settings]\nlanguage = "zh-hant"\n', path)
    assert config.settings.language == "zh-Hant"  # any case, kept canonical
    assert parse_config("[settings]\n", path).settings.language == "auto"


@pytest.mark.parametrize("value", ['"klingon"', '"zh_CN"', '""', "3", '["en"]'])
def test_an_absurd_language_is_an_error_naming_the_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    with pytest.raises(ConfigError, match=r"config\.toml:3: .*language"):
        parse_config(f"[settings]\nscript = 'original'\nlanguage = {value}\n", path)


def test_traditional_takes_corner_quotes() -> None:
    set_language("zh-Hant")
    assert tr("Script: {label}", label="“x”") == "字形：“x”"  # a value is left as it is
    assert "「全部」" in tr("Marked {count} articles read in {label}.", count=2, label="全部")
