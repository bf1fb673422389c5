"""Each source's unread and total counts, kept up to date by triggers.

The sources pane, the headline list's title and the status line all show these counts,
and they are read again after every mark. Counting them from ``articles`` reads every
article's index entry: about a second at 2,000,000 articles, for each key press and for
the reader's first paint. A small table, one row per source, that triggers on
``articles`` keep in step with every insert, delete and change of ``read`` makes reading
the counts cost one row per source, whatever writes the articles (a refresh, a mark, a
sync, ``gc``, another process).
"""

from __future__ import annotations

# A migration step (store.schema): the table, filled once from the articles, and the
# triggers that keep it true from then on.
CREATE_SOURCE_COUNTS = """
CREATE TABLE source_counts (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    total     INTEGER NOT NULL DEFAULT 0,
    unread    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO source_counts (source_id, total, unread)
    SELECT source_id, count(*), sum(read = 0) FROM articles GROUP BY source_id;
CREATE TRIGGER source_counts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO source_counts (source_id, total, unread) VALUES (NEW.source_id, 1, NEW.read = 0)
    ON CONFLICT (source_id) DO UPDATE SET total = total + 1, unread = unread + (NEW.read = 0);
END;
CREATE TRIGGER source_counts_delete AFTER DELETE ON articles BEGIN
    UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
    WHERE source_id = OLD.source_id;
END;
CREATE TRIGGER source_counts_update AFTER UPDATE OF read, source_id ON articles
WHEN OLD.read IS NOT NEW.read OR OLD.source_id IS NOT NEW.source_id BEGIN
    UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
    WHERE source_id = OLD.source_id;
    INSERT INTO source_counts (source_id, total, unread) VALUES (NEW.source_id, 1, NEW.read = 0)
    ON CONFLICT (source_id) DO UPDATE SET total = total + 1, unread = unread + (NEW.read = 0);
END;
"""

# A later step (store.schema): the counts leave out what no view shows — articles a rule
# hid and later copies of a story another source carried first (store.duplicates) — so
# the panes count what they list. One row counts when ``hidden = 0 AND dup_of IS NULL``.
_SHOWN = "({row}.hidden = 0 AND {row}.dup_of IS NULL)"
_NEW, _OLD = _SHOWN.format(row="NEW"), _SHOWN.format(row="OLD")
SHOWN_COUNTS = f"""
DROP TRIGGER source_counts_insert;
DROP TRIGGER source_counts_delete;
DROP TRIGGER source_counts_update;
DELETE FROM source_counts;
INSERT INTO source_counts (source_id, total, unread)
    SELECT source_id, sum({_SHOWN.format(row="articles")}),
        sum({_SHOWN.format(row="articles")} AND read = 0)
    FROM articles GROUP BY source_id;
CREATE TRIGGER source_counts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO source_counts (source_id, total, unread)
        VALUES (NEW.source_id, {_NEW}, {_NEW} AND NEW.read = 0)
    ON CONFLICT (source_id) DO UPDATE SET total = total + {_NEW},
        unread = unread + ({_NEW} AND NEW.read = 0);
END;
CREATE TRIGGER source_counts_delete AFTER DELETE ON articles BEGIN
    UPDATE source_counts SET total = total - {_OLD}, unread = unread - ({_OLD} AND OLD.read = 0)
    WHERE source_id = OLD.source_id;
END;
CREATE TRIGGER source_counts_update AFTER UPDATE OF read, source_id, hidden, dup_of ON articles
WHEN OLD.read IS NOT NEW.read OR OLD.source_id IS NOT NEW.source_id
    OR OLD.hidden IS NOT NEW.hidden OR OLD.dup_of IS NOT NEW.dup_of BEGIN
    UPDATE source_counts SET total = total - {_OLD}, unread = unread - ({_OLD} AND OLD.read = 0)
    WHERE source_id = OLD.source_id;
    INSERT INTO source_counts (source_id, total, unread)
        VALUES (NEW.source_id, {_NEW}, {_NEW} AND NEW.read = 0)
    ON CONFLICT (source_id) DO UPDATE SET total = total + {_NEW},
        unread = unread + ({_NEW} AND NEW.read = 0);
END;
"""

# Every active source with its counts, in the sources pane's order.
SOURCES_WITH_COUNTS = (
    "SELECT s.id, s.name, s.url, s.kind, s.grp, coalesce(c.unread, 0), coalesce(c.total, 0),"
    " s.last_error, s.last_success, s.last_attempt"
    " FROM sources s LEFT JOIN source_counts c ON c.source_id = s.id"
    " WHERE s.active = 1 ORDER BY s.position, s.id"
)

# (unread, total) over the active sources.
ACTIVE_COUNTS = (
    "SELECT coalesce(sum(c.unread), 0), coalesce(sum(c.total), 0)"
    " FROM source_counts c JOIN sources s ON s.id = c.source_id WHERE s.active = 1"
)

# Each source's counts alone (source_id, unread, total): what a mark changes. Reading
# them is a tenth of reading the sources, so the reader recounts after a mark this way.
SOURCE_COUNTS = "SELECT source_id, unread, total FROM source_counts"

# (unread, total) of the articles a rule hid, read through the partial index on
# ``hidden = 1`` (CROSS JOIN keeps SQLite from walking every source's articles instead):
# the built-in "Hidden" feed's counts cost the hidden articles, not the cache.
HIDDEN_COUNTS = (
    "SELECT coalesce(sum(a.read = 0), 0), count(*) FROM articles a CROSS JOIN sources s"
    " ON s.id = a.source_id WHERE a.hidden = 1 AND a.dup_of IS NULL AND s.active = 1"
)
