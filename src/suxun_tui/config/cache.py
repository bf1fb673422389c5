"""A parsed copy of a large config, so that thousands of sources are not parsed each start.

A config of 10,000 ``[[sources]]`` (an OPML import of a big subscription list) takes
about two seconds to parse and check: tomllib, then every key's bounds, every URL. Every
command and the reader read the config, so that cost would come before every ``list``.
Large configs (``reading.LARGE_CONFIG`` bytes and more) are therefore kept parsed, pickled, in
the user's cache directory, under a key made of everything the result depends on: the
file's exact bytes, its path, the home directory (``~`` in URLs) and this program's
config code. Any change to one of them is a different key, so a copy is never stale.

Pickles are code: a copy is used only from a directory and file owned by the user and
writable by nobody else, and any failure to read one means parsing the file again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import platformdirs

from suxun_tui import __version__
from suxun_tui.config.model import Config

_KEEP = 4  # copies kept (one per config file in use, usually one)


def cached_config(path: Path, text: str, parse: Callable[[str, Path], Config]) -> Config:
    """``parse(text, path)``, or its stored result for exactly this input."""
    folder = cache_dir()
    key = _key(path, text)
    copy = folder / f"config-{key}.pickle" if folder else None
    if copy is not None:
        found = _load(copy)
        if found is not None:
            return found
    config = parse(text, path)  # a ConfigError is raised before anything is stored
    if copy is not None and folder is not None:
        _store(folder, copy, config)
    return config


def cache_dir() -> Path | None:
    """The user's own cache directory for us (mode 700), or None when it is not safe."""
    folder = Path(platformdirs.user_cache_dir("suxun-tui"))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return folder


def _key(path: Path, text: str) -> str:
    digest = hashlib.sha256()
    for part in (__version__, str(path.resolve()), os.environ.get("HOME", ""), _code_id()):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _code_id() -> str:
    """Size and change time of the modules that turn text into a Config."""
    here = Path(__file__).parent
    parts = []
    for module in sorted(here.glob("*.py")):
        info = module.stat()
        parts.append(f"{module.name}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(parts)


def _load(copy: Path) -> Config | None:
    try:
        info = copy.stat()
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        found = pickle.loads(copy.read_bytes())
    except Exception:  # missing, damaged, from another version: parse instead
        return None
    return found if isinstance(found, Config) else None


def _store(folder: Path, copy: Path, config: Config) -> None:
    """Write atomically (a half-written copy is never read), then keep the newest few."""
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".config-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(pickle.dumps(config, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, copy)
        copies = sorted(folder.glob("config-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in copies[:-_KEEP]:
            old.unlink(missing_ok=True)
    except Exception:  # a full disk or a read-only cache: the next start parses again
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink(missing_ok=True)
