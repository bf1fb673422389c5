"""``suxun-tui gc``: remove old articles by each source's ``keep_days`` and
``max_articles``, and report what went (text, or ``--json`` for scripts).

Starred articles are never removed, unread ones only by ``max_articles``; the work is
done in short transactions (store.retention), so it can run beside an open reader or a
cron refresh, and a kill leaves a consistent cache.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from suxun_tui.cli.codes import EXIT_OK
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line

if TYPE_CHECKING:
    from suxun_tui.store.retention import GcReport


def run(args: argparse.Namespace) -> int:
    # Imported when gc runs: building the parser must not load the cache's code.
    from suxun_tui.cli.context import open_context
    from suxun_tui.store.retention import Policy, collect
    from suxun_tui.text.timefmt import now_utc

    context = open_context(args)
    if isinstance(context, int):
        return context
    store = context.store
    policies = {
        s.name: Policy(keep_days=s.keep_days, max_articles=s.max_articles)
        for s in context.config.sources
    }
    report = collect(
        store.conn,
        store.transaction,
        policies,
        now_utc(),
        dry_run=args.dry_run,
        vacuum=not args.no_vacuum,
        path=store.path,
    )
    if not report.dry_run:  # the pictures of removed articles go with them
        from suxun_tui.store.image_cache import prune

        prune(store.path, store.conn)
    # Closed, not left to the interpreter's exit: a clean close leaves the note that lets
    # the next start skip the whole-file check (store.clean_close).
    store.close()
    if not report.dry_run:
        from suxun_tui.store.index_fill import start_filling

        # What is left of the removed articles' index rows goes in the background (no
        # process starts when nothing is).
        start_filling(store.path)
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(report_text(report))
    return EXIT_OK


def report_json(report: GcReport) -> dict[str, Any]:
    return {
        "removed": report.removed,
        "by_age": report.by_age,
        "by_count": report.by_count,
        "sources": report.sources,
        "bytes_before": report.bytes_before,
        "bytes_after": report.bytes_after,
        "vacuumed": report.vacuumed,
        "dry_run": report.dry_run,
    }


def report_text(report: GcReport) -> str:
    message = (
        "would remove {removed} article(s): {by_age} read and older than keep_days,"
        " {by_count} beyond max_articles"
        if report.dry_run
        else "removed {removed} article(s): {by_age} read and older than keep_days,"
        " {by_count} beyond max_articles"
    )
    lines = [
        tr(
            message,
            removed=f"{report.removed:,}",
            by_age=f"{report.by_age:,}",
            by_count=f"{report.by_count:,}",
        )
    ]
    for name, count in sorted(report.sources.items(), key=lambda item: -item[1]):
        lines.append(f"  {count:>7,}  {clean_line(name)}")
    if not report.dry_run:
        before, after = report.bytes_before / 1e6, report.bytes_after / 1e6
        shrink = " (vacuumed)" if report.vacuumed else ""
        lines.append(f"cache: {before:.1f} MB -> {after:.1f} MB{shrink}")
    return "\n".join(lines)
