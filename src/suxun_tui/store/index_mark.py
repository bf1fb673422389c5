"""Which articles wait for the search index: new ones past a mark, changed ones listed.

Why: a first refresh stores tens of thousands of articles, and a row trigger that queued
each one cost about 20 µs an article in the write (some 8 % of such a refresh). New
articles need no row of their own: SQLite gives a new row the next id, so the articles
not yet handed to the index are exactly those with ``id > upto``, the one value of
``index_mark``. The background filler (:mod:`suxun_tui.store.index_fill`) moves the ids
past the mark into ``index_changed`` and raises the mark, in the transaction of one of
its batches (:func:`claim`); writes pay nothing for it, whichever path they take.

``index_changed`` lists the articles whose index row is missing or out of date although
their id is at or below the mark: text changed, source renamed, and an id SQLite gave
again after the article that had it was deleted (a new row takes the largest id plus
one). Those are rare, so row triggers record them. ``index_queue`` is a view of both
parts, each article once; search reads the index only for articles not in it.

What keeps this exact: the mark only rises, over ids that are listed or indexed in the same
transaction: the filler claims every id it passes, and a refresh's write that found nothing
above the mark indexes the articles it inserted before raising it
(:mod:`suxun_tui.store.index_inline`). Every index row and every id in ``index_stale``
(deleted articles' index rows still to remove) is at or below the mark, since only ids
passed that way are indexed, and the triggers list nothing above it. So an article above the
mark has no index row to be confused with, and an insert at or below it is caught by the
insert trigger, whose condition is all a new article costs (about a microsecond; the trigger
body does not run).
"""

from __future__ import annotations

import sqlite3

from suxun_tui.store.fts import QUEUE_TABLE, STALE_TABLE

CHANGED_TABLE = "index_changed"
MARK_TABLE = "index_mark"
# Ids claimed a batch at most: a few milliseconds of the filler's transaction.
CLAIM = 5000

_UPTO = f"(SELECT upto FROM {MARK_TABLE} WHERE id = 1)"

# The schema step from the row-queue (schema step 9): the queue's ids move to
# index_changed, the mark starts above every article and every stale id (all of them are
# indexed, queued or stale), index_queue becomes the view, and the triggers list only
# what is at or below the mark.
MARK_NEW = f"""
DROP TRIGGER articles_index_insert;
DROP TRIGGER articles_index_update;
DROP TRIGGER articles_index_delete;
DROP TRIGGER sources_index_rename;
CREATE TABLE {CHANGED_TABLE} (article_id INTEGER PRIMARY KEY);
INSERT INTO {CHANGED_TABLE} (article_id) SELECT article_id FROM {QUEUE_TABLE};
DROP TABLE {QUEUE_TABLE};
CREATE TABLE {MARK_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
INSERT INTO {MARK_TABLE} (id, upto) VALUES (1, max(
    coalesce((SELECT max(id) FROM articles), 0),
    coalesce((SELECT max(article_id) FROM {STALE_TABLE}), 0)));
CREATE VIEW {QUEUE_TABLE} (article_id) AS
    SELECT article_id FROM {CHANGED_TABLE} WHERE article_id <= {_UPTO}
    UNION ALL SELECT id FROM articles WHERE id > {_UPTO};
CREATE TRIGGER articles_index_insert AFTER INSERT ON articles
WHEN new.id <= {_UPTO} BEGIN
    DELETE FROM {STALE_TABLE} WHERE article_id = new.id;
    INSERT OR IGNORE INTO {CHANGED_TABLE} (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_index_update AFTER UPDATE OF title, body, author ON articles
WHEN (new.title IS NOT old.title OR new.body IS NOT old.body OR new.author IS NOT old.author)
    AND new.id <= {_UPTO}
BEGIN
    INSERT OR IGNORE INTO {CHANGED_TABLE} (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_index_delete AFTER DELETE ON articles
WHEN old.id <= {_UPTO} BEGIN
    DELETE FROM {CHANGED_TABLE} WHERE article_id = old.id;
    INSERT OR IGNORE INTO {STALE_TABLE} (article_id) VALUES (old.id);
END;
CREATE TRIGGER sources_index_rename AFTER UPDATE OF name ON sources
WHEN new.name IS NOT old.name BEGIN
    INSERT OR IGNORE INTO {CHANGED_TABLE} (article_id)
        SELECT id FROM articles WHERE source_id = new.id AND id <= {_UPTO};
END
"""


def not_waiting(article: str = "a") -> str:
    """SQL that holds when the article aliased ``article`` is not in ``index_queue``: at or
    below the mark and not listed. The view's own test, without its second part's look at
    ``articles`` for each candidate (which cost a common term's indexed part of a search
    some 70 % more, at 20,000 articles with 2,000 waiting)."""
    return (
        f"{article}.id <= {_UPTO} AND NOT EXISTS"
        f" (SELECT 1 FROM {CHANGED_TABLE} q WHERE q.article_id = {article}.id)"
    )


def claim(conn: sqlite3.Connection, limit: int = CLAIM) -> int:
    """Move up to ``limit`` ids past the mark into ``index_changed`` and raise the mark
    over them, inside the caller's write transaction; how many were claimed."""
    upto = int(conn.execute(f"SELECT upto FROM {MARK_TABLE} WHERE id = 1").fetchone()[0])
    row = conn.execute(
        "SELECT count(*), max(id) FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?)",
        (upto, limit),
    ).fetchone()
    count, top = int(row[0]), row[1]
    if not count:
        return 0
    conn.execute(
        f"INSERT OR IGNORE INTO {CHANGED_TABLE} (article_id)"
        " SELECT id FROM articles WHERE id > ? AND id <= ?",
        (upto, top),
    )
    conn.execute(f"UPDATE {MARK_TABLE} SET upto = ? WHERE id = 1", (top,))
    return count


# The schema step that counts edits (step 12): ``edits`` rises with every change of an
# article's title, text or author and every deletion, whatever its id (new articles above
# the mark too), in the statement that makes it. A search keeps the folded text of the
# queued articles between connections of a process (store.pending_fold) and trusts it
# without comparing the stored text again while ``edits`` is the same: the count only
# rises and only committed changes are seen, so two snapshots with one count hold the
# same text for every article they both have. Inserts need no count: a new article takes
# an id no article has (a deleted one's id comes back only after its deletion counted).
# The count starts at a random point below 2**62, so that a cache made again at the same
# path (a corrupt one moved aside) does not count through the values of the old one.
COUNT_EDITS = f"""
ALTER TABLE {MARK_TABLE} ADD COLUMN edits INTEGER NOT NULL DEFAULT 0;
UPDATE {MARK_TABLE} SET edits = abs(random() % 4611686018427387904);
DROP TRIGGER articles_index_update;
DROP TRIGGER articles_index_delete;
CREATE TRIGGER articles_index_update AFTER UPDATE OF title, body, author ON articles
WHEN new.title IS NOT old.title OR new.body IS NOT old.body OR new.author IS NOT old.author
BEGIN
    UPDATE {MARK_TABLE} SET edits = edits + 1 WHERE id = 1;
    INSERT OR IGNORE INTO {CHANGED_TABLE} (article_id) SELECT new.id WHERE new.id <= {_UPTO};
END;
CREATE TRIGGER articles_index_delete AFTER DELETE ON articles BEGIN
    UPDATE {MARK_TABLE} SET edits = edits + 1 WHERE id = 1;
    DELETE FROM {CHANGED_TABLE} WHERE article_id = old.id;
    INSERT OR IGNORE INTO {STALE_TABLE} (article_id) SELECT old.id WHERE old.id <= {_UPTO};
END
"""


def edits(conn: sqlite3.Connection) -> int:
    """How many edits and deletions of articles the cache has counted (see COUNT_EDITS)."""
    return int(conn.execute(f"SELECT edits FROM {MARK_TABLE} WHERE id = 1").fetchone()[0])
