"""A document without markup is read as text: a paragraph a line, its short first line the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.pages.extract import extract_article, extract_page
from suxun_tui.pages.plain_text import as_html, is_plain_text

SCRAPED = """關(guān)注民生 服務(wù)社會 感謝您瀏覽江蘇蘇訊網(wǎng)。 歡迎投稿:郵箱724922822@qq.com 客服電話:025-86163400

南京地鐵新線開通 市民出行更便捷

2025-12-20 09:15 來源: 供稿 編輯:玖柒六 瀏覽量:12

南京地鐵新線今日開通初期運營,全線設站十二座,連接城南多個居民區與商業中心,市民出行時間明顯縮短。

開通首日,不少市民專程前來體驗。家住城南的王女士說,以前換乘要四十分鐘,現在二十分鐘就能到單位。

運營單位表示,將根據客流情況及時調整行車間隔,確保高峰時段的乘車體驗,並持續完善站點周邊的配套設施。

作者姓名:李明

【責任編輯:陸超】

江蘇蘇訊網版權及免責聲明:凡本網注明“來源:XXX(非江蘇蘇訊網)”的作品,均轉載自其它媒體,轉載目的在于傳遞更多信息。

圖片新聞

熱點資訊
"""


def test_a_scraped_text_gives_its_title_fields_and_paragraphs() -> None:
    article = extract_article(SCRAPED, "file:///news.txt")
    assert article.title == "南京地鐵新線開通 市民出行更便捷"
    fields = (article.published, article.origin, article.editor, article.views)
    assert fields == ("2025-12-20T09:15:00+08:00", "供稿", "玖柒六", 12)
    assert (article.author, article.responsible_editor) == ("李明", "陸超")
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3, paragraphs
    assert paragraphs[0].startswith("南京地鐵新線今日開通") and "(guān)" not in article.body
    for furniture in ("感謝您瀏覽", "免責聲明", "圖片新聞", "熱點資訊", "作者姓名", "責任編輯"):
        assert furniture not in article.body


def test_the_page_reader_reads_text_the_same_way() -> None:
    article, later = extract_page(SCRAPED, "file:///news.txt")
    assert article == extract_article(SCRAPED, "file:///news.txt")
    assert later == []


def test_a_page_with_markup_is_html_and_text_is_escaped() -> None:
    assert not is_plain_text("<p>x</p>") and not is_plain_text("<!doctype html>")
    assert is_plain_text("a < b and c > d\n1<2")
    assert as_html("a < b & c\n\n  \nline two") == (
        "<html><body><p>a &lt; b &amp; c</p><p>line two</p></body></html>"
    )


def test_a_first_line_that_is_a_sentence_is_not_made_the_title() -> None:
    text = (
        "The council met on Tuesday and agreed the new budget after a long debate.\n\n"
        "It will fund two new libraries and repair the roads of the old town centre.\n\n"
        "Work starts in the spring, the council said, and should end within two years."
    )
    article = extract_article(text, "file:///minutes.txt")
    assert article.title == ""
    assert article.body.startswith("The council met on Tuesday")


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


@pytest.mark.skipif(
    not (SEED / "000_588eee2c57239f4a.txt").is_file(), reason="../shared/seed is not here"
)
def test_the_seed_as_scraped_text_reads_as_its_page() -> None:
    text = (SEED / "000_588eee2c57239f4a.txt").read_text(encoding="utf-8")
    article = extract_article(text, (SEED / "000_588eee2c57239f4a.txt").as_uri())
    assert article.title == "以自我革命精神 提升基層治理效能"
    assert (article.published, article.origin, article.author) == (
        "2025-12-29T12:34:00+08:00",
        "供稿",
        "王帥",
    )
    assert (article.editor, article.responsible_editor, article.views) == ("玖柒六", "陸超", 0)
    assert len(article.body.split("\n\n")) == 5
    assert "(" not in article.body and "免責聲明" not in article.body
