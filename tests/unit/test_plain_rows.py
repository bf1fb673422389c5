"""A plain item's row made directly is the row its built entry gives.

``refresh.plain_rows.plain_row`` skips the entry and its blocks for the commonest item;
every document of the corpora (``test_feed_rows.DOCUMENTS``: the refresh benchmark's
feeds, newsboat's when ``../shared`` is present, the demo site, the quirk and hostile
documents) must come out of ``prepare_document`` the same with it and without it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from suxun_tui.config import SourceSpec
from suxun_tui.feeds import parse as feeds
from suxun_tui.feeds.errors import FeedError
from suxun_tui.feeds.fastfeed import RawEntry
from suxun_tui.feeds.limits import BodyBudget
from suxun_tui.models import Block, FeedEntry
from suxun_tui.refresh import plain_rows
from suxun_tui.refresh.parse_pool import PreparedDocument, prepare_document
from suxun_tui.store.articles import article_row, paragraphs_row
from tests.unit.test_feed_rows import DOCUMENTS, URL

SPEC = SourceSpec("feed", URL)


def _prepared(data: bytes, ctype: str | None) -> PreparedDocument | str:
    try:
        return prepare_document(SPEC, data, URL, ctype, frozenset(), "seed")
    except (FeedError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize(
    ("data", "ctype"), [d[1:] for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS]
)
def test_the_same_document_with_and_without_direct_rows(
    data: bytes, ctype: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = _prepared(data, ctype)
    monkeypatch.setattr(plain_rows, "plain_row", lambda *args: None)
    assert direct == _prepared(data, ctype)


def test_the_benchmark_items_are_made_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Otherwise the comparison above would prove nothing about ``plain_row``."""
    made: list[object] = []
    real = plain_rows.plain_row

    def counting(*args: object) -> object:
        row = real(*args)  # type: ignore[arg-type]
        made.append(row)
        return row

    monkeypatch.setattr(plain_rows, "plain_row", counting)
    for name, data, ctype in DOCUMENTS:
        if name.startswith("bench-"):
            made.clear()
            _prepared(data, ctype)
            assert made and all(row is not None for row in made), name


def _converted(raw: RawEntry, budget: BodyBudget) -> object:
    return article_row(feeds._build_entry(raw, URL, datetime.now(UTC), budget))


def test_a_body_the_budget_would_cut_is_left_to_the_conversion() -> None:
    html = "<p>" + "正文" * 2_750 + "</p>"  # 5,507 characters: within the budget once
    raw = RawEntry(id="a", title="标题", link="http://example.org/a", summary=html)
    now = datetime.now(UTC)
    direct, built = BodyBudget(6_000), BodyBudget(6_000)
    assert plain_rows.plain_row(raw, URL, now, direct) == _converted(raw, built)
    assert direct.left == built.left == 6_000 - len(html)
    assert plain_rows.plain_row(raw, URL, now, direct) is None  # the second would be cut
    assert direct.left == 6_000 - len(html)  # and nothing was charged for it
    cut = _converted(raw, direct)
    assert isinstance(cut, tuple) and "…" in cut[5]


@pytest.mark.parametrize(
    "raw",
    [
        RawEntry(id="a", title="x &amp; y", link="http://example.org/a", summary="<p>t</p>"),
        RawEntry(id="a", title="x  y", link="http://example.org/a", summary="<p>t</p>"),
        RawEntry(id="a", title="x", link="/relative", summary="<p>t</p>"),
        RawEntry(id="a", title="x", link="http://example.org/a b", summary="<p>t</p>"),
        RawEntry(id="a", title="x", link="http://example.org/a", summary="<p>a<br>b</p>"),
        RawEntry(id="a", title="x", link="http://example.org/a", summary="plain text"),
        RawEntry(id="a", title="", link="http://example.org/a", summary="<p>t</p>"),
        RawEntry(id=" a", title="x", link="http://example.org/a", summary="<p>t</p>"),
        RawEntry(id="a" * 1_025, title="x", link="http://example.org/a", summary="<p>t</p>"),
        RawEntry(id="a", title="x", link="http://example.org/a", author="b\x85", summary=""),
        RawEntry(
            id="a",
            title="x",
            link="http://example.org/a",
            links=[("enclosure", "http://example.org/a.mp3")],
            summary="<p>t</p>",
        ),
    ],
)
def test_what_is_not_plain_is_left_to_the_conversion(raw: RawEntry) -> None:
    budget = BodyBudget()
    assert plain_rows.plain_row(raw, URL, datetime.now(UTC), budget) is None
    assert budget.left == BodyBudget().left


@pytest.mark.parametrize(
    "texts",
    [[], ["一段"], ['a "quoted" \\ line', "tab\there", "\u2028 and \U0001f600"], ["x" * 500]],
)
def test_paragraphs_row_is_article_row(texts: list[str]) -> None:
    blocks = tuple(Block("paragraph", text) for text in texts)
    entry = FeedEntry("g", "t", "http://example.org/a", "2025-01-01T00:00:00Z", None, blocks)
    direct = paragraphs_row("g", entry.url, "t", entry.published, None, texts, False)
    assert direct == article_row(entry)


def test_a_damaged_plain_item_is_repaired_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # A feed republishing a damaged page: flattened pinyin in the title, the author and a
    # bare-paragraph body. The direct row must repair exactly as the built entry does.
    item = (
        "<item><title>{t}</title><link>http://example.org/{n}</link><guid>g{n}</guid>"
        "<author>王帥(shuài)</author><description>&lt;p&gt;江蘇蘇訊網(wǎng)關(guān)注民生&lt;/p&gt;"
        "</description></item>"
    )
    items = item.format(t="關(guān)注民生", n=1) + item.format(t="plain title", n=2)
    data = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    direct = _prepared(data, "application/rss+xml")
    assert "(guān)" not in repr(direct) and "(shuài)" not in repr(direct)
    assert "江蘇蘇訊網關注民生" in repr(direct)
    monkeypatch.setattr(plain_rows, "plain_row", lambda *args: None)
    assert direct == _prepared(data, "application/rss+xml")
