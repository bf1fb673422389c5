"""The reader in Chinese: footer, help, status, panes and notes follow ``language`` or the
locale, Traditional through OpenCC; English stays the default."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from suxun_tui.config import Config, Settings
from suxun_tui.demo import demo_config
from suxun_tui.store import Store
from suxun_tui.text.i18n import set_language
from suxun_tui.tui.app import SuxunApp, searchable
from suxun_tui.tui.screens.confirm import Confirm
from suxun_tui.tui.screens.help import HelpScreen
from tests.tui.conftest import SIZE, MakeApp, entries, fill, fixed_clock, two_sources
from tests.tui.helpers import article_text, main_screen, notifications, settle


def demo(language: str = "auto") -> Config:
    config = demo_config()
    return replace(config, settings=replace(config.settings, language=language))


def footer(app: SuxunApp) -> dict[str, FooterKey]:
    """The footer's keys by their description, as drawn."""
    return {key.description: key for key in app.screen.query(FooterKey)}


def help_text(app: SuxunApp) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return str(screen.query_one("#help").query_one("Static").render())


async def test_simplified_chinese_everywhere(tmp_path: Path) -> None:
    app = SuxunApp(demo("zh-Hans"), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer(app)
        assert {"打开", "刷新", "帮助", "退出", "命令"} <= set(keys), list(keys)
        screen = main_screen(app)
        status = str(screen.status.left.render())
        assert "演示" in status and "demo" not in status
        assert str(screen.headlines.border_title).startswith("全部 · ")
        assert "未读" in str(screen.headlines.border_title)
        assert screen.sources.border_title == "来源"
        assert screen.article.border_title == "文章"
        assert any("示例来源" in n for n in notifications(app))  # the demo's banner
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app)
        assert "移动" in shown and "当前窗格的下一项" in shown and "按 Esc、q 或 ? 关闭。" in shown
        assert "Next item" not in shown
        assert app.screen.query_one("#help").border_title == "按键"


async def test_traditional_chinese_through_opencc(tmp_path: Path) -> None:
    app = SuxunApp(demo("zh-Hant"), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer(app)
        assert {"開啟", "重新整理", "幫助", "退出"} <= set(keys), list(keys)  # Taiwan phrasing
        assert main_screen(app).sources.border_title == "來源"
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app)
        assert "移動" in shown and "關閉" in shown and "当前" not in shown


async def test_the_footer_keeps_help_and_quit_at_80_columns_in_chinese(tmp_path: Path) -> None:
    app = SuxunApp(demo("zh-Hans"), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = footer(app)
        for label in ("帮助", "退出", "刷新"):
            region = keys[label].region
            assert region.width > 0 and region.right <= 80, (label, region)


@pytest.mark.parametrize(
    ("lang", "help_label", "all_label"),
    [
        ("zh_CN.UTF-8", "帮助", "全部"),
        ("zh_TW.UTF-8", "幫助", "全部"),
        ("en_US.UTF-8", "Help", "All"),
    ],
)
async def test_auto_follows_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, help_label: str, all_label: str
) -> None:
    monkeypatch.setenv("LANG", lang)
    app = SuxunApp(demo("auto"), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert help_label in footer(app)
        assert str(main_screen(app).headlines.border_title).startswith(all_label + " · ")


async def test_english_by_default(tmp_path: Path) -> None:
    app = SuxunApp(demo_config(), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert {"Open", "Refresh", "Help", "Quit", "palette"} <= set(footer(app))
        assert "demo" in str(main_screen(app).status.left.render())


async def test_notes_and_toasts_in_chinese(tmp_path: Path) -> None:
    app = SuxunApp(demo("zh-Hans"), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")  # unread only
        await pilot.pause()
        assert any("只显示未读文章。" in n for n in notifications(app))
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"zzqqxx", "enter")
        await settle(pilot)
        assert "没有与 'zzqqxx' 匹配的文章" in article_text(app)
        assert str(main_screen(app).headlines.border_title).startswith("搜索：zzqqxx")


async def test_the_confirmation_in_chinese(make_app: MakeApp, store: Store) -> None:
    sources = two_sources()
    fill(store, sources, {"Alpha": entries("Alpha", 25), "Beta": entries("Beta", 2, day=27)})
    settings = Settings(full_text="never", language="zh-Hans")
    app = make_app(Config(settings=settings, sources=sources))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        assert dialog.question.startswith("把“全部”中的 27 篇未读文章标为已读？")
        hint = str(dialog.query(Static).last().render())
        assert hint == "y / Enter：是    n / Esc：否"
        descriptions = {b.description for _, b in dialog._bindings}
        assert {"是", "否"} <= descriptions  # the dialog's own keys, for Textual's key panel
        await pilot.press("y")
        await settle(pilot)
        assert any("已把“全部”中的 27 篇文章标为已读。" in n for n in notifications(app))


def test_palette_titles_keep_the_english_to_search_by() -> None:
    assert searchable("Refresh") == "Refresh"
    set_language("zh-Hans")
    assert searchable("Refresh") == "刷新 · Refresh"
    assert searchable("Theme") == "主题 · Theme"  # Textual's own command
