"""Searching the cache: every word, Chinese substrings, phrases, case."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import open_store
from suxun_tui.store.search import search_terms


def test_terms_and_phrases() -> None:
    assert search_terms('南京 "Metro Line" 5') == ["南京", "metro line", "5"]
    assert search_terms("   ") == []


def test_search_matches_every_word_in_title_or_body(tmp_path: Path) -> None:
    store = open_store(tmp_path).store
    store.sync_sources([("s", "http://x", "feed", None), ("t", "http://y", "feed", None)])
    sid, tid = store.source_id("s"), store.source_id("t")
    assert sid is not None and tid is not None

    def entry(guid: str, title: str, body: str) -> FeedEntry:
        return FeedEntry(guid, title, f"http://x/{guid}", None, None, (Block("paragraph", body),))

    store.store_entries(
        sid,
        [
            entry("1", "南京地铁5号线开通", "沿线居民出行提速"),
            entry("2", "Suzhou gardens", "平江路"),
        ],
    )
    store.store_entries(tid, [entry("3", "Wuxi", "The Metro arrives in Nanjing")])
    assert [h.title for h in store.search("地铁")] == ["南京地铁5号线开通"]
    assert [h.title for h in store.search("居民 提速")] == ["南京地铁5号线开通"]
    assert [h.title for h in store.search("metro NANJING")] == ["Wuxi"]
    assert store.search("南京 gardens") == []
    assert [h.title for h in store.search("平江路", source_id=sid)] == ["Suzhou gardens"]
    assert store.search("平江路", source_id=tid) == []
    assert len(store.search("", limit=5)) == 0


def test_search_reads_the_text_not_its_stored_form(tmp_path: Path) -> None:
    store = open_store(tmp_path).store
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    blocks = (
        Block("paragraph", 'He said "hello" to C:\\path'),
        Block("image", "a photo", "http://img.example/p.jpg"),
    )
    store.store_entries(sid, [FeedEntry("1", "Plain", "http://x/1", None, None, blocks)])
    assert [h.title for h in store.search('"hello" to')] == ["Plain"]
    assert [h.title for h in store.search("c:\\path")] == ["Plain"]
    assert store.search("paragraph") == []
    assert store.search("img.example") == []
    assert [h.title for h in store.search("photo")] == ["Plain"]


def test_a_short_term_with_wildcards_is_looked_for_as_written(tmp_path: Path) -> None:
    # Short terms are confirmed with GLOB: its * ? and [ must stand for themselves.
    from suxun_tui.store.index_fill import fill

    store = open_store(tmp_path).store
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    titles = ["market 3*4", "market 34", "market 3?4 [a]", "market 3x4 a"]
    entries = [
        FeedEntry(str(i), title, f"http://x/{i}", None, None, ()) for i, title in enumerate(titles)
    ]
    store.store_entries(sid, entries)
    for indexed in (False, True):
        if indexed:
            fill(store.conn)
        assert [h.title for h in store.search("market *4")] == ["market 3*4"], indexed
        assert [h.title for h in store.search("market ?4")] == ["market 3?4 [a]"], indexed
        assert [h.title for h in store.search("market [a")] == ["market 3?4 [a]"], indexed
        assert [h.title for h in store.search("*4 3")] == ["market 3*4"], indexed
