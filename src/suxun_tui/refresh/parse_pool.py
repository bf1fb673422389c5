"""Bytes of a source → entries to store, for feeds and column pages alike.

This is the CPU-bound step of a refresh, kept as one plain function of plain values so
it can run in a worker thread or process. A source whose kind is not configured is
sniffed: feed markup or JSON is a feed, anything else HTML is a page.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import sys
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from suxun_tui.config import SourceSpec
from suxun_tui.feeds.errors import FeedError
from suxun_tui.feeds.limits import TITLE_CHARS, URL_CHARS, cut
from suxun_tui.store.articles import ArticleRow, DupKeys, article_row, duplicate_keys
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.timefmt import normalize_iso, now_utc, to_stored

if TYPE_CHECKING:
    from suxun_tui.models import FeedEntry

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF|RDF)\b", re.S)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParseOutcome:
    """Entries from one document, plus what the document says about itself."""

    kind: str
    title: str
    entries: tuple[FeedEntry, ...]
    ttl_minutes: int | None = None
    next_page: str | None = None


@dataclass(frozen=True)
class PreparedDocument:
    """A parsed document with its entries already in stored form, ready to write.

    This is what a parse worker sends back: tuples of strings pickle several times faster
    than entries holding block objects, and encoding and hashing then happen in the
    worker, not on the thread that writes.
    """

    kind: str
    title: str
    rows: tuple[ArticleRow, ...]
    ttl_minutes: int | None = None
    next_page: str | None = None
    notice: str | None = None  # what bounded the work (items kept, a document cut short)
    item_keys: tuple[str, ...] = ()  # each row's item key ("" for none), as rows go
    skipped: int = 0  # items left out because they are exactly what is stored
    dup_keys: tuple[DupKeys, ...] = ()  # each row's duplicate keys, as rows go


def prepare_document(
    spec: SourceSpec,
    data: bytes,
    url: str,
    content_type: str | None,
    known_items: frozenset[str] = frozenset(),
    item_seed: str = "",
) -> PreparedDocument:
    """:func:`parse_source_document`, then each entry as a store row.

    A feed's entries become rows one at a time, so the blocks of only one entry are ever
    held: memory stays within a few times the document (``tests/unit/test_bounded_work``).
    An item whose key (``feeds.parse.item_key`` under ``item_seed``) is among
    ``known_items`` is left out before any block is built: it is what is stored.
    """
    kind = spec.kind or sniff_kind(data, content_type)
    if kind == "feed":
        from suxun_tui.feeds.parse import read_feed_document  # the readers: only when used
        from suxun_tui.refresh.plain_rows import plain_row

        doc = read_feed_document(data, url, content_type, spec.max_items)
        rows: list[ArticleRow] = []
        keys: list[str] = []
        skipped = 0
        # A plain item's row is made directly (plain_row); the others' entries are built.
        for key, made in doc.keyed_entries(known_items, item_seed, plain_row):
            if made is None:
                skipped += 1
                continue
            rows.append(made if isinstance(made, tuple) else article_row(made))
            keys.append(key)
        notice = "; ".join(doc.notices) or None
        return PreparedDocument(
            "feed",
            doc.title,
            tuple(rows),
            doc.ttl_minutes,
            None,
            notice,
            tuple(keys),
            skipped,
            duplicate_keys(rows),
        )
    outcome = parse_source_document(spec, data, url, content_type)
    page_rows = tuple(article_row(e) for e in outcome.entries)
    return PreparedDocument(
        outcome.kind, outcome.title, page_rows, outcome.ttl_minutes, outcome.next_page
    )


# Below this many sources a process pool's start-up costs more than it saves: measured on
# 2 cores with 100-item feeds, threads win at 60 sources, processes from 100 (1.15 s vs 1.36).
PROCESS_POOL_MIN_SOURCES = 80
# And the first this many documents of a refresh parse on threads: a refresh in which
# only a few feeds changed (a tenth of 200) never starts worker processes at all.
PROCESS_POOL_MIN_DOCUMENTS = 20


_MAIN_GUARD = re.compile(r"""__name__\s*==\s*['"]__main__['"]""")


def _main_is_guarded() -> bool:
    """Whether worker processes may import ``__main__`` (they do, to start).

    A script without ``if __name__ == "__main__"`` would run again in every worker; for
    such callers parsing stays on threads. Our own entry points are all guarded.
    """
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name.endswith("__main__"):
        return True  # ``python -m pkg``: multiprocessing never re-imports a package's main
    path = getattr(main, "__file__", None)
    if not path:
        return True  # interactive: nothing to import
    try:
        with open(path, encoding="utf-8", errors="replace") as source:
            return bool(_MAIN_GUARD.search(source.read(200_000)))
    except OSError:
        return False


def uses_processes(jobs: int) -> bool:
    """Whether a refresh of ``jobs`` sources parses in worker processes (see ParsePool)."""
    choice = os.environ.get("SUXUN_TUI_PARSE_POOL", "")
    if choice in ("thread", "process"):
        return choice == "process"
    cpus = os.cpu_count() or 1
    return cpus > 1 and jobs >= PROCESS_POOL_MIN_SOURCES and _main_is_guarded()


class ParsePool:
    """Where parsing runs, chosen by measurement (``benchmarks/refresh.py``).

    Parsing is pure Python under the GIL, so threads only keep the event loop free; a
    process pool also puts the other cores to work, which pays for its start-up (~0.3 s)
    once a refresh has a few dozen sources. The pool starts on the first document that
    needs parsing, so a refresh where everything is unchanged never pays for it, and
    worker processes only after :data:`PROCESS_POOL_MIN_DOCUMENTS` documents.
    (Parsing on threads while the workers start was measured: no gain on 2 cores.)
    Workers start with ``forkserver``, because the TUI refreshes from a thread and
    forking a threaded process is unsafe; a command-line refresh forks its own server
    before any thread starts (``parse_server``), so no worker imports the package again.
    ``SUXUN_TUI_PARSE_POOL`` (thread/process) overrides the choice, for benchmarks.
    """

    def __init__(self, jobs: int, new: int = 0) -> None:
        self.cpus = os.cpu_count() or 1
        self.use_processes = uses_processes(jobs)
        # Asked for by name (SUXUN_TUI_PARSE_POOL=process): processes from the first document.
        # So too when more than PROCESS_POOL_MIN_DOCUMENTS sources were never stored (``new``,
        # a first refresh): each of their bodies will be parsed, so the threads' first
        # documents would only keep one core busy while the other waits for the workers.
        self.forced = (
            os.environ.get("SUXUN_TUI_PARSE_POOL", "") == "process"
            or new > PROCESS_POOL_MIN_DOCUMENTS
        )
        self.documents = 0
        self.server = ""  # where the worker processes came from, once they started
        self._processes: concurrent.futures.ProcessPoolExecutor | None = None
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None

    def get(self) -> concurrent.futures.Executor:
        """The executor for the next document, started on first use."""
        self.documents += 1
        many = self.forced or self.documents > PROCESS_POOL_MIN_DOCUMENTS
        if self.use_processes and (many or self._processes is not None):
            if self._processes is None:
                import multiprocessing

                from suxun_tui.refresh.parse_server import start_server

                self.server = start_server()  # the one forked at the start, if it was
                context = multiprocessing.get_context("forkserver")
                # Workers import __main__ (our entry point) on start; with its modules
                # preloaded in the server they find them already imported.
                context.set_forkserver_preload(["suxun_tui.refresh.parse_pool", "suxun_tui.entry"])
                workers = min(self.cpus, 4)
                self._processes = concurrent.futures.ProcessPoolExecutor(workers, context)
            return self._processes
        if self._threads is None:
            threads = max(1, min(4, self.cpus))
            self._threads = concurrent.futures.ThreadPoolExecutor(threads, "suxun-parse")
        return self._threads

    def warm(self) -> None:
        """Start the worker processes now, while the first bodies are still on their way,
        when every document will go to them anyway (``forced``); else do nothing."""
        if not (self.forced and self.use_processes) or self._processes is not None:
            return
        executor = self.get()
        self.documents = 0
        if executor is self._processes:  # each submission starts one more worker, up to all
            for _ in range(min(self.cpus, 4)):
                executor.submit(os.getpid)

    def degrade(self) -> None:
        """Give up on worker processes (one died or could not start) and use threads."""
        self.use_processes = False
        if self._processes is not None:
            self._processes.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for executor in (self._processes, self._threads):
            if executor is not None:
                executor.shutdown(wait=True)


def sniff_kind(data: bytes, content_type: str | None) -> str:
    """ "feed" or "page", from the bytes first and the Content-Type second."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"{") or _FEED_START.match(head):
        return "feed"
    if _HTML_START.search(head):
        return "page"
    ctype = (content_type or "").lower()
    if "html" in ctype:
        return "page"
    return "feed"


def parse_source_document(
    spec: SourceSpec, data: bytes, url: str, content_type: str | None
) -> ParseOutcome:
    """Parse one fetched document of ``spec``; raises FeedError on unreadable input."""
    kind = spec.kind or sniff_kind(data, content_type)
    if kind == "feed":
        from suxun_tui.feeds.parse import parse_feed

        parsed = parse_feed(data, url, content_type, spec.max_items)
        return ParseOutcome("feed", parsed.title, parsed.entries, parsed.ttl_minutes)
    # Imported here so that feed-only refreshes (cron) never load the page machinery.
    from suxun_tui.feeds.fragments import html_to_line
    from suxun_tui.models import FeedEntry
    from suxun_tui.pages import ExtractionError
    from suxun_tui.pages.charset import decode_html
    from suxun_tui.pages.listing import find_article_links, next_listing_url

    html = decode_html(data, content_type)
    try:
        links = find_article_links(
            html, url, link_selector=spec.link_selector, timezone=spec.timezone
        )
    except ExtractionError as exc:
        raise FeedError(f"{url}: {exc}") from exc
    if not links:
        advice = (
            f"its link_selector {spec.link_selector!r} matches none; check it against the page"
            if spec.link_selector
            else "set link_selector for this source"
        )
        raise FeedError(f"{url}: found no article links on this page; {advice}")
    # Undated links keep the page's order: the first listed counts as the newest.
    # The same bounds as feed items: at most max_items links, titles cut visibly, and a
    # link too long to be a real address left out (it is the article's key and its page).
    now = now_utc()
    links = [a for a in links if len(a.url) <= URL_CHARS][: spec.max_items]
    entries = tuple(
        FeedEntry(
            guid=a.url,
            title=cut(clean_line(a.title[: TITLE_CHARS * 4]), TITLE_CHARS),
            url=a.url,
            published=normalize_iso(a.published) or to_stored(now - timedelta(seconds=i)),
            summary_only=True,
        )
        for i, a in enumerate(links)
    )
    title_match = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.I | re.S)
    title = cut(html_to_line(title_match.group(1)), TITLE_CHARS) if title_match else ""
    return ParseOutcome("page", title, entries, None, next_listing_url(html, url))
