"""The core's failures on the command line in Chinese: a fetch failure from a real server,
a query error, a config error; what scripts read (the cache, JSON) stays English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suxun_tui.entry import main
from suxun_tui.store import Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

GONE_EN = "HTTP 404 Not Found; the address is gone — check the source's url"
GONE_ZH = "HTTP 404 Not Found；这个地址已不存在——请检查来源的 url"


def web_config(tmp_path: Path, url: str, language: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[settings]\nlanguage = "{language}"\nretries = 0\n'
        f'[[sources]]\nname = "Gone"\nurl = "{url}"\n',
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(("language", "expected"), [("zh-Hans", GONE_ZH), ("en", GONE_EN)])
def test_a_fetch_failure_in_the_refresh_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    with LoopbackServer() as server:
        url = server.add("/gone.xml", status=404)
        config = web_config(tmp_path, url, language)
        data = tmp_path / "data"
        assert main(["--config", str(config), "--data-dir", str(data), "refresh"]) == 1
    out = capsys.readouterr().out
    prefix = "错误：" if language == "zh-Hans" else "error: "
    colon = "：" if language == "zh-Hans" else ": "
    assert f"{prefix}Gone: {url}{colon}{expected}" in out, out
    with Store(data / "cache.sqlite3") as store:  # kept in English, translated when shown
        (source,) = store.sources()
        assert source.last_error == f"{url}: {GONE_EN}"


def test_a_query_error_in_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["search", "sorce:新华网"]) == 2
    err = capsys.readouterr().err
    assert "suxun-tui：搜索：未知的字段“sorce:”，在第 1 列（可用：source:" in err, err
    assert "  ^" in err  # the caret still under the column


def test_a_config_error_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the config cannot say: the locale does
    config = tmp_path / "config.toml"
    config.write_text('[settings]\ntimeout = "soon"\n', encoding="utf-8")
    assert main(["--config", str(config), "list"]) == 2
    err = capsys.readouterr().err
    assert f"{config}:2" in err and "“timeout”" in err and "数字" in err, err


def test_the_json_error_of_extract_stays_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with LoopbackServer() as server:
        url = server.add("/gone.html", status=404)
        main(["extract", url])
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["error"] == f"{url}: {GONE_EN}"


def test_a_damaged_cache_is_reported_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "cache.sqlite3").write_bytes(b"not a database, not at all" * 100)
    assert main(["--data-dir", str(data), "list"]) == 0
    err = capsys.readouterr().err
    assert f"suxun-tui：警告：缓存 {data / 'cache.sqlite3'} 已损坏；它已被移到" in err, err
    assert "请刷新以重新抓取各来源。" in err


def test_an_unknown_command_in_keys_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nrefrsh = "R"\n', encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert f"suxun-tui: {config}:2: [keys] 中有未知的命令 'refrsh'；您是指 'refresh' 吗？" in err, (
        err
    )


def test_a_saved_query_that_does_not_parse_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    config = tmp_path / "config.toml"
    config.write_text('[[queries]]\nname = "Mine"\nquery = "sorce:x"\n', encoding="utf-8")
    assert main(["--config", str(config), "list"]) == 2
    err = capsys.readouterr().err
    expected = f"{config}:3：查询“Mine”：查询 'sorce:x'：未知的字段“sorce:”，在第 1 列"
    assert expected in err, err


def test_a_notifier_that_cannot_start_is_reported_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-notifier"
    with LoopbackServer() as server:
        url = server.add("/news.xml", rss("News", items(2)))
        config = tmp_path / "config.toml"
        config.write_text(
            f'[settings]\nlanguage = "zh-Hans"\nnotify_command = ["{missing}", "%n"]\n'
            f'[[sources]]\nname = "News"\nurl = "{url}"\n',
            encoding="utf-8",
        )
        code = main(["--config", str(config), "--data-dir", str(tmp_path / "data"), "refresh"])
    assert code == 0
    err = capsys.readouterr().err
    assert f"notify_command '{missing}' 无法启动：" in err, err
    assert "could not start" not in err


def test_subscribing_through_an_unknown_account_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[settings]\nlanguage = "zh-Hans"\n', encoding="utf-8")
    data = tmp_path / "data"
    code = main(
        ["--config", str(config), "--data-dir", str(data), "subscribe", "http://127.0.0.1:9/f"]
        + ["--account", "home"]
    )
    assert code != 0
    said = capsys.readouterr()
    assert "没有名为 'home' 的账户（已有：未配置）" in said.out + said.err, said
