"""The full-text index: an FTS5 table of folded text, and the queue that keeps it in step.

Why this shape:
- ``trigram`` finds any substring of three or more characters, the right unit for
  Chinese, which has no spaces for a word tokenizer.
- Indexing costs about a millisecond per article (FTS5 tokenizing and merging), many times
  what storing the article costs, so a write does not index (a refresh's first few thousand
  new articles excepted: :mod:`suxun_tui.store.index_inline`): a new article waits past the
  index's mark, and triggers on ``articles`` list a changed one (title, text or author
  changed, a source renamed; a deletion in ``index_stale``) in the statement that changes it
  (:mod:`suxun_tui.store.index_mark`); ``index_queue`` is the view of both, and the index is
  brought up to date from it later, in batches that are each one transaction
  (:mod:`suxun_tui.store.index_fill`). A queued article's index row is missing or stale;
  search reads the index only for articles not queued and scans the queued ones
  (:mod:`suxun_tui.store.search`), so results stay exact whatever the queue holds, and a
  kill at any moment leaves article, queue and index agreeing.
- The indexed text is folded (:mod:`suxun_tui.store.fold`) by SQL functions this module
  registers on every connection (the pending scan and the first schema steps use them).
- The index keeps its own copy of the folded text, so a short term (one or two
  characters, which trigrams cannot look up) is confirmed with ``instr`` in SQL, and
  deleting a row never depends on folding the same way as when it was written.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Sequence

from suxun_tui.store.fold import bodies_plain, fold, fold_body

Progress = Callable[[int, int], None]

FTS_TABLE = "article_index"
# FTS5's own table of the rows the index holds (id = rowid; c0 title … c3 source).
CONTENT_TABLE = f"{FTS_TABLE}_content"
# Every non-empty indexed value ends with PAD, which no folded query contains: then every
# occurrence of a one- or two-character term starts some trigram of the index, and the
# trigram vocabulary finds it (store.search, short terms).
PAD = "\x1f\x1f"

# The schema step that creates the index and its triggers (the rows come in a later step,
# :func:`fill_index`, so that a large cache reports progress while it is indexed).
CREATE_INDEX = f"""
CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
    title, text, author, source, tokenize = 'trigram case_sensitive 1', detail = 'full'
);
CREATE VIRTUAL TABLE {FTS_TABLE}_terms USING fts5vocab({FTS_TABLE}, 'instance');
CREATE TRIGGER articles_index_insert AFTER INSERT ON articles BEGIN
    INSERT INTO {FTS_TABLE} (rowid, title, text, author, source) VALUES (
        new.id, suxun_index(new.title), suxun_index_body(new.body), suxun_index(new.author),
        suxun_index((SELECT name FROM sources WHERE id = new.source_id)));
END;
CREATE TRIGGER articles_index_update AFTER UPDATE OF title, body, author ON articles
WHEN new.title IS NOT old.title OR new.body IS NOT old.body OR new.author IS NOT old.author
BEGIN
    UPDATE {FTS_TABLE} SET title = suxun_index(new.title),
        text = suxun_index_body(new.body), author = suxun_index(new.author)
        WHERE rowid = new.id;
END;
CREATE TRIGGER articles_index_delete AFTER DELETE ON articles BEGIN
    DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
END;
CREATE TRIGGER sources_index_rename AFTER UPDATE OF name ON sources
WHEN new.name IS NOT old.name BEGIN
    UPDATE {FTS_TABLE} SET source = suxun_index(new.name)
        WHERE rowid IN (SELECT id FROM articles WHERE source_id = new.id);
END
"""

QUEUE_TABLE = "index_queue"
STALE_TABLE = "index_stale"

# The schema step that moves indexing out of the writes (step 9; step 11 replaced its
# triggers and table, store.index_mark): the old triggers wrote the index in the write's
# own statement; these only queue the article (store.index_fill indexes).
# ``index_queue`` holds articles whose index row is missing or out of date;
# ``index_stale`` the ids of deleted articles whose index row is still to be removed
# (search never looks at those: their articles are gone). An id inserted again (SQLite
# may reuse the largest rowid) leaves ``index_stale`` for ``index_queue``.
QUEUE_INDEX = f"""
CREATE TABLE {QUEUE_TABLE} (article_id INTEGER PRIMARY KEY);
CREATE TABLE {STALE_TABLE} (article_id INTEGER PRIMARY KEY);
DROP TRIGGER articles_index_insert;
DROP TRIGGER articles_index_update;
DROP TRIGGER articles_index_delete;
DROP TRIGGER sources_index_rename;
CREATE TRIGGER articles_index_insert AFTER INSERT ON articles BEGIN
    DELETE FROM {STALE_TABLE} WHERE article_id = new.id;
    INSERT OR IGNORE INTO {QUEUE_TABLE} (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_index_update AFTER UPDATE OF title, body, author ON articles
WHEN new.title IS NOT old.title OR new.body IS NOT old.body OR new.author IS NOT old.author
BEGIN
    INSERT OR IGNORE INTO {QUEUE_TABLE} (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_index_delete AFTER DELETE ON articles BEGIN
    DELETE FROM {QUEUE_TABLE} WHERE article_id = old.id;
    INSERT OR IGNORE INTO {STALE_TABLE} (article_id) VALUES (old.id);
END;
CREATE TRIGGER sources_index_rename AFTER UPDATE OF name ON sources
WHEN new.name IS NOT old.name BEGIN
    INSERT OR IGNORE INTO {QUEUE_TABLE} (article_id)
        SELECT id FROM articles WHERE source_id = new.id;
END
"""

_BATCH = 2000


def index_value(text: str | None) -> str:
    """A title, author or source name as the index holds it: folded, padded."""
    folded = fold(text)
    return folded + PAD if folded else ""


def index_body(body: str | None) -> str:
    """A stored (JSON) body as the index holds it: its plain text folded, padded."""
    folded = fold_body(body)
    return folded + PAD if folded else ""


# An article as read for the index (id, title, body JSON, author, source name), and as the
# index holds it (id, title, text, author, source: folded and padded).
Stored = tuple[int, str | None, str | None, str | None, str | None]
Row = tuple[int, str, str, str, str]

# Joins the values of many articles into one text folded in one call. Folding is per
# character, and this character folds to itself and never combines or reorders with its
# neighbours (a control character: a starter that composes with nothing), so the folded
# whole split at it is each value folded alone.
_SEP = "\x1e"


def index_rows(stored: Sequence[Stored]) -> list[Row]:
    """These articles' index rows: what :func:`index_value` and :func:`index_body` give
    for each value, folded all at once — a call per value cost a first refresh's filler
    about as much as FTS5 spent on the same short articles."""
    sep = _SEP
    plains = bodies_plain([r[2] for r in stored])
    joined = sep.join(
        [
            f"{r[1] or ''}{sep}{plain}{sep}{r[3] or ''}{sep}{r[4] or ''}"
            for r, plain in zip(stored, plains, strict=True)
        ]
    )
    values = 4 * len(stored)
    folded = fold(joined).split(sep) if joined.count(sep) == values - 1 else []
    if len(folded) != values:  # a value holds the separator itself: one by one
        return [
            (r[0], index_value(r[1]), index_body(r[2]), index_value(r[3]), index_value(r[4]))
            for r in stored
        ]
    padded = iter([value + PAD if value else "" for value in folded])
    return list(zip([r[0] for r in stored], padded, padded, padded, padded, strict=False))


def stored_after(conn: sqlite3.Connection, last: int, limit: int) -> list[Stored]:
    """The next ``limit`` articles after id ``last``, in id order, as the index reads them."""
    return conn.execute(
        "SELECT a.id, a.title, a.body, a.author, s.name FROM articles a"
        " JOIN sources s ON s.id = a.source_id WHERE a.id > ? ORDER BY a.id LIMIT ?",
        (last, limit),
    ).fetchall()


def register_functions(conn: sqlite3.Connection) -> None:
    """The functions the index triggers call; every connection of ours registers them."""
    conn.create_function("suxun_index", 1, index_value, deterministic=True)
    conn.create_function("suxun_index_body", 1, index_body, deterministic=True)


def fill_index(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Index every article already in the cache, in id batches, reporting (done, total).

    Runs inside the migration's transaction: killed half-way, the cache keeps its old
    version and the next start indexes again from the beginning.
    """
    report = progress or _stderr_progress()
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    done = 0
    last = 0
    while True:
        rows = stored_after(conn, last, _BATCH)
        if not rows:
            break
        conn.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, text, author, source) VALUES (?,?,?,?,?)",
            [
                (r[0], index_value(r[1]), index_body(r[2]), index_value(r[3]), index_value(r[4]))
                for r in rows
            ],
        )
        last = rows[-1][0]
        done += len(rows)
        if report is not None:
            report(done, total)


def _stderr_progress() -> Progress | None:
    """Progress on the terminal when there is one (the reader opens the cache before it
    takes the screen); silent for scripts and cron."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(
            f"\rsuxun-tui: indexing articles for search: {done:,}/{total:,}",
            end=end,
            file=sys.stderr,
            flush=True,
        )

    return report
