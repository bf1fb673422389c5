"""Bytes of a source → entries to store, for feeds and column pages alike.

This is the CPU-bound step of a refresh, kept as one plain function of plain values so
it can run in a worker thread or process. A source whose kind is not configured is
sniffed: feed markup or JSON is a feed, anything else HTML is a page.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import re
from dataclasses import dataclass
from datetime import timedelta

from suxun_tui.config import SourceSpec
from suxun_tui.feeds import FeedError, parse_feed
from suxun_tui.models import FeedEntry
from suxun_tui.sanitize import clean_line
from suxun_tui.timefmt import normalize_iso, now_utc, to_stored

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


# Below this many sources a process pool's start-up (~0.3 s) costs more than it saves.
PROCESS_POOL_MIN_SOURCES = 24


def parse_executor(jobs: int) -> concurrent.futures.Executor:
    """Where parsing runs, chosen by measurement (``benchmarks/refresh.py``).

    Parsing is pure Python under the GIL, so threads only keep the event loop free; a
    process pool also puts the other cores to work, which pays for its start-up once a
    refresh has a few dozen sources. ``SUXUN_TUI_PARSE_POOL`` (thread/process) overrides
    the choice, for benchmarks. Workers start with ``forkserver`` because the TUI calls
    this from a thread, and forking a threaded process is unsafe.
    """
    cpus = os.cpu_count() or 1
    choice = os.environ.get("SUXUN_TUI_PARSE_POOL", "")
    if choice not in ("thread", "process"):
        choice = "process" if cpus > 1 and jobs >= PROCESS_POOL_MIN_SOURCES else "thread"
    if choice == "thread":
        return concurrent.futures.ThreadPoolExecutor(max(1, min(4, cpus)), "suxun-parse")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["suxun_tui.parsing"])
    pool = concurrent.futures.ProcessPoolExecutor(min(cpus, 4), mp_context=context)
    pool.submit(os.getpid)  # start the workers now, while the first fetches are in flight
    return pool


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
        parsed = parse_feed(data, url, content_type)
        return ParseOutcome("feed", parsed.title, parsed.entries, parsed.ttl_minutes)
    # Imported here so that feed-only refreshes (cron) never load the page machinery.
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
        raise FeedError(
            f"{url}: found no article links on this page; set link_selector for this source"
        )
    # Undated links keep the page's order: the first listed counts as the newest.
    now = now_utc()
    entries = tuple(
        FeedEntry(
            guid=a.url,
            title=clean_line(a.title),
            url=a.url,
            published=normalize_iso(a.published) or to_stored(now - timedelta(seconds=i)),
            summary_only=True,
        )
        for i, a in enumerate(links)
    )
    title_match = re.search(r"<title[^>]*>(.*?)</title>", html[:20000], re.I | re.S)
    title = clean_line(title_match.group(1)) if title_match else ""
    return ParseOutcome("page", title, entries, None, next_listing_url(html, url))
