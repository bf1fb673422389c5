"""``suxun-tui gc`` removes the kept pictures of the articles it removes, and only those."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from suxun_tui.store.image_cache import cached_picture, image_root, store_picture
from tests.integration.test_gc import fill, gc

PICTURE = "https://example.org/p.png"


def test_gc_takes_an_article_s_pictures_with_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    fill(data, 10)
    db = data / "cache.sqlite3"
    root = image_root(db)
    before = [row[0] for row in sqlite3.connect(db).execute("SELECT id FROM articles")]
    for article_id in before:
        store_picture(root, article_id, PICTURE, b"png")
    gc(tmp_path, "--dry-run").communicate(timeout=120)
    assert all(cached_picture(root, i, PICTURE) for i in before)  # a dry run removes nothing
    proc = gc(tmp_path)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    after = {row[0] for row in sqlite3.connect(db).execute("SELECT id FROM articles")}
    assert len(after) == 4
    assert {i for i in before if cached_picture(root, i, PICTURE)} == after
    assert sorted(int(p.name) for p in root.iterdir()) == sorted(after)
