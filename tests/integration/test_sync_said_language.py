"""Sync failures from a real (loopback) server, shown in Chinese: a wrong password, an HTML
page instead of JSON. The account's result keeps the English."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config import Config, parse_config
from suxun_tui.sync import sync_accounts
from suxun_tui.text.i18n import set_language
from suxun_tui.text.i18n_said import tr_said
from tests.support.server import LoopbackServer


def miniflux(tmp_path: Path, url: str) -> Config:
    text = (
        "[settings]\nretries = 0\ntimeout = 5\n"
        f'[[accounts]]\nname = "mine"\ntype = "miniflux"\nurl = "{url}"\ntoken_env = "TOKEN"\n'
    )
    return parse_config(text, tmp_path / "config.toml")


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOKEN", "wrong")


def test_a_wrong_password_in_chinese(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        server.add("/v1/me", "{}", status=401)
        [result] = sync_accounts(miniflux(tmp_path, server.url("")), tmp_path / "c.db")
    assert result.auth_failed and result.error is not None
    assert result.error.startswith("account 'mine': the server refused the username")
    set_language("zh-Hans")
    assert tr_said(result.error) == (
        "账户“mine”：服务器拒绝了用户名、密码或令牌（HTTP 401）；请检查账户的凭据"
    )


def test_an_html_page_instead_of_json_in_chinese(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        server.add(
            "/v1/me", "<!doctype html><title>Login</title>", headers={"Content-Type": "text/html"}
        )
        [result] = sync_accounts(miniflux(tmp_path, server.url("")), tmp_path / "c.db")
    assert result.error is not None
    set_language("zh-Hans")
    said = tr_said(result.error)
    assert said.startswith("账户“mine”: /v1/me：服务器返回的是 HTML 页面而不是 JSON"), said
