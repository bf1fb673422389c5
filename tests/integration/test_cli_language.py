"""The command line in Chinese: messages people read follow the locale or ``language``;
what scripts read (JSON, option names) stays as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suxun_tui.entry import main

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local</title>
<item><guid>1</guid><title>第一篇</title><link>https://example.org/1</link>
<description>正文。</description></item>
</channel></rss>
"""


def local_config(tmp_path: Path, settings: str = "") -> Path:
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[settings]\n{settings}\n[[sources]]\nname = "Local"\nurl = "feed.xml"\n',
        encoding="utf-8",
    )
    return config


def test_an_error_in_chinese_under_a_chinese_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["show", "999"]) == 1
    assert "suxun-tui：没有编号为 999 的文章（见“suxun-tui list”）" in capsys.readouterr().err


def test_the_refresh_summary_in_chinese_and_json_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = local_config(tmp_path, 'language = "zh-Hant"')
    assert main(["--config", str(config), "refresh"]) == 0
    out = capsys.readouterr().out
    assert "已重新整理 1 個來源：新文章 1 篇" in out, out  # Traditional, Taiwan phrasing
    assert main(["--config", str(config), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["title"] == "第一篇" and "source" in rows[0]  # keys as they were


def test_the_config_wins_over_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    config = local_config(tmp_path, 'language = "en"')
    assert main(["--config", str(config), "show", "999"]) == 1
    assert "no article with id 999" in capsys.readouterr().err


def test_english_under_the_c_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "999"]) == 1
    assert "suxun-tui: no article with id 999 (see 'suxun-tui list')" in capsys.readouterr().err


def test_help_in_chinese_with_option_names_unchanged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：suxun-tui [-h] [--config FILE]")
    assert "显示此帮助并退出" in out and "打开阅读器（默认）" in out and "--offline" in out
    with pytest.raises(SystemExit) as refused:
        main(["list", "--limit", "0"])
    assert refused.value.code == 2
    assert "suxun-tui list：错误：argument --limit: 至少为 1，不能是 0" in capsys.readouterr().err
