"""Stored rows do not depend on the route: the fast reader's rows are feedparser's rows.

``test_fastfeed.py`` compares entries; this compares what the store is given —
``article_row`` tuples, hashes included — on every feed of the corpora: the refresh
benchmark's generated feeds, newsboat's test feeds (when ``../shared`` is present), the
demo site, the hand-written quirk feeds and the hostile documents. feedparser is the
fixed reference, so the rows stay what they were whatever the fast route becomes
(``benchmarks/feed_parse.py`` also compares the route of an earlier revision directly).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from suxun_tui.feeds import parse as feeds
from suxun_tui.feeds.fastfeed import read_feed
from suxun_tui.feeds.parse import FeedError, read_feed_document
from suxun_tui.store.articles import article_row

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "newsboat-feeds"
URL = "http://127.0.0.1:8000/feeds/main.xml"
XML = "application/rss+xml; charset=utf-8"


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _documents() -> Iterator[tuple[str, bytes, str | None]]:
    maker = ROOT / "benchmarks" / "refresh_feeds.py"  # the refresh benchmark's feeds
    bench = _module("refresh_feeds", maker if maker.exists() else maker.with_name("refresh.py"))
    for i in range(8):  # Chinese and English, RSS and Atom (every fourth)
        yield f"bench-{i}", bench.make_feed(i, 30, "http://127.0.0.1:8000"), XML
    paths = sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []
    paths += sorted((ROOT / "src" / "suxun_tui" / "demo" / "site").iterdir())
    for path in paths:
        if path.suffix in (".xml", ".atom"):
            yield path.name, path.read_bytes(), None
            yield f"{path.name}-xml", path.read_bytes(), "application/xml"
    quirks = _module("fastfeed_cases", ROOT / "tests" / "unit" / "test_fastfeed.py")
    for name in ("RSS_QUIRKS", "ATOM_QUIRKS", "RDF_FEED"):
        yield name, getattr(quirks, name).encode(), XML
    hostile = _module("hostile_cases", ROOT / "tests" / "integration" / "test_hostile_feeds.py")
    for i, data in enumerate(hostile.hostile_documents()):
        if len(data) < 1_000_000:  # the 2-million-character item is test_bounded_work's
            yield f"hostile-{i}", data, XML


DOCUMENTS = list(_documents())


def _rows(data: bytes, ctype: str | None) -> tuple[Any, ...]:
    try:
        doc = read_feed_document(data, URL, ctype)
    except FeedError as exc:
        return ("FeedError", str(exc))
    return (doc.title, doc.ttl_minutes, *(article_row(e) for e in doc.entries()))


@pytest.mark.parametrize(
    ("data", "ctype"), [d[1:] for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS]
)
def test_rows_are_the_same_by_either_route(
    data: bytes, ctype: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _rows(data, ctype)
    monkeypatch.setattr(feeds, "read_feed", lambda *args: None)
    assert fast == _rows(data, ctype)


def test_the_benchmark_feeds_take_the_fast_route() -> None:
    """Otherwise the comparison above would prove nothing about the fast route."""
    for name, data, ctype in DOCUMENTS:
        if name.startswith("bench-"):
            assert read_feed(data, URL, ctype) is not None, name
