"""``suxun-tui search QUERY``: the query language over the cache, printed like ``list``.

The query is parsed before the cache is opened, so a mistake is reported at once, with
the column where it is (exit 2, like any other usage error).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from suxun_tui.cli.codes import EXIT_USAGE
from suxun_tui.models import Headline
from suxun_tui.query import QueryError, parse_query
from suxun_tui.store import Store
from suxun_tui.store.search import Order
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line

HeadlineCommand = Callable[[argparse.Namespace, Callable[[Store, int | None], list[Headline]]], int]


def run_search(args: argparse.Namespace, headline_command: HeadlineCommand) -> int:
    """Parse the words as one query, then let ``list``'s machinery print the matches."""
    text = " ".join(args.query)
    try:
        query = parse_query(text)
    except QueryError as exc:
        # The query is the user's, but may have been pasted: printed safe, one character
        # for one, so that the caret stays under the column the error names.
        shown = "".join(c if c.isprintable() else "?" for c in text)
        error = tr_said(clean_line(str(exc)))
        print(tr("suxun-tui: search: {error}", error=error), file=sys.stderr)
        print(f"  {shown}\n  {' ' * (exc.column - 1)}^", file=sys.stderr)
        return EXIT_USAGE
    order: Order = "relevance" if getattr(args, "sort", None) == "relevance" else "newest"
    return headline_command(
        args,
        lambda store, source_id: store.search(
            query, source_id=source_id, limit=args.limit, order=order
        ),
    )
