"""Where an account's secret comes from: a command (an argv, never a shell), the
environment, or — warned about by the config — the file itself.

The secret is read when a sync starts and lives only in memory: it is never printed,
never logged, never stored in the cache. Error messages name the account and the source
of the secret, never its value or the command's output.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field

from suxun_tui.config import AccountSpec
from suxun_tui.sync.api import SyncError

COMMAND_TIMEOUT = 60.0


@dataclass(frozen=True)
class Secret:
    """A password (for a login with the username) or a ready API token."""

    kind: str  # "password" or "token"
    value: str = field(repr=False)


def read_secret(account: AccountSpec, env: Mapping[str, str] | None = None) -> Secret:
    env = os.environ if env is None else env
    label = f"account '{account.name}'"
    if account.token_env:
        return Secret("token", _from_env(env, account.token_env, label))
    if account.password_env:
        return Secret("password", _from_env(env, account.password_env, label))
    if account.password_command:
        return Secret("password", _from_command(account.password_command, label))
    if account.password:
        return Secret("password", account.password)
    raise SyncError(f"{label}: no password or token configured")


def _from_env(env: Mapping[str, str], name: str, label: str) -> str:
    value = env.get(name, "")
    if not value:
        raise SyncError(f"{label}: the environment variable {name} is not set or empty")
    return value


def _from_command(argv: tuple[str, ...], label: str) -> str:
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise SyncError(f"{label}: password_command {argv[0]!r} was not found") from None
    except subprocess.TimeoutExpired:
        raise SyncError(
            f"{label}: password_command did not finish within {COMMAND_TIMEOUT:g} s"
        ) from None
    except OSError as exc:
        raise SyncError(f"{label}: password_command could not run ({exc.strerror})") from None
    if done.returncode != 0:
        raise SyncError(f"{label}: password_command exited with status {done.returncode}")
    # Like pass(1) and most secret tools: the first line is the secret.
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    value = lines[0].strip() if lines else ""
    if not value:
        raise SyncError(f"{label}: password_command printed nothing")
    return value
