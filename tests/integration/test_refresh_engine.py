"""The refresh engine against a real loopback server: conditional GET, retries, limits,
scheduling and server hints. Each test names the behaviour it protects."""

from __future__ import annotations

import asyncio
import gzip
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from suxun_tui import __version__
from suxun_tui.config import HOMEPAGE, Config, Settings, SourceSpec
from suxun_tui.net import client
from suxun_tui.refresh import fetch_job
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs of the documents actually parsed (refreshes here run parsing on threads)."""
    seen: list[str] = []
    real = fetch_job.prepare_document

    def counting(
        spec: SourceSpec, data: bytes, url: str, ctype: str | None, *items: object
    ) -> object:
        seen.append(url)
        return real(spec, data, url, ctype, *items)  # type: ignore[arg-type]

    monkeypatch.setattr(fetch_job, "prepare_document", counting)
    return seen


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the fetcher asks for between attempts (it still sleeps them for real)."""
    asked: list[float] = []
    real_sleep = asyncio.sleep

    async def recording(delay: float, *args: object, **kwargs: object) -> object:
        if delay > 0:
            asked.append(delay)
        return await real_sleep(delay, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(client.asyncio, "sleep", recording)
    return asked


def config_for(*sources: SourceSpec, **settings: object) -> Config:
    base = Settings(timeout=5, connect_timeout=2, retries=0)
    return Config(settings=replace(base, **settings), sources=sources)


def state(db: Path, name: str) -> dict[str, str | None]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM sources WHERE name = ?", (name,)).fetchone()
    conn.close()
    return dict(row)


def set_times(db: Path, name: str, **values: str | None) -> None:
    """Pretend time has passed: move a source's schedule."""
    conn = sqlite3.connect(db)
    for key, value in values.items():
        conn.execute(f"UPDATE sources SET {key} = ? WHERE name = ?", (value, name))
    conn.commit()
    conn.close()


PAST = "2000-01-01T00:00:00Z"


def test_validators_from_the_first_response_make_the_second_a_304_without_parsing(
    server: LoopbackServer, tmp_path: Path, parses: list[str]
) -> None:
    modified = "Mon, 01 Dec 2025 00:00:00 GMT"
    url = server.add("/f.xml", rss("F", items(3)), etag=True, headers={"Last-Modified": modified})
    config = config_for(SourceSpec("F", url))
    db = tmp_path / DB_NAME
    first = refresh_sources(config, db)
    assert first.results[0].new == 3 and len(parses) == 1
    assert state(db, "F")["etag"] and state(db, "F")["last_modified"] == modified
    second = refresh_sources(config, db)
    assert second.results[0].not_modified and len(parses) == 1
    sent = server.requests[1][1]
    assert sent["if-none-match"] == state(db, "F")["etag"]
    assert sent["if-modified-since"] == modified


def test_an_unchanged_body_without_validators_is_not_parsed_again(
    server: LoopbackServer, tmp_path: Path, parses: list[str]
) -> None:
    url = server.add("/f.xml", rss("F", items(2)))
    config = config_for(SourceSpec("F", url))
    refresh_sources(config, tmp_path / DB_NAME)
    again = refresh_sources(config, tmp_path / DB_NAME)
    assert again.results[0].not_modified and len(parses) == 1
    forced = refresh_sources(config, tmp_path / DB_NAME, force=True)
    assert forced.results[0].unchanged == 2 and len(parses) == 2
    assert "if-none-match" not in server.requests[-1][1]


def test_counts_new_updated_and_unchanged_per_source(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(4)))
    config = config_for(SourceSpec("F", url))
    refresh_sources(config, tmp_path / DB_NAME)
    changed = items(4)
    changed[1]["title"] = "Retitled"
    server.add("/f.xml", rss("F", changed + items(2, "More")))
    result = refresh_sources(config, tmp_path / DB_NAME).results[0]
    assert (result.new, result.updated, result.unchanged) == (2, 1, 3)


def test_server_errors_are_retried_with_growing_backoff(
    server: LoopbackServer, tmp_path: Path, waits: list[float]
) -> None:
    url = server.add("/f.xml", rss("F", items(1)), script=[(500, {}, b"boom"), (502, {}, b"boom")])
    report = refresh_sources(config_for(SourceSpec("F", url), retries=2), tmp_path / DB_NAME)
    assert report.results[0].ok and server.hits["/f.xml"] == 3
    assert len(waits) == 2, waits  # one wait before each retry
    assert 0.25 <= waits[0] <= 0.75, waits  # 0.5 s x jitter 0.5-1.5
    assert 0.5 <= waits[1] <= 1.5, waits  # 1.0 s x jitter


def test_retries_give_up_with_the_last_error(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", "down", status=503)
    report = refresh_sources(config_for(SourceSpec("F", url), retries=1), tmp_path / DB_NAME)
    assert not report.results[0].ok and "HTTP 503" in (report.results[0].error or "")
    assert server.hits["/f.xml"] == 2


def test_429_waits_as_long_as_retry_after_says(
    server: LoopbackServer, tmp_path: Path, waits: list[float]
) -> None:
    url = server.add("/f.xml", rss("F", items(1)), script=[(429, {"Retry-After": "1"}, b"")])
    report = refresh_sources(config_for(SourceSpec("F", url), retries=1), tmp_path / DB_NAME)
    assert report.results[0].ok and server.hits["/f.xml"] == 2
    assert waits == [1.0]


def test_a_long_retry_after_is_remembered_and_respected_until_force(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", "slow down", status=429, headers={"Retry-After": "3600"})
    config = config_for(SourceSpec("F", url), retries=3)
    db = tmp_path / DB_NAME
    first = refresh_sources(config, db)
    assert not first.results[0].ok and server.hits["/f.xml"] == 1  # no pointless retries
    assert (state(db, "F")["not_before"] or "") > datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
    waiting = refresh_sources(config, db)
    assert "not due" in (waiting.results[0].notice or "") and server.hits["/f.xml"] == 1
    refresh_sources(config, db, force=True)
    assert server.hits["/f.xml"] == 2


def test_never_more_than_per_host_connections_to_one_host(
    server: LoopbackServer, tmp_path: Path
) -> None:
    specs = [
        SourceSpec(f"S{i}", server.add(f"/s{i}.xml", rss("S", items(1, f"S{i}")), delay=0.15))
        for i in range(12)
    ]
    report = refresh_sources(config_for(*specs, per_host=3, concurrency=16), tmp_path / DB_NAME)
    assert len(report.results) == 12 and not report.failed
    assert server.max_active == 3  # the limit holds, and is used


def test_due_only_fetches_a_source_again_after_its_refresh_minutes(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(1)))
    other = server.add("/g.xml", rss("G", items(1)))
    config = config_for(SourceSpec("F", url, refresh_minutes=30), SourceSpec("G", other))
    db = tmp_path / DB_NAME
    before = datetime.now(UTC).replace(microsecond=0)
    refresh_sources(config, db, due_only=True)
    after = datetime.now(UTC)
    due = datetime.fromisoformat(str(state(db, "F")["next_due"]).replace("Z", "+00:00"))
    assert before + timedelta(minutes=30) <= due <= after + timedelta(minutes=30)
    assert refresh_sources(config, db, due_only=True).results == []
    set_times(db, "F", next_due=PAST)
    report = refresh_sources(config, db, due_only=True)
    assert [r.name for r in report.results] == ["F"]


def test_named_sources_are_the_only_ones_fetched(server: LoopbackServer, tmp_path: Path) -> None:
    specs = [SourceSpec(n, server.add(f"/{n}.xml", rss(n, items(1, n)))) for n in "ABC"]
    report = refresh_sources(config_for(*specs), tmp_path / DB_NAME, names=["A", "C"])
    assert sorted(r.name for r in report.results) == ["A", "C"] and server.hits["/B.xml"] == 0


def _expires_in_three_hours(now: datetime) -> dict[str, str]:
    # Built when the test runs, not when it is collected: a long suite must not age it.
    return {"Expires": format_datetime(now + timedelta(hours=3), usegmt=True)}


@pytest.mark.parametrize(
    ("headers", "ttl", "hint"),
    [
        (lambda now: {"Cache-Control": "public, max-age=7200"}, None, timedelta(hours=2)),
        (_expires_in_three_hours, None, timedelta(hours=3)),
        (lambda now: {}, 240, timedelta(hours=4)),
    ],
    ids=["max-age", "expires", "rss-ttl"],
)
def test_server_hints_set_the_earliest_next_fetch_unless_forced(
    server: LoopbackServer,
    tmp_path: Path,
    headers: Callable[[datetime], dict[str, str]],
    ttl: int | None,
    hint: timedelta,
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    url = server.add("/f.xml", rss("F", items(1), ttl=ttl), headers=headers(before))
    config = config_for(SourceSpec("F", url, refresh_minutes=1))
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    after = datetime.now(UTC)
    not_before = datetime.fromisoformat(str(state(db, "F")["not_before"]).replace("Z", "+00:00"))
    assert before + hint <= not_before <= after + hint
    set_times(db, "F", next_due=PAST)  # our own schedule says go; the server said wait
    waiting = refresh_sources(config, db, due_only=True)
    assert server.hits["/f.xml"] == 1 and "not due" in (waiting.results[0].notice or "")
    refresh_sources(config, db, force=True)
    assert server.hits["/f.xml"] == 2


def test_no_cache_is_not_a_hint(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add(
        "/f.xml", rss("F", items(1)), headers={"Cache-Control": "no-cache, max-age=9999"}
    )
    refresh_sources(config_for(SourceSpec("F", url)), tmp_path / DB_NAME)
    assert state(tmp_path / DB_NAME, "F")["not_before"] is None


def test_requests_name_the_reader_and_accept_compression(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(1)))
    refresh_sources(config_for(SourceSpec("F", url)), tmp_path / DB_NAME)
    sent = server.requests[0][1]
    assert f"suxun-tui/{__version__}" in sent["user-agent"] and HOMEPAGE in sent["user-agent"]
    assert {"gzip", "deflate", "br"} <= {e.strip() for e in sent["accept-encoding"].split(",")}


def test_a_gzip_bomb_is_stopped_at_max_bytes_after_decompression(
    server: LoopbackServer, tmp_path: Path
) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * 3_000_000)
    url = server.add("/f.xml", bomb, headers={"Content-Encoding": "gzip"})
    report = refresh_sources(
        config_for(SourceSpec("F", url), max_bytes=1_000_000), tmp_path / DB_NAME
    )
    assert "after decompression" in (report.results[0].error or "")


def test_a_declared_oversize_response_is_refused(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", b"x" * 2_000_000)
    report = refresh_sources(
        config_for(SourceSpec("F", url), max_bytes=1_000_000), tmp_path / DB_NAME
    )
    assert "limit" in (report.results[0].error or "")


def test_more_than_ten_redirects_is_an_error(server: LoopbackServer, tmp_path: Path) -> None:
    for i in range(12):
        server.add(f"/r{i}", "", status=302, headers={"Location": f"/r{i + 1}"})
    server.add("/r12", rss("F", items(1)))
    report = refresh_sources(config_for(SourceSpec("F", server.url("/r0"))), tmp_path / DB_NAME)
    assert "too many redirects" in (report.results[0].error or "")


def test_a_temporary_redirect_keeps_the_stored_url(server: LoopbackServer, tmp_path: Path) -> None:
    server.add("/new.xml", rss("F", items(1)))
    old = server.add("/old.xml", "", status=302, headers={"Location": "/new.xml"})
    report = refresh_sources(config_for(SourceSpec("F", old)), tmp_path / DB_NAME)
    assert report.results[0].ok and report.results[0].notice is None
    assert state(tmp_path / DB_NAME, "F")["url"] == old


def test_a_slow_server_times_out_with_a_clear_message(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(1)), delay=3)
    report = refresh_sources(config_for(SourceSpec("F", url), timeout=0.5), tmp_path / DB_NAME)
    assert "timed out" in (report.results[0].error or "")


def test_process_pool_route_stores_the_same_articles(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = [
        SourceSpec(f"S{i}", server.add(f"/s{i}.xml", rss("S", items(5, f"S{i}")))) for i in range(6)
    ]
    config = config_for(*specs)
    by_route = {}
    for route in ("thread", "process"):
        monkeypatch.setenv("SUXUN_TUI_PARSE_POOL", route)
        db = tmp_path / route / DB_NAME
        db.parent.mkdir()
        assert refresh_sources(config, db).new == 30
        with Store(db) as store:
            by_route[route] = sorted(
                (h.source_name, h.title, h.url, h.published) for h in store.headlines()
            )
    assert by_route["thread"] == by_route["process"]
