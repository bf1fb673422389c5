"""Subscribing and unsubscribing through an account: the server does it, then a sync
brings the change (and the new feed's entries) into the cache."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from suxun_tui.config import Config
from suxun_tui.net.client import Fetcher
from suxun_tui.store import Store
from suxun_tui.store.remote import AccountStore
from suxun_tui.sync.api import SyncError
from suxun_tui.sync.engine import AccountResult, make_client, sync_account
from suxun_tui.text.i18n import N_


def change_subscription(
    config: Config,
    db_path: Path,
    account_name: str,
    *,
    subscribe: str | None = None,
    unsubscribe: str | None = None,
    folder: str | None = None,
) -> AccountResult:
    """Subscribe to a feed URL, or unsubscribe from a source of the account (by name)."""
    account = config.account(account_name)
    if account is None:
        known = ", ".join(a.name for a in config.accounts) or N_("none configured")
        raise SyncError(
            N_("no account named {name!r} (known: {known})").format(name=account_name, known=known)
        )

    async def run() -> AccountResult:
        with Store(db_path) as store:

            async def db(fn: Callable[[Store], object]) -> object:
                return fn(store)

            async with Fetcher(config.settings) as fetcher:
                client = make_client(account, fetcher)
                await client.login()
                if subscribe:
                    await client.subscribe(subscribe, folder)
                if unsubscribe:
                    remote = _remote_id(AccountStore(store, account.name), unsubscribe)
                    await client.unsubscribe(remote)
                return await sync_account(account, fetcher, db)

    return asyncio.run(run())


def _remote_id(account: AccountStore, source_name: str) -> str:
    row = account.conn.execute(
        "SELECT remote_id FROM sources WHERE account = ? AND name = ?",
        (account.account, source_name),
    ).fetchone()
    if row is None:
        names = ", ".join(account.source_names()) or "none"
        raise SyncError(
            f"account '{account.account}' has no source named {source_name!r}"
            f" (its sources: {names})"
        )
    return str(row[0])
