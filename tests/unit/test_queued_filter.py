"""Passing over queued articles whose stored text cannot hold a Chinese term: the proof
of store.queued_filter checked over every code point, and the test itself against
folding on generated text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.models import Block
from suxun_tui.store import queued_filter
from suxun_tui.store.codec import encode_blocks
from suxun_tui.store.compat_table import COMPATIBLE_PAIRS
from suxun_tui.store.fold import fold, fold_body
from suxun_tui.store.fold_table import PAIRS
from suxun_tui.store.queued_filter import checks, could_hold, is_ideograph, sources

SIMPLIFIED = dict(zip(PAIRS[0::2], PAIRS[1::2], strict=True))


def _code_points() -> list[str]:
    return [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def test_the_tables_are_this_interpreters() -> None:
    # Under another Unicode version the filter passes nothing over; the tests below then
    # prove it again for that version, and UNICODE can follow.
    assert unicodedata.unidata_version == queued_filter.UNICODE
    assert queued_filter.compatible_pairs() == COMPATIBLE_PAIRS


def test_an_ideograph_folds_only_from_its_sources() -> None:
    for char in _code_points():
        if not unicodedata.decomposition(char) and char.casefold() == char:
            made = SIMPLIFIED.get(char, char)
        else:
            decomposed = unicodedata.normalize("NFKD", char).casefold()
            made = fold(char) + fold(decomposed) + "".join(SIMPLIFIED.get(c, c) for c in decomposed)
        for ideograph in made:
            if is_ideograph(ideograph):
                assert char in sources(ideograph), (hex(ord(char)), ideograph)


def test_no_composition_makes_or_takes_an_ideograph() -> None:
    # NFKC composes pairs that have a canonical decomposition of two or more characters:
    # none of those holds or folds to an ideograph, so ideographs come out of the NFKC of
    # a text one for one from the stored characters' decompositions.
    for char in _code_points():
        decomposition = unicodedata.decomposition(char)
        if not decomposition or decomposition.startswith("<") or " " not in decomposition:
            continue
        parts = "".join(chr(int(code, 16)) for code in decomposition.split())
        for made in parts + char.casefold() + fold(char):
            assert not is_ideograph(SIMPLIFIED.get(made, made)), hex(ord(char))


def test_sources_of_a_character() -> None:
    assert sources("雪") == ("雪",)
    assert set(sources("国")) == {"国", "國"}
    assert {"一", "⼀", "㈠", "㊀"} <= set(sources("一"))
    assert "㍻" in sources("平")


def stored(title: str, paragraphs: list[str], kinds: list[str]) -> tuple[str, str]:
    """An article's stored body (JSON blocks of these kinds) and its folded title and text."""
    blocks = tuple(
        Block(kind, text)  # type: ignore[arg-type]
        for kind, text in zip(kinds + ["paragraph"] * len(paragraphs), paragraphs, strict=False)
    )
    body = encode_blocks(blocks)
    return body, fold(title) + "\n" + fold_body(body)


# Characters with Traditional forms, compatibility forms of them, ASCII and markup.
ALPHABET = '一⼀㈠㊀平成㍻国國层層体體雪的了 aA\\"[]'


@given(
    title=st.text(alphabet=ALPHABET, max_size=12),
    paragraphs=st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=3),
    kinds=st.lists(st.sampled_from(["paragraph", "quote", "list_item", "image"]), max_size=3),
    data=st.data(),
)
def test_an_article_holding_a_term_is_never_passed_over(
    title: str, paragraphs: list[str], kinds: list[str], data: st.DataObject
) -> None:
    body, folded = stored(title, paragraphs, kinds)
    if not any(is_ideograph(c) for c in folded):
        return
    start = data.draw(st.integers(0, len(folded) - 1))
    term = folded[start : start + data.draw(st.integers(1, 4))].strip()
    if not any(is_ideograph(c) for c in term) or "\n" in term:
        return
    needed = checks([term], body.encode())
    assert could_hold(title.encode(), body.encode(), needed), (term, title, body)


def test_an_article_without_the_characters_is_passed_over() -> None:
    needed = checks(["雪国"])
    assert not could_hold(
        "国".encode(), encode_blocks((Block("paragraph", "国"),)).encode(), needed
    )
    assert could_hold("國".encode(), encode_blocks((Block("paragraph", "雪"),)).encode(), needed)
    assert could_hold("雪國".encode(), b"", needed)
    # Two neighbours: the pair of them (as stored, in either script) is one check.
    assert ("雪国", "雪國") in queued_filter.term_checks("雪国")
    # An image's plain text adds 图片, which its JSON does not hold: always folded.
    image = encode_blocks((Block("image", "x"),)).encode()
    assert could_hold(b"", image, checks(["图片"]))
    assert not checks(["a-b", "é"])  # neither Chinese nor ASCII letters and digits alone


def test_a_character_the_latin_check_trusts_folds_to_no_letter_or_digit() -> None:
    for char in _code_points():
        if char.isascii() or queued_filter.latin_unsure(char.encode()):
            continue
        made = fold(char) + unicodedata.normalize("NFKD", char).casefold()
        assert not any(c.isascii() and c.isalnum() for c in made), hex(ord(char))


LATIN = 'abAB1 ａＡｂ①ﬁé\u0301一国\\"'


@given(
    title=st.text(alphabet=LATIN, max_size=12),
    paragraphs=st.lists(st.text(alphabet=LATIN, max_size=12), max_size=3),
    kinds=st.lists(st.sampled_from(["paragraph", "quote", "list_item", "code"]), max_size=3),
    data=st.data(),
)
def test_an_article_holding_a_latin_term_is_never_passed_over(
    title: str, paragraphs: list[str], kinds: list[str], data: st.DataObject
) -> None:
    body, folded = stored(title, paragraphs, kinds)
    start = data.draw(st.integers(0, max(0, len(folded) - 1)))
    term = folded[start : start + data.draw(st.integers(1, 4))]
    if not term or not all(c.isascii() and c.isalnum() for c in term):
        return
    needed = checks([term])
    assert needed == [(queued_filter.LATIN, term.encode())]
    assert could_hold(title.encode(), body.encode(), needed), (term, title, body)


def test_an_article_without_a_latin_term_is_passed_over() -> None:
    needed = checks(["ai"])
    assert not could_hold(
        b"Market", encode_blocks((Block("paragraph", "一 A I"),)).encode(), needed
    )
    assert could_hold(b"MAIN", b"", needed)
    # Full-width letters fold to ASCII: an article holding any is folded.
    assert could_hold("ＡＩ".encode(), b"", needed)
    assert could_hold("ａ".encode(), b"", needed)
