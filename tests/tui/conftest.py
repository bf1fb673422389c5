"""Fixtures for the reader: real stores in tmp_path, a fixed clock, a fixed time zone."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp

# 2025-12-29 14:00 in Asia/Shanghai: the demo's newest article (12:34) is "today".
NOW = datetime(2025, 12, 29, 6, 0, tzinfo=UTC)
SIZE = (120, 40)


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture(autouse=True)
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times are shown in local time; fix the zone so the screen is the same everywhere."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "cache.sqlite3") as opened:
        yield opened


def entries(
    prefix: str, count: int, *, day: int = 28, summary_only: bool = False
) -> list[FeedEntry]:
    """``count`` entries, newest first, one hour apart, with a one-paragraph body."""
    start = datetime(2025, 12, day, 12, 0, tzinfo=UTC)
    return [
        FeedEntry(
            guid=f"{prefix}-{i}",
            title=f"{prefix} headline {i}",
            url=f"https://example.org/{prefix}/{i}",
            published=(start - timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            author="Ada",
            blocks=(Block("paragraph", f"Body of {prefix} {i}."),),
            summary_only=summary_only,
        )
        for i in range(count)
    ]


def fill(
    store: Store,
    sources: Sequence[SourceSpec],
    content: dict[str, list[FeedEntry]],
) -> None:
    """Register ``sources`` and store entries for them directly, as a refresh would."""
    store.sync_sources([(s.name, s.url, s.kind, s.group) for s in sources])
    for name, rows in content.items():
        source_id = store.source_id(name)
        assert source_id is not None
        store.store_entries(source_id, rows)


def two_sources() -> tuple[SourceSpec, ...]:
    return (
        SourceSpec("Alpha", "https://example.org/alpha.xml", kind="feed", group="News"),
        SourceSpec("Beta", "https://example.org/beta.xml", kind="feed", group="News"),
    )


@pytest.fixture
def filled(store: Store) -> Config:
    """Alpha (3 articles, newest overall) and Beta (2), both in group News."""
    sources = two_sources()
    fill(store, sources, {"Alpha": entries("Alpha", 3, day=28), "Beta": entries("Beta", 2, day=27)})
    return Config(settings=Settings(), sources=sources)


MakeApp = Callable[..., SuxunApp]


@pytest.fixture
def make_app(store: Store) -> MakeApp:
    def build(config: Config, **kwargs: object) -> SuxunApp:
        return SuxunApp(config, store, clock=fixed_clock, **kwargs)  # type: ignore[arg-type]

    return build
