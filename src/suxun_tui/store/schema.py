"""The SQLite schema as an ordered list of migration steps.

``PRAGMA user_version`` records how many steps a cache file has had; opening an older
file runs the missing steps in one transaction, so caches upgrade in place and never
need to be thrown away. A step is SQL, or a function for work that reports progress
(indexing a large cache for search).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from suxun_tui.store.arrivals import group_existing
from suxun_tui.store.counts import CREATE_SOURCE_COUNTS, SHOWN_COUNTS
from suxun_tui.store.duplicates import CREATE_DUPLICATES
from suxun_tui.store.fts import CREATE_INDEX, QUEUE_INDEX, Progress, fill_index
from suxun_tui.store.index_mark import COUNT_EDITS, MARK_NEW

Step = str | Callable[[sqlite3.Connection, Progress | None], None]

MIGRATIONS: tuple[Step, ...] = (
    # 1: sources, articles and their state.
    """
    CREATE TABLE sources (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        url           TEXT NOT NULL,
        config_url    TEXT NOT NULL DEFAULT '',
        kind          TEXT,
        grp           TEXT,
        active        INTEGER NOT NULL DEFAULT 1,
        position      INTEGER NOT NULL DEFAULT 0,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        content_hash  TEXT,
        last_attempt  TEXT,
        last_success  TEXT,
        last_error    TEXT,
        next_due      TEXT,
        not_before    TEXT
    );
    CREATE TABLE articles (
        id                 INTEGER PRIMARY KEY,
        source_id          INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        guid               TEXT NOT NULL,
        url                TEXT NOT NULL DEFAULT '',
        title              TEXT NOT NULL DEFAULT '',
        published          TEXT NOT NULL,
        first_seen         TEXT NOT NULL,
        author             TEXT,
        origin             TEXT,
        editor             TEXT,
        responsible_editor TEXT,
        views              INTEGER,
        body               TEXT NOT NULL DEFAULT '[]',
        summary_only       INTEGER NOT NULL DEFAULT 0,
        has_full_text      INTEGER NOT NULL DEFAULT 0,
        content_hash       TEXT NOT NULL DEFAULT '',
        read               INTEGER NOT NULL DEFAULT 0,
        starred            INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source_id, guid)
    );
    CREATE INDEX articles_by_time ON articles (published DESC, id DESC);
    CREATE INDEX articles_by_source_time ON articles (source_id, published DESC, id DESC);
    CREATE INDEX articles_unread ON articles (source_id) WHERE read = 0;
    CREATE INDEX articles_starred ON articles (starred) WHERE starred = 1;
    """,
    # 2: feed-server accounts. A source of an account has its name and the server's feed
    # id; an article of it keeps the server's entry id as its guid. Local marks of such
    # articles wait in pending_changes (one row per article and flag; a newer mark
    # replaces the row, so its id changes) until a sync has pushed them; sync_state
    # keeps each account's cursors.
    """
    ALTER TABLE sources ADD COLUMN account TEXT;
    ALTER TABLE sources ADD COLUMN remote_id TEXT;
    CREATE UNIQUE INDEX sources_by_remote ON sources (account, remote_id)
        WHERE account IS NOT NULL;
    CREATE TABLE pending_changes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field      TEXT NOT NULL CHECK (field IN ('read', 'starred')),
        value      INTEGER NOT NULL,
        changed    TEXT NOT NULL,
        UNIQUE (article_id, field)
    );
    CREATE TABLE sync_state (
        account TEXT NOT NULL,
        key     TEXT NOT NULL,
        value   TEXT NOT NULL,
        PRIMARY KEY (account, key)
    );
    """,
    # 3: the reader's remembered state (last view, selected headline, scroll positions,
    # the theme picked in the palette) as small key/value pairs; see store.ui_state.
    """
    CREATE TABLE ui_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: the full-text index of folded title, text, author and source (store.fts), and
    # the triggers that keep it in step with every write of an article; articles' tags
    # (folded, as ``tag:`` looks them up).
    CREATE_INDEX
    + """;
    CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX article_tags_by_tag ON article_tags (tag, article_id);
    """,
    # 4: the articles cached before the index existed.
    fill_index,
    # 6: each source's unread and total counts, kept by triggers (store.counts).
    CREATE_SOURCE_COUNTS,
    # 7: what rules hid (kept, shown only to ``is:hidden``), the keys and root link of
    # stories several sources carry (store.duplicates), and counts of what views show.
    "ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE INDEX articles_hidden ON articles (id) WHERE hidden = 1;\n"
    + CREATE_DUPLICATES
    + SHOWN_COUNTS,
    # 8: the stories of a cache stored before duplicates were known, grouped.
    group_existing,
    # 9: writes queue their articles for the index instead of indexing them in the write
    # (store.fts, store.index_fill); the index of an existing cache is already complete.
    QUEUE_INDEX,
    # 10: each article's item key (feeds.parse.item_key): a refresh skips the items of a
    # changed feed that are exactly as stored, before building their blocks.
    "ALTER TABLE articles ADD COLUMN item_hash TEXT;",
    # 11: new articles wait for the index past a mark instead of a queue row each (a row
    # trigger per article cost a first refresh about 8 %); the queue becomes a view of
    # those and of the changed articles still listed (store.index_mark).
    MARK_NEW,
    # 12: edits and deletions of articles counted, so that the queued articles' folded
    # text a process keeps is trusted while the count stands (store.pending_fold).
    COUNT_EDITS,
)


def migrate(conn: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Bring ``conn``'s schema up to date; returns the version it now has."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(
            f"cache schema version {version} is newer than this suxun-tui knows "
            f"({len(MIGRATIONS)}); upgrade suxun-tui"
        )
    if version == len(MIGRATIONS):
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read inside the write lock: another process may have migrated meanwhile.
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for step, script in enumerate(MIGRATIONS[version:], start=version + 1):
            if callable(script):
                script(conn, progress)
            else:
                _run_script(conn, script)
            conn.execute(f"PRAGMA user_version = {step}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run each statement of ``script`` (a trigger body's own semicolons stay with it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)
