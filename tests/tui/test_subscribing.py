# ruff: noqa: F811  (the session fixtures are imported, then named as parameters)
"""Subscribing and unsubscribing from the reader go to a real Miniflux, then sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config import parse_config
from suxun_tui.models import SourceRow
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.filters import SourceFilter
from suxun_tui.tui.screens.subscribing import account_of, check_url
from tests.support.feeds import items, rss
from tests.support.miniflux_fixture import clean_miniflux, feed_server, miniflux  # noqa: F401
from tests.support.miniflux_server import MinifluxServer
from tests.support.server import LoopbackServer
from tests.tui.conftest import fixed_clock
from tests.tui.helpers import main_screen, notifications, settle


def reader(
    server: MinifluxServer, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> SuxunApp:
    monkeypatch.setenv("TEST_MINIFLUX_TOKEN", server.api_key)
    text = (
        '[[accounts]]\nname = "home"\ntype = "miniflux"\n'
        f'url = "{server.url}"\ntoken_env = "TEST_MINIFLUX_TOKEN"\n'
    )
    path = tmp_path / "config.toml"
    path.write_text(text)
    path.chmod(0o600)
    return SuxunApp(parse_config(text, path), store, clock=fixed_clock)


async def test_subscribe_and_unsubscribe_from_the_reader_change_the_server(
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = feed_server.add(
        "/from-reader",
        rss("Reader feed", items(3, prefix="Picked")),
        headers={"Content-Type": "application/rss+xml"},
    )
    store = Store(tmp_path / "cache.sqlite3")
    app = reader(clean_miniflux, store, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"ftp://x")
        await pilot.press("enter")
        await pilot.pause()
        assert "http:// or https://" in str(app.screen.query_one("#problem").render())
        app.screen.query_one("#url").value = url  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert [f["feed_url"] for f in clean_miniflux.api("GET", "/v1/feeds")] == [url]
        names = [s.name for s in screen.catalog.sources]
        assert names == ["home: Reader feed"], names
        assert any("Subscribed" in n for n in notifications(app))
        # Unsubscribe: the source selected, "-", then confirmed.
        row = screen.catalog.sources[0]
        screen.selection = SourceFilter("source", row.name, row.id)
        await pilot.press("minus")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert clean_miniflux.api("GET", "/v1/feeds") == []
        assert main_screen(app).catalog.sources == ()
    store.close()


def test_only_an_accounts_feeds_can_be_unsubscribed_and_only_web_addresses_subscribed() -> None:
    config = parse_config(
        '[[accounts]]\nname = "home"\ntype = "miniflux"\nurl = "http://127.0.0.1:1"\n'
        'token_env = "T"\n',
        Path("config.toml"),
    )
    feed = SourceRow(1, "home: Tech news", "http://x/feed", "feed", "home/Tech")
    local = SourceRow(2, "homes", "http://x/feed", "feed", None)
    assert account_of(feed, config) == "home"
    assert account_of(local, config) is None
    assert account_of(None, config) is None
    assert check_url("https://example.org/feed.xml") is None
    for bad in ("", "file:///etc/passwd", "ftp://x", "http://a b", "http://a\x1b]0;x"):
        assert check_url(bad) is not None
