"""A changed feed rebuilds only its changed items; what it stores is what a cold refresh
of the same document stores."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.feeds import parse
from suxun_tui.refresh import plain_rows
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

CONTENT = "guid, url, title, published, author, body, summary_only, content_hash, item_hash"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The guids of the items whose entry was built or whose row was made directly
    (``refresh.plain_rows``); parsing runs on threads here."""
    built: list[str] = []
    real, real_row = parse._build_entry, plain_rows.plain_row

    def counting(raw, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(str(raw.id).rsplit("/", 1)[-1])  # the id as written, not joined
        return real(raw, *args, **kwargs)

    def counting_rows(raw, *args):  # type: ignore[no-untyped-def]
        row = real_row(raw, *args)
        if row is not None:  # else the entry is built, and counted there
            built.append(str(raw.id).rsplit("/", 1)[-1])
        return row

    monkeypatch.setattr(parse, "_build_entry", counting)
    monkeypatch.setattr(plain_rows, "plain_row", counting_rows)
    monkeypatch.setenv("SUXUN_TUI_PARSE_POOL", "thread")
    return built


def stored(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT {CONTENT} FROM articles ORDER BY guid").fetchall()
    finally:
        conn.close()


def config(url: str, **spec: object) -> Config:
    return Config(Settings(retries=0), (SourceSpec("F", url, **spec),))  # type: ignore[arg-type]


def test_only_new_and_changed_items_are_rebuilt(
    server: LoopbackServer, builds: list[str], tmp_path: Path
) -> None:
    first = items(30)
    url = server.add("/f.xml", rss("F", first))
    db = tmp_path / DB_NAME
    assert refresh_sources(config(url), db).new == 30
    assert len(builds) == 30
    builds.clear()

    later = items(35)[5:]  # five new, five gone, and one of the rest edited
    later[10] = {**later[10], "description": "<p>An edited body.</p>"}
    server.add("/f.xml", rss("F", later))
    result = refresh_sources(config(url), db).results[0]
    assert sorted(builds) == sorted([f"Item-{i}" for i in range(30, 35)] + ["Item-15"])
    assert (result.new, result.updated, result.unchanged) == (5, 1, 24)

    # Exactly what a cold refresh of the same document stores (the five gone stay).
    cold = tmp_path / "cold" / DB_NAME
    cold.parent.mkdir()
    refresh_sources(config(url), cold)
    gone = [
        row
        for row in stored(db)
        if str(row[0]).endswith(("/Item-0", "/Item-1", "/Item-2", "/Item-3", "/Item-4"))
    ]
    assert stored(db) == sorted(stored(cold) + gone, key=lambda row: str(row[0]))


def test_force_rebuilds_every_item(
    server: LoopbackServer, builds: list[str], tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(10)))
    db = tmp_path / DB_NAME
    refresh_sources(config(url), db)
    server.add("/f.xml", rss("F", items(11)))
    builds.clear()
    refresh_sources(config(url), db, force=True)
    assert len(builds) == 11


def test_a_cache_without_item_keys_rebuilds_once_then_skips(
    server: LoopbackServer, builds: list[str], tmp_path: Path
) -> None:
    url = server.add("/f.xml", rss("F", items(10)))
    db = tmp_path / DB_NAME
    refresh_sources(config(url), db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET item_hash = NULL")  # stored before item keys
    conn.commit()
    conn.close()
    server.add("/f.xml", rss("F", items(11)))
    builds.clear()
    assert refresh_sources(config(url), db).results[0].unchanged == 10
    assert len(builds) == 11  # no keys yet: everything built, and the keys stored
    server.add("/f.xml", rss("F", items(12)))
    builds.clear()
    refresh_sources(config(url), db)
    assert builds == ["Item-11"]


def test_a_body_the_budget_would_cut_is_rebuilt(
    server: LoopbackServer, builds: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from suxun_tui.feeds import limits

    monkeypatch.setattr(limits, "BODY_BUDGET_CHARS", 60)
    monkeypatch.setattr(limits, "BODY_MIN_CHARS", 10)
    monkeypatch.setattr(limits.BodyBudget.__init__, "__defaults__", (60,))
    long = [{**item, "description": "<p>" + "x" * 50 + "</p>"} for item in items(3)]
    url = server.add("/f.xml", rss("F", long))
    db = tmp_path / DB_NAME
    refresh_sources(config(url), db)
    server.add("/f.xml", rss("F", [*long, *items(4)[3:]]))
    builds.clear()
    refresh_sources(config(url), db)
    # The first fits the budget whole and is skipped; the later ones were cut: rebuilt.
    assert "Item-0" not in builds and "Item-1" in builds and "Item-3" in builds
