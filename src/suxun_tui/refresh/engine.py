"""Refresh: fetch → parse → store for many sources at once, reporting progress.

Three kinds of work overlap, each where it runs best:

- **fetching** on the event loop: a queue of due sources drained by ``concurrency`` async
  workers; the fetcher adds the per-host limit, keep-alive, compression and retries;
- **parsing** in a pool sized to the machine (see :class:`~.parse_pool.ParsePool`),
  so the GIL-bound parser never stalls the loop and a second core gets used;
- **storing** on one database thread that owns the SQLite connection: one short
  transaction per source (prepared ``executemany`` statements), so a cron refresh and an
  open TUI share the file without "database is locked".

Conditional GET applies from the first refresh (validators are stored with the articles);
a 304 or an unchanged body (same hash) skips parsing. One failing source never stops
the others: its error is stored on the source and reported. Both the CLI and the TUI call
:func:`refresh_sources`, which is synchronous (it runs its own event loop) so that the TUI
can run it in a thread worker. The due sources are chosen first, on the caller's thread
with a connection of its own (or the command line's). Still on that thread, the sources
with validators are asked in one libcurl loop (:mod:`~suxun_tui.net.probe`): those that
answer 304 are recorded there in one transaction, so a refresh where nothing changed
starts no thread, loop or fork. For the rest, the parse workers' server is forked
(before any thread starts), and the database thread, the loop and everything that
fetches and parses (:mod:`~suxun_tui.refresh.running`) start, the probe's new bodies
handed to them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.config import AccountSpec, Config, SourceSpec
from suxun_tui.net.local import local_path
from suxun_tui.refresh.parse_server import fork_server, stop_server
from suxun_tui.refresh.schedule import is_due, next_fetch_times, server_says_wait
from suxun_tui.refresh.unchanged import validators_apply
from suxun_tui.store import SourceUpdate, Store
from suxun_tui.store.db import FetchState
from suxun_tui.text.timefmt import now_utc, to_stored

if TYPE_CHECKING:  # the sync machinery loads only when an account is refreshed
    from dataclasses import dataclass, field  # made cheaply at run time: suxun_tui.record

    from suxun_tui.net.exchange import FetchError
    from suxun_tui.net.wire import FetchResult
    from suxun_tui.sync.engine import AccountResult
else:
    from suxun_tui.record import dataclass, field

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple


class SourceResult(NamedTuple):
    """How one source's refresh went (a named tuple, as :class:`Progress`: cheaper than
    a frozen dataclass to define at every start, and to make once per source)."""

    name: str
    ok: bool
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str | None = None
    not_modified: bool = False
    notice: str | None = None
    account: bool = False  # the sync of a feed-server account, named by ``name``


class Progress(NamedTuple):
    """Sent after each finished source or account (and once at the start with ``result``
    None); while an account syncs, also with its running totals of entries pulled and
    local changes pushed."""

    done: int
    total: int
    result: SourceResult | None = None
    pulled: int = 0
    pushed: int = 0


@dataclass
class RefreshReport:
    """Everything a refresh did, for the CLI summary and TUI notifications."""

    results: list[SourceResult] = field(default_factory=list)
    skipped_offline: list[str] = field(default_factory=list)
    accounts: list[AccountResult] = field(default_factory=list)

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if not r.ok]

    @property
    def new(self) -> int:
        return sum(r.new for r in self.results)


ProgressCallback = Callable[[Progress], None]


def is_local(spec: SourceSpec) -> bool:
    """Whether the user configured this source as a local file (then local links may load)."""
    return local_path(spec.url) is not None


def select_sources(
    config: Config,
    store: Store,
    *,
    names: Sequence[str] | None = None,
    due_only: bool = False,
) -> list[SourceSpec]:
    """The sources to refresh: the named ones, the due ones, or all."""
    return _select(config, store.refresh_states(), names, due_only)


def _select(
    config: Config,
    states: dict[str, tuple[int, str, FetchState]],
    names: Sequence[str] | None,
    due_only: bool,
) -> list[SourceSpec]:
    sources = list(config.sources)
    if names:
        wanted = set(names)
        sources = [s for s in sources if s.name in wanted]
    if due_only:
        now = to_stored(now_utc())
        sources = [s for s in sources if s.name not in states or is_due(states[s.name][2], now)]
    return sources


def refresh_sources(
    config: Config,
    db_path: Path,
    *,
    names: Sequence[str] | None = None,
    force: bool = False,
    due_only: bool = False,
    offline: bool = False,
    on_progress: ProgressCallback | None = None,
    store: Store | None = None,
) -> RefreshReport:
    """Refresh sources into the cache at ``db_path``; safe to call from any thread.

    ``store``, when given, is that cache already open on this thread (the command line's,
    the config's sources and accounts written to it by :mod:`~suxun_tui.cli.context`): it
    chooses the sources and records the 304s instead of a connection of its own, and is
    closed before anything else starts.
    """
    progress = on_progress or (lambda p: None)
    report = RefreshReport()
    planning = Store(db_path) if store is None else store
    try:  # what is due, read on this thread before any other starts
        sources, accounts, states = _plan(
            config, planning, names, due_only, offline, report, synced=store is not None
        )
        total = len(sources) + len(accounts)
        progress(Progress(0, total))
        fetched: dict[str, FetchResult | FetchError] = {}
        if sources and not force:  # the unchanged ones, done before any thread or loop
            sources, fetched = _ask_first(
                config, planning, sources, states, report, progress, total
            )
    finally:
        planning.close()
    if not sources and not accounts:
        return report
    # The parse workers' server, before any thread; none for a sync of accounts alone.
    forked = bool(sources) and fork_server(len(sources))
    try:
        from suxun_tui.net.eventloop import import_asyncio

        import_asyncio()  # the event loop, the fetcher and the parsers: only with work to do
        import asyncio

        from suxun_tui.refresh.running import run

        asyncio.run(
            run(
                config,
                db_path,
                sources,
                accounts,
                states,
                force,
                offline,
                report,
                progress,
                fetched,
            )
        )
    finally:
        if forked:
            stop_server()
    return report


def _ask_first(
    config: Config,
    store: Store,
    sources: list[SourceSpec],
    states: dict[str, tuple[int, str, FetchState]],
    report: RefreshReport,
    progress: ProgressCallback,
    total: int,
) -> tuple[list[SourceSpec], dict[str, FetchResult | FetchError]]:
    """Ask the sources with validators whether they changed (:mod:`~suxun_tui.net.probe`:
    one libcurl loop on this thread), record those that answered 304 in one transaction,
    and return the rest for the full refresh with the new bodies already received. Without
    pycurl (or with ``SUXUN_TUI_HTTP=httpx``) every source goes to the full refresh."""
    if os.environ.get("SUXUN_TUI_HTTP", "") not in ("", "curl"):
        return sources, {}
    now = now_utc()
    candidates: list[tuple[SourceSpec, int]] = []
    asks: list[tuple[str, str | None, str | None]] = []
    for spec in sources:
        if spec.name not in states or is_local(spec):
            continue
        source_id, url, state = states[spec.name]
        if server_says_wait(state, now) or not validators_apply(spec, state.content_hash):
            continue
        candidates.append((spec, source_id))
        asks.append((url, state.etag, state.last_modified))
    if not asks:
        return sources, {}
    from suxun_tui.net.probe import conditional_gets  # pycurl's C module with the first ask
    from suxun_tui.net.wire import FetchResult

    answered = conditional_gets(config.settings, asks)  # {} without pycurl
    unchanged: list[tuple[int, SourceUpdate]] = []
    settled: list[str] = []
    fetched: dict[str, FetchResult | FetchError] = {}  # new bodies and errors: the full refresh's
    for index in sorted(answered):
        spec, source_id = candidates[index]
        result = answered[index]
        if isinstance(result, FetchResult) and result.not_modified:
            unchanged.append((source_id, unchanged_update(spec, result, now)))
            settled.append(spec.name)
        else:
            fetched[spec.name] = result
    store.record_successes(unchanged)  # reported once they are written
    for name in settled:
        source = SourceResult(name, True, not_modified=True)
        report.results.append(source)
        progress(Progress(len(report.results), total, source))
    done = set(settled)
    return [s for s in sources if s.name not in done], fetched


def unchanged_update(spec: SourceSpec, result: FetchResult, now: datetime) -> SourceUpdate:
    """What a source that did not change keeps: the validators it was answered with,
    its next due time, the server's wait hint and a permanent move."""
    due, not_before = next_fetch_times(spec, result, None, now)
    return SourceUpdate(
        etag=result.headers.get("etag"),
        last_modified=result.headers.get("last-modified"),
        next_due=due,
        not_before=not_before,
        moved_to=result.permanent_url,
    )


def _plan(
    config: Config,
    store: Store,
    names: Sequence[str] | None,
    due_only: bool,
    offline: bool,
    report: RefreshReport,
    *,
    synced: bool = False,
) -> tuple[list[SourceSpec], list[AccountSpec], dict[str, tuple[int, str, FetchState]]]:
    """The config's sources and accounts written to the cache (unless ``synced``: the
    caller just did), then the ones to refresh now (the sources skipped offline noted in
    ``report``) and every source's state."""
    if not synced:
        from suxun_tui.store.remote import retire_accounts

        store.sync_sources([(s.name, s.url, s.kind, s.group) for s in config.sources])
        retire_accounts(store, [a.name for a in config.accounts])
    states = store.refresh_states()
    sources = _select(config, states, names, due_only)
    accounts: list[AccountSpec] = []
    if config.accounts:
        from suxun_tui.sync.select import accounts_to_sync

        accounts = accounts_to_sync(config, store, names)
    if offline:
        report.skipped_offline = [s.name for s in sources if local_path(s.url) is None]
        sources = [s for s in sources if local_path(s.url) is not None]
    return sources, accounts, states


__all__ = [
    "Progress",
    "RefreshReport",
    "SourceResult",
    "refresh_sources",
    "select_sources",
]
