"""The filler folds a batch of articles in one call (store.fts.index_rows): each row must be
exactly what folding each value alone gives, whatever the text holds — Traditional
characters, full-width forms, combining marks, the separator it joins them with."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.store.fts import Stored, index_body, index_rows, index_value

# Characters that folding changes or that sit at its edges: Traditional ones, full-width
# forms, the ideographic space, combining marks (which compose with what precedes them),
# a ligature, Hangul jamo, the index's PAD, the separator and other control characters.
SPECIAL = "經濟基層學ＡＩ，：（）　\u0301\u0308\u0327eAﬁß\u1100\u1161\u11a8\x1e\x1f\x00\n"
TEXT = st.text(st.sampled_from(SPECIAL) | st.characters(codec="utf-8"), max_size=40)
KINDS = ("paragraph", "heading", "image", "quote", "list_item", "media", "code")
BLOCK = st.tuples(st.sampled_from(KINDS), TEXT, st.none() | st.just("http://x/p.jpg"))
BODY = st.none() | st.builds(
    lambda blocks: json.dumps([list(b) for b in blocks], ensure_ascii=False),
    st.lists(BLOCK, max_size=3),
)
ARTICLE = st.tuples(st.none() | TEXT, BODY, st.none() | TEXT, st.none() | TEXT)


def alone(row: Stored) -> tuple[int, str, str, str, str]:
    id_, title, body, author, source = row
    return (id_, index_value(title), index_body(body), index_value(author), index_value(source))


@settings(max_examples=300, deadline=None)
@given(st.lists(ARTICLE, max_size=6))
def test_a_batch_folds_as_each_value_alone(articles: list[tuple[str | None, ...]]) -> None:
    rows: list[Stored] = [(i, *a) for i, a in enumerate(articles)]  # type: ignore[misc]
    assert index_rows(rows) == [alone(row) for row in rows]


def test_a_long_batch_of_plain_and_traditional_text_folds_as_each_alone() -> None:
    # Long enough for folding's quick paths on long text (look before translating).
    rows: list[Stored] = [
        (i, f"標題 {i}", json.dumps([["paragraph", "經濟發展" * i]]), "作者", "新華網")
        for i in range(300)
    ]
    rows += [(300, "plain", '[["paragraph","simplified 经济"]]', None, "s")]
    assert index_rows(rows) == [alone(row) for row in rows]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.none() | st.text(st.sampled_from('[]{},"1ax\\ '), max_size=12), max_size=5))
def test_damaged_bodies_are_read_each_alone(bodies: list[str | None]) -> None:
    # Rows the store did not write (a damaged file): joining their JSON must never let
    # one body's values stand for another's.
    rows: list[Stored] = [(i, None, body, None, None) for i, body in enumerate(bodies)]
    assert index_rows(rows) == [alone(row) for row in rows]


def test_a_body_that_reads_as_two_arrays_is_read_alone() -> None:
    rows: list[Stored] = [
        (1, None, '[["paragraph","a"]],[["paragraph","b"]]', None, None),
        (2, None, '[["paragraph","c"]]', None, None),
    ]
    assert index_rows(rows) == [alone(row) for row in rows]
    assert [row[2] for row in index_rows(rows)] == ["", "c\x1f\x1f"]
