"""Refresh against a real loopback HTTP server and a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import Progress, refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer


@pytest.fixture
def server() -> LoopbackServer:
    with LoopbackServer() as srv:
        yield srv


def config_for(*sources: SourceSpec, **settings: object) -> Config:
    base = Settings(timeout=5, connect_timeout=2, retries=0)
    return Config(settings=replace(base, **settings), sources=sources)


def test_several_feeds_one_failing(server: LoopbackServer, tmp_path: Path) -> None:
    ok1 = server.add("/a.xml", rss("A", items(3, "A")))
    ok2 = server.add("/b.xml", rss("B", items(2, "B")))
    bad = server.add("/broken.xml", "boom", status=500)
    config = config_for(SourceSpec("A", ok1), SourceSpec("Broken", bad), SourceSpec("B", ok2))
    events: list[Progress] = []
    report = refresh_sources(config, tmp_path / DB_NAME, on_progress=events.append)
    assert sorted((r.name, r.ok, r.new) for r in report.results) == [
        ("A", True, 3),
        ("B", True, 2),
        ("Broken", False, 0),
    ]
    assert [r.name for r in report.failed] == ["Broken"]
    assert "HTTP 500" in (report.failed[0].error or "")
    assert events[0] == Progress(0, 3) and events[-1].done == 3
    with Store(tmp_path / DB_NAME) as store:
        assert len(store.headlines()) == 5
        broken = next(s for s in store.sources() if s.name == "Broken")
        assert broken.last_error and "HTTP 500" in broken.last_error and broken.last_success is None


def test_conditional_get_from_the_first_refresh(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", rss("F", items(2)), etag=True)
    config = config_for(SourceSpec("F", url))
    first = refresh_sources(config, tmp_path / DB_NAME)
    second = refresh_sources(config, tmp_path / DB_NAME)
    assert first.results[0].new == 2
    assert second.results[0].not_modified and second.results[0].new == 0
    assert "if-none-match" not in server.requests[0][1]
    assert server.requests[1][1]["if-none-match"].startswith('"')


def test_unchanged_body_is_not_parsed_again(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", rss("F", items(2)))
    config = config_for(SourceSpec("F", url))
    refresh_sources(config, tmp_path / DB_NAME)
    again = refresh_sources(config, tmp_path / DB_NAME)
    assert again.results[0].not_modified


def test_due_only_skips_sources_refreshed_recently(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", rss("F", items(1)))
    config = config_for(SourceSpec("F", url))
    refresh_sources(config, tmp_path / DB_NAME, due_only=True)
    report = refresh_sources(config, tmp_path / DB_NAME, due_only=True)
    assert report.results == [] and server.hits["/feed.xml"] == 1


def test_offline_never_touches_the_network(server: LoopbackServer, tmp_path: Path) -> None:
    url = server.add("/feed.xml", rss("F", items(1)))
    local = tmp_path / "local.xml"
    local.write_text(rss("L", items(2, "L")), encoding="utf-8")
    config = config_for(SourceSpec("Web", url), SourceSpec("Local", local.as_uri()))
    report = refresh_sources(config, tmp_path / DB_NAME, offline=True)
    assert server.hits["/feed.xml"] == 0
    assert report.skipped_offline == ["Web"]
    assert [(r.name, r.new) for r in report.results] == [("Local", 2)]


def test_flags_survive_a_refresh_with_changed_items(server: LoopbackServer, tmp_path: Path) -> None:
    route = "/feed.xml"
    url = server.add(route, rss("F", items(3)))
    config = config_for(SourceSpec("F", url))
    refresh_sources(config, tmp_path / DB_NAME)
    with Store(tmp_path / DB_NAME) as store:
        heads = store.headlines()
        store.set_read(heads[0].id)
        store.set_starred(heads[1].id, True)
    changed = items(3)
    changed[0]["title"] = "Retitled"
    server.add(route, rss("F", changed + items(1, "New")))
    report = refresh_sources(config, tmp_path / DB_NAME)
    assert report.results[0].new == 1 and report.results[0].updated == 1
    with Store(tmp_path / DB_NAME) as store:
        by_id = {h.id: h for h in store.headlines()}
        assert by_id[heads[0].id].read
        assert by_id[heads[1].id].starred


def test_permanent_redirect_updates_the_stored_url(server: LoopbackServer, tmp_path: Path) -> None:
    new_url = server.add("/new.xml", rss("F", items(1)))
    old_url = server.add("/old.xml", "", status=301, headers={"Location": "/new.xml"})
    config = config_for(SourceSpec("F", old_url))
    report = refresh_sources(config, tmp_path / DB_NAME)
    assert report.results[0].ok and "moved permanently" in (report.results[0].notice or "")
    with Store(tmp_path / DB_NAME) as store:
        assert store.sources()[0].url == new_url
    refresh_sources(config, tmp_path / DB_NAME, force=True)
    assert server.hits["/old.xml"] == 1 and server.hits["/new.xml"] == 2


def test_retry_after_and_server_errors_are_retried(server: LoopbackServer, tmp_path: Path) -> None:
    calls = {"n": 0}
    body = rss("F", items(1)).encode()

    def flaky(req: object) -> None:
        calls["n"] += 1
        status, headers, data = (
            (503, {"Retry-After": "0"}, b"busy") if calls["n"] == 1 else (200, {}, body)
        )
        LoopbackServer._send(req, status, headers, data)  # type: ignore[arg-type]

    url = server.add("/flaky.xml", handler=flaky)
    config = config_for(SourceSpec("F", url), retries=2)
    report = refresh_sources(config, tmp_path / DB_NAME)
    assert report.results[0].ok and calls["n"] == 2
