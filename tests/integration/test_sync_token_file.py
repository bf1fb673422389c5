"""The Google Reader login token kept between syncs: used, refused, never in the cache.

A canned Google Reader server on loopback that accepts only the token its last
``ClientLogin`` gave out, so a kept token that the server no longer takes is seen.
"""

from __future__ import annotations

import json
import os
import stat
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from suxun_tui.config import Config, parse_config
from suxun_tui.sync import sync_accounts
from suxun_tui.sync.tokens import load_token, token_path
from tests.integration.test_sync_bad_servers import RecordingServer

JSON = {"Content-Type": "application/json"}
PREFIX = "/api/greader.php"


class Reader:
    """The server's side: the token it accepts now, and how often it was asked to log in."""

    def __init__(self, server: RecordingServer) -> None:
        self.server = server
        self.valid = "me/first"
        server.add(f"{PREFIX}/accounts/ClientLogin", handler=self.login)
        for path, body in (
            ("user-info", {"userId": "me"}),
            ("tag/list", {"tags": []}),
            ("subscription/list", {"subscriptions": [{"id": "feed/1", "title": "One"}]}),
            ("stream/items/ids", {"itemRefs": []}),
        ):
            server.add(f"{PREFIX}/reader/api/0/{path}", handler=self.answer(body))

    def logins(self) -> int:
        return sum(1 for path, _ in self.server.posts if path.endswith("/ClientLogin"))

    def login(self, req: BaseHTTPRequestHandler) -> None:
        self.server._send(req, 200, {}, f"SID=x\nAuth={self.valid}\n".encode())

    def answer(self, body: object) -> object:
        def handler(req: BaseHTTPRequestHandler) -> None:
            if req.headers.get("Authorization") != f"GoogleLogin auth={self.valid}":
                self.server._send(req, 401, {}, b"Unauthorized")
            else:
                self.server._send(req, 200, JSON, json.dumps(body).encode())

        return handler


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Reader:
    monkeypatch.setenv("PASS", "secret password")
    with RecordingServer() as server:
        yield Reader(server)


def account(tmp_path: Path, url: str) -> Config:
    text = (
        "[settings]\nretries = 0\ntimeout = 5\n"
        f'[[accounts]]\nname = "fresh"\ntype = "greader"\nurl = "{url}"\n'
        'username = "me"\npassword_env = "PASS"\n'
    )
    return parse_config(text, tmp_path / "config.toml")


def kept_file(url: str) -> Path:
    path = token_path("fresh", url, "me")
    assert path is not None
    return path


def test_the_token_is_kept_private_and_the_next_sync_logs_in_no_more(
    reader: Reader, tmp_path: Path
) -> None:
    url = reader.server.url(PREFIX)
    config, db = account(tmp_path, url), tmp_path / "cache.sqlite3"
    [first] = sync_accounts(config, db)
    assert first.ok, first.error
    assert reader.logins() == 1
    path = kept_file(url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert Path(os.environ["XDG_STATE_HOME"]) in path.parents  # not in the cache's directory
    [second] = sync_accounts(config, db)
    assert second.ok, second.error
    assert reader.logins() == 1
    for file in tmp_path.rglob("cache.sqlite3*"):  # the credential is never in the cache
        assert b"me/first" not in file.read_bytes()


def test_a_refused_token_is_dropped_and_the_sync_logs_in_again(
    reader: Reader, tmp_path: Path
) -> None:
    url = reader.server.url(PREFIX)
    config, db = account(tmp_path, url), tmp_path / "cache.sqlite3"
    assert sync_accounts(config, db)[0].ok
    reader.valid = "me/second"  # the password changed on the server
    [result] = sync_accounts(config, db)
    assert result.ok, result.error
    assert reader.logins() == 2
    assert load_token(kept_file(url), "secret password") == "me/second"


def test_a_wrong_password_in_the_config_is_not_hidden_by_a_kept_token(
    reader: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = reader.server.url(PREFIX)
    config, db = account(tmp_path, url), tmp_path / "cache.sqlite3"
    assert sync_accounts(config, db)[0].ok
    monkeypatch.setenv("PASS", "another password")
    reader.server.add(
        f"{PREFIX}/accounts/ClientLogin",
        handler=lambda req: reader.server._send(req, 401, {}, b"Error=BadAuthentication"),
    )
    [result] = sync_accounts(config, db)
    assert not result.ok and result.auth_failed, result
    assert reader.logins() == 2


def test_a_token_file_others_may_read_is_not_used(reader: Reader, tmp_path: Path) -> None:
    url = reader.server.url(PREFIX)
    config, db = account(tmp_path, url), tmp_path / "cache.sqlite3"
    assert sync_accounts(config, db)[0].ok
    kept_file(url).chmod(0o644)
    assert load_token(kept_file(url), "secret password") is None
    assert sync_accounts(config, db)[0].ok
    assert reader.logins() == 2
