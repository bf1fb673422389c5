"""A write plan of many new articles folds their titles by the table, not by a search of
the pairs for each character (short Chinese titles took that slow path in a refresh)."""

from __future__ import annotations

from suxun_tui.store import fold
from suxun_tui.store.articles import ArticleRow, plan_writes
from suxun_tui.store.duplicates import title_key


def _rows(count: int) -> list[ArticleRow]:
    return [
        (f"g{i}", f"http://example.org/a/{i}", f"经济發展 {i}")
        + ("2025-01-01T00:00:00Z", None, "[]", 0, f"h{i}")
        for i in range(count)
    ]


def test_many_new_titles_are_folded_by_the_table() -> None:
    fold._lookup.cache_clear()
    fold._table.cache_clear()
    plan = plan_writes(1, _rows(30), {}, "2025-01-01T00:00:00Z")
    assert fold._table.cache_info().currsize == 1
    assert [row[12] for row in plan.inserts][:2] == [
        "example.org\n经济发展 0",
        "example.org\n经济发展 1",
    ]


def test_the_table_folds_as_the_search_of_the_pairs_does() -> None:
    titles = ["经济發展", "臺灣 新聞 ＡＢＣ", "Straße 報導", "a", "简体"]
    fold._lookup.cache_clear()
    fold._table.cache_clear()
    searched = [title_key("http://example.org/x", t) for t in titles]
    assert fold._table.cache_info().currsize == 0
    fold.build_table()
    assert [title_key("http://example.org/x", t) for t in titles] == searched
