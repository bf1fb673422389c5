"""``suxun-tui refresh``: bring the cache up to date, for a terminal or for cron.

On a terminal it shows a progress bar; otherwise one line per failed source and a summary,
so cron mails only what matters. Exit code 1 when any source failed.
"""

from __future__ import annotations

import argparse
import sys

from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.cli.context import open_context
from suxun_tui.refresh.engine import ProgressCallback, RefreshReport, refresh_sources
from suxun_tui.refresh.notify import notify_new
from suxun_tui.store.index_fill import start_filling
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line


def cmd_refresh(args: argparse.Namespace) -> int:
    context = open_context(args)
    if isinstance(context, int):
        return context
    config, store = context.config, context.store
    names = args.source or None
    if names:
        unknown = [n for n in names if config.source(n) is None and config.account(n) is None]
        if unknown:
            known = ", ".join([s.name for s in config.sources] + [a.name for a in config.accounts])
            print(
                clean_line(
                    tr(
                        "suxun-tui: no source named {names} (known: {known})",
                        names=", ".join(unknown),
                        known=known,
                    )
                ),
                file=sys.stderr,
            )
            store.close()
            return EXIT_USAGE
    db_path = store.path  # the refresh closes the store once it has chosen the sources
    due_only = not (args.all or args.force or names)

    def run(on_progress: ProgressCallback | None = None) -> RefreshReport:
        return refresh_sources(
            config,
            db_path,
            names=names,
            force=args.force,
            due_only=due_only,
            offline=args.offline,
            on_progress=on_progress,
            store=store,
        )

    if sys.stdout.isatty():
        from suxun_tui.cli.progress import run_with_progress

        report = run_with_progress(run)
    else:
        report = run()
    _print_summary(report)
    start_filling(db_path)  # the search index catches up in the background
    if (problem := notify_new(config.settings.notify_command, report.new)) is not None:
        print(tr("warning: {problem}", problem=tr_said(clean_line(problem))), file=sys.stderr)
    return EXIT_FAILED if report.failed else EXIT_OK


def _print_summary(report: RefreshReport) -> None:
    sources = [r for r in report.results if not r.account]
    for result in report.failed:
        if result.account:
            continue
        error = clean_line(result.error)
        # Name the source as the config does; the message itself names the URL.
        if not error.startswith(f"{result.name}:"):
            error = f"{result.name}: {error}"
        print(tr("error: {error}", error=tr_said(error)))
    for result in sources:
        if result.notice and result.ok:
            notice = f"{result.name}: {tr_said(clean_line(result.notice))}"
            print(tr("notice: {notice}", notice=notice))
    for account in report.accounts:
        if account.error:
            print(tr("error: {error}", error=tr_said(clean_line(account.error))))
        for notice in account.notices:
            name, said = clean_line(account.name), tr_said(clean_line(notice))
            print(tr("notice: account '{name}': {notice}", name=name, notice=said))
    failed = [r for r in report.failed if not r.account]
    unchanged = sum(1 for r in sources if r.ok and r.not_modified)
    if sources or not report.accounts:
        line = tr(
            "refreshed {count} source(s): {new} new article(s), {failed} failed,"
            " {unchanged} unchanged",
            count=len(sources),
            new=sum(r.new for r in sources),
            failed=len(failed),
            unchanged=unchanged,
        )
        if report.skipped_offline:
            line += tr(", {count} skipped (offline)", count=len(report.skipped_offline))
        print(line)
    for account in report.accounts:
        state = tr("synced") if account.ok else tr("sync failed")
        print(
            tr(
                "{state} account '{name}': {new} new article(s), {pushed} change(s) pushed,"
                " {queued} queued",
                state=state,
                name=clean_line(account.name),
                new=account.new,
                pushed=account.pushed,
                queued=account.queued,
            )
        )
