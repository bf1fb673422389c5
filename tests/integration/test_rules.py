"""``[[rules]]`` and ``suxun-tui rules apply``: read, star, tag and hide what a query
matches; hidden articles are kept, shown only by ``is:hidden``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from suxun_tui.config.model import RuleSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.rules import apply_rules

CONFIG = """
[[sources]]
name = "新闻"
url = "https://example.org/a.xml"
kind = "feed"

[[rules]]
name = "no horoscopes"
query = "星座"
action = "read"

[[rules]]
query = "地铁 -广告"
action = "star"

[[rules]]
name = "tag metro"
query = "地鐵"
action = "tag:交通"

[[rules]]
name = "kill ads"
query = "广告"
action = "hide"
"""

TITLES = ["今日星座运势", "南京地铁5号线开通", "地铁广告招商", "天气预报"]


def fill(path: Path) -> Store:
    store = Store(path)
    store.sync_sources([("新闻", "https://example.org/a.xml", "feed", None)])
    sid = store.source_id("新闻")
    assert sid is not None
    store.store_entries(
        sid,
        [
            FeedEntry(f"g{i}", t, f"https://example.org/{i}", None, None, (Block("paragraph", t),))
            for i, t in enumerate(TITLES)
        ],
    )
    return store


def test_rules_apply_reads_stars_and_tags(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    fill(data / "cache.sqlite3").close()
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {**os.environ, "SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "rules", "apply", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"name": "no horoscopes", "action": "read", "matched": 1, "changed": 1, "applied": True},
        {"name": "rule 2", "action": "star", "matched": 1, "changed": 1, "applied": True},
        {"name": "tag metro", "action": "tag:交通", "matched": 2, "changed": 2, "applied": True},
        {"name": "kill ads", "action": "hide", "matched": 1, "changed": 1, "applied": True},
    ]
    with Store(data / "cache.sqlite3") as store:
        state = {h.title: (h.read, h.starred) for h in store.headlines()}
        assert state["今日星座运势"] == (True, False)
        assert state["南京地铁5号线开通"] == (False, True)
        assert state["天气预报"] == (False, False)
        assert "地铁广告招商" not in state  # hidden: kept, but in no list
        assert [h.title for h in store.search("tag:交通")] == ["南京地铁5号线开通"]
        assert [h.title for h in store.search("tag:交通 is:hidden")] == ["地铁广告招商"]
        assert store.counts() == (2, 3)
    again = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "rules", "apply"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "no horoscopes: read: 1 matched, 0 changed" in again.stdout


def test_rules_apply_changes_nothing_the_second_time(tmp_path: Path) -> None:
    store = fill(tmp_path / "cache.sqlite3")
    rule = RuleSpec("r", "广告", "hide")
    (result,) = apply_rules(store, [rule])
    assert (result.matched, result.changed) == (1, 1)
    (result,) = apply_rules(store, [rule])
    assert (result.matched, result.changed) == (1, 0)  # still matched, nothing deleted
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TITLES)
    store.close()
