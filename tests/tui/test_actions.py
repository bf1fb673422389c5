"""Commands that change state or reach outside: read, star, mark all, links, script, help."""

from __future__ import annotations

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui import jobs
from suxun_tui.tui.screens.help import HelpScreen
from suxun_tui.tui.screens.main import MainScreen
from tests.tui.conftest import SIZE, MakeApp, entries, fill
from tests.tui.helpers import (
    article_text,
    main_screen,
    notifications,
    select_source,
    settle,
    titles,
)


async def test_m_toggles_read_and_persists(make_app: MakeApp, filled: Config, store: Store) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = main_screen(app).headlines.current
        assert row is not None
        await pilot.press("m")
        assert store.article(row.id).read  # type: ignore[union-attr]
        assert main_screen(app).headlines.rows[0].read
        assert main_screen(app).headlines.border_title == "All · 4 unread / 5"
        await pilot.press("m")
        assert not store.article(row.id).read  # type: ignore[union-attr]


async def test_s_toggles_the_star_and_starred_lists_it(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "s")
        starred = [h.title for h in store.headlines(starred_only=True)]
        assert starred == ["Alpha headline 1"]
        await pilot.press("h", "j")  # sources: All → Starred
        assert main_screen(app).selection.kind == "starred"
        assert titles(app) == ["Alpha headline 1"]
        await pilot.press("l", "s")
        assert store.headlines(starred_only=True) == []


async def test_A_marks_the_selected_source_read(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h", "j", "j", "j")  # Alpha
        assert main_screen(app).selection.label == "Alpha"
        await pilot.press("A")
        alpha = store.source_id("Alpha")
        assert all(h.read for h in store.headlines(source_id=alpha))
        assert store.counts() == (2, 5)
        assert any("Marked 3 articles read in Alpha" in n for n in notifications(app))
        await pilot.press("g", "A")  # All
        assert store.counts() == (0, 5)


async def test_o_opens_web_links_and_refuses_others(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class FakeBrowser:
        def open(self, url: str) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr(jobs, "browser", lambda name: FakeBrowser())
    source = SourceSpec("Mixed", "https://example.org/feed.xml", kind="feed")
    fill(
        store,
        [source],
        {
            "Mixed": [
                FeedEntry("a", "Web", "https://example.org/a", "2025-12-28T10:00:00Z"),
                FeedEntry("b", "Local", "file:///etc/passwd", "2025-12-28T09:00:00Z"),
                FeedEntry("c", "Handler", "javascript:alert(1)", "2025-12-28T08:00:00Z"),
            ]
        },
    )
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/a"]
        await pilot.press("j", "o", "j", "o")
        await settle(pilot)
        assert opened == ["https://example.org/a"]
        refusals = [n for n in notifications(app) if "refusing to open" in n]
        assert len(refusals) == 2
        assert "'file:'" in refusals[0] and "'javascript:'" in refusals[1]


def test_link_refusal_allows_only_web_and_mail() -> None:
    assert jobs.link_refusal("https://a.example/x") is None
    assert jobs.link_refusal("HTTP://a.example/x") is None
    assert jobs.link_refusal("mailto:a@b.example") is None
    assert jobs.link_refusal("file:///etc/passwd") is not None
    assert jobs.link_refusal("relative/page.html") is not None
    assert jobs.link_refusal("") is not None


async def test_y_copies_the_link(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == "https://example.org/Alpha/0"


async def test_t_cycles_the_script_of_titles_and_article(make_app: MakeApp, store: Store) -> None:
    source = SourceSpec("苏讯", "https://example.org/s.xml", kind="feed")
    fill(
        store,
        [source],
        {
            "苏讯": [
                FeedEntry(
                    "1",
                    "以自我革命精神 提升基層治理效能",
                    "https://example.org/1",
                    "2025-12-29T04:34:00Z",
                    author="王帥",
                    blocks=(Block("paragraph", "當前我國進入高質量發展新階段"),),
                )
            ]
        },
    )
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "當前我國進入高質量發展新階段" in article_text(app)
        await pilot.press("t")
        assert "当前我国进入高质量发展新阶段" in article_text(app)
        assert "王帅" in article_text(app)
        assert main_screen(app).headlines.convert("基層") == "基层"
        await pilot.press("t")
        assert "當前我國進入高質量發展新階段" in article_text(app)
        assert "提升基層治理效能" in article_text(app)
        await pilot.press("t")
        assert "當前我國進入高質量發展新階段" in article_text(app)
        assert main_screen(app).script == "original"


async def test_t_converts_the_selected_source_in_the_headlines_title(
    make_app: MakeApp, store: Store
) -> None:
    source = SourceSpec("蘇訊", "https://example.org/s.xml", kind="feed")
    fill(store, [source], {"蘇訊": entries("s", 1)})
    app = make_app(Config(settings=Settings(script="original"), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_source(pilot, "蘇訊")  # its name titles the list
        await settle(pilot)
        await pilot.press("t")  # original → simplified
        title = main_screen(app).headlines._border_title
        assert title is not None and title.plain.startswith("苏讯 · ")


async def test_question_mark_shows_help_generated_from_the_bindings(
    make_app: MakeApp, filled: Config
) -> None:
    from suxun_tui.tui.commands import COMMANDS
    from suxun_tui.tui.screens.help import help_text

    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_text().plain
        for command in COMMANDS:
            assert command.help in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def test_every_binding_has_an_action_on_the_main_screen() -> None:
    from suxun_tui.tui.commands import COMMANDS

    for command in COMMANDS:
        assert callable(getattr(MainScreen, f"action_{command.action}", None)), command.action
    keys = [key for command in COMMANDS for key in command.keys.split(",")]
    assert len(keys) == len(set(keys)), "a key is bound twice"


async def test_command_palette_runs_commands_from_the_table(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Star")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MainScreen)
        assert [h.title for h in store.headlines(starred_only=True)] == ["Alpha headline 0"]


async def test_reloads_when_another_process_writes_keeping_the_selection(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        screen = main_screen(app)
        assert screen.headlines.current.title == "Alpha headline 1"  # type: ignore[union-attr]
        with Store(store.path) as other:  # like a cron refresh
            fill(other, filled.sources, {"Alpha": entries("Newer", 2, day=29)})
        screen.poll_store()
        await pilot.pause()
        assert len(titles(app)) == 7
        assert titles(app)[:2] == ["Newer headline 0", "Newer headline 1"]
        assert screen.headlines.current.title == "Alpha headline 1"  # type: ignore[union-attr]


async def test_network_text_is_never_markup_nor_escape_sequences(
    make_app: MakeApp, store: Store
) -> None:
    source = SourceSpec("[b]Evil[/b]", "https://example.org/e.xml", kind="feed")
    fill(
        store,
        [source],
        {
            "[b]Evil[/b]": [
                FeedEntry(
                    "1",
                    "[red]not red[/red] [link=x]y[/link]",
                    "https://example.org/1",
                    "2025-12-28T00:00:00Z",
                    blocks=(Block("paragraph", "[bold]still plain[/bold]"),),
                )
            ]
        },
    )
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "[red]not red[/red] [link=x]y[/link]" in article_text(app)
        assert "[bold]still plain[/bold]" in article_text(app)
        await select_source(pilot, source.name)  # its name becomes the list's title
        title = main_screen(app).headlines._border_title
        assert title is not None and title.plain.startswith("[b]Evil[/b] · 1 unread")
        await pilot.press("y")
        assert any("Copied https://example.org/1" in n for n in notifications(app))
