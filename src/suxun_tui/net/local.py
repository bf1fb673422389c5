"""The local-file rule every fetch path shares: what counts as local, and how it is read.

A ``file://`` URL or a plain path is a local file. It is read only when the user chose
it — a source configured as a local file, an input named on the ``extract`` command line,
an OPML entry imported with ``--allow-local`` — and never because a web feed or page
linked to it: ``<a href="file:///etc/passwd">`` must not make the reader read the user's
files. Reading is bounded by ``max_bytes`` without allocating it up front, and devices
and FIFOs are refused (a FIFO would block forever). No HTTP client is imported here, so
the CLI can read files without loading one.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from suxun_tui.text.i18n import N_

_CHUNK = 1024 * 1024


class LocalFileError(Exception):
    """A local file could not be read (or may not be); the message names it and says why."""


def local_path(url: str) -> Path | None:
    """The filesystem path of a ``file://`` URL or plain path; None for web URLs."""
    if url[:7].lower() == "http://" or url[:8].lower() == "https://":
        return None  # what urlsplit would say, without splitting every source's URL
    try:
        parts = urlsplit(url)
    except ValueError:
        return None  # "http://[::1" and the like: not a file; the fetch reports the URL
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme in ("http", "https"):
        return None
    try:
        return Path(url).expanduser()
    except RuntimeError:  # "~nosuchuser/x": no such home directory, so no such file
        return Path(url)


def refusal(url: str) -> str:
    """The message for a local file that a web source linked to."""
    return N_("{url}: refusing to read a local file linked from a web source").format(url=url)


def read_local_file(path: Path, url: str, max_bytes: int) -> bytes:
    """A regular file's bytes, never more than ``max_bytes``; raises :class:`LocalFileError`."""
    size_cap = _size_text(max_bytes)
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise LocalFileError(
                N_("{url}: not a regular file (a device, FIFO or socket)").format(url=url)
            )
        chunks: list[bytes] = []
        total = 0
        with path.open("rb") as handle:
            while total <= max_bytes:
                chunk = handle.read(min(_CHUNK, max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        if total > max_bytes:
            raise LocalFileError(
                N_("{url}: file is larger than {limit} ('max_bytes')").format(
                    url=url, limit=size_cap
                )
            )
    except FileNotFoundError as exc:
        raise LocalFileError(N_("{url}: no such file").format(url=url)) from exc
    except IsADirectoryError as exc:
        raise LocalFileError(N_("{url}: is a directory, not a file").format(url=url)) from exc
    except OSError as exc:
        message = N_("{url}: cannot read file ({reason})").format(
            url=url, reason=exc.strerror or exc
        )
        raise LocalFileError(message) from exc
    return b"".join(chunks)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return N_("{size:.0f} MB").format(size=size / 1024 / 1024)
    return N_("{size} bytes").format(size=size)
