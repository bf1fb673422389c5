"""A refresh of unchanged sources writes their records in one transaction, not one each."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def test_unchanged_sources_are_recorded_in_one_transaction(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = tuple(
        SourceSpec(f"F{i}", server.add(f"/f{i}.xml", rss(f"F{i}", items(2)), etag=True))
        for i in range(6)
    )
    config = Config(settings=replace(Settings(), timeout=5, retries=0), sources=specs)
    db = tmp_path / DB_NAME
    assert all(r.new == 2 for r in refresh_sources(config, db).results)
    with Store(db) as store:
        before = {r.name: r.last_attempt for r in store.sources()}
    commits: list[int] = []
    opened = Store.transaction

    @contextlib.contextmanager
    def counted(self: Store) -> Iterator[object]:
        with opened(self) as conn:
            yield conn
        commits.append(1)

    monkeypatch.setattr(Store, "transaction", counted)
    report = refresh_sources(config, db, force=False)
    assert [r.not_modified for r in report.results] == [True] * 6
    assert len(commits) == 1
    monkeypatch.undo()
    with Store(db) as store:
        after = {r.name: r for r in store.sources()}
    for name, attempt in before.items():  # every source's record was still written
        assert after[name].last_attempt is not None and after[name].last_error is None
        assert after[name].last_attempt >= (attempt or "")
