"""Servers that misbehave, and FreshRSS's differences, from canned answers on loopback.

The real Miniflux cannot send HTML for JSON, cut its JSON, loop its continuations or
repeat ids; these answers, served over real sockets, show that each ends in a clear
message or a bounded, best-effort result — never a traceback, never a lost mark.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from suxun_tui.config import Config, parse_config
from suxun_tui.store import Store
from suxun_tui.store.queue import pending_count
from suxun_tui.sync import sync_accounts
from tests.support.server import LoopbackServer

JSON = {"Content-Type": "application/json"}


class RecordingServer(LoopbackServer):
    """The loopback server, answering POSTs too and keeping their form fields."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: list[tuple[str, list[tuple[str, str]]]] = []
        owner = self

        def do_post(handler: BaseHTTPRequestHandler) -> None:
            length = int(handler.headers.get("Content-Length") or 0)
            body = handler.rfile.read(length).decode()
            owner.posts.append((urlsplit(handler.path).path, parse_qsl(body)))
            owner._serve(handler)

        self.httpd.RequestHandlerClass.do_POST = do_post  # type: ignore[attr-defined]

    def json(self, path: str, value: object) -> None:
        self.add(path, json.dumps(value, ensure_ascii=False), headers=JSON)


@pytest.fixture
def server() -> RecordingServer:
    with RecordingServer() as running:
        yield running


def config(tmp_path: Path, kind: str, url: str) -> Config:
    secret = (
        'token_env = "TOKEN"' if kind == "miniflux" else 'username = "me"\npassword_env = "PASS"'
    )
    text = (
        "[settings]\nretries = 0\ntimeout = 5\n"
        f'[[accounts]]\nname = "bad"\ntype = "{kind}"\nurl = "{url}"\n{secret}\n'
    )
    return parse_config(text, tmp_path / "config.toml")


@pytest.fixture(autouse=True)
def secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOKEN", "t")
    monkeypatch.setenv("PASS", "p")


def miniflux_entry(entry_id: int, feed_id: int = 1, **extra: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": entry_id,
        "feed_id": feed_id,
        "status": "unread",
        "starred": False,
        "title": f"Entry {entry_id}",
        "url": f"https://example.org/{entry_id}",
        "published_at": "2026-11-30T10:00:00Z",
        "changed_at": "2026-11-30T10:00:00Z",
        "content": "<p>text</p>",
        "author": "",
    }
    entry.update(extra)
    return entry


def test_html_instead_of_json_says_so(server: RecordingServer, tmp_path: Path) -> None:
    server.add(
        "/v1/me", "<!doctype html><title>Login</title>", headers={"Content-Type": "text/html"}
    )
    [result] = sync_accounts(config(tmp_path, "miniflux", server.url("")), tmp_path / "c.db")
    assert not result.ok and not result.auth_failed
    assert result.error is not None
    assert "account 'bad'" in result.error and "HTML page instead of JSON" in result.error


def test_truncated_json_says_so(server: RecordingServer, tmp_path: Path) -> None:
    server.json("/v1/me", {"id": 1})
    server.add("/v1/feeds", '[{"id": 1, "title": "cut', headers=JSON)
    [result] = sync_accounts(config(tmp_path, "miniflux", server.url("")), tmp_path / "c.db")
    assert not result.ok and result.error is not None and "truncated JSON" in result.error


def test_duplicates_huge_titles_and_unknown_feeds_give_a_bounded_result(
    server: RecordingServer, tmp_path: Path
) -> None:
    huge = "标题" * 1_700_000  # 10 MB of UTF-8
    server.json("/v1/me", {"id": 1})
    feeds = [{"id": 1, "title": huge, "feed_url": "https://e/f", "category": {"title": "T"}}]
    duplicate = {"id": 1, "title": "Same id again", "feed_url": "https://e/g"}
    server.json("/v1/feeds", [*feeds, duplicate])
    entries = [
        miniflux_entry(1, title=huge),
        miniflux_entry(1),
        miniflux_entry(2, title="\x1b]0;pwned\x07Clean\x1b[31m"),
        miniflux_entry(3, feed_id=99),
        {"id": "x"},
        "junk",
    ]
    server.json("/v1/entries", {"total": 6, "entries": entries})
    db = tmp_path / "c.db"
    [result] = sync_accounts(config(tmp_path, "miniflux", server.url("")), db)
    assert result.ok, result.error
    assert result.new == 2
    assert any("not subscribed" in n for n in result.notices)
    with Store(db) as store:
        [source] = store.sources()
        assert len(source.name) < 1100
        titles = sorted(h.title for h in store.headlines())
        assert titles[0] == "Clean" and len(titles[1]) == 1000


def test_endless_continuation_is_cut_with_a_notice(server: RecordingServer, tmp_path: Path) -> None:
    prefix = "/api/greader.php"
    calls = {"ids": 0}

    def endless_ids(req: BaseHTTPRequestHandler) -> None:
        calls["ids"] += 1
        query = dict(parse_qsl(urlsplit(req.path).query))
        if "xt" in query or "starred" in query.get("s", ""):
            body = {"itemRefs": []}
        else:  # fresh ids on every page, and always "there is more"
            start = calls["ids"] * 10
            body = {
                "itemRefs": [{"id": str(i)} for i in range(start, start + 10)],
                "continuation": str(start),
            }
        server._send(req, 200, JSON, json.dumps(body).encode())

    recorded_greader(server, prefix)
    server.add(f"{prefix}/reader/api/0/stream/items/ids", handler=endless_ids)
    server.json(f"{prefix}/reader/api/0/stream/items/contents", {"items": []})
    [result] = sync_accounts(config(tmp_path, "greader", server.url(prefix)), tmp_path / "c.db")
    assert result.ok, result.error
    assert any("kept listing" in n for n in result.notices)
    assert calls["ids"] < 1000


def freshrss_item(number: int, title: str = "Item") -> dict[str, object]:
    """One entry of ``stream/items/contents`` as FreshRSS writes it (the long id form)."""
    return {
        "id": f"tag:google.com,2005:reader/item/{number:016x}",
        "title": f"{title} {number}",
        "published": 1764496800,
        "canonical": [{"href": f"https://example.org/{number}"}],
        "summary": {"content": "<p>x</p>"},
        "origin": {"streamId": "feed/2"},
    }


def recorded_greader(server: RecordingServer, prefix: str) -> None:
    """Answers in FreshRSS's format and base path (greader.php), written from its API."""
    server.add(f"{prefix}/accounts/ClientLogin", "SID=me/x\nLSID=null\nAuth=me/abc\n")
    server.add(f"{prefix}/reader/api/0/token", "tok123ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ\n")
    server.json(f"{prefix}/reader/api/0/user-info", {"userId": "me", "userName": "me"})
    server.json(
        f"{prefix}/reader/api/0/tag/list",
        {
            "tags": [
                {"id": "user/-/state/com.google/starred"},
                {"id": "user/-/label/Tech", "type": "folder"},
            ]
        },
    )
    server.json(
        f"{prefix}/reader/api/0/subscription/list",
        {
            "subscriptions": [
                {
                    "id": "feed/2",
                    "title": "FreshRSS feed",
                    "categories": [{"id": "user/-/label/Tech", "label": "Tech"}],
                    "url": "https://example.org/feed.xml",
                    "htmlUrl": "https://example.org/",
                }
            ]
        },
    )


def test_freshrss_gets_one_a_or_r_per_edit_tag(server: RecordingServer, tmp_path: Path) -> None:
    prefix = "/api/greader.php"
    recorded_greader(server, prefix)

    def ids(req: BaseHTTPRequestHandler) -> None:
        query = dict(parse_qsl(urlsplit(req.path).query))
        wanted = {"xt": ["1", "2", "3"]}.get("xt" if "xt" in query else "", ["1", "2", "3"])
        if query.get("s", "").endswith("/starred"):
            wanted = []
        refs = {"itemRefs": [{"id": i} for i in wanted]}
        server._send(req, 200, JSON, json.dumps(refs).encode())

    server.add(f"{prefix}/reader/api/0/stream/items/ids", handler=ids)
    items = [
        {**freshrss_item(i, "Fresh"), "categories": ["user/-/state/com.google/reading-list"]}
        for i in (1, 2, 3)
    ]
    server.json(f"{prefix}/reader/api/0/stream/items/contents", {"items": items})
    server.add(f"{prefix}/reader/api/0/edit-tag", "OK")
    cfg = config(tmp_path, "greader", server.url(prefix))
    db = tmp_path / "c.db"
    [first] = sync_accounts(cfg, db)
    assert first.ok and first.new == 3, first.error
    with Store(db) as store:
        [source] = store.sources()
        assert (source.name, source.group) == ("bad: FreshRSS feed", "bad/Tech")
        ids_by_title = {h.title: h.id for h in store.headlines()}
        store.set_read(ids_by_title["Fresh 1"])
        store.set_starred(ids_by_title["Fresh 2"], True)
        store.set_read(ids_by_title["Fresh 3"])
        store.set_read(ids_by_title["Fresh 3"], False)  # back to unread: nothing to send
    [second] = sync_accounts(cfg, db)
    assert second.ok and second.pushed == 2, second.error
    edits = [fields for path, fields in server.posts if path.endswith("/edit-tag")]
    assert len(edits) == 2
    for fields in edits:
        actions = [k for k, _ in fields if k in ("a", "r")]
        assert len(actions) == 1
        assert ("T", "tok123ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ") in fields
    sent = {
        (k, v, i)
        for fields in edits
        for k, v in fields
        if k in "ar"
        for kk, i in fields
        if kk == "i"
    }
    assert sent == {
        ("a", "user/-/state/com.google/read", "1"),
        ("a", "user/-/state/com.google/starred", "2"),
    }
    with Store(db) as store:
        assert pending_count(store.conn) == 0


def test_server_down_keeps_the_queue(server: RecordingServer, tmp_path: Path) -> None:
    server.json("/v1/me", {"id": 1})
    server.json("/v1/feeds", [{"id": 1, "title": "F", "feed_url": "https://e/f"}])
    server.json("/v1/entries", {"entries": [miniflux_entry(1)]})
    cfg = config(tmp_path, "miniflux", server.url(""))
    db = tmp_path / "c.db"
    assert sync_accounts(cfg, db)[0].ok
    with Store(db) as store:
        store.set_read(store.headlines()[0].id)
    server.httpd.shutdown()
    server.httpd.server_close()
    [result] = sync_accounts(cfg, db)
    assert not result.ok and result.server_down and result.queued == 1
    assert result.error is not None and "local changes stay queued" in result.error
