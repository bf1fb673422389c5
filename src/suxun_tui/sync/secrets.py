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
from typing import TYPE_CHECKING

from suxun_tui.config import AccountSpec
from suxun_tui.sync.api import ACCOUNT, SyncError
from suxun_tui.text.i18n import N_

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

COMMAND_TIMEOUT = 60.0


@dataclass(frozen=True)
class Secret:
    """A password (for a login with the username) or a ready API token."""

    kind: str  # "password" or "token"
    value: str = field(repr=False)


def read_secret(account: AccountSpec, env: Mapping[str, str] | None = None) -> Secret:
    env = os.environ if env is None else env
    label = ACCOUNT.format(name=account.name)
    if account.token_env:
        return Secret("token", _from_env(env, account.token_env, label))
    if account.password_env:
        return Secret("password", _from_env(env, account.password_env, label))
    if account.password_command:
        return Secret("password", _from_command(account.password_command, label))
    if account.password:
        return Secret("password", account.password)
    raise SyncError(N_("{where}: no password or token configured").format(where=label))


def _from_env(env: Mapping[str, str], name: str, label: str) -> str:
    value = env.get(name, "")
    if not value:
        message = N_("{where}: the environment variable {name} is not set or empty")
        raise SyncError(message.format(where=label, name=name))
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
        message = N_("{where}: password_command {program!r} was not found")
        raise SyncError(message.format(where=label, program=argv[0])) from None
    except subprocess.TimeoutExpired:
        message = N_("{where}: password_command did not finish within {seconds:g} s")
        raise SyncError(message.format(where=label, seconds=COMMAND_TIMEOUT)) from None
    except OSError as exc:
        message = N_("{where}: password_command could not run ({reason})")
        raise SyncError(message.format(where=label, reason=exc.strerror)) from None
    if done.returncode != 0:
        message = N_("{where}: password_command exited with status {status}")
        raise SyncError(message.format(where=label, status=done.returncode))
    # Like pass(1) and most secret tools: the first line is the secret.
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    value = lines[0].strip() if lines else ""
    if not value:
        raise SyncError(N_("{where}: password_command printed nothing").format(where=label))
    return value
