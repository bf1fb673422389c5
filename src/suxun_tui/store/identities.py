"""What identifies a source's stored articles besides their guid: link, title, content hash.

Read before a refresh writes (``refresh.rotation``), so that a feed which gives its items a
new guid on every fetch updates the articles it already has instead of adding them again.
"""

from __future__ import annotations

import sqlite3

# guid → (url, title, content hash)
Identities = dict[str, tuple[str, str, str]]


def stored_identities(conn: sqlite3.Connection, source_id: int) -> Identities:
    """Every stored article of ``source_id`` by guid, with its link, title and hash."""
    rows = conn.execute(
        "SELECT guid, url, title, content_hash FROM articles WHERE source_id = ?", (source_id,)
    ).fetchall()
    return {guid: (url, title, digest) for guid, url, title, digest in rows}
