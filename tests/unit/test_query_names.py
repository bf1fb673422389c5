"""``source:``, ``group:`` and ``tag:`` resolve to the sources they name, folded alike."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.models import FeedEntry
from suxun_tui.store import open_store


def test_names_and_groups_fold_as_the_query_does(tmp_path: Path) -> None:
    store = open_store(tmp_path).store
    sources = [
        ("新聞", "http://a", "feed", "國際"),
        ("体育", "http://b", "feed", "国际"),  # folds like the first source's group
        ("Tech", "http://c", "feed", "Science"),
        ("none", "http://d", "feed", None),
    ]
    store.sync_sources(sources)
    for name, *_ in sources:
        sid = store.source_id(name)
        assert sid is not None
        store.store_entries(
            sid, [FeedEntry(name, f"{name} 消息", f"http://x/{name}", None, None, ())]
        )

    def found(query: str) -> list[str]:
        return sorted(h.source_name for h in store.search(query))

    assert found("source:新闻 消息") == ["新聞"]
    assert found("source:TECH 消息") == ["Tech"]
    assert found("group:国际 消息") == ["体育", "新聞"]
    assert found("group:國際") == ["体育", "新聞"]
    assert found("group:science 消息") == ["Tech"]
    assert found("tag:國際 消息") == ["体育", "新聞"]
    assert found("group:无此组 消息") == []
    assert found("source:无此源") == []
    assert found("-group:国际 消息") == ["Tech", "none"]
