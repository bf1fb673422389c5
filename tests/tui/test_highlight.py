"""A search's matches are marked in the headline list and the article, folded as search
folds them (基层 marks 基層, ＡＩ marks ai), and ``.``/``,`` jump between them in the
article. The tests read the strips the widgets draw."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Static

from suxun_tui.config import Config, Settings
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.highlight import MATCH_META
from tests.tui.conftest import SIZE, MakeApp, fill, two_sources
from tests.tui.helpers import main_screen, settle, titles

FILLER = "这一段没有要找的词，只是为了让文章足够长，需要向下滚动才能看到后面的内容。"


def marked(strip: Strip) -> list[str]:
    """The texts a strip draws in the match style."""
    return [s.text for s in strip if _match(s)]


def _match(segment: Segment) -> bool:
    return segment.style is not None and bool(segment.style.meta.get(MATCH_META))


def config_for(store: Store) -> Config:
    sources = two_sources()
    body = (
        Block("paragraph", "開頭說基層治理。"),
        *(Block("paragraph", FILLER) for _ in range(40)),
        Block("paragraph", "中間再說一次基層。"),
        *(Block("paragraph", FILLER) for _ in range(40)),
        Block("paragraph", "最後：ＡＩ與基層。"),
    )
    fill(
        store,
        sources,
        {
            "Alpha": [
                FeedEntry(
                    "a", "基層治理的新辦法", "https://e.org/a", "2025-12-28T10:00:00Z", None, body
                ),
                FeedEntry(
                    "b",
                    "无关的新闻",
                    "https://e.org/b",
                    "2025-12-28T09:00:00Z",
                    None,
                    (Block("paragraph", "无关。"),),
                ),
            ]
        },
    )
    return Config(settings=Settings(full_text="never"), sources=sources)


async def test_matches_are_marked_in_the_list_and_the_article(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(config_for(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert marked(screen.headlines.render_line(0)) == []  # no search: nothing marked
        await pilot.press("slash", *"基层", "enter")
        await settle(pilot)
        assert titles(app) == ["基層治理的新辦法"]
        assert marked(screen.headlines.render_line(0)) == ["基層"]
        await pilot.press("enter")  # open it
        await settle(pilot)
        body = screen.article.query_one("#article-body", Static)
        drawn = [marked(body.render_line(y)) for y in range(body.size.height)]
        found = [texts for texts in drawn if texts]
        assert found[0] == ["基層"] and ["基層"] in found  # the title, then the text
        await pilot.press("t")  # 简体: still marked, in the script shown
        await settle(pilot)
        drawn = [marked(body.render_line(y)) for y in range(body.size.height)]
        assert ["基层"] in drawn


async def test_full_stop_and_comma_jump_between_matches(make_app: MakeApp, store: Store) -> None:
    app = make_app(config_for(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"基层 ai", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = main_screen(app).article
        assert article.scroll_y == 0
        seen: list[int] = []
        for _ in range(5):
            await pilot.press("full_stop")
            await pilot.pause()
            seen.append(int(article.scroll_y))
        # The title, the first paragraph, the middle, the end, and past the last match the
        # first again.
        assert seen[0] == 0 and 0 < seen[1] < seen[2] < seen[3], seen
        assert seen[4] == 0, seen
        await pilot.press("comma")  # back from the first: the last
        await pilot.pause()
        assert int(article.scroll_y) == seen[3]
        body = article.query_one("#article-body", Static)
        top = int(article.scroll_y)
        shown = [marked(body.render_line(y)) for y in range(top, body.size.height)]
        assert ["ＡＩ", "基層"] in shown  # the last paragraph, both words marked
