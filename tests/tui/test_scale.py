"""Thousands of sources: the work of a start and of a key press must not grow with them.

Bounds are counts, not seconds: rows of the sources pane drawn, SQL statements run.
(``benchmarks/scale.py`` measures the time at 10,000 sources and 2,000,000 articles.)
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import SourceRow
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.filters import Catalog
from suxun_tui.tui.widgets.sources import SourcesPane
from tests.tui.conftest import SIZE, fixed_clock
from tests.tui.helpers import main_screen, settle


def catalog(count: int) -> Catalog:
    rows = tuple(
        SourceRow(
            *(i, f"来源 {i:05d}", f"http://x/{i}", "feed", f"分组 {i % 40:02d}", i % 7, 9),
            *("HTTP 500" if i % 50 == 0 else None, None, None),
        )
        for i in range(count)
    )
    return Catalog(rows, 3, datetime(2025, 1, 1, tzinfo=UTC))


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SourcesPane(id="sources")


async def test_the_sources_pane_draws_only_the_rows_on_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []
    real = SourcesPane._source

    def counting(self: SourcesPane, source: SourceRow, *args: object, **kwargs: object) -> object:
        drawn.append(source.name)
        return real(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SourcesPane, "_source", counting)
    app = PaneApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(SourcesPane)
        pane.catalog = catalog(5000)
        await pilot.pause()
        assert len(pane.filters) == 5000 + 2 + 40
        assert 0 < len(drawn) <= 30, len(drawn)  # a screenful, not 5,000
        drawn.clear()
        for _ in range(5):
            pane.move_by(1)
        await pilot.pause()
        assert len(drawn) <= 2 * 30  # a key press redraws what is seen
        pane.move_end()
        await pilot.pause()
        assert pane.selection.label == "来源 04999"
        prompt = str(pane.get_option_at_index(pane.filters.index(pane.selection)).prompt)
        assert "来源 04999" in prompt


async def test_starting_the_reader_runs_as_many_statements_for_300_sources_as_for_3(
    tmp_path: Path,
) -> None:
    counts = []
    for size in (3, 300):
        specs = tuple(
            SourceSpec(f"s{i}", f"http://127.0.0.1:9/{i}.xml", kind="feed", group=f"g{i % 7}")
            for i in range(size)
        )
        path = tmp_path / f"{size}.sqlite3"
        with Store(path) as store:
            store.sync_sources([(s.name, s.url, s.kind, s.group) for s in specs])
        store = Store(path)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        app = SuxunApp(Config(settings=Settings(), sources=specs), store, clock=fixed_clock)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert len(main_screen(app).sources.filters) >= size + 2 + min(size, 7)
        store.close()
        # The 3-second poll for other writers may fire once more on a slow machine.
        counts.append(sum(1 for s in statements if "data_version" not in s))
    assert counts[0] == counts[1], counts


def test_all_unread_is_counted_from_the_sources_counts_and_agrees_with_the_search(
    store: Store, filled: Config
) -> None:
    from suxun_tui.tui.query_feeds import ALL_UNREAD, read_query_feeds

    first = store.headlines()[0]
    store.set_read(first.id)
    feed = read_query_feeds(store, ())[0]
    assert feed.name == ALL_UNREAD.name
    assert (feed.unread, feed.total) == store.query_counts("is:unread") == (4, 4)
