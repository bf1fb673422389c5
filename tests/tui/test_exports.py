"""Links by number, saving, piping and copying the article shown, as a user does them."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.screens.exporting import LinkPrompt
from tests.tui.conftest import MakeApp, fill
from tests.tui.helpers import article_text, main_screen, notifications, settle

WRITER = "import sys; open(sys.argv[1], 'ab').write(sys.argv[2].encode() + b'\\n')"
STDIN_WRITER = "import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())"
PICTURE = "https://example.org/pictures/car.jpg"


def picture_config(store: Store, tmp_path: Path, **settings: object) -> Config:
    sources = (SourceSpec("Alpha", "https://example.org/alpha.xml", kind="feed"),)
    entry = FeedEntry(
        "g1",
        "南京地铁 新线",
        "https://example.org/a/1",
        "2025-12-28T10:00:00Z",
        blocks=(
            Block("paragraph", "第一段。"),
            Block("image", "新车厢", url=PICTURE),
            Block("image", "", url="javascript:alert(1)"),
        ),
    )
    fill(store, sources, {"Alpha": [entry]})
    base = Settings(full_text="never", save_dir=str(tmp_path / "saved"))
    return Config(settings=replace(base, **settings), sources=sources)  # type: ignore[arg-type]


def wait_for_file(path: Path) -> str:
    for _ in range(200):  # a detached program: poll, a bounded number of times
        if path.exists() and path.stat().st_size:
            break
        time.sleep(0.1)
    return path.read_text(encoding="utf-8") if path.exists() else ""


async def test_links_are_numbered_in_the_article_with_a_list_at_its_end(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    app = make_app(picture_config(store, tmp_path))
    async with app.run_test() as pilot:
        await settle(pilot)
        text = article_text(app)
        assert "[图片: 新车厢] [2]" in text
        links = text[text.index("\nLinks") :]
        assert "[1] https://example.org/a/1" in links and f"[2] {PICTURE}" in links
        assert "[3] javascript:alert(1)" in links  # listed; opening it is refused


async def test_f_and_a_number_opens_that_link_in_the_browser(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    log = tmp_path / "opened.log"
    script = tmp_path / "browser.py"
    script.write_text(WRITER, encoding="utf-8")
    browser = f"{sys.executable} {script} {log} %u"
    app = make_app(picture_config(store, tmp_path, browser=browser))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, LinkPrompt)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert wait_for_file(log) == PICTURE + "\n"
        await pilot.press("f", "3", "enter")  # javascript: is never handed to a browser
        await pilot.pause()
        assert any("refusing to open a 'javascript:' link" in n for n in notifications(app))
        await pilot.press("f", "9", "enter")
        await pilot.pause()
        assert any("There is no link 9" in n for n in notifications(app))


async def test_F_copies_link_n_and_Y_the_article_through_the_clipboard(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    app = make_app(picture_config(store, tmp_path))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("F", "2", "enter")
        await pilot.pause()
        assert app.clipboard == PICTURE
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard.startswith("南京地铁 新线\n")
        assert "第一段。" in app.clipboard and f"[2] {PICTURE}" in app.clipboard


async def test_S_saves_markdown_and_W_text_in_save_dir_in_the_script_shown(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    app = make_app(picture_config(store, tmp_path))
    saved = tmp_path / "saved"
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        markdown = saved / "2025-12-28 南京地铁 新线.md"
        assert markdown.read_text(encoding="utf-8").startswith("# 南京地铁 新线\n")
        await pilot.press("S")  # again: a second file, the first kept
        await pilot.pause()
        assert (saved / "2025-12-28 南京地铁 新线 (2).md").exists()
        main_screen(app).script = "traditional"
        await pilot.press("W")
        await pilot.pause()
        text = (saved / "2025-12-28 南京地铁 新线.txt").read_text(encoding="utf-8")
        assert text.startswith("南京地鐵 新線\n")
        assert any("Saved" in n and ".txt" in n for n in notifications(app))


async def test_a_save_dir_that_cannot_be_made_is_a_warning(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    app = make_app(picture_config(store, tmp_path, save_dir=str(tmp_path / "file" / "sub")))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert any("Cannot save into" in n for n in notifications(app))


async def test_pipe_sends_the_article_s_text_to_the_command(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "piped.txt"
    argv = (sys.executable, "-c", STDIN_WRITER, str(out))
    app = make_app(picture_config(store, tmp_path, pipe_command=argv))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("vertical_line")
        await settle(pilot)
        piped = wait_for_file(out)
        assert piped.startswith("南京地铁 新线\n") and "第一段。" in piped


async def test_pipe_without_a_command_says_how_to_set_one(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    app = make_app(picture_config(store, tmp_path))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("vertical_line")
        await pilot.pause()
        assert any("Set pipe_command" in n for n in notifications(app))


def podcast_config(store: Store, tmp_path: Path, count: int, **settings: object) -> Config:
    sources = (SourceSpec("Pod", "https://pod.example.org/feed.xml", kind="feed"),)
    media = tuple(
        Block("media", f"ep{i}.mp3", f"https://pod.example.org/ep{i}.mp3") for i in range(count)
    )
    entry = FeedEntry(
        "p1",
        "第一期",
        "https://pod.example.org/1",
        "2025-12-28T10:00:00Z",
        blocks=(Block("paragraph", "节目介绍。"), *media),
    )
    fill(store, sources, {"Pod": [entry]})
    base = Settings(full_text="never")
    return Config(settings=replace(base, **settings), sources=sources)  # type: ignore[arg-type]


async def test_enclosures_are_listed_and_e_plays_one_with_the_player(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    log = tmp_path / "played.log"
    player = (sys.executable, "-c", WRITER, str(log), "%u")
    app = make_app(podcast_config(store, tmp_path, 1, player=player))
    async with app.run_test() as pilot:
        await settle(pilot)
        text = article_text(app)
        assert "[音频: ep0.mp3] [2]" in text and "[2] https://pod.example.org/ep0.mp3" in text
        await pilot.press("e")
        await pilot.pause()
        assert wait_for_file(log) == "https://pod.example.org/ep0.mp3\n"


async def test_e_asks_which_of_several_enclosures(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    log = tmp_path / "played.log"
    player = (sys.executable, "-c", WRITER, str(log))  # no %u: the address is appended
    app = make_app(podcast_config(store, tmp_path, 2, player=player))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, LinkPrompt)
        await pilot.press("1", "enter")  # link 1 is the article's page, not a podcast
        await pilot.pause()
        assert any("Not a podcast or video" in n for n in notifications(app))
        await pilot.press("e", "3", "enter")
        await pilot.pause()
        assert wait_for_file(log) == "https://pod.example.org/ep1.mp3\n"
