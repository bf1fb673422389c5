"""What rules hid is in no list but the built-in "Hidden" view, shown while there is any."""

from __future__ import annotations

from suxun_tui.config import Config, Settings
from suxun_tui.config.model import RuleSpec
from suxun_tui.store import Store
from suxun_tui.store.rules import apply_rules
from tests.tui.conftest import SIZE, MakeApp, entries, fill, two_sources
from tests.tui.helpers import main_screen, select_source, settle, titles


async def test_hidden_articles_have_their_own_view(make_app: MakeApp, store: Store) -> None:
    sources = two_sources()
    fill(store, sources, {"Alpha": entries("Alpha", 3), "Beta": entries("Beta", 2, day=27)})
    config = Config(settings=Settings(full_text="never"), sources=sources)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels = [f.label for f in main_screen(app).sources.filters]
        assert "Hidden" not in labels  # nothing hidden: no view for it
    apply_rules(store, [RuleSpec("k", "Alpha headline 1", "hide")])
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Alpha headline 1" not in titles(app) and len(titles(app)) == 4
        feed = next(q for q in main_screen(app).catalog.queries if q.name == "Hidden")
        assert (feed.unread, feed.total) == (1, 1)
        await select_source(pilot, "Hidden")
        await settle(pilot)
        assert titles(app) == ["Alpha headline 1"]
