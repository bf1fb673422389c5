"""Search gives exactly the articles a scan of every article would: generated Chinese and
English text, short and long terms, Traditional/Simplified, full/half width, case."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suxun_tui.models import Block, FeedEntry, blocks_to_plain
from suxun_tui.query import Text, parse_query
from suxun_tui.store import Store, pending_page, query_sql, search
from suxun_tui.store.fold import fold
from suxun_tui.store.index_fill import fill_batch


@pytest.fixture(autouse=True)
def _queued(monkeypatch: pytest.MonkeyPatch) -> None:
    """New articles stay queued until a test's fill_batch indexes some (a refresh
    would index them in its own write), so each search reads both the index and the queue."""
    monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")


# Characters with a Traditional and a Simplified form, Latin letters in both widths and
# cases, and a few that fold to themselves.
ALPHABET = "层層体體经經济濟发發雪的了aAiIＡＩｉbB 。一⼀㈠平成㍻"
VARIANTS = str.maketrans("层体经济发aiAI", "層體經濟發ＡＩａｉ")

texts = st.text(alphabet=ALPHABET, min_size=0, max_size=24)
articles = st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=12)


def store_articles(path: Path, rows: list[tuple[str, str, str]]) -> Store:
    store = Store(path)
    store.sync_sources([("s", "http://x", "feed", None)])
    source_id = store.source_id("s")
    assert source_id is not None
    entries = [
        FeedEntry(
            f"g{i}",
            title,
            f"http://x/{i}",
            f"2025-12-{1 + i % 28:02d}T00:00:00Z",
            None,
            tuple(Block("paragraph", p) for p in (first, second) if p),
        )
        for i, (title, first, second) in enumerate(rows)
    ]
    store.store_entries(source_id, entries)
    return store


def store_articles_again(store: Store, index: int, title: str, row: tuple[str, str, str]) -> None:
    """Article ``index`` stored again with a new title (a feed that changed it)."""
    source_id = store.source_id("s")
    assert source_id is not None
    blocks = tuple(Block("paragraph", p) for p in row[1:] if p)
    day = f"2025-12-{1 + index % 28:02d}T00:00:00Z"
    store.store_entries(
        source_id, [FeedEntry(f"g{index}", title, f"http://x/{index}", day, None, blocks)]
    )


def brute_force(store: Store, query: str) -> set[int]:
    """Every article, folded in Python and tested term by term: the reference."""
    parsed = parse_query(query)
    found: set[int] = set()
    for headline in store.headlines():
        article = store.article(headline.id)
        assert article is not None
        title, text = fold(article.title), fold(blocks_to_plain(article.blocks))

        def matches(atom: object, title: str = title, text: str = text) -> bool:
            assert isinstance(atom, Text)
            term = fold(atom.text)
            return term in title or term in text

        if all(any(matches(i.atom) != i.negated for i in group) for group in parsed.groups):
            found.add(headline.id)
    return found


@st.composite
def queries(draw: st.DrawFn, rows: list[tuple[str, str, str]]) -> str:
    """One to three terms: substrings of the stored text (1 to 6 characters, variants
    swapped in) or anything from the alphabet; some negated, some joined by OR."""
    terms: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        title, first, second = draw(st.sampled_from(rows))
        source = draw(st.sampled_from([title, first, second]))
        if source.strip() and draw(st.booleans()):
            start = draw(st.integers(0, len(source) - 1))
            term = source[start : start + draw(st.integers(1, 6))]
        else:
            term = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=6))
        if draw(st.booleans()):
            term = term.translate(VARIANTS)
        term = term.strip()
        if not term:
            continue
        if " " in term:
            term = f'"{term}"'
        elif draw(st.integers(0, 4)) == 0:
            term = "-" + term
        if terms and draw(st.integers(0, 3)) == 0:
            terms.append("OR")
        terms.append(term)
    return " ".join(terms) or "雪"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.data(),
    rows=articles,
    common=st.booleans(),
    walk=st.booleans(),
    chunks=st.booleans(),
    by_text=st.booleans(),
)
def test_search_equals_a_full_scan(
    data: st.DataObject,
    rows: list[tuple[str, str, str]],
    common: bool,
    walk: bool,
    chunks: bool,
    by_text: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ``common``: every short term but the rarest is confirmed with instr, not collected.
    monkeypatch.setattr(query_sql, "VOCAB_LIMIT", 1 if common else 20_000)
    # ... and a newest page of short terms alone is found by walking the newest articles,
    # two at a time per row of the page, again further, or by the whole plan.
    monkeypatch.setattr(query_sql, "WALK_COST", 1e-9 if common else 1.6)
    monkeypatch.setattr(search, "SHORT_WALK", 2 if common else 8)
    # ``walk``: a newest page of a long term reads the newest articles (as for a term in
    # a fifth of a large cache), else the matches are listed by id.
    monkeypatch.setattr(search, "PROBE", 1 if walk else 1000)
    monkeypatch.setattr(search, "WALK_SHARE", 1e9 if walk else 0.4)
    # ``chunks``: the queued articles are scanned newest first, one, two, four … at a
    # time, folding only those whose stored text may hold the Chinese terms.
    monkeypatch.setattr(pending_page, "FEW_MISSING", 0 if chunks else 200)
    monkeypatch.setattr(pending_page, "FIRST_CHUNK", 1 if chunks else 250)
    # ``by_text``: a long term left out is tested on the text of the short terms'
    # candidates (as for a common one), else its articles are listed.
    monkeypatch.setattr(query_sql, "LEFT_OUT_RATIO", 0 if by_text else 10)
    query = data.draw(queries(rows))
    # Stored as a refresh stores them (indexed in the write), or left queued.
    if data.draw(st.booleans(), label="indexed as stored"):
        monkeypatch.delenv("SUXUN_TUI_INDEX_LATER")
    with tempfile.TemporaryDirectory() as tmp:
        store = store_articles(Path(tmp) / "cache.sqlite3", rows)
        monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")
        try:
            # Some articles indexed, the rest still queued; then a change and a deletion
            # after indexing (a stale index row, queued again; a row listed for removal).
            fill_batch(store.conn, data.draw(st.integers(0, len(rows)), label="indexed"))
            changed = data.draw(st.integers(0, len(rows) - 1), label="changed")
            title = data.draw(texts, label="new title")
            store_articles_again(store, changed, title, rows[changed])
            fill_batch(store.conn, data.draw(st.integers(0, 2), label="indexed again"))
            if data.draw(st.booleans(), label="delete one"):
                with store.transaction() as conn:
                    conn.execute("DELETE FROM articles WHERE guid = 'g0'")
            expected = brute_force(store, query)
            assert {h.id for h in store.search(query)} == expected, query
            unread, total = store.query_counts(query)
            assert (unread, total) == (len(expected), len(expected)), query
            ranked = store.search(query, order="relevance")
            assert {h.id for h in ranked} == expected, query
            limited = store.search(query, limit=3)
            newest = [h.id for h in store.search(query)][:3]
            assert [h.id for h in limited] == newest, query
            # A queued article changed again after those searches kept its folded text.
            again = data.draw(st.integers(0, len(rows) - 1), label="changed again")
            store_articles_again(store, again, data.draw(texts, label="newer title"), rows[again])
            expected = brute_force(store, query)
            assert {h.id for h in store.search(query)} == expected, query
            assert store.query_counts(query)[1] == len(expected), query
            # A new connection (the reader opens one a search) takes the queued articles'
            # text the process keeps; a write transaction (rules) folds it through.
            with Store(store.path) as other:
                assert {h.id for h in other.search(query)} == expected, query
            with store.transaction():
                assert {h.id for h in store.search(query)} == expected, query
        finally:
            store.close()


def test_folding_finds_every_variant(tmp_path: Path) -> None:
    store = store_articles(
        tmp_path / "cache.sqlite3",
        [("加强基层治理", "ＡＩ与经济", ""), ("加強基層治理", "Straße AI", ""), ("雪", "", "")],
    )
    by_title = {h.id: h.title for h in store.headlines()}

    def titles(query: str) -> list[str]:
        return sorted(by_title[h.id] for h in store.search(query))

    assert titles("基層") == titles("基层") == ["加強基層治理", "加强基层治理"]
    assert titles("ＡＩ") == titles("ai") == titles("Ai") == ["加強基層治理", "加强基层治理"]
    assert titles("STRASSE") == ["加強基層治理"]
    assert titles("雪") == ["雪"]  # a one-character title: the padding makes it findable
    assert titles("經濟") == ["加强基层治理"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    rows=st.lists(
        st.tuples(st.text("的了经濟ai。", max_size=6), texts, texts), min_size=8, max_size=30
    ),
    terms=st.lists(st.text("的了经济ai", min_size=1, max_size=2), min_size=1, max_size=2),
    limit=st.integers(1, 5),
    walk=st.sampled_from([1, 2, 8]),
    cost=st.sampled_from([1e-9, 0.05, 1.6]),
)
def test_newest_page_of_short_terms_walks_exactly(
    rows: list[tuple[str, str, str]],
    terms: list[str],
    limit: int,
    walk: int,
    cost: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The newest articles walked first (a few per row of the page), further, or the whole
    # plan: always the first ``limit`` of the full answer.
    monkeypatch.setattr(search, "SHORT_WALK", walk)
    monkeypatch.setattr(query_sql, "WALK_COST", cost)
    monkeypatch.setattr(search, "WALK_COST", cost)  # the share that walks on
    query = " ".join(terms)
    with tempfile.TemporaryDirectory() as tmp:
        store = store_articles(Path(tmp) / "cache.sqlite3", rows)
        try:
            while fill_batch(store.conn):
                pass
            newest = [h.id for h in store.search(query)]
            assert set(newest) == brute_force(store, query), query
            assert [h.id for h in store.search(query, limit=limit)] == newest[:limit], query
        finally:
            store.close()


def test_a_walk_that_falls_short_twice_ends_in_the_whole_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Newest first: four of the five newest articles match, the next eight do not, the
    # twelve oldest do. The first walk (five articles) finds four, the second (thirteen)
    # still four: the fifth is found by the whole plan.
    monkeypatch.setattr(search, "SHORT_WALK", 1)
    monkeypatch.setattr(query_sql, "WALK_COST", 0.5)
    matching = [i <= 11 or i >= 21 for i in range(25)]
    store = store_articles(
        tmp_path / "cache.sqlite3",
        [("的" if match else "了", "", "") for match in matching],
    )
    while fill_batch(store.conn):
        pass
    newest = [h.id for h in store.search("的")]
    assert len(newest) == 16 and set(newest) == brute_force(store, "的")
    assert [h.id for h in store.search("的", limit=5)] == newest[:5]


def test_a_walk_that_falls_short_goes_on_past_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Newest first: three of the five newest articles match, then every other one. The
    # first walk (five articles) finds three of the five asked for; the second reads
    # only the articles older than the first one's bound and finds the other two there.
    monkeypatch.setattr(search, "SHORT_WALK", 1)
    monkeypatch.setattr(query_sql, "WALK_COST", 0.5)  # walked, not collected
    matching = [i in (0, 2, 3) or (i > 4 and i % 2 == 0) for i in range(25)]
    store = store_articles(
        tmp_path / "cache.sqlite3",
        [("的" if match else "了", "", "") for match in reversed(matching)],
    )
    while fill_batch(store.conn):
        pass
    newest = [h.id for h in store.search("的")]
    assert set(newest) == brute_force(store, "的")
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    assert [h.id for h in store.search("的", limit=5)] == newest[:5]
    walks = [s for s in ran if "CASE WHEN EXISTS" in s]
    assert len(walks) == 2 and "a.published < " in walks[1], walks


def test_a_full_page_of_queued_matches_bounds_the_walk_by_its_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ten newest articles wait for the index (as right after a refresh) and hold a
    # page of matches: the walk of the indexed ones reads from the last one's date on,
    # not the newest SHORT_WALK × page articles, and the page is the same.
    monkeypatch.setattr(query_sql, "WALK_COST", 1e-9)  # walked, not collected
    rows = [("的" if i % 3 else "了的", "", "") for i in range(25)]
    store = store_articles(tmp_path / "cache.sqlite3", rows)
    fill_batch(store.conn, 15)  # the oldest fifteen
    newest = [h.id for h in store.search("的")]
    assert set(newest) == brute_force(store, "的")
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    assert [h.id for h in store.search("的", limit=5)] == newest[:5]
    walk = [s for s in ran if "CASE WHEN EXISTS" in s]
    assert len(walk) == 1 and "OFFSET" not in walk[0], walk
    assert [h.id for h in store.search("的", limit=12)] == newest[:12]  # not a full page


def test_a_full_page_of_queued_matches_bounds_a_long_terms_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As above for a long term read by walking the newest indexed articles: the walk
    # stops at the date of the last queued match, and fewer found there are the answer.
    monkeypatch.setattr(search, "PROBE", 1)
    monkeypatch.setattr(search, "WALK_SHARE", 1e9)
    rows = [("经济体的" if i % 2 else "经济体了", "", "") for i in range(25)]
    store = store_articles(tmp_path / "cache.sqlite3", rows)
    fill_batch(store.conn, 15)  # the oldest fifteen
    newest = [h.id for h in store.search("经济体")]
    assert set(newest) == brute_force(store, "经济体")
    for limit in (3, 5, 10, 11, 30):
        assert [h.id for h in store.search("经济体", limit=limit)] == newest[:limit], limit
