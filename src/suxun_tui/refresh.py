"""Refresh: fetch → parse → store for many sources at once, reporting progress.

A work queue feeds a fixed number of async workers (``concurrency``); the fetcher adds a
per-host limit. One failing source never stops the others: its error is stored on the
source and reported. Parsing runs off the event loop so fetching continues meanwhile.
Both the CLI and the TUI call :func:`refresh_sources`, which is synchronous (it runs its
own event loop) so that the TUI can run it in a thread worker.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from suxun_tui.config import Config, SourceSpec
from suxun_tui.feeds import FeedError
from suxun_tui.models import FeedEntry
from suxun_tui.net import Fetcher, FetchError, FetchResult, local_path
from suxun_tui.parsing import ParseOutcome, parse_source_document
from suxun_tui.schedule import next_fetch_times
from suxun_tui.store import SourceUpdate, Store
from suxun_tui.store.codec import content_hash
from suxun_tui.timefmt import now_utc, to_stored


@dataclass(frozen=True)
class SourceResult:
    """How one source's refresh went."""

    name: str
    ok: bool
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str | None = None
    not_modified: bool = False
    notice: str | None = None


@dataclass(frozen=True)
class Progress:
    """Sent after each finished source (and once at the start with ``result`` None)."""

    done: int
    total: int
    result: SourceResult | None = None


@dataclass
class RefreshReport:
    """Everything a refresh did, for the CLI summary and TUI notifications."""

    results: list[SourceResult] = field(default_factory=list)
    skipped_offline: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if not r.ok]

    @property
    def new(self) -> int:
        return sum(r.new for r in self.results)


ProgressCallback = Callable[[Progress], None]


def select_sources(
    config: Config,
    store: Store,
    *,
    names: Sequence[str] | None = None,
    due_only: bool = False,
) -> list[SourceSpec]:
    """The sources to refresh: the named ones, the due ones, or all."""
    sources = list(config.sources)
    if names:
        wanted = set(names)
        sources = [s for s in sources if s.name in wanted]
    if due_only:
        now = to_stored(now_utc())
        due = []
        for spec in sources:
            sid = store.source_id(spec.name)
            state = store.fetch_state(sid) if sid is not None else None
            if state is None or not state.next_due or state.next_due <= now:
                due.append(spec)
        sources = due
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
) -> RefreshReport:
    """Refresh sources into the cache at ``db_path``; safe to call from any thread."""
    return asyncio.run(
        _refresh(config, db_path, names, force, due_only, offline, on_progress or (lambda p: None))
    )


async def _refresh(
    config: Config,
    db_path: Path,
    names: Sequence[str] | None,
    force: bool,
    due_only: bool,
    offline: bool,
    on_progress: ProgressCallback,
) -> RefreshReport:
    report = RefreshReport()
    store = Store(db_path)
    try:
        store.sync_sources([(s.name, s.url, s.kind, s.group) for s in config.sources])
        sources = select_sources(config, store, names=names, due_only=due_only)
        if offline:
            report.skipped_offline = [s.name for s in sources if local_path(s.url) is None]
            sources = [s for s in sources if local_path(s.url) is not None]
        total = len(sources)
        on_progress(Progress(0, total))
        if not sources:
            return report
        queue: asyncio.Queue[SourceSpec] = asyncio.Queue()
        for spec in sources:
            queue.put_nowait(spec)
        workers = min(config.settings.concurrency, total)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 2))
        async with Fetcher(config.settings) as fetcher:
            job = _Job(store, fetcher, pool, force, report, total, on_progress)
            await asyncio.gather(*(job.worker(queue) for _ in range(workers)))
        pool.shutdown(wait=True)
    finally:
        store.close()
    return report


@dataclass
class _Job:
    """Shared state of one refresh run, used by all its workers."""

    store: Store
    fetcher: Fetcher
    pool: concurrent.futures.Executor
    force: bool
    report: RefreshReport
    total: int
    on_progress: ProgressCallback

    async def worker(self, queue: asyncio.Queue[SourceSpec]) -> None:
        while not queue.empty():
            spec = queue.get_nowait()
            try:
                result = await self.refresh_one(spec)
            except Exception as exc:  # one source must never stop the others
                result = self._fail(spec, f"{spec.name}: unexpected error: {exc!r}")
            self.report.results.append(result)
            self.on_progress(Progress(len(self.report.results), self.total, result))

    async def refresh_one(self, spec: SourceSpec) -> SourceResult:
        source_id = self.store.source_id(spec.name)
        assert source_id is not None, "sources are synced before refreshing"
        state = self.store.fetch_state(source_id)
        now = now_utc()
        if not self.force and state.not_before and state.not_before > to_stored(now):
            return SourceResult(spec.name, True, notice="not due yet (server asked to wait)")
        url = self.store_url(source_id, spec)
        try:
            result = await self.fetcher.get(
                url,
                etag=None if self.force else state.etag,
                last_modified=None if self.force else state.last_modified,
            )
        except FetchError as exc:
            return self._fail(spec, str(exc), source_id, retry_after=exc.retry_after)
        due, not_before = next_fetch_times(spec, result, None, now)
        moved = result.permanent_url
        notice = (
            f"moved permanently to {moved}; the new address is used from now on" if moved else None
        )
        if result.not_modified:
            self.store.record_success(
                source_id, SourceUpdate(next_due=due, not_before=not_before, moved_to=moved)
            )
            return SourceResult(spec.name, True, not_modified=True, notice=notice)
        body_hash = content_hash(result.content.decode("latin-1"))
        if body_hash == state.content_hash and not self.force:
            update = SourceUpdate(
                etag=result.headers.get("etag"),
                last_modified=result.headers.get("last-modified"),
                next_due=due,
                not_before=not_before,
                moved_to=moved,
            )
            self.store.record_success(source_id, update)
            return SourceResult(spec.name, True, not_modified=True, notice=notice)
        try:
            outcome = await self.parse(spec, result)
        except (FeedError, FetchError, ValueError) as exc:
            return self._fail(spec, str(exc), source_id)
        due, not_before = next_fetch_times(spec, result, outcome.ttl_minutes, now)
        update = SourceUpdate(
            etag=result.headers.get("etag"),
            last_modified=result.headers.get("last-modified"),
            body_hash=body_hash,
            next_due=due,
            not_before=not_before,
            title=outcome.title or None,
            moved_to=moved,
            detected_kind=outcome.kind,
        )
        counts = self.store.store_entries(source_id, outcome.entries, update)
        return SourceResult(
            spec.name, True, counts.new, counts.updated, counts.unchanged, notice=notice
        )

    def store_url(self, source_id: int, spec: SourceSpec) -> str:
        row = next((s for s in self.store.sources() if s.id == source_id), None)
        return row.url if row else spec.url

    async def parse(self, spec: SourceSpec, result: FetchResult) -> ParseOutcome:
        loop = asyncio.get_running_loop()
        outcome = await loop.run_in_executor(
            self.pool, parse_source_document, spec, result.content, result.url, result.content_type
        )
        if outcome.kind == "page" and spec.pages > 1 and outcome.next_page:
            outcome = await self._more_listing_pages(spec, outcome, loop)
        return outcome

    async def _more_listing_pages(
        self, spec: SourceSpec, outcome: ParseOutcome, loop: asyncio.AbstractEventLoop
    ) -> ParseOutcome:
        entries: list[FeedEntry] = list(outcome.entries)
        seen = {e.guid for e in entries}
        next_url = outcome.next_page
        for _ in range(spec.pages - 1):
            if not next_url:
                break
            try:
                page = await self.fetcher.get(next_url)
            except FetchError:
                break  # later pages are a bonus; the first page already succeeded
            more = await loop.run_in_executor(
                self.pool, parse_source_document, spec, page.content, page.url, page.content_type
            )
            entries.extend(e for e in more.entries if e.guid not in seen)
            seen.update(e.guid for e in more.entries)
            next_url = more.next_page
        return ParseOutcome(outcome.kind, outcome.title, tuple(entries), outcome.ttl_minutes)

    def _fail(
        self,
        spec: SourceSpec,
        message: str,
        source_id: int | None = None,
        retry_after: float | None = None,
    ) -> SourceResult:
        if source_id is not None:
            not_before = None
            if retry_after:
                not_before = to_stored(now_utc() + timedelta(seconds=retry_after))
            self.store.record_error(source_id, message, not_before)
        return SourceResult(spec.name, False, error=message)


# The TUI and CLI reach full-text fetching through this module too.
from suxun_tui.fulltext import ArticleFetchError, fetch_full_article  # noqa: E402

__all__ = [
    "ArticleFetchError",
    "Progress",
    "RefreshReport",
    "SourceResult",
    "fetch_full_article",
    "refresh_sources",
    "select_sources",
]
