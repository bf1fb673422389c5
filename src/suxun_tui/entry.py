"""The ``suxun-tui`` command: load config, open the cache, then the reader or a subcommand.

This is the one module that may start both the core CLI and the Textual reader; the
reader is imported only when it is needed, so ``refresh`` from cron stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from suxun_tui.cli import EXIT_OK, EXIT_USAGE, parse_args, run_command
from suxun_tui.cli.context import ContextError, load_context


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command != "read":
        try:
            code = run_command(args)
            sys.stdout.flush()
            return code
        except BrokenPipeError:
            # The reader of our output went away (``suxun-tui list | head``): not an error.
            # Point stdout at /dev/null so that the flush at exit does not complain again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
    try:
        context = load_context(args)
    except ContextError as exc:
        print(f"suxun-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from suxun_tui.tui.app import SuxunApp

    app = SuxunApp(context.config, context.store, offline=args.offline, notices=context.notices)
    try:
        app.run()
    finally:
        context.store.close()
    return app.return_code or EXIT_OK
