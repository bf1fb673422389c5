"""Application-wide behaviour: start-up notices, environment isolation, quitting."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.config import Config, config_path, data_dir
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import notifications, settle


async def test_start_up_notices_are_shown_as_plain_notifications(
    make_app: MakeApp, filled: Config
) -> None:
    notice = "config.toml:3: unknown key 'colour' [ignored]"
    app = make_app(filled, notices=[notice])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notice in notifications(app)  # brackets kept: never parsed as markup


async def test_q_quits(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_tests_never_see_the_developers_config_or_cache(isolated_environment: Path) -> None:
    home = Path.home()
    assert config_path().is_relative_to(isolated_environment)
    assert data_dir().is_relative_to(isolated_environment)
    assert not config_path().is_relative_to(home / ".config")
    assert not config_path().exists()
