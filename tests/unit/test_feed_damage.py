"""A feed that republishes a damaged Chinese page (the demo's 要闻 feed carries the seed
article) is read as cleanly as the page: GBK runs read one byte off are re-read, flattened
pinyin is removed, and text without such damage is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.feeds.fragments import html_to_blocks, text_to_blocks
from suxun_tui.feeds.parse import parse_feed
from suxun_tui.feeds.plaintext import paragraph_texts
from suxun_tui.text.damage import repair_damage

DEMO = Path(__file__).resolve().parents[2] / "src" / "suxun_tui" / "demo" / "site"
# The seed's first damaged run, and what the page's bytes say it is.
RUN = "變“群眾跑腿”為“干部上門”?;鶎邮亲晕腋锩\ue3c0摹扒把仃嚨亍??;鶎又泵嫒罕?,直接影響"
READ = "基層是自我革命的“前沿陣地”。基層直面群眾"
PINYIN = "<p>江蘇蘇訊網(wǎng)關(guān)注民生</p>"


def _text(blocks: tuple[object, ...]) -> str:
    return "\n".join(getattr(block, "text", "") for block in blocks)


def test_the_demo_feed_copy_of_the_seed_is_repaired() -> None:
    feed = parse_feed((DEMO / "suxun-news.xml").read_bytes(), "file:///demo/suxun-news.xml")
    seed = next(e for e in feed.entries if e.title == "以自我革命精神 提升基层治理效能")
    text = _text(seed.blocks)
    assert READ in text
    assert "鶎邮" not in text and "(guān)" not in text and "(jiān)" not in text
    assert seed.author == "王帥"


def test_html_paragraphs_plain_text_and_titles_are_repaired() -> None:
    assert READ in _text(html_to_blocks(f"<p>{RUN}</p>"))
    assert READ in _text(html_to_blocks(f"<div><p>{RUN} <a href='/x'>更多</a></p></div>"))
    assert READ in _text(text_to_blocks(RUN))
    assert _text(html_to_blocks(PINYIN)) == "江蘇蘇訊網關注民生"
    rss = (
        "<rss version='2.0'><channel><title>t</title><item><title>關(guān)注民生</title>"
        "<link>http://example.org/1</link><description>x</description></item></channel></rss>"
    ).encode()
    assert parse_feed(rss, "http://example.org/f.xml").entries[0].title == "關注民生"


def test_ordinary_brackets_and_question_marks_stay() -> None:
    for text in ("(记者 张三)报道", "是吗?是的。", "(2025)年", "Is it (ok)?", "的(de)"):
        assert repair_damage(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("经济基層?()（）ā,。 aZ1\ufffd"), max_size=30))
def test_repair_is_idempotent(text: str) -> None:
    once = repair_damage(text)
    assert repair_damage(once) == once
    assert len(once) <= len(text)


def test_clean_text_is_the_same_object() -> None:
    text = "当前我国进入高质量发展新阶段,基层治理面临新任务新挑战。"
    assert repair_damage(text) is text
    assert repair_damage("plain ascii? (yes)") == "plain ascii? (yes)"


def test_bare_paragraphs_and_plain_items_are_repaired_too() -> None:
    # The quick routes for plain items (bare <p> bodies, a plain title and author) must
    # give what the general one gives.
    rss = (
        "<rss version='2.0'><channel><title>t</title><item><title>關(guān)注民生</title>"
        "<link>http://example.org/1</link><author>王帥(shuài)</author>"
        "<description>&lt;p&gt;江蘇蘇訊網(wǎng)關(guān)注民生&lt;/p&gt;&lt;p&gt;二&lt;/p&gt;"
        "</description></item></channel></rss>"
    ).encode()
    (item,) = parse_feed(rss, "http://example.org/f.xml").entries
    assert (item.title, item.author) == ("關注民生", "王帥")
    assert _text(item.blocks) == "江蘇蘇訊網關注民生\n二"
    assert paragraph_texts("<p>江蘇蘇訊網(wǎng)</p>") == ["江蘇蘇訊網"]
