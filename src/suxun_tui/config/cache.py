"""A parsed copy of the config, so that its sources are not parsed again at each start.

Every command and the reader read the config. Parsing it means importing ``tomllib`` (it
brings ``typing``'s and ``datetime``'s share of a start, and compiles its patterns) and
then checking every key's bounds and every URL: for 200 ``[[sources]]`` that was a tenth
of a ``refresh`` that found every feed unchanged, and for 10,000 (an OPML import of a big
subscription list) about two seconds. Configs from ``loading.LARGE_CONFIG`` bytes on are
therefore kept parsed, pickled, in the user's cache directory, under a key made of
everything the result depends on: the file's exact bytes, its path (as named and
resolved), the home directory (``~`` in URLs) and this program's config code. Any change
to one of them is a different key, so a copy is never stale.

A copy found costs the C pickle module and the C hash alone (``_pickle``, ``_blake2``:
not ``pickle`` and ``hashlib``, which bring OpenSSL's library with them); the modules that
write a copy load only when one is written.

Pickles are code: a copy is used only from a directory and file owned by the user and
writable by nobody else, and any failure to read one means parsing the file again.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from suxun_tui import __version__
from suxun_tui.config.model import Config
from suxun_tui.config.paths import xdg_user_dir

try:  # hashlib's own blake2b and pickle's own loads, without what their modules import
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b
try:
    from _pickle import loads
except ImportError:  # pragma: no cover - an interpreter without the C pickle module
    from pickle import loads

_KEEP = 4  # copies kept (one per config file in use, usually one)


def cached_config(path: Path, text: str, parse: Callable[[str, Path], Config]) -> Config:
    """``parse(text, path)``, or its stored result for exactly this input."""
    folder = cache_dir(create=False)
    copy = folder / f"config-{_key(path, text)}.pickle" if folder else None
    if copy is not None:
        found = _load(copy)
        if found is not None:
            return found
    config = parse(text, path)  # a ConfigError is raised before anything is stored
    folder = folder or cache_dir()
    if folder is not None:
        _store(folder, folder / f"config-{_key(path, text)}.pickle", config)
    return config


def cache_dir(create: bool = True) -> Path | None:
    """The user's own cache directory for us (mode 700), or None when it is not safe (or,
    unless ``create``, not there yet)."""
    folder = Path(xdg_user_dir("XDG_CACHE_HOME", ".cache"))
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return folder


def _key(path: Path, text: str) -> str:
    digest = blake2b(digest_size=16)
    for part in (__version__, str(path), str(path.resolve()), os.environ.get("HOME", "")):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(_code_id().encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _code_id() -> str:
    """Size and change time of the modules that turn text into a Config."""
    here = os.path.dirname(__file__)
    parts = []
    with os.scandir(here) as found:
        for entry in sorted(found, key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(parts)


def _load(copy: Path) -> Config | None:
    try:
        with open(copy, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            found = loads(handle.read())
    except Exception:  # missing, damaged, from another version: parse instead
        return None
    return found if isinstance(found, Config) else None


def _store(folder: Path, copy: Path, config: Config) -> None:
    """Write atomically (a half-written copy is never read), then keep the newest few."""
    import pickle
    import tempfile

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


__all__ = ["cache_dir", "cached_config"]
