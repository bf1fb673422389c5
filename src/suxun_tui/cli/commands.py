"""The ``refresh``, ``list`` and ``show`` subcommands: the cache for scripts and cron."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.cli.context import Context, ContextError, load_context
from suxun_tui.fulltext import ArticleFetchError, fetch_full_article, should_fetch_full_text
from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.present import meta_line
from suxun_tui.refresh import RefreshReport, refresh_sources
from suxun_tui.sanitize import clean_line, clean_text
from suxun_tui.store import Store
from suxun_tui.timefmt import format_full


def _context(args: argparse.Namespace) -> Context | int:
    try:
        context = load_context(args)
    except ContextError as exc:
        print(f"suxun-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for notice in context.notices:
        print(f"suxun-tui: warning: {notice}", file=sys.stderr)
    return context


def cmd_refresh(args: argparse.Namespace) -> int:
    context = _context(args)
    if isinstance(context, int):
        return context
    config, store = context.config, context.store
    names = args.source or None
    if names:
        unknown = [n for n in names if config.source(n) is None]
        if unknown:
            known = ", ".join(s.name for s in config.sources)
            print(
                f"suxun-tui: no source named {', '.join(unknown)} (known: {known})", file=sys.stderr
            )
            return EXIT_USAGE
    db_path = store.path
    store.close()
    due_only = not (args.all or args.force or names)
    interactive = sys.stdout.isatty()
    if interactive:
        from suxun_tui.cli.progress import run_with_progress

        report = run_with_progress(
            lambda cb: refresh_sources(
                config,
                db_path,
                names=names,
                force=args.force,
                due_only=due_only,
                offline=args.offline,
                on_progress=cb,
            )
        )
    else:
        report = refresh_sources(
            config, db_path, names=names, force=args.force, due_only=due_only, offline=args.offline
        )
    _print_summary(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _print_summary(report: RefreshReport) -> None:
    for result in report.failed:
        error = clean_line(result.error)
        # Name the source as the config does; the message itself names the URL.
        if not error.startswith(f"{result.name}:"):
            error = f"{result.name}: {error}"
        print(f"error: {error}")
    for result in report.results:
        if result.notice and result.ok:
            print(f"notice: {result.name}: {clean_line(result.notice)}")
    unchanged = sum(1 for r in report.results if r.ok and r.not_modified)
    line = (
        f"refreshed {len(report.results)} source(s): {report.new} new article(s), "
        f"{len(report.failed)} failed, {unchanged} unchanged"
    )
    if report.skipped_offline:
        line += f", {len(report.skipped_offline)} skipped (offline)"
    print(line)


def _headline_json(h: Headline | ArticleDetail) -> dict[str, Any]:
    """The fields ``list --json`` prints; ``show --json`` starts from the same ones."""
    return {
        "id": h.id,
        "source": h.source_name,
        "title": h.title,
        "url": h.url,
        "published": h.published,
        "read": h.read,
        "starred": h.starred,
    }


def cmd_list(args: argparse.Namespace) -> int:
    return _headline_command(
        args,
        lambda store, source_id: store.headlines(
            source_id=source_id,
            unread_only=args.unread,
            starred_only=args.starred,
            limit=args.limit,
        ),
    )


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    return _headline_command(
        args, lambda store, source_id: store.search(query, source_id=source_id, limit=args.limit)
    )


def _headline_command(
    args: argparse.Namespace, query: Callable[[Store, int | None], list[Headline]]
) -> int:
    """Shared by ``list`` and ``search``: resolve ``--source``, run ``query``, print rows."""
    context = _context(args)
    if isinstance(context, int):
        return context
    source_id = None
    if args.source:
        source_id = context.store.source_id(args.source)
        if source_id is None:
            print(f"suxun-tui: no source named {args.source!r}", file=sys.stderr)
            return EXIT_USAGE
    _print_headlines(query(context.store, source_id), as_json=args.json)
    return EXIT_OK


def _print_headlines(rows: list[Headline], *, as_json: bool) -> None:
    if as_json:
        json.dump([_headline_json(h) for h in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    for h in rows:
        flags = ("N" if not h.read else " ") + ("*" if h.starred else " ")
        when = format_full(h.published)
        print(f"{h.id:>6} {flags} {when}  {clean_line(h.source_name)}  {clean_line(h.title)}")


def article_json(a: ArticleDetail) -> dict[str, Any]:
    return {
        **_headline_json(a),
        "author": a.author,
        "origin": a.origin,
        "editor": a.editor,
        "responsible_editor": a.responsible_editor,
        "views": a.views,
        "body": a.body,
    }


def cmd_show(args: argparse.Namespace) -> int:
    context = _context(args)
    if isinstance(context, int):
        return context
    store = context.store
    article = store.article(args.id)
    if article is None:
        print(f"suxun-tui: no article with id {args.id} (see 'suxun-tui list')", file=sys.stderr)
        return EXIT_FAILED
    if not args.offline and should_fetch_full_text(context.config, store, article):
        # As the reader does on opening: fetch the page once, store it, show it.
        try:
            fetch_full_article(context.config, store.path, article.id)
            article = store.article(args.id) or article
        except ArticleFetchError as exc:
            print(f"suxun-tui: warning: {clean_line(str(exc))}", file=sys.stderr)
    if args.json:
        json.dump(article_json(article), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    print(clean_line(article.title))
    print(clean_line(meta_line(article)))
    print(clean_line(" · ".join(p for p in (article.source_name, article.url) if p)))
    print()
    print(clean_text(article.body))
    return EXIT_OK
