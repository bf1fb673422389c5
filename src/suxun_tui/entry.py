"""The ``suxun-tui`` command: load config, open the cache, then the reader or a subcommand.

This is the one module that may start both the core CLI and the Textual reader; the
reader is imported only when it is needed, so ``refresh`` from cron stays light.
"""

from __future__ import annotations

import gc
import os
import sys

# typing's own flag, without importing typing (and the re it brings) before run() has
# turned the cycle collector off: every import of the start runs after that.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the config and the cache load with the command that needs them
    from collections.abc import Sequence
    from typing import NoReturn

    from suxun_tui.store import Store

LAST_TRY_MS = 5_000  # quitting with marks not saved: wait this long for a lock
# Commands whose start ends in cli.context.load_context, which turns the cycle collector
# back on; any other gets it back as soon as its command line is read.
STARTS_WITH_CONTEXT = frozenset(
    {"read", "refresh", "list", "show", "search", "gc", "rules", "subscribe", "unsubscribe"}
)


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

    The cycle collector is off while the command starts (its imports, the command line,
    the config, opening the cache): what a start allocates lives on (modules, classes,
    the config's values), so the collections it would set off find nothing to free — a
    thirtieth of a ``refresh`` that finds every feed unchanged. It is back on before the
    command's own work (:func:`~suxun_tui.cli.context.load_context`, or :func:`main` for
    a command without a cache).
    """
    gc.disable()
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
    from suxun_tui.cli import EXIT_OK, EXIT_USAGE, parse_args, run_command
    from suxun_tui.text.i18n import language_from_locale, set_language
    from suxun_tui.text.i18n_said import tr_said

    set_language(language_from_locale())  # the config's language, once it is read
    args = parse_args(argv)
    if args.command not in STARTS_WITH_CONTEXT and not gc.isenabled():
        gc.freeze()  # see run() and cli.context.load_context: no cache, the start is over
        gc.enable()
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
        except KeyboardInterrupt:
            return interrupted()
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


def interrupted() -> int:
    """Ctrl-C stopped a command: say so in one line, not a traceback, and exit 130.

    Every write to the cache is a transaction, so what a refresh, sync or ``gc`` had
    committed stays and the rest never happened; the next run goes on from there.
    """
    import contextlib

    from suxun_tui.cli.codes import EXIT_INTERRUPTED
    from suxun_tui.text.i18n import tr

    message = tr("interrupted; what was already stored in the cache is kept")
    with contextlib.suppress(OSError, ValueError):
        print(f"\nsuxun-tui: {message}", file=sys.stderr)
    return EXIT_INTERRUPTED


def report_unsaved(store: Store) -> None:
    """Marks the cache never took (locked, disk full): one last try, then say which."""
    from suxun_tui.store import NotSaved
    from suxun_tui.text.i18n import tr
    from suxun_tui.text.sanitize import clean_line

    writes = store.writes
    if not writes.waiting:
        return
    labels = writes.waiting_labels()
    result = writes.retry(timeout_ms=LAST_TRY_MS)
    if isinstance(result, NotSaved):
        print(f"suxun-tui: {result.notice}", file=sys.stderr)
        for label in labels:
            print(tr("suxun-tui: not saved: {label}", label=clean_line(label)), file=sys.stderr)
