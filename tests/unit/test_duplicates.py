"""Duplicates: canonical links (tracking parameters, fragments, ``www.``, scheme set
aside), one headline for a story two sources carry, one state for all its copies, and
the schema step that groups a cache stored before duplicates were known."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.models import ArticleText, Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.db import connect
from suxun_tui.store.duplicates import TRACKING_NAMES, canonical_url, title_key
from suxun_tui.store.schema import MIGRATIONS, _run_script

TRACKERS = sorted(TRACKING_NAMES) + ["utm_source", "utm_medium", "utm_campaign", "UTM_Term"]
names = st.text(alphabet="abcdefghijkmnopqrstvwxyz", min_size=1, max_size=6).filter(
    lambda n: n not in TRACKING_NAMES and n != "ref"
)
values = st.text(alphabet="abcxyz0129-_", max_size=6)
params = st.lists(st.tuples(names, values), max_size=4, unique_by=lambda p: p[0])
trackers = st.lists(st.tuples(st.sampled_from(TRACKERS), values), max_size=4)
paths = st.lists(st.text(alphabet="abc019-_", min_size=1, max_size=8), min_size=1, max_size=3)


def url_of(path: list[str], pairs: list[tuple[str, str]], *, host: str = "example.com") -> str:
    query = "&".join(f"{k}={v}" for k, v in pairs)
    return f"https://{host}/{'/'.join(path)}" + (f"?{query}" if query else "")


@given(paths, params, trackers, st.randoms())
def test_tracking_parameters_and_fragments_never_change_the_key(
    path: list[str], own: list[tuple[str, str]], added: list[tuple[str, str]], rnd: object
) -> None:
    plain = canonical_url(url_of(path, own))
    mixed = own + added
    rnd.shuffle(mixed)  # type: ignore[attr-defined]
    tracked = url_of(path, mixed, host="WWW.Example.com") + "#comments"
    assert plain is not None and canonical_url(tracked) == plain
    assert canonical_url(tracked.replace("https://", "http://")) == plain


@given(paths, params, names, values)
def test_a_parameter_of_the_page_keeps_pages_apart(
    path: list[str], own: list[tuple[str, str]], name: str, value: str
) -> None:
    if any(k == name for k, _ in own):
        return
    one = canonical_url(url_of(path, own))
    other = canonical_url(url_of(path, [*own, (name, value + "x")]))
    assert one != other


def test_canonical_url_examples() -> None:
    assert canonical_url("https://www.Example.com/a/?utm_source=x&id=2#top") == "example.com/a?id=2"
    assert canonical_url("http://news.cn/x.html?spm=1.2&from=timeline") == "news.cn/x.html"
    assert canonical_url("https://m.site/p?fbclid=1&gclid=2&b=2&a=1") == "m.site/p?a=1&b=2"
    # A bare site names no story; nor does a link we cannot read or a command.
    assert canonical_url("https://example.com/?utm_source=rss") is None
    assert canonical_url("") is None and canonical_url("http://[::1") is None
    assert canonical_url("javascript:alert(1)") is None


def test_title_key_folds_script_width_and_case() -> None:
    key = title_key("https://www.a.cn/1", "基層治理　ＡＩ")
    assert key == title_key("http://a.cn/2", "基层治理 ai")
    assert key != title_key("http://b.cn/2", "基层治理 ai")  # another site
    assert title_key("", "t t") is None and title_key("http://a.cn/1", "") is None


def entry(guid: str, title: str, url: str, published: str = "2025-12-01T08:00:00Z") -> FeedEntry:
    return FeedEntry(guid, title, url, published, None, (Block("paragraph", f"{title}。"),))


def two_sources(path: Path) -> tuple[Store, int, int]:
    store = Store(path)
    store.sync_sources([("A", "http://a/f", "feed", "新闻"), ("B", "http://b/f", "feed", "新闻")])
    a, b = store.source_id("A"), store.source_id("B")
    assert a is not None and b is not None
    return store, a, b


def test_one_headline_one_state_both_sources_listed(tmp_path: Path) -> None:
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    store.store_entries(a, [entry("1", "南京地铁开通", "https://news.cn/m.html?utm_source=rss")])
    store.store_entries(
        b,
        [
            entry("x", "南京地铁开通", "https://www.news.cn/m.html#top"),  # same link
            entry("y", "大桥合龙", "https://news.cn/b.html", "2025-12-01T09:00:00Z"),
        ],
    )
    store.store_entries(a, [entry("2", "大橋合龍", "https://news.cn/b-print.html")])  # title
    rows = store.headlines()
    assert sorted(h.title for h in rows) == ["南京地铁开通", "大桥合龙"]
    assert store.counts() == (2, 2)
    assert [h.title for h in store.search("地铁")] == ["南京地铁开通"]
    metro = next(h for h in rows if h.title == "南京地铁开通")
    detail = store.article(metro.id)
    assert detail is not None and (detail.source_name, detail.also_in) == ("A", ("B",))
    # One state: reading or starring the headline marks every copy.
    store.set_read(metro.id)
    store.set_starred(metro.id, True)
    copies = store.conn.execute(
        "SELECT read, starred FROM articles WHERE title = '南京地铁开通'"
    ).fetchall()
    assert copies == [(1, 1), (1, 1)]
    # Marking all of source B read marks its stories, the one it carried first included.
    bridge = next(h for h in rows if h.title == "大桥合龙")
    assert bridge.source_name == "B"
    store.mark_all_read(source_id=b)
    assert store.conn.execute("SELECT min(read) FROM articles").fetchone()[0] == 1
    store.close()


def test_a_copy_that_arrives_after_the_story_was_read_is_read(tmp_path: Path) -> None:
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    store.store_entries(a, [entry("1", "Metro opens", "https://x.org/m")])
    (first,) = store.headlines()
    store.set_read(first.id)
    store.store_entries(b, [entry("2", "Metro opens!", "https://x.org/m?ref=rss")])
    assert store.counts() == (0, 1)
    assert store.conn.execute("SELECT min(read) FROM articles").fetchone()[0] == 1
    store.close()


def test_same_title_more_than_a_day_apart_or_one_source_stays_apart(tmp_path: Path) -> None:
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    store.store_entries(a, [entry("1", "Weekly notes", "https://x.org/1", "2025-12-01T00:00:00Z")])
    store.store_entries(b, [entry("2", "Weekly notes", "https://x.org/2", "2025-12-08T00:00:00Z")])
    # One feed that links every item to the same page keeps its items.
    store.store_entries(a, [entry(f"h{i}", f"Item {i}", "https://x.org/home") for i in range(3)])
    assert len(store.headlines()) == 5
    store.close()


def test_gc_of_a_story_s_root_makes_the_next_copy_the_headline(tmp_path: Path) -> None:
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    store.store_entries(a, [entry("1", "Metro", "https://x.org/m")])
    store.store_entries(b, [entry("2", "Metro", "https://x.org/m")])
    (root,) = store.headlines()
    with store.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (root.id,))
    (left,) = store.headlines()
    assert left.source_name == "B" and store.counts() == (1, 1)
    store.close()


def test_the_schema_step_groups_an_existing_cache(tmp_path: Path) -> None:
    """A cache at the schema before duplicates (version 6) with a story in two sources and
    different read states: after the upgrade it is one headline, read."""
    path = tmp_path / "old.sqlite3"
    conn = connect(path)
    for version, step in enumerate(MIGRATIONS[:6], start=1):
        if callable(step):
            step(conn, None)
        else:
            _run_script(conn, step)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.executescript(
        "INSERT INTO sources (id, name, url) VALUES (1, 'A', 'http://a'), (2, 'B', 'http://b');"
        "INSERT INTO articles (source_id, guid, url, title, published, first_seen, read) VALUES"
        " (1, 'g1', 'https://x.org/s?utm_medium=a', 'Story', '2025-12-01T00:00:00Z', 'now', 0),"
        " (2, 'g2', 'https://x.org/s', 'Story', '2025-12-01T00:00:00Z', 'now', 1),"
        " (2, 'g3', 'https://x.org/t', 'Other', '2025-12-01T00:00:00Z', 'now', 0);"
    )
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        rows = {h.title: h for h in store.headlines()}
        assert sorted(rows) == ["Other", "Story"] and rows["Story"].read
        assert store.counts() == (1, 2)
    check = sqlite3.connect(path)
    assert check.execute("SELECT count(*) FROM articles WHERE dup_of IS NOT NULL").fetchone() == (
        1,
    )
    check.close()


def test_the_headline_shows_what_any_copy_knows(tmp_path: Path) -> None:
    # The demo's seed story: the feed item names its author only, the site's page read by
    # the extractor also its origin and editors. Whichever source stored it first, the
    # article shows them all, and the first copy's own values stand.
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    feed_copy = entry("1", "以自我革命精神 提升基层治理效能", "https://suxun.cn/a/588.html")
    store.store_entries(a, [replace(feed_copy, author="王帥")])
    store.store_entries(
        b, [entry("p", feed_copy.title, "https://suxun.cn/a/588.html?utm_source=x")]
    )
    (root,) = [h.id for h in store.headlines()]
    page_copy = store.conn.execute("SELECT id FROM articles WHERE dup_of = ?", (root,)).fetchone()
    fields = ArticleText(
        title=feed_copy.title, origin="供稿", author="王帅", editor="玖柒六",
        responsible_editor="陸超", views=0, blocks=feed_copy.blocks,
    )  # fmt: skip
    store.save_article_text(int(page_copy[0]), fields)
    detail = store.article(root)
    assert detail is not None and detail.also_in == ("B",)
    assert (detail.author, detail.origin, detail.editor) == ("王帥", "供稿", "玖柒六")
    assert (detail.responsible_editor, detail.views) == ("陸超", 0)
    # Read alone, a story with one copy is as it was stored.
    store.store_entries(a, [entry("2", "大桥合龙", "https://news.cn/b.html")])
    bridge = next(h.id for h in store.headlines() if h.title == "大桥合龙")
    alone = store.article(bridge)
    assert alone is not None and (alone.origin, alone.also_in) == (None, ())


def test_a_copy_without_its_text_shows_another_copys_text(tmp_path: Path) -> None:
    # The demo again, stored the other way round: the column page's item (no text until its
    # page is fetched) first, the feed's item with the whole text second. Offline, the
    # story still reads; the page's own row still asks for its page.
    store, a, b = two_sources(tmp_path / "c.sqlite3")
    url = "https://suxun.cn/a/588.html"
    store.store_entries(a, [replace(entry("p", "基层治理", url), blocks=(), summary_only=True)])
    text = (Block("paragraph", "當前我國進入高質量發展新階段。"),)
    store.store_entries(b, [replace(entry("f", "基层治理", url), author="王帥", blocks=text)])
    (root,) = [h.id for h in store.headlines()]
    detail = store.article(root)
    assert detail is not None and detail.source_name == "A"
    assert (detail.blocks, detail.author) == (text, "王帥")
    assert store.needs_full_text(root) and not detail.has_full_text
    # A summary of its own gives way to a copy that holds the whole text, not to another
    # summary; a whole text of its own always stands.
    short = (Block("paragraph", "摘要"),)
    store.store_entries(
        a,
        [
            replace(
                entry("q", "大桥合龙", "https://news.cn/b.html"), blocks=short, summary_only=True
            )
        ],
    )
    store.store_entries(
        b,
        [
            replace(
                entry("r", "大桥合龙", "https://news.cn/b.html"),
                blocks=short + short,
                summary_only=True,
            )
        ],
    )
    bridge = next(h.id for h in store.headlines() if h.title == "大桥合龙")
    alone = store.article(bridge)
    assert alone is not None and alone.blocks == short
    store.store_entries(a, [entry("s", "地铁开通", "https://news.cn/m.html")])
    store.store_entries(b, [replace(entry("t", "地铁开通", "https://news.cn/m.html"), blocks=text)])
    metro = next(h.id for h in store.headlines() if h.title == "地铁开通")
    own = store.article(metro)
    assert own is not None and own.blocks == (Block("paragraph", "地铁开通。"),)
