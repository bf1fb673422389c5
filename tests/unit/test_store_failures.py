"""The cache when it cannot be written or is not what it claims: typed results, no traceback.

Real SQLite files and real failures: a second connection holding the write lock, a file
size limit in a child process (the disk-full condition any machine can make), a table
dropped from a valid file.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from suxun_tui.models import FeedEntry
from suxun_tui.store import DB_NAME, NotSaved, Saved, SchemaMismatch, Store, open_store
from tests.support.disk import hold_write_lock

ROOT = Path(__file__).resolve().parents[2]


def make_store(tmp_path: Path, count: int = 3) -> tuple[Store, int]:
    store = open_store(tmp_path).store
    store.sync_sources([("src", "http://x/feed", "feed", "g")])
    sid = store.source_id("src")
    assert sid is not None
    store.store_entries(
        sid,
        [
            FeedEntry(f"g{i}", f"title {i}", f"http://x/{i}", f"2025-01-0{i + 1}T00:00:00Z")
            for i in range(count)
        ],
    )
    return store, sid


def test_a_locked_cache_gives_a_typed_result_and_the_mark_waits(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path)
    first = store.headlines()[0]
    with hold_write_lock(store.path):
        result = store.writes.set_flag("starred", first.id, True, first.title)
        assert isinstance(result, NotSaved)
        assert result.problem.kind == "locked" and result.problem.passing
        assert str(store.path) in result.notice and "tried again" in result.notice
        assert store.writes.shown(first).starred and not store.article(first.id).starred  # type: ignore[union-attr]
    saved = store.writes.retry()
    assert saved == Saved(changed=1, caught_up=1)
    assert store.article(first.id).starred  # type: ignore[union-attr]


def test_an_unchanged_config_takes_no_write_lock(tmp_path: Path) -> None:
    """Every command starts by syncing the sources: unchanged, that must be a read only."""
    store, _ = make_store(tmp_path)
    specs = [("src", "http://x/feed", None, "g")]
    with hold_write_lock(store.path):
        assert store.writes.sync_config(specs, []) == Saved()
        store.sync_sources(specs)  # would wait for the lock if it wrote


def test_a_write_past_the_file_size_limit_is_reported_not_raised(tmp_path: Path) -> None:
    """A full disk as any machine can make one: RLIMIT_FSIZE in a child process."""
    make_store(tmp_path)[0].close()
    script = textwrap.dedent(
        f"""
        import json, resource, signal, sqlite3, sys
        sys.path.insert(0, {str(ROOT / "src")!r})
        from pathlib import Path
        from suxun_tui.store import Store, NotSaved
        path = Path({str(tmp_path / DB_NAME)!r})
        sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        store = Store(path)
        first = store.headlines()[0]
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.RLIM_INFINITY))
        result = store.writes.set_flag("starred", first.id, True, first.title)
        raised = ""
        try:
            store.set_starred(first.id, True)
        except Exception as exc:
            raised = type(exc).__name__
        print(json.dumps({{
            "not_saved": isinstance(result, NotSaved),
            "kind": getattr(getattr(result, "problem", None), "kind", None),
            "notice": getattr(result, "notice", ""),
            "raised": raised,
            "alive": store.headlines()[0].id == first.id,
        }}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["not_saved"] and report["kind"] in ("full", "failed"), report
    assert DB_NAME in report["notice"]
    assert report["raised"] == "OperationalError"  # Store's own methods still raise
    assert report["alive"]  # the connection still reads after the failed write
    with Store(tmp_path / DB_NAME) as after:
        assert after.starred_count() == 0


def test_a_dropped_table_is_a_damaged_cache_moved_aside(tmp_path: Path) -> None:
    make_store(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE articles")
    with pytest.raises(SchemaMismatch, match="'articles' is missing"):
        Store(tmp_path / DB_NAME)
    opened = open_store(tmp_path)
    assert opened.notice and "moved to" in opened.notice and "articles" in opened.notice
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    assert opened.store.headlines() == []
    opened.store.close()


def test_a_dropped_column_is_a_damaged_cache_too(tmp_path: Path) -> None:
    make_store(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("ALTER TABLE sources DROP COLUMN last_error")
    opened = open_store(tmp_path)
    assert opened.notice and "last_error" in opened.notice
    opened.store.close()


def test_another_programs_database_at_our_path_is_moved_aside(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("CREATE TABLE sources (id INTEGER PRIMARY KEY, what TEXT)")
    opened = open_store(tmp_path)
    assert opened.notice and "moved to" in opened.notice
    assert opened.store.sources() == []
    opened.store.close()


def test_a_big_cache_is_checked_without_reading_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening must not cost a pass over millions of articles: small tables only."""
    make_store(tmp_path)[0].close()
    monkeypatch.setattr("suxun_tui.store.recovery.FULL_CHECK_BYTES", 0)
    checks: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(checks.append)
        return conn

    monkeypatch.setattr("suxun_tui.store.recovery.sqlite3.connect", traced)
    open_store(tmp_path).store.close()
    quick = [c for c in checks if "quick_check" in c]
    assert quick and all("(1)" not in c and "articles" not in c for c in quick), quick


def test_reading_commands_never_wait_behind_a_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list` while a refresh holds the lock: the rows at once; a new source waits for later."""
    from suxun_tui.entry import main

    config = tmp_path / "config.toml"
    config.write_text('[[sources]]\nname = "a"\nurl = "http://127.0.0.1:9/a.xml"\n', "utf-8")
    monkeypatch.setenv("SUXUN_TUI_CONFIG", str(config))
    monkeypatch.setenv("SUXUN_TUI_DATA_DIR", str(tmp_path / "data"))
    assert main(["list"]) == 0
    with hold_write_lock(tmp_path / "data" / DB_NAME):
        assert main(["list"]) == 0  # unchanged config: a read only
        config.write_text(
            config.read_text("utf-8") + '[[sources]]\nname = "b"\nurl = "http://127.0.0.1:9/b"\n',
            "utf-8",
        )
        capsys.readouterr()
        assert main(["list"]) == 0
        assert "list of sources was not updated" in capsys.readouterr().err
    assert main(["list"]) == 0
    with Store(tmp_path / "data" / DB_NAME) as store:
        assert [s.name for s in store.sources()] == ["a", "b"]


def test_marks_never_saved_are_listed_when_the_reader_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from suxun_tui import entry

    store, _ = make_store(tmp_path)
    first = store.headlines()[0]
    monkeypatch.setattr(entry, "LAST_TRY_MS", 20)
    with hold_write_lock(store.path):
        store.writes.set_flag("starred", first.id, True, first.title)
        entry.report_unsaved(store)
    err = capsys.readouterr().err
    assert "locked by another program" in err and f"not saved: {first.title}: starred" in err
    entry.report_unsaved(store)  # the lock is gone: saved, nothing to say
    assert capsys.readouterr().err == "" and store.article(first.id).starred  # type: ignore[union-attr]


def test_source_counts_kept_by_triggers_match_counting_the_articles(tmp_path: Path) -> None:
    """Counts are read from a table the triggers keep, not counted: they must never drift."""
    store, sid = make_store(tmp_path, count=6)
    store.sync_sources([("src", "http://x/feed", "feed", "g"), ("other", "http://o", None, "g")])
    other = store.source_id("other")
    assert other is not None
    store.store_entries(other, [FeedEntry("o1", "o", "http://o/1", "2025-02-01T00:00:00Z")])
    ids = [h.id for h in store.headlines(source_id=sid)]
    store.set_read(ids[0])
    store.set_read(ids[0])  # the same mark twice counts once
    store.set_read(ids[1])
    store.set_read(ids[1], False)
    store.mark_read(ids[2:4])
    store.mark_all_read(source_id=other)
    store.writes.set_flag("read", ids[4], True)
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (ids[5],))

    def counted() -> dict[str, tuple[int, int]]:
        with sqlite3.connect(store.path) as conn:
            rows = conn.execute(
                "SELECT s.name, sum(a.read = 0), count(*) FROM articles a"
                " JOIN sources s ON s.id = a.source_id GROUP BY s.name"
            ).fetchall()
        return {name: (int(unread), int(total)) for name, unread, total in rows}

    assert {s.name: (s.unread, s.total) for s in store.sources()} == counted()
    assert {s.name: (s.unread, s.total) for s in store.sources()} == {
        "src": (1, 5),
        "other": (0, 1),
    }
    assert store.counts() == (1, 6)


def test_the_first_unread_page_is_the_same_whichever_index_finds_it(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path, count=9)
    every = [h.id for h in store.headlines(unread_only=True)]
    assert [h.id for h in store.headlines(unread_only=True, limit=3)] == every[:3]  # time index
    store.mark_read(every[1:])
    assert [h.id for h in store.headlines(unread_only=True, limit=3)] == every[:1]  # unread index
