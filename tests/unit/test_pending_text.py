"""Finding a term in the queued articles' text joined end to end gives exactly the
articles whose own strings hold it (hypothesis: short alphabets, so that terms recur,
straddle article boundaries and hold the separator)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.store.pending_text import SEPARATOR, Joined, holding

ALPHABET = st.sampled_from(["a", "b", "经", "济", SEPARATOR, "\x1f"])
TEXT = st.text(ALPHABET, max_size=12)
VIEW = st.dictionaries(st.integers(1, 10_000), st.tuples(TEXT, TEXT, TEXT), max_size=12)
COLUMNS = st.sampled_from([("title", "text"), ("author",), ("text",), ("title", "author")])


def brute(view: dict[int, tuple[str, str, str]], term: str, columns: tuple[str, ...]) -> set[int]:
    at = {"title": 0, "text": 1, "author": 2}
    return {i for i, row in view.items() if any(term in row[at[c]] for c in columns)}


@given(view=VIEW, term=st.text(ALPHABET, min_size=1, max_size=4), columns=COLUMNS)
def test_the_joined_text_finds_exactly_the_articles_holding_a_term(
    view: dict[int, tuple[str, str, str]], term: str, columns: tuple[str, ...]
) -> None:
    expected = brute(view, term, columns)
    assert holding(view, term, columns) == expected
    if SEPARATOR not in term:
        assert Joined(view).holding(term, columns) == expected


def test_a_term_across_two_articles_is_in_neither() -> None:
    view = {1: ("", "经", ""), 2: ("", "济", "")}
    assert Joined(view).holding("经济", ("title", "text")) == set()
    assert Joined(view).holding("济", ("title", "text")) == {2}
