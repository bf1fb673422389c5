"""``suxun-tui subscribe URL --account NAME`` and ``unsubscribe SOURCE --account NAME``:
the feed server subscribes, then a sync brings the feed in."""

from __future__ import annotations

import argparse
import sys

from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line


def run(args: argparse.Namespace) -> int:
    from suxun_tui.cli.context import open_context
    from suxun_tui.sync import SyncError
    from suxun_tui.sync.subscribe import change_subscription

    context = open_context(args)
    if isinstance(context, int):
        return context
    config, db_path = context.config, context.store.path
    context.store.close()
    if args.offline:
        print(tr("suxun-tui: subscribing needs the server; not with --offline"), file=sys.stderr)
        return EXIT_USAGE
    if config.account(args.account) is None:
        known = ", ".join(a.name for a in config.accounts) or tr("none configured")
        message = tr(
            "suxun-tui: no account named {name!r} (known: {known})", name=args.account, known=known
        )
        print(message, file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "subscribe":
            result = change_subscription(
                config, db_path, args.account, subscribe=args.url, folder=args.folder
            )
        else:
            result = change_subscription(config, db_path, args.account, unsubscribe=args.source)
    except SyncError as exc:
        print(tr("error: {error}", error=tr_said(clean_line(str(exc)))))
        return EXIT_FAILED
    if not result.ok:
        print(tr("error: {error}", error=tr_said(clean_line(result.error))))
        return EXIT_FAILED
    message = (
        "subscribed to {target} on account '{account}'; {new} new article(s)"
        if args.command == "subscribe"
        else "unsubscribed from {target} on account '{account}'; {new} new article(s)"
    )
    target = args.url if args.command == "subscribe" else args.source
    print(tr(message, target=clean_line(target), account=result.name, new=result.new))
    return EXIT_OK
