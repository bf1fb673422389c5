"""Hostile servers against the real refresh: headers that are not ASCII, hints without
bounds, redirects to poisoned addresses. Each answer is written byte for byte by a
loopback handler, since the standard library's server refuses to send such headers."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME
from suxun_tui.text.timefmt import parse_iso
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

FEED = rss("Hostile", items(3)).encode()
DAY = timedelta(days=1)
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u202a\u202e\u2066\u2069"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def raw(status: str, headers: list[tuple[str, bytes]], body: bytes = b"") -> Callable[..., None]:
    """A handler answering exactly these bytes (header values are sent unencoded)."""

    def handle(req: BaseHTTPRequestHandler) -> None:
        lines = [f"HTTP/1.1 {status}".encode()]
        lines += [name.encode() + b": " + value for name, value in headers]
        lines += [b"Content-Length: " + str(len(body)).encode(), b"", b""]
        req.wfile.write(b"\r\n".join(lines) + body)

    return handle


def config_for(url: str) -> Config:
    return Config(Settings(timeout=5, connect_timeout=2, retries=0), (SourceSpec("F", url),))


def row(db: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    found = dict(conn.execute("SELECT * FROM sources WHERE name = 'F'").fetchone())
    conn.close()
    return found


def set_source(db: Path, **values: str) -> None:
    conn = sqlite3.connect(db)
    for key, value in values.items():
        conn.execute(f"UPDATE sources SET {key} = ? WHERE name = 'F'", (value,))
    conn.commit()
    conn.close()


def within_a_day(stored: str | None) -> bool:
    moment = parse_iso(stored)
    return moment is not None and moment <= datetime.now(UTC) + DAY + timedelta(minutes=1)


def test_a_non_ascii_etag_does_not_break_later_refreshes(
    server: LoopbackServer, tmp_path: Path
) -> None:
    etag = '"café"'.encode()
    server.add("/f.xml", handler=raw("200 OK", [("ETag", etag), ("Last-Modified", etag)], FEED))
    db = tmp_path / DB_NAME
    config = config_for(server.url("/f.xml"))
    assert refresh_sources(config, db).new == 3
    second = refresh_sources(config, db, names=["F"])
    assert second.results[0].ok, second.results[0].error
    assert row(db)["etag"] is None and row(db)["last_modified"] is None


def test_validators_with_controls_or_bidi_overrides_are_not_stored(
    server: LoopbackServer, tmp_path: Path
) -> None:
    hostile = '"a\u202eb"'.encode() + b"\x9b31m"
    server.add("/f.xml", handler=raw("200 OK", [("ETag", hostile)], FEED))
    db = tmp_path / DB_NAME
    refresh_sources(config_for(server.url("/f.xml")), db)
    assert row(db)["etag"] is None


def test_a_bad_validator_stored_earlier_is_not_sent(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", FEED, etag=True)
    db = tmp_path / DB_NAME
    config = config_for(url)
    refresh_sources(config, db)
    set_source(db, etag='"café\u202e"', last_modified="Mon, 01 Dec 2025 \x9b00:00:00 GMT")
    again = refresh_sources(config, db)
    assert again.results[0].ok, again.results[0].error
    assert "if-none-match" not in server.requests[-1][1]


@pytest.mark.parametrize(
    "retry_after",
    ["31536000", "99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "9" * 5000],
    ids=["a-year", "twenty-digits", "year-9999", "5000-digits"],
)
def test_retry_after_parks_a_source_for_a_day_at_most(
    server: LoopbackServer, tmp_path: Path, retry_after: str
) -> None:
    url = server.add("/f.xml", "busy", status=503, headers={"Retry-After": retry_after})
    db = tmp_path / DB_NAME
    report = refresh_sources(config_for(url), db)
    assert not report.results[0].ok
    assert "unexpected" not in (report.results[0].error or "")
    assert row(db)["not_before"] and within_a_day(row(db)["not_before"])


@pytest.mark.parametrize(
    "headers",
    [
        {"Cache-Control": "max-age=99999999999999999999"},
        {"Cache-Control": "max-age=31536000"},
        {"Expires": "Fri, 31 Dec 9999 23:59:59 GMT"},
    ],
)
def test_huge_cache_lifetimes_store_the_articles_and_wait_a_day_at_most(
    server: LoopbackServer, tmp_path: Path, headers: dict[str, str]
) -> None:
    url = server.add("/f.xml", FEED, headers=headers)
    db = tmp_path / DB_NAME
    report = refresh_sources(config_for(url), db)
    assert report.results[0].ok, report.results[0].error
    assert report.new == 3
    assert within_a_day(row(db)["not_before"]) and within_a_day(row(db)["next_due"])


def test_a_huge_ttl_stores_the_articles(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", rss("T", items(2), ttl=10**20))
    db = tmp_path / DB_NAME
    report = refresh_sources(config_for(url), db)
    assert report.results[0].ok, report.results[0].error
    assert report.new == 2
    assert row(db)["not_before"] is None or within_a_day(row(db)["not_before"])


def test_a_wait_stored_until_year_9999_is_not_honoured(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", FEED)
    db = tmp_path / DB_NAME
    config = config_for(url)
    refresh_sources(config, db)
    set_source(db, not_before="9999-12-31T23:59:59Z", next_due="9999-12-31T23:59:59Z")
    due = refresh_sources(config, db, due_only=True)
    assert [r.name for r in due.results] == ["F"]
    assert due.results[0].notice is None or "not due" not in due.results[0].notice
    assert server.hits["/f.xml"] == 2


def test_a_poisoned_permanent_redirect_is_not_stored_raw(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.add("/f.xml", FEED)
    target = server.url("/f.xml").encode() + "?x=\u202e".encode() + b"\x9b\x9d"
    server.add("/old", handler=raw("301 Moved Permanently", [("Location", target)]))
    db = tmp_path / DB_NAME
    report = refresh_sources(config_for(server.url("/old")), db)
    assert report.results[0].ok, report.results[0].error
    stored = str(row(db)["url"])
    assert stored.startswith(server.url("/f.xml"))
    assert not any(c in stored for c in "\u202e\x9b\x9d")
    assert stored.isascii() and stored.isprintable()


def test_a_redirect_to_control_characters_is_a_clear_error(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.add("/old", handler=raw("301 Moved Permanently", [("Location", b"/x\x1b]0;t\x07")]))
    db = tmp_path / DB_NAME
    report = refresh_sources(config_for(server.url("/old")), db)
    error = report.results[0].error or ""
    assert "URL" in error and "\x1b" not in error
    assert row(db)["url"] == server.url("/old")


def test_invisible_characters_do_not_reach_titles_authors_or_links(
    server: LoopbackServer, tmp_path: Path
) -> None:
    entry = {
        "title": f"Bank{INVISIBLE}Notice",
        "link": f"http://example.org/{INVISIBLE}a",
        "guid": "g1",
        "author": f"ad{INVISIBLE}min",
        "description": "<p>x</p>",
    }
    url = server.add("/f.xml", rss(f"Feed{INVISIBLE}", [entry]))
    db = tmp_path / DB_NAME
    refresh_sources(config_for(url), db)
    conn = sqlite3.connect(db)
    title, link, author = conn.execute("SELECT title, url, author FROM articles").fetchone()
    conn.close()
    assert (title, author) == ("BankNotice", "admin")
    assert not any(c in link for c in INVISIBLE)


def test_a_json_feed_image_cannot_carry_an_escape_into_the_body(
    server: LoopbackServer, tmp_path: Path
) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "J",
        "items": [
            {
                "id": "1",
                "url": "http://example.org/1",
                "title": "One",
                "image": "http://example.org/i.png\x1b]0;pwned\x07\u202e",
                "content_text": "text",
            }
        ],
    }
    url = server.add("/f.json", json.dumps(feed), headers={"Content-Type": "application/feed+json"})
    db = tmp_path / DB_NAME
    assert refresh_sources(config_for(url), db).new == 1
    conn = sqlite3.connect(db)
    (body,) = conn.execute("SELECT body FROM articles").fetchone()
    conn.close()
    assert "http://example.org/i.png" in body
    assert not any(c in "".join(strings(json.loads(body))) for c in "\x1b\x07\u202e")


def strings(value: object) -> list[str]:
    """Every string inside a decoded JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", "extract", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def column(next_href: str, prefix: str) -> str:
    links = "".join(
        f'<li><a href="/{prefix}/{i}.html">A {prefix} headline number {i} for today</a>'
        f" 2025-12-0{i + 1}</li>"
        for i in range(6)
    )
    return (
        f"<html><body><ul class='list'>{links}</ul><a href=\"{next_href}\">下一页</a></body></html>"
    )


def test_extract_never_follows_a_web_page_into_local_files(
    server: LoopbackServer, tmp_path: Path
) -> None:
    local = tmp_path / "local.html"
    local.write_text(column("/none.html", "secret"), encoding="utf-8")
    url = server.add(
        "/column.html", column(local.as_uri(), "news"), headers={"Content-Type": "text/html"}
    )
    done = extract("--links", "--pages", "2", url)
    assert done.returncode == 0, done.stderr
    (listing,) = [json.loads(line) for line in done.stdout.splitlines()]
    urls = [a["url"] for a in listing["articles"]]
    assert any("/news/" in u for u in urls) and not any("secret" in u for u in urls)
    # The same file named on the command line is the user's choice: it is read.
    mine = extract("--links", str(local))
    assert mine.returncode == 0 and "secret" in mine.stdout


def test_a_link_selector_that_matches_nothing_is_named_in_the_error(
    server: LoopbackServer, tmp_path: Path
) -> None:
    page = "<html><body><p>No links here at all, only a paragraph of text.</p></body></html>"
    url = server.add("/c.html", page, headers={"Content-Type": "text/html"})
    spec = SourceSpec("F", url, kind="page", link_selector="div.nothing-here a")
    config = Config(Settings(timeout=5, connect_timeout=2, retries=0), (spec,))
    report = refresh_sources(config, tmp_path / DB_NAME)
    error = report.results[0].error or ""
    assert "div.nothing-here a" in error and "set link_selector" not in error


def test_a_header_value_that_is_not_ascii_is_a_fetch_error(server: LoopbackServer) -> None:
    import asyncio

    from suxun_tui.net.client import Fetcher, FetchError

    url = server.add("/api", "{}")

    async def call() -> None:
        async with Fetcher(Settings(retries=0)) as fetcher:
            await fetcher.send("GET", url, headers={"X-Auth-Token": "令牌"})

    with pytest.raises(FetchError, match="not plain ASCII"):
        asyncio.run(call())
    assert server.hits["/api"] == 0
