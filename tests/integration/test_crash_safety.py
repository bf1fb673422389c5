"""A refresh killed at any moment leaves the cache intact and the user's flags unchanged;
the reader and a cron refresh can write at the same time without losing anything."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss

FEEDS = 40
ITEMS = 60


def write_feeds(folder: Path, generation: int) -> None:
    for f in range(FEEDS):
        entries = items(ITEMS, f"F{f}")
        for e in entries[: generation % ITEMS]:
            e["title"] += f" (rev {generation})"
        entries += items(generation, f"F{f}new")
        (folder / f"feed{f}.xml").write_text(rss(f"Feed {f}", entries), encoding="utf-8")


def write_config(folder: Path) -> Path:
    lines = [f'[[sources]]\nname = "feed {f}"\nurl = "feed{f}.xml"\n' for f in range(FEEDS)]
    path = folder / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def refresh_cmd(config: Path, data: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "suxun_tui",
        "refresh",
        "--force",
        "--config",
        str(config),
        "--data-dir",
        str(data),
    ]


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_sigkill_at_random_moments_keeps_cache_and_flags(tmp_path: Path) -> None:
    feeds, data = tmp_path / "feeds", tmp_path / "data"
    feeds.mkdir()
    write_feeds(feeds, 0)
    config = write_config(feeds)
    started = time.monotonic()
    subprocess.run(refresh_cmd(config, data), check=True, capture_output=True, timeout=120)
    full_run = time.monotonic() - started  # kill moments are spread over a whole run
    with Store(data / DB_NAME) as store:
        heads = store.headlines()
        assert len(heads) == FEEDS * ITEMS
        chosen = random.Random(7).sample(heads, 50)
        for i, h in enumerate(chosen):
            if i % 2:
                store.set_read(h.id)
            else:
                store.set_starred(h.id, True)
        expected = {h.id: (i % 2 == 1, i % 2 == 0) for i, h in enumerate(chosen)}
    rng = random.Random(1234)
    kills = 0
    for generation in range(1, 11):
        write_feeds(feeds, generation)
        proc = subprocess.Popen(
            refresh_cmd(config, data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.1, 0.9) * full_run)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        assert integrity(data / DB_NAME) == "ok"
        with Store(data / DB_NAME) as store:
            state = {h.id: (h.read, h.starred) for h in store.headlines() if h.id in expected}
        assert state == expected, f"flags changed after generation {generation}"
    assert kills >= 3, "the refresh finished too fast to be killed; make the feeds bigger"
    # A final, complete refresh still works on the survivor.
    done = subprocess.run(refresh_cmd(config, data), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_reader_writes_during_a_cron_refresh_are_never_lost(tmp_path: Path) -> None:
    feeds, data = tmp_path / "feeds", tmp_path / "data"
    feeds.mkdir()
    write_feeds(feeds, 0)
    config = write_config(feeds)
    subprocess.run(refresh_cmd(config, data), check=True, capture_output=True, timeout=120)
    write_feeds(feeds, 3)
    with Store(data / DB_NAME) as store:
        ids = [h.id for h in store.headlines()][:400]
        proc = subprocess.Popen(
            refresh_cmd(config, data), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for i, article_id in enumerate(ids):  # as a user pressing m and s quickly would
            store.set_read(article_id, True)
            if i % 3 == 0:
                store.set_starred(article_id, True)
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0, out
        assert "locked" not in out
        state = {h.id: h for h in store.headlines()}
    assert all(state[i].read for i in ids)
    assert all(state[i].starred for n, i in enumerate(ids) if n % 3 == 0)
    assert integrity(data / DB_NAME) == "ok"
