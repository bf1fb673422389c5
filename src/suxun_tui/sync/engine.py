"""One sync of one account: log in, subscriptions, pull batches, push the queue.

Order and why:

1. **Log in and list feeds** — wrong credentials stop here with a message naming the
   account; the account's feeds become its sources (a group per account, folders inside).
   A client whose flags come as whole lists (the Google Reader API) has the cache's
   entries read meanwhile, on the database thread.
2. **Pull** in batches, each stored in one transaction with its cursor (a kill leaves the
   cache at a batch boundary). Where a batch carries a flag for an entry whose local mark
   is still queued, the conflict rule decides: the same value — nothing to push; a
   different value changed on the server *after* the local mark (only Miniflux gives
   change times) — the server wins and the queued mark is dropped; otherwise the local
   mark wins, stays in the cache and is pushed.
3. **Push** what is still queued, then delete exactly the pushed rows. A kill between the
   server's answer and the delete pushes them again next time: they are states, so that
   changes nothing.

A server that cannot be reached ends the sync with the queue intact and says so.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from suxun_tui.config import AccountSpec, Config, Settings
from suxun_tui.net.client import Fetcher
from suxun_tui.store import Store
from suxun_tui.store.connection import write_problem
from suxun_tui.store.queue import Flag, PendingChange, pending_count
from suxun_tui.store.remote import AccountStore, Known, RemoteEntry
from suxun_tui.sync.api import AuthError, ServerDown, SyncError
from suxun_tui.sync.client import Client
from suxun_tui.sync.flags import changed_flags, needs_ids, settled
from suxun_tui.sync.secrets import read_secret
from suxun_tui.text.i18n import N_

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

T = TypeVar("T")
DbCall = Callable[[Callable[[Store], T]], Awaitable[T]]


@dataclass(frozen=True)
class AccountResult:
    """How one account's sync went: entries pulled, marks pushed, what is still queued."""

    name: str
    ok: bool
    new: int = 0
    updated: int = 0
    flags_changed: int = 0
    pushed: int = 0
    queued: int = 0
    error: str | None = None
    auth_failed: bool = False
    server_down: bool = False
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncProgress:
    """Sent while an account syncs: its name and running totals."""

    account: str
    pulled: int
    pushed: int
    done: bool = False


SyncCallback = Callable[[SyncProgress], None]


def make_client(account: AccountSpec, fetcher: Fetcher) -> Client:
    """The account's API client; only its own module is loaded (a cron sync of one
    Miniflux account does not pay for the Google Reader client, nor the reverse)."""
    secret = read_secret(account)
    if account.type == "miniflux":
        from suxun_tui.sync.miniflux import MinifluxClient

        return MinifluxClient(fetcher, account.name, account.url, account.username, secret)
    from suxun_tui.sync.greader import GReaderClient

    return GReaderClient(fetcher, account.name, account.url, account.username, secret)


@dataclass
class _Run:
    """One account's sync under way: its store calls and the running totals."""

    account: AccountSpec
    db: DbCall[object]
    on_progress: SyncCallback
    new: int = 0
    updated: int = 0
    flags_changed: int = 0
    pushed: int = 0
    notices: list[str] = field(default_factory=list)
    loading: asyncio.Future[dict[str, Known]] | None = None  # the cache's entries

    def store(self, s: Store) -> AccountStore:
        return AccountStore(s, self.account.name)

    async def call(self, fn: Callable[[AccountStore], T]) -> T:
        result = await self.db(lambda s: fn(self.store(s)))
        return result  # type: ignore[return-value]

    async def run(self, client: Client) -> None:
        await client.login()
        pending = await self.call(lambda a: a.pending())
        queued = {(p.remote_id, p.flag): p for p in pending}
        cursor = await self.call(lambda a: a.cursor())
        if client.compares_every_entry:
            # Every sync compares each cached entry with the server's lists: they are read
            # on the database thread while the server answers the feed lists.
            self.loading = asyncio.ensure_future(self.call(lambda a: a.known()))
        try:
            await self._pull(client, cursor, queued)
        finally:
            loading, self.loading = self.loading, None
            if loading is not None:
                loading.cancel()
                if loading.done() and not loading.cancelled():
                    loading.exception()  # a failed sync: not reported as never retrieved
        await self.push(client, list(queued.values()))

    async def cached(self) -> dict[str, Known]:
        """The cache's entries, read once, when a batch first needs them."""
        if self.loading is None:
            self.loading = asyncio.ensure_future(self.call(lambda a: a.known()))
        return await asyncio.shield(self.loading)

    async def _pull(
        self,
        client: Client,
        cursor: dict[str, str],
        queued: dict[tuple[str, Flag], PendingChange],
    ) -> None:
        feeds = await client.feeds()
        await self.call(lambda a: a.set_feeds(feeds))
        cached = self.cached
        async for batch in client.pull(cursor, cached):
            drop = settled(batch, queued)
            if batch.entries:
                cursor_now = None if batch.flags else batch.cursor
                new, updated, skipped = await self.call(
                    _entries_writer(batch.entries, drop, cursor_now)
                )
                drop = []
                self.new, self.updated = self.new + new, self.updated + updated
                if skipped:
                    said = N_("{count} entries of feeds not subscribed were skipped")
                    self.notices.append(said.format(count=skipped))
                if self.loading is not None:  # else read later, with these entries' ids
                    known = await cached()
                    known.update({e.row[0]: Known(0, e.read, e.starred) for e in batch.entries})
            if batch.flags or batch.listing or drop or (batch.cursor and not batch.entries):
                known = await cached() if batch.flags or batch.listing else {}
                if known and needs_ids(batch, known):
                    known.update(await self.call(lambda a: a.known()))
                flags = changed_flags(batch, known)
                self.flags_changed += await self.call(_flags_writer(flags, drop, batch.cursor))
            if batch.notice:
                self.notices.append(batch.notice)
            self.on_progress(SyncProgress(self.account.name, self.new, self.pushed))

    async def push(self, client: Client, changes: Sequence[PendingChange]) -> None:
        if not changes:
            return
        await client.push(changes)
        ids = [c.id for c in changes]
        await self.call(lambda a: a.drop_pushed(ids))
        self.pushed += len(changes)
        self.on_progress(SyncProgress(self.account.name, self.new, self.pushed))


def _entries_writer(
    entries: list[RemoteEntry], drop: list[int], cursor: dict[str, str] | None
) -> Callable[[AccountStore], tuple[int, int, int]]:
    return lambda a: a.store_entries(entries, drop_changes=drop, cursor=cursor)


def _flags_writer(
    flags: list[tuple[int, Flag, bool]], drop: list[int], cursor: dict[str, str]
) -> Callable[[AccountStore], int]:
    return lambda a: a.apply_flags(flags, drop_changes=drop, cursor=cursor)


async def sync_account(
    account: AccountSpec,
    fetcher: Fetcher,
    db: DbCall[object],
    *,
    offline: bool = False,
    on_progress: SyncCallback | None = None,
) -> AccountResult:
    """Sync one account through ``db`` (runs a function with the store); never raises."""
    progress = on_progress or (lambda p: None)
    run = _Run(account, db, progress)

    async def queued() -> int:
        return await run.db(lambda s: pending_count(s.conn, account.name))  # type: ignore[return-value]

    if offline:
        waiting = await queued()
        note = N_("offline: {count} local change(s) stay queued").format(count=waiting)
        if not waiting:
            note = N_("offline")
        return AccountResult(account.name, True, queued=waiting, notices=(note,))
    try:
        client = make_client(account, fetcher)
        try:
            await run.run(client)
        finally:
            client.close()
        await run.call(lambda a: a.record_success())
    except SyncError as exc:
        message = str(exc)
        if not message.startswith(f"account '{account.name}'"):
            message = f"account '{account.name}': {message}"
        try:
            await run.call(lambda a: a.record_error(message))
            waiting = await queued()
        except Exception:
            waiting = 0
        return AccountResult(
            account.name,
            False,
            run.new,
            run.updated,
            run.flags_changed,
            run.pushed,
            waiting,
            message,
            auth_failed=isinstance(exc, AuthError),
            server_down=isinstance(exc, ServerDown),
            notices=tuple(run.notices),
        )
    finally:
        progress(SyncProgress(account.name, run.new, run.pushed, done=True))
    return AccountResult(
        account.name,
        True,
        run.new,
        run.updated,
        run.flags_changed,
        run.pushed,
        await queued(),
        notices=tuple(dict.fromkeys(run.notices)),
    )


async def sync_all(
    accounts: Sequence[AccountSpec],
    settings: Settings,
    db: DbCall[object],
    *,
    offline: bool = False,
    on_progress: SyncCallback | None = None,
    cache: Path | None = None,
) -> list[AccountResult]:
    """Every account in turn on one HTTP client; one failing account never stops another.

    ``cache`` is the store's file, named when a write to it fails (a full disk, a lock).
    """
    results: list[AccountResult] = []
    async with Fetcher(settings) as fetcher:
        for account in accounts:
            try:
                result = await sync_account(
                    account, fetcher, db, offline=offline, on_progress=on_progress
                )
            except Exception as exc:  # a bug must not stop the other accounts
                result = AccountResult(account.name, False, error=_unforeseen(account, exc, cache))
            results.append(result)
    return results


def _unforeseen(account: AccountSpec, exc: Exception, cache: Path | None) -> str:
    """An account's sync that raised: a write the cache refused says so and what to do."""
    if isinstance(exc, sqlite3.Error) and cache is not None:
        return f"account '{account.name}': {write_problem(cache, exc).message}"
    return f"account '{account.name}': unexpected error: {exc!r}"


def sync_accounts(
    config: Config,
    db_path: Path,
    *,
    names: Sequence[str] | None = None,
    offline: bool = False,
    on_progress: SyncCallback | None = None,
) -> list[AccountResult]:
    """Sync the configured accounts (or the named ones) into the cache at ``db_path``."""
    accounts = [a for a in config.accounts if names is None or a.name in names]
    executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="suxun-sync-db")
    store = executor.submit(Store, db_path).result()
    store.use_rules(config.rules)  # the config's rules act on every pulled article

    async def db(fn: Callable[[Store], object]) -> object:
        return await asyncio.get_running_loop().run_in_executor(executor, fn, store)

    try:
        return asyncio.run(
            sync_all(
                accounts,
                config.settings,
                db,
                offline=offline,
                on_progress=on_progress,
                cache=db_path,
            )
        )
    finally:
        executor.submit(store.close).result()
        executor.shutdown()
