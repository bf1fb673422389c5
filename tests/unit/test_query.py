"""The query language: every form, and errors that say what and where."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.query import Age, DateBound, Field, Item, QueryError, State, Text, parse_query
from suxun_tui.store import Store


def test_words_phrases_negation_and_or() -> None:
    parsed = parse_query('南京 "Metro Line" -体育 a OR b')
    assert parsed.groups == (
        (Item(Text("南京")),),
        (Item(Text("Metro Line", phrase=True)),),
        (Item(Text("体育"), negated=True),),
        (Item(Text("a")), Item(Text("b"))),
    )
    assert parsed.texts() == ["南京", "Metro Line", "a", "b"]


def test_fields_states_dates_and_ages() -> None:
    parsed = parse_query(
        'source:新华网 group:"World News" tag:x author:张三 is:unread is:STARRED'
        " after:2025-12-01 before:2026-01-01 age:<7d age:>12h -source:bbc"
    )
    atoms = [group[0] for group in parsed.groups]
    assert atoms == [
        Item(Field("source", "新华网")),
        Item(Field("group", "World News")),
        Item(Field("tag", "x")),
        Item(Field("author", "张三")),
        Item(State("unread")),
        Item(State("starred")),
        Item(DateBound(True, date(2025, 12, 1))),
        Item(DateBound(False, date(2026, 1, 1))),
        Item(Age(True, 7 * 86400)),
        Item(Age(False, 12 * 3600)),
        Item(Field("source", "bbc"), negated=True),
    ]


def test_text_that_only_looks_like_a_field_stays_text() -> None:
    assert parse_query("c:\\path https://example.com/a 12:30 note:").texts() == [
        "c:\\path",
        "https://example.com/a",
        "12:30",
        "note:",
    ]
    assert parse_query('"sorce:x"').texts() == ["sorce:x"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("sorce:新华网", "unknown field 'sorce:' at column 1"),
        ("经济 sorce:x", "unknown field 'sorce:' at column 4"),
        ("a -sorce:x", "unknown field 'sorce:' at column 3"),
        ("is:new", "unknown state 'is:new' at column 1"),
        ("x after:2025-13-01", "'after:2025-13-01' is not a date at column 9"),
        ("before:yesterday", "'before:yesterday' is not a date at column 8"),
        ("age:7d", "'age:7d' is not an age at column 5"),
        ("age:<7y", "'age:<7y' is not an age at column 5"),
        ('a "unclosed', "unclosed quote at column 3"),
        ("source:", "'source:' needs a value at column 1"),
        ("OR a", "'OR' needs a term on each side at column 1"),
        ("a OR", "'OR' needs a term on each side at column 3"),
        ("a OR OR b", "'OR' needs a term on each side at column 6"),
        (" ".join("w" for _ in range(33)), "more than 32 terms at column 65"),
        # A byte the terminal could not decode (Python's escape for it, a lone surrogate).
        ("ab\udcffcd", "a byte that is not text at column 3 (type the query in UTF-8)"),
        ("经济 \ud800", "a byte that is not text at column 4"),
    ],
)
def test_errors_say_where(query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert str(caught.value).startswith(message)


def test_every_form_selects_the_right_articles(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    store.sync_sources(
        [("新华网", "http://x", "feed", "新闻"), ("BBC News", "http://y", "feed", "World")]
    )
    xinhua, bbc = store.source_id("新华网"), store.source_id("BBC News")
    assert xinhua is not None and bbc is not None

    def entry(guid: str, title: str, day: str, author: str | None, body: str) -> FeedEntry:
        return FeedEntry(guid, title, f"http://x/{guid}", day, author, (Block("paragraph", body),))

    store.store_entries(
        xinhua,
        [
            entry("1", "基層治理", "2025-11-01T00:00:00Z", "张三", "今天下雪"),
            entry("2", "体育新闻", "2025-12-20T00:00:00Z", "李四", "足球比赛"),
        ],
    )
    store.store_entries(
        bbc, [entry("3", "Metro Line opens", "2025-12-27T00:00:00Z", "Jane Roe", "snow")]
    )
    ids = {h.title: h.id for h in store.headlines()}
    store.set_starred(ids["体育新闻"], True)
    store.set_read(ids["Metro Line opens"])
    now = datetime(2025, 12, 29, tzinfo=UTC)

    def found(query: str) -> set[str]:
        from suxun_tui.store.search import search_headlines

        return {h.title for h in search_headlines(store.conn, query, now=now)}

    assert found("基层") == {"基層治理"}
    assert found('"metro line"') == {"Metro Line opens"}
    assert found("metro -snow") == set()
    assert found("雪 OR snow") == {"基層治理", "Metro Line opens"}
    assert found("source:新華網") == {"基層治理", "体育新闻"}
    assert found('source:"bbc news"') == {"Metro Line opens"}
    assert found("source:nope") == set()
    assert found("group:新闻 -体育") == {"基層治理"}
    assert found("tag:world") == {"Metro Line opens"}
    assert found("author:张") == {"基層治理"}
    assert found("author:jane") == {"Metro Line opens"}
    assert found("-author:jane") == {"基層治理", "体育新闻"}
    assert found("is:unread") == {"基層治理", "体育新闻"}
    assert found("is:read") == {"Metro Line opens"}
    assert found("is:starred") == {"体育新闻"}
    assert found("-is:starred") == {"基層治理", "Metro Line opens"}
    assert found("after:2025-12-20") == {"体育新闻", "Metro Line opens"}
    assert found("before:2025-12-20") == {"基層治理"}
    assert found("age:<7d") == {"Metro Line opens"}
    assert found("age:>7d") == {"基層治理", "体育新闻"}
    assert found("is:unread age:<30d OR source:bbc") == {"体育新闻"}
    assert found("age:<3d OR author:张") == {"基層治理", "Metro Line opens"}
    store.close()


def test_query_values_are_tuples_by_value_with_names() -> None:
    import datetime as dt
    import pickle

    from suxun_tui.query import Query

    names = {"Text": Text, "Field": Field, "State": State, "DateBound": DateBound, "Age": Age}
    names |= {"Item": Item, "Query": Query, "datetime": dt}

    values = [
        Text("南京"),
        Text("metro line", True),
        Field("source", "新华网"),
        State("unread"),
        DateBound(True, date(2025, 12, 1)),
        Age(False, 3600),
        Item(Text("x"), negated=True),
        Query(((Item(State("starred")),),), "is:starred"),
        Query(),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
        assert eval(repr(value), names) == value  # noqa: S307 - the repr names class and fields
        assert hash(value) == hash(tuple(value))
    assert Text("a") == Text(text="a", phrase=False) and Text("a") != Text("a", True)
    assert repr(Item(Text("a"))) == "Item(atom=Text(text='a', phrase=False), negated=False)"
    assert Query().groups == () and Query().source == "" and Query().empty
    assert parse_query("a -b").groups[1][0].negated
