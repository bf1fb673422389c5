"""``[keys]`` in the reader: an override runs its command, and footer, help and palette say so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets._footer import FooterKey

from suxun_tui.config import Config, parse_config
from suxun_tui.tui.commands import COMMANDS, with_keys
from suxun_tui.tui.screens.help import HelpScreen, help_text
from tests.tui.conftest import MakeApp
from tests.tui.helpers import main_screen, settle

OVERRIDES = '[keys]\ntoggle-star = "x"\nhelp = "F1"\nquit = ["Q", "ctrl+c"]\n'


def with_overrides(config: Config, text: str = OVERRIDES) -> Config:
    return replace(config, keys=parse_config(text, Path("/tmp/keys.toml")).keys)


def test_the_default_table_gives_no_key_to_two_commands() -> None:
    seen: dict[str, str] = {}
    for command in with_keys(()):
        for key in command.keys.split(","):
            assert key not in seen, f"{key!r}: {seen.get(key)} and {command.action}"
            seen[key] = command.action
    assert with_keys(()) == COMMANDS


async def test_an_overridden_key_runs_its_command_and_the_old_key_does_not(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(with_overrides(filled))
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.headlines.current
        assert first is not None and not first.starred
        await pilot.press("s")  # the default key, given away
        await pilot.pause()
        assert not screen.headlines.rows[0].starred
        await pilot.press("x")
        await pilot.pause()
        assert screen.headlines.rows[0].starred


async def test_the_footer_and_help_show_the_keys_as_configured(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(with_overrides(filled))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = {key.description: key.key_display for key in app.screen.query(FooterKey)}
        assert footer["Help"] == "F1"
        assert footer["Star"] == "x"
        await pilot.press("question_mark")  # no longer help
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app.screen.commands).plain
        star_line = next(line for line in shown.splitlines() if "star on the selected" in line)
        assert star_line.split()[0] == "x"
        quit_line = next(line for line in shown.splitlines() if "at once" in line)
        assert quit_line.split()[:2] == ["Q", "Ctrl+C"]


async def test_the_palette_names_the_configured_key(make_app: MakeApp, filled: Config) -> None:
    app = make_app(with_overrides(filled))
    async with app.run_test() as pilot:
        await settle(pilot)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Star"].endswith("(x)")
        assert helps["Help"].endswith("(F1)")


async def test_a_command_left_without_keys_is_still_in_the_palette(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(with_overrides(filled, '[keys]\nquit = "q"\n'))  # q was back-or-quit's
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = main_screen(app)
        bound = {b.action for bs in screen._bindings.key_to_bindings.values() for b in bs}
        assert "back_or_quit" not in bound
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code is not None or not app.is_running


async def test_ctrl_c_bound_to_quit_quits(make_app: MakeApp, filled: Config) -> None:
    app = make_app(with_overrides(filled))  # quit = ["Q", "ctrl+c"]
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
