"""How a search tests terms on the index's copy of the text: the substring test itself,
terms left out tested on the candidates' text, and a walk that reads what every view
leaves out only for the articles whose text matched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store, open_store, query_sql
from suxun_tui.store.index_fill import fill
from suxun_tui.store.text_test import HOLDS, holds, register, substring_sql

TEXT = st.text(alphabet="的了经a*?[b中文字", max_size=12)


@given(term=TEXT.filter(bool), title=TEXT, text=TEXT)
def test_the_substring_test_is_a_substring_test(term: str, title: str, text: str) -> None:
    conn = sqlite3.connect(":memory:")
    register(conn)
    params: list[object] = []
    sql = substring_sql(term, ["?", "?"], params)
    found = conn.execute(f"SELECT {sql}", _bind(sql, params, [title, text])).fetchone()[0]
    assert bool(found) == (term in title or term in text)
    assert ("GLOB" in sql) == term[0].isascii()


def _bind(sql: str, params: list[object], texts: list[str]) -> list[object]:
    """Parameters in the order the ``?`` of ``sql`` take them (column placeholders too)."""
    if "GLOB" in sql:  # (c1 GLOB p) OR (c2 GLOB p): column, pattern, column, pattern
        return [texts[0], params[0], texts[1], params[1]]
    return [params[0], *texts]  # suxun_holds(term, CAST(c1), CAST(c2))


def test_holds_reads_bytes_and_passes_over_null() -> None:
    assert holds("经".encode(), None, "了经济".encode())
    assert not holds("经".encode(), None, None)
    assert holds(b"a", "了".encode(), b"xa")


def make_store(tmp_path: Path, titles: list[str]) -> Store:
    """One source, one article a title (the first the newest), all indexed."""
    store = open_store(tmp_path).store
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    entries = [
        FeedEntry(
            str(i),
            title,
            f"http://x/{i}",
            f"2025-11-{28 - i % 28:02d}T{i % 24:02d}:00:00Z",
            None,
            (Block("paragraph", "正文"),),
        )
        for i, title in enumerate(titles)
    ]
    store.store_entries(sid, entries)
    fill(store.conn)
    return store


def statements(store: Store, query: str, **kwargs: object) -> tuple[list[str], list[str]]:
    """The titles ``query`` finds and the statements the search ran."""
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    try:
        found = [h.title for h in store.search(query, **kwargs)]  # type: ignore[arg-type]
    finally:
        store.conn.set_trace_callback(None)
    return found, ran


def expected(store: Store, keep: object) -> list[str]:
    return [h.title for h in store.headlines() if keep(h.title)]  # type: ignore[operator]


def test_a_common_term_left_out_is_tested_on_the_candidates_text(tmp_path: Path) -> None:
    # 的 is in 3 titles; 本色干 in 60: testing 3 candidates beats listing 60 articles.
    titles = [f"本色干{i}" for i in range(60)] + ["的本色干", "的", "的了"]
    store = make_store(tmp_path, titles)
    found, ran = statements(store, "的 -本色干")
    assert found == expected(store, lambda t: "的" in t and "本色干" not in t) == ["的", "的了"]
    assert not any("NOT IN" in s for s in ran)
    assert any(f"NOT EXISTS (SELECT 1 FROM {query_sql.CONTENT}" in s for s in ran)


def test_a_rare_term_left_out_is_listed(tmp_path: Path) -> None:
    # 的 is in 40 titles, 本色干 in one: its list is the cheaper way.
    titles = [f"的{i}" for i in range(40)] + ["的本色干"]
    store = make_store(tmp_path, titles)
    found, ran = statements(store, "的 -本色干")
    assert found == expected(store, lambda t: "的" in t and "本色干" not in t)
    assert len(found) == 40
    assert any("NOT IN" in s for s in ran)


def test_a_walk_leaves_out_hidden_articles_and_later_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A newest page of a common short term alone is found by walking the newest articles;
    # what every view leaves out is tested only after the text, and still left out.
    monkeypatch.setattr(query_sql, "WALK_COST", 1e-9)
    titles = [f"的{i}" for i in range(20)]
    store = make_store(tmp_path, titles)
    newest = store.headlines()
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET hidden = 1 WHERE id = ?", (newest[0].id,))
        conn.execute("UPDATE articles SET dup_of = ? WHERE id = ?", (newest[3].id, newest[1].id))
    found, ran = statements(store, "的 -本色干", limit=3)
    assert found == [newest[2].title, newest[3].title, newest[4].title]
    walk = [s for s in ran if "CASE WHEN EXISTS" in s]
    assert walk and HOLDS in walk[0]
    assert [h.title for h in store.search("的", limit=3)] == found
