"""The ``suxun-tui`` command: load config, open the cache, then the reader or a subcommand.

This is the one module that may start both the core CLI and the Textual reader; the
reader is imported only when it is needed, so ``refresh`` from cron stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from suxun_tui.cli import EXIT_OK, EXIT_USAGE, parse_args, run_command
from suxun_tui.text.i18n import language_from_locale, set_language, tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line

if TYPE_CHECKING:  # the config and the cache load with the command that needs them
    from suxun_tui.store import Store

LAST_TRY_MS = 5_000  # quitting with marks not saved: wait this long for a lock


def run() -> None:
    """The command itself (``suxun-tui``, ``python -m suxun_tui``): :func:`main`, then an
    exit without the interpreter's teardown.

    Once a command is done, the interpreter would free every object and module one by one
    before the process ends: 50-100 ms of CPU after a sync of 20,000 entries, as much as
    the sync's own comparison. With the output flushed, no thread left and the exit
    handlers run (``atexit``: temporary files, logging), nothing of that is needed: the
    cache is closed by then (a connection left open would only cost the next start its
    health check, as at a normal exit). With a thread still running, the exit is the
    normal one, which waits for it.
    """
    quick_exit(main())


def quick_exit(code: int) -> NoReturn:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # as main() does: the reader of our output went away
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    threads = sys.modules.get("threading")
    if threads is not None and threads.active_count() > 1:
        raise SystemExit(code)
    import atexit

    atexit._run_exitfuncs()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    set_language(language_from_locale())  # the config's language, once it is read
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
    from suxun_tui.cli.context import ContextError, load_context
    from suxun_tui.config import ConfigError

    try:
        context = load_context(args)
    except ContextError as exc:
        print(f"suxun-tui: {tr_said(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    from suxun_tui.tui.app import SuxunApp
    from suxun_tui.tui.commands import with_keys

    try:
        with_keys(context.config.keys)  # [keys] names commands only the reader knows
    except ConfigError as exc:
        context.store.close()
        print(f"suxun-tui: {tr_said(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    from suxun_tui.tui.signals import exit_cleanly_on_signals

    app = SuxunApp(context.config, context.store, offline=args.offline, notices=context.notices)
    try:
        with exit_cleanly_on_signals(lambda code: app.exit(return_code=code)):
            app.run()
    finally:
        report_unsaved(context.store)
        context.store.close()
    return app.return_code or EXIT_OK


def report_unsaved(store: Store) -> None:
    """Marks the cache never took (locked, disk full): one last try, then say which."""
    from suxun_tui.store import NotSaved

    writes = store.writes
    if not writes.waiting:
        return
    labels = writes.waiting_labels()
    result = writes.retry(timeout_ms=LAST_TRY_MS)
    if isinstance(result, NotSaved):
        print(f"suxun-tui: {result.notice}", file=sys.stderr)
        for label in labels:
            print(tr("suxun-tui: not saved: {label}", label=clean_line(label)), file=sys.stderr)
