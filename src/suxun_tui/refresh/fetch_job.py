"""Fetching, parsing and storing the due local sources of one refresh, on the event loop.

Its own module so that a refresh of accounts alone (a sync) loads none of it: no parse
pool, no feed parsers, no rotation or scheduling rules.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.config import SourceSpec
from suxun_tui.feeds.errors import FeedError
from suxun_tui.net.client import Fetcher, FetchError, FetchResult
from suxun_tui.refresh.engine import (
    Progress,
    ProgressCallback,
    RefreshReport,
    SourceResult,
    is_local,
    unchanged_update,
)
from suxun_tui.refresh.group_writer import GroupWriter
from suxun_tui.refresh.parse_pool import ParsePool, PreparedDocument, prepare_document
from suxun_tui.refresh.rotation import keep_guids_stable
from suxun_tui.refresh.schedule import next_fetch_times, retry_not_before, server_says_wait
from suxun_tui.refresh.unchanged import document_hash, item_seed, validators_apply
from suxun_tui.store import SourceUpdate
from suxun_tui.store.articles import ArticleRow, stored_item_keys
from suxun_tui.store.connection import write_problem
from suxun_tui.store.db import FetchState
from suxun_tui.store.identities import stored_identities
from suxun_tui.store.source_writes import SourceRows
from suxun_tui.text.i18n import N_
from suxun_tui.text.timefmt import now_utc

if TYPE_CHECKING:
    from suxun_tui.refresh.running import Database


@dataclass
class SourcesJob:
    """Shared state of one refresh run, used by all its workers."""

    db: Database
    states: dict[str, tuple[int, str, FetchState]]
    fetcher: Fetcher
    pool: ParsePool
    force: bool
    report: RefreshReport
    total: int
    on_progress: ProgressCallback
    # Unchanged sources' records, written together when the fetching is done (a kill
    # before then loses only their times: they are fetched again, conditionally).
    unchanged: list[tuple[int, SourceUpdate]] = field(default_factory=list)
    # Answers received before the loop started (the engine's probe), by source name.
    fetched: dict[str, FetchResult | FetchError] = field(default_factory=dict)
    writer: GroupWriter = field(init=False)

    def __post_init__(self) -> None:
        # Changed sources' rows: those waiting together share one commit.
        self.writer = GroupWriter(self.db.call)

    async def worker(self, queue: asyncio.Queue[SourceSpec]) -> None:
        while not queue.empty():
            spec = queue.get_nowait()
            try:
                result = await self.refresh_one(spec)
            except Exception as exc:  # one source must never stop the others
                source_id = self.states[spec.name][0] if spec.name in self.states else None
                message = _unforeseen(spec.name, exc, self.db.store.path)
                try:  # keep it on the source too, where the sources pane shows errors
                    result = await self._fail(spec, message, source_id)
                except Exception:
                    result = SourceResult(spec.name, False, error=message)
            self.report.results.append(result)
            self.on_progress(Progress(len(self.report.results), self.total, result))

    async def refresh_one(self, spec: SourceSpec) -> SourceResult:
        source_id, url, state = self.states[spec.name]
        now = now_utc()
        if not self.force and server_says_wait(state, now):
            return SourceResult(spec.name, True, notice=N_("not due yet (server asked to wait)"))
        try:
            received = self.fetched.pop(spec.name, None)
            if isinstance(received, FetchResult):
                result = received
            else:  # asked here, or the first attempt's error goes on to the retries
                conditional = not self.force and validators_apply(spec, state.content_hash)
                result = await self.fetcher.get(
                    url,
                    etag=state.etag if conditional else None,
                    last_modified=state.last_modified if conditional else None,
                    allow_local=is_local(spec),
                    failed=received,
                )
        except FetchError as exc:
            return await self._fail(spec, str(exc), source_id, retry_after=exc.retry_after)
        moved = result.permanent_url
        notice = (
            N_("moved permanently to {url}; the new address is used from now on").format(url=moved)
            if moved
            else None
        )
        validators = {
            "etag": result.headers.get("etag"),
            "last_modified": result.headers.get("last-modified"),
        }
        body_hash = document_hash(spec, result.content)
        if result.not_modified or (body_hash == state.content_hash and not self.force):
            self.unchanged.append((source_id, unchanged_update(spec, result, now)))
            return SourceResult(spec.name, True, not_modified=True, notice=notice)
        known: frozenset[str] = frozenset()
        if state.content_hash and not self.force:  # items stored before need no rebuilding
            known = await self.db.call(lambda store: stored_item_keys(store.conn, source_id))
        try:
            outcome = await self.parse(spec, result, known)
        except (FeedError, FetchError, ValueError) as exc:
            return await self._fail(spec, str(exc), source_id)
        due, not_before = next_fetch_times(spec, result, outcome.ttl_minutes, now)
        update = SourceUpdate(
            **validators,
            body_hash=body_hash,
            next_due=due,
            not_before=not_before,
            title=outcome.title or None,
            moved_to=moved,
            detected_kind=outcome.kind,
        )
        stored = await self.db.call(lambda store: stored_identities(store.conn, source_id))
        rows = keep_guids_stable(outcome.rows, stored, len(outcome.rows) + outcome.skipped)
        keys = outcome.item_keys
        job = SourceRows(source_id, rows, update, keys, outcome.dup_keys)
        counts = await self.writer.store(job)
        notice = "; ".join(n for n in (notice, outcome.notice) if n) or None
        unchanged = counts.unchanged + outcome.skipped
        return SourceResult(spec.name, True, counts.new, counts.updated, unchanged, notice=notice)

    async def parse(
        self, spec: SourceSpec, result: FetchResult, known: frozenset[str] = frozenset()
    ) -> PreparedDocument:
        outcome = await self._parse_document(spec, result, known)
        if outcome.kind == "page" and spec.pages > 1 and outcome.next_page:
            outcome = await self._more_listing_pages(spec, outcome)
        return outcome

    async def _parse_document(
        self, spec: SourceSpec, result: FetchResult, known: frozenset[str] = frozenset()
    ) -> PreparedDocument:
        loop = asyncio.get_running_loop()
        seed = item_seed(spec, result.url)
        args = (spec, result.content, result.url, result.content_type, known, seed)
        try:
            return await loop.run_in_executor(self.pool.get(), prepare_document, *args)
        except concurrent.futures.BrokenExecutor:
            # A worker process died or could not start (e.g. a script without a
            # ``__main__`` guard); parsing on threads is slower but always works.
            self.pool.degrade()
            return await loop.run_in_executor(self.pool.get(), prepare_document, *args)

    async def _more_listing_pages(
        self, spec: SourceSpec, outcome: PreparedDocument
    ) -> PreparedDocument:
        rows: list[ArticleRow] = list(outcome.rows)
        seen = {r[0] for r in rows}
        next_url = outcome.next_page
        for _ in range(spec.pages - 1):
            if not next_url:
                break
            # Later pages are a bonus: the first page already succeeded, so a failing or
            # empty later page ends the walk instead of failing the whole source.
            try:
                page = await self.fetcher.get(next_url, allow_local=is_local(spec))
                more = await self._parse_document(spec, page)
            except (FetchError, FeedError, ValueError):
                break
            rows.extend(r for r in more.rows if r[0] not in seen)
            seen.update(r[0] for r in more.rows)
            next_url = more.next_page
        return PreparedDocument(outcome.kind, outcome.title, tuple(rows), outcome.ttl_minutes)

    async def _fail(
        self,
        spec: SourceSpec,
        message: str,
        source_id: int | None = None,
        retry_after: float | None = None,
    ) -> SourceResult:
        if source_id is not None:
            not_before = retry_not_before(retry_after, now_utc())
            sid = source_id
            await self.db.call(lambda store: store.record_error(sid, message, not_before))
        return SourceResult(spec.name, False, error=message)


def _unforeseen(name: str, exc: Exception, cache: Path) -> str:
    """The message for a source whose refresh raised: a write the cache refused (a full
    disk, a lock held past the busy timeout, a read-only file) says so and what to do,
    as the reader's marks do; anything else is a bug, shown as it is."""
    if isinstance(exc, sqlite3.Error):
        return f"{name}: {write_problem(cache, exc).message}"
    return N_("{name}: unexpected error: {error!r}").format(name=name, error=exc)
