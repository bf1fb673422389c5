"""The part of a refresh that runs on the event loop: the due sources
(:mod:`~suxun_tui.refresh.fetch_job`), then the accounts' syncs (see
:mod:`~suxun_tui.refresh.engine` for the whole).

Imported only when there is something to fetch: a refresh with nothing due (cron, every
few minutes) starts no thread and loads no event loop, fetcher or parse pool; a sync of
accounts alone loads no parse pool or feed parser.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from suxun_tui.config import AccountSpec, Config, SourceSpec
from suxun_tui.net.client import Fetcher, FetchError, FetchResult
from suxun_tui.refresh.engine import (
    Progress,
    ProgressCallback,
    RefreshReport,
    SourceResult,
)
from suxun_tui.store import Store
from suxun_tui.store.db import FetchState

if TYPE_CHECKING:  # the sync machinery loads only when an account is refreshed
    from suxun_tui.sync.engine import SyncProgress

T = TypeVar("T")


class Database:
    """The store, opened and used on one dedicated thread, called from the event loop.

    SQLite releases the GIL while it works, so writes overlap fetching and parsing, and
    the connection never crosses threads.
    """

    def __init__(self, path: Path) -> None:
        self.executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="suxun-db")
        try:
            self.store: Store = self.executor.submit(_open_for_refresh, path).result()
        except BaseException:
            self.executor.shutdown(wait=False)  # no thread left behind when the cache is bad
            raise

    async def call(self, fn: Callable[[Store], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, self.store)

    async def call_any(self, fn: Callable[[Store], object]) -> object:
        return await self.call(fn)

    def close(self) -> None:
        self.executor.submit(self.store.close).result()
        self.executor.shutdown(wait=True)


def _open_for_refresh(path: Path) -> Store:
    """The store, its statement journals kept in memory: an insert with triggers journals
    the pages it changes, and a refresh's batches (``group_writer``) change many; in a file
    that was two thirds of the refresh's disk writes. They last one statement, and their
    size is bounded by the batch."""
    store = Store(path)
    store.conn.execute("PRAGMA temp_store = MEMORY")
    return store


async def run(
    config: Config,
    db_path: Path,
    sources: Sequence[SourceSpec],
    accounts: Sequence[AccountSpec],
    states: dict[str, tuple[int, str, FetchState]],
    force: bool,
    offline: bool,
    report: RefreshReport,
    on_progress: ProgressCallback,
    fetched: dict[str, FetchResult | FetchError] | None = None,
) -> None:
    """Refresh ``sources``, then sync ``accounts``, each one step of the progress reported;
    the cache is opened on its own thread for the run and closed after it. ``fetched``:
    answers already received for some sources (the engine's probe), by name."""
    db = Database(db_path)
    try:
        await db.call(lambda store: store.use_rules(config.rules))  # on every new article
        total = len(report.results) + len(sources) + len(accounts)  # with the 304s settled
        if sources:
            from suxun_tui.refresh.fetch_job import SourcesJob
            from suxun_tui.refresh.parse_pool import ParsePool

            queue: asyncio.Queue[SourceSpec] = asyncio.Queue()
            for spec in sources:
                queue.put_nowait(spec)
            new = sum(1 for spec in sources if not states[spec.name][2].content_hash)
            with ParsePool(len(sources), new) as pool:
                pool.warm()
                async with Fetcher(config.settings) as fetcher:
                    job = SourcesJob(db, states, fetcher, pool, force, report, total, on_progress)
                    job.fetched = dict(fetched or {})
                    workers = min(config.settings.concurrency, len(sources))
                    await asyncio.gather(*(job.worker(queue) for _ in range(workers)))
                    unchanged = job.unchanged
                    await db.call(lambda store: store.record_successes(unchanged))
        if accounts:
            await _sync_accounts(config, accounts, db, offline, report, total, on_progress)
    finally:
        db.close()


async def _sync_accounts(
    config: Config,
    accounts: Sequence[AccountSpec],
    db: Database,
    offline: bool,
    report: RefreshReport,
    total: int,
    on_progress: ProgressCallback,
) -> None:
    """Sync feed-server accounts after the local sources; each counts as one step."""
    from suxun_tui.sync.engine import sync_all

    def progressed(event: SyncProgress) -> None:
        if not event.done:
            on_progress(Progress(len(report.results), total, None, event.pulled, event.pushed))

    results = await sync_all(
        accounts,
        config.settings,
        db.call_any,
        offline=offline,
        on_progress=progressed,
        cache=db.store.path,
    )
    for result in results:
        report.accounts.append(result)
        notice = "; ".join(result.notices) or None
        source_result = SourceResult(
            f"account {result.name}",
            result.ok,
            result.new,
            result.updated,
            error=result.error,
            notice=notice,
            account=True,
        )
        report.results.append(source_result)
        on_progress(Progress(len(report.results), total, source_result, result.new, result.pushed))
