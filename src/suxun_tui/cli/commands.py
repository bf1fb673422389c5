"""The ``list``, ``search`` and ``show`` subcommands: reading the cache from scripts.

None of them fetches, except ``show`` for an article whose page was never read (as the
reader does on opening); that import, and ``show``'s other helpers, are deferred so the
others start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from typing import Any

from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.cli.context import Context, open_context
from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.store import Store
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line, strip_controls
from suxun_tui.text.timefmt import format_full


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
    from suxun_tui.cli.search_cmd import run_search

    return run_search(args, _headline_command)


def _headline_command(
    args: argparse.Namespace, query: Callable[[Store, int | None], list[Headline]]
) -> int:
    """Shared by ``list`` and ``search``: resolve ``--source``, run ``query``, print rows."""
    context = open_context(args)
    if isinstance(context, int):
        return context
    # Closed, not left to the interpreter's exit: a clean close leaves the note that lets
    # the next start skip the whole-file check (store.clean_close).
    with contextlib.closing(context.store):
        source_id = None
        if args.source:
            source_id = context.store.source_id(args.source)
            if source_id is None:
                message = tr("suxun-tui: no source named {name!r}", name=args.source)
                print(message, file=sys.stderr)
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
    context = open_context(args)
    if isinstance(context, int):
        return context
    with contextlib.closing(context.store):  # a clean close, as in list and search
        return _show(args, context)


def _show(args: argparse.Namespace, context: Context) -> int:
    from suxun_tui.refresh.fulltext_rule import should_fetch_full_text  # show's alone
    from suxun_tui.text.metaline import meta_line

    store = context.store
    article = store.article(args.id)
    if article is None:
        print(
            tr("suxun-tui: no article with id {id} (see 'suxun-tui list')", id=args.id),
            file=sys.stderr,
        )
        return EXIT_FAILED
    # A cache opened read-only (the notice said why) cannot keep a fetched page.
    fetching = not args.offline and not store.read_only
    if fetching and should_fetch_full_text(context.config, store, article):
        # As the reader does on opening: fetch the page once, store it, show it. Imported
        # here so that ``list`` and ``search`` never load the HTTP client.
        from suxun_tui.refresh.fulltext import ArticleFetchError, fetch_full_article

        try:
            fetch_full_article(context.config, store.path, article.id)
            article = store.article(args.id) or article
        except ArticleFetchError as exc:
            print(tr("suxun-tui: warning: {notice}", notice=clean_line(str(exc))), file=sys.stderr)
    if args.json:
        json.dump(article_json(article), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    print(clean_line(article.title))
    print(clean_line(meta_line(article)))
    print(clean_line(" · ".join(p for p in (article.source_name, article.url) if p)))
    print()
    print(strip_controls(article.body))  # stored blocks are clean; code keeps its indents
    return EXIT_OK
