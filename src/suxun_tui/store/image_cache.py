"""Pictures of articles kept for offline reading: files beside the cache, one folder each.

A picture is stored as ``images/<article id>/<hash of its address>.png`` next to the cache
file (the picture made small enough to draw, re-encoded by us), or as ``.bad`` holding
the short reason it could not be shown (broken, too big, not a picture), so a second
open neither fetches it again nor fails differently. Files, not rows: pictures are large
and read whole, and the cache file stays small and quick to vacuum. ``gc`` calls
:func:`prune` after removing articles, so a picture goes with its article.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

MAX_REASON = 200  # characters of a stored reason


@dataclass(frozen=True)
class CachedPicture:
    """A picture from the cache: the file to draw, or why there is none."""

    path: Path | None = None
    reason: str | None = None


def image_root(db_path: Path) -> Path:
    """The folder of pictures that belongs to the cache file ``db_path``."""
    return db_path.parent / "images"


def _stem(root: Path, article_id: int, url: str) -> Path:
    digest = hashlib.blake2b(url.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return root / str(article_id) / digest


def cached_picture(root: Path, article_id: int, url: str) -> CachedPicture | None:
    """What the cache holds for picture ``url`` of the article; None: nothing yet."""
    stem = _stem(root, article_id, url)
    picture = stem.with_suffix(".png")
    if picture.is_file():
        return CachedPicture(path=picture)
    try:
        reason = stem.with_suffix(".bad").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return CachedPicture(reason=reason[:MAX_REASON] or "not shown")


def _write(target: Path, data: bytes) -> None:
    """Write through a temporary name, so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def store_picture(root: Path, article_id: int, url: str, png: bytes) -> Path:
    """Keep the drawable picture; raises OSError when the folder cannot be written."""
    target = _stem(root, article_id, url).with_suffix(".png")
    _write(target, png)
    return target


def store_reason(root: Path, article_id: int, url: str, reason: str) -> None:
    """Remember why the picture is not shown (a later open shows the same reason)."""
    _write(_stem(root, article_id, url).with_suffix(".bad"), reason[:MAX_REASON].encode())


def prune(db_path: Path, conn: sqlite3.Connection) -> int:
    """Remove the pictures of articles no longer in the cache; how many folders went.

    Only the folders present are looked up, a few hundred ids a query: a cache of millions
    of articles with a few pictures costs a few queries.
    """
    root = image_root(db_path)
    try:
        folders = {int(f.name): f for f in root.iterdir() if f.is_dir() and f.name.isdigit()}
    except OSError:
        return 0
    ids = sorted(folders)
    kept: set[int] = set()
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
        kept.update(row[0] for row in rows)
    gone = [folders[i] for i in ids if i not in kept]
    for folder in gone:
        shutil.rmtree(folder, ignore_errors=True)
    return len(gone)
