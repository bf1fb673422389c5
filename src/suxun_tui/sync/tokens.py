"""The Google Reader API's login token, kept between syncs in a file only the user can read.

``accounts/ClientLogin`` checks the password with bcrypt on the server: on a small
server that is most of a sync with nothing new, and every sync from cron pays it again.
The token it returns stays valid until the password changes (Miniflux and FreshRSS derive
it from the account), so it is kept and sent back, never written to the cache:

* in ``$XDG_RUNTIME_DIR/suxun-tui/`` (memory, removed at logout) when that directory is
  the user's own and closed to others, else in ``$XDG_STATE_HOME/suxun-tui/``
  (``~/.local/state/suxun-tui/``);
* one file per account, named by a hash of the account's name, url and username, mode
  0600 in a directory of mode 0700, written to a new file and renamed into place;
* with a salted hash of the password it came from, so a password changed in the config
  logs in again (a wrong one fails as it should). The hash tells no more than the token
  itself: whoever can read the file can use the token;
* read only when the directory and the file belong to the user and nobody else may read
  or write them; otherwise the sync logs in as if there were no file;
* deleted as soon as the server refuses it (HTTP 401/403), and the sync logs in with
  the password again. ``SUXUN_TUI_NO_TOKEN_FILE=1`` turns the file off.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

# The two hashes and the comparison from where hashlib and hmac take them, so that a sync
# does not load the OpenSSL library that ``import hashlib`` loads first (5-10 ms).
try:
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # another interpreter: the public names
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef, unused-ignore]
try:
    from _sha256 import sha256  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # Python 3.12 and later keep it in _sha2
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment, unused-ignore]

APP = "suxun-tui"
MAX_TOKEN = 4096


def token_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """Where tokens are kept: the runtime directory when it is safe, else the state one."""
    env = os.environ if env is None else env
    if env.get("SUXUN_TUI_NO_TOKEN_FILE", "") not in ("", "0"):
        return None
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and _private_dir(Path(runtime)):
        return Path(runtime) / APP
    state = env.get("XDG_STATE_HOME", "")
    if state and os.path.isabs(state):
        return Path(state) / APP
    return Path.home() / ".local" / "state" / APP


def token_path(
    account: str, url: str, username: str, env: Mapping[str, str] | None = None
) -> Path | None:
    where = token_dir(env)
    if where is None:
        return None
    key = sha256("\0".join((account, url.rstrip("/"), username)).encode()).hexdigest()
    return where / f"greader-{key[:32]}.token"


def _private_dir(path: Path) -> bool:
    """A directory of ours that nobody else may enter or write (a symlink is not followed)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _password_hash(password: str, salt: bytes) -> str:
    return blake2b(password.encode(), salt=salt, person=b"suxun-tui token").hexdigest()


def load_token(path: Path | None, password: str) -> str | None:
    """The token kept for ``password``, or None when there is none, it came from another
    password, or the file is not safely ours."""
    if path is None or not _private_dir(path.parent):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
        ):
            return None
        data = file.read(MAX_TOKEN + 1)
    lines = data.decode("ascii", "replace").splitlines()
    if len(data) > MAX_TOKEN or len(lines) != 2:
        return None
    parts, token = lines[0].split(" "), lines[1].strip()
    if len(parts) != 3 or parts[0] != "v1" or not token.isprintable() or " " in token:
        return None
    try:
        salt = bytes.fromhex(parts[1])
    except ValueError:
        return None
    if len(salt) != 16 or not compare_digest(parts[2], _password_hash(password, salt)):
        return None
    return token or None


def save_token(path: Path | None, password: str, token: str) -> None:
    """Keep ``token`` for the next sync; any failure just means logging in next time."""
    if path is None or not token.isascii() or not token.isprintable() or " " in token:
        return
    if not token or len(token) > MAX_TOKEN // 2:
        return
    salt = os.urandom(16)
    text = f"v1 {salt.hex()} {_password_hash(password, salt)}\n{token}\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_dir(path.parent):
            return
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, text.encode("ascii"))
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def forget_token(path: Path | None) -> None:
    """The server refused the kept token: remove it."""
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()
