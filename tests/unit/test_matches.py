"""Where a search's words are in a text, folded as the index folds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.store.fold import fold
from suxun_tui.store.matches import match_spans, match_terms


def test_terms_are_folded_and_leave_out_negations_and_fields() -> None:
    assert match_terms('基層 "Metro Line" -体育 source:新华网 is:unread') == ("metro line", "基层")
    assert match_terms("a OR") == () and match_terms(None) == ()


def test_spans_follow_script_width_and_case() -> None:
    text = "基層治理：ＡＩ與基层"
    spans = match_spans(text, match_terms("基层 ai"))
    assert [text[a:b] for a, b in spans] == ["基層", "ＡＩ", "基层"]


def test_a_character_that_folds_to_two_keeps_spans_on_the_text() -> None:
    text = "Straße und STRASSE"
    spans = match_spans(text, match_terms("strasse"))
    assert [text[a:b] for a, b in spans] == ["Straße", "STRASSE"]


@given(
    st.text(alphabet="层層aAＡbß ", max_size=20), st.text(alphabet="层aAb", min_size=1, max_size=3)
)
def test_every_span_folds_to_a_match(text: str, term: str) -> None:
    terms = match_terms(term)
    for start, end in match_spans(text, terms):
        assert any(t in fold(text[start:end]) for t in terms)
    if terms and terms[0] in fold(text) and len(fold(text)) == len(text):
        assert match_spans(text, terms)
