"""A write plan of many new articles folds their titles by the table, not by a search of
the pairs for each character (short Chinese titles took that slow path in a refresh)."""

from __future__ import annotations

from suxun_tui.store import fold
from suxun_tui.store.articles import ArticleRow, duplicate_keys, plan_writes
from suxun_tui.store.duplicates import title_key


def _rows(count: int) -> list[ArticleRow]:
    return [
        (f"g{i}", f"http://example.org/a/{i}", f"经济發展 {i}")
        + ("2025-01-01T00:00:00Z", None, "[]", 0, f"h{i}")
        for i in range(count)
    ]


def test_many_new_titles_are_folded_by_the_table() -> None:
    fold.forget_tables()
    plan = plan_writes(1, _rows(30), {}, "2025-01-01T00:00:00Z")
    assert fold._table.cache_info().currsize == 1
    assert [row[12] for row in plan.inserts][:2] == [
        "example.org\n经济发展 0",
        "example.org\n经济发展 1",
    ]


def test_the_table_folds_as_the_search_of_the_pairs_does() -> None:
    titles = ["经济發展", "臺灣 新聞 ＡＢＣ", "Straße 報導", "a", "简体"]
    fold.forget_tables()
    searched = [title_key("http://example.org/x", t) for t in titles]
    assert fold._table.cache_info().currsize == 0
    fold.build_table()
    assert [title_key("http://example.org/x", t) for t in titles] == searched


def test_duplicate_keys_made_ahead_are_the_ones_a_plan_makes() -> None:
    rows = _rows(25) + [
        ("x", "https://www.example.org/a/?utm_source=x&id=2", "標題 A")
        + ("2025-01-01T00:00:00Z", None, "[]", 0, "hx")
    ]
    made = plan_writes(1, rows, {}, "2025-01-01T00:00:00Z")
    ahead = plan_writes(1, rows, {}, "2025-01-01T00:00:00Z", dup_keys=duplicate_keys(rows))
    assert ahead.inserts == made.inserts
    assert made.inserts[-1][11:] == ("example.org/a?id=2", "example.org\n标题 a")


def test_a_plan_stores_the_duplicate_keys_it_is_given() -> None:
    rows = _rows(3)
    given = [("u0", "t0"), (None, None)]  # the third row's keys are made by the plan
    plan = plan_writes(1, rows, {}, "2025-01-01T00:00:00Z", dup_keys=given)
    assert [row[11:] for row in plan.inserts] == [
        ("u0", "t0"),
        (None, None),
        ("example.org/a/2", "example.org\n经济发展 2"),
    ]


def test_a_parse_worker_sends_each_rows_duplicate_keys() -> None:
    from suxun_tui.config import SourceSpec
    from suxun_tui.refresh.parse_pool import prepare_document
    from tests.support.feeds import items, rss

    data = rss("F", items(4, "F")).encode()
    doc = prepare_document(
        SourceSpec("F", "http://example.org/f.xml"), data, "http://example.org/f.xml", None
    )
    assert len(doc.rows) == 4
    assert doc.dup_keys == duplicate_keys(doc.rows)
