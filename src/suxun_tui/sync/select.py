"""Which accounts a refresh syncs, from the names it was given."""

from __future__ import annotations

from collections.abc import Sequence

from suxun_tui.config import AccountSpec, Config
from suxun_tui.store import Store
from suxun_tui.store.remote import AccountStore


def accounts_to_sync(
    config: Config, store: Store, names: Sequence[str] | None
) -> list[AccountSpec]:
    """Every account for a refresh of everything; otherwise the accounts named, or whose
    sources are named.

    "Everything" is no names, or names covering every configured source (the reader's
    refresh-all passes them), so refreshing one local source never waits for a server.
    """
    if names is None:
        return list(config.accounts)
    wanted = set(names)
    if config.sources and {s.name for s in config.sources} <= wanted:
        return list(config.accounts)
    chosen: list[AccountSpec] = []
    for account in config.accounts:
        if account.name in wanted or wanted & set(AccountStore(store, account.name).source_names()):
            chosen.append(account)
    return chosen
