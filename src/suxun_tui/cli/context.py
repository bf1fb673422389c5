"""What every command needs before it starts: the config and the open cache."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING

from suxun_tui.cli.codes import EXIT_USAGE
from suxun_tui.config import Config, ConfigError, config_path, data_dir, load_config
from suxun_tui.store import NotSaved, ReaderWrites, Store, StoreError, open_store
from suxun_tui.store.connection import BUSY_TIMEOUT_MS, INTERACTIVE_TIMEOUT_MS
from suxun_tui.text.i18n import resolve_language, set_language, tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple

# Commands that only read the cache: they work on a cache we may not write, and never
# wait long behind another program's write lock.
READING_COMMANDS = ("list", "show", "search")


class ContextError(Exception):
    """Config or cache problems that stop a command (exit code 2).

    The message names paths and quotes the config, so it is cleaned before anyone prints it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(clean_line(message))


class Context(NamedTuple):
    """The config, the open cache and the warnings to show (a named tuple: cheap to define)."""

    config: Config
    store: Store
    notices: list[str]


def load_config_from_args(args: argparse.Namespace) -> Config:
    """The user's config, or the bundled demo when no file exists and none was named.

    A file named with ``--config`` must exist: a typo there should not silently open
    the demo.
    """
    explicit = bool(getattr(args, "config", None))
    path = config_path(getattr(args, "config", None))
    if not explicit and not path.exists():
        from suxun_tui.demo import demo_config

        config = demo_config()
    else:
        try:
            config = load_config(path)
        except ConfigError as exc:
            raise ContextError(str(exc)) from exc
    set_language(resolve_language(config.settings.language))  # until here: the locale's
    return config


def load_context(args: argparse.Namespace) -> Context:
    """Load the config, open (and if needed recover) the cache, sync the sources.

    The reading commands open a cache they may not write read-only, and carry on with
    a warning when the list of sources cannot be saved; the reader, too, carries on (it
    retries). Every other command needs a cache it can write: exit 2, saying why.

    This ends a command's start: the cycle collector, off since the process began
    (:func:`suxun_tui.entry.run`), is on again for the command's work, and what the start
    made (modules, classes, the config) is frozen out of its sight (``gc.freeze``): all of
    it lives until the exit, so no collection walks it again (the first one after a start
    would otherwise walk everything the start made).
    """
    try:
        return _load_context(args)
    finally:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()


def _load_context(args: argparse.Namespace) -> Context:
    config = load_config_from_args(args)
    command = getattr(args, "command", "read")
    reading = command in READING_COMMANDS
    try:
        opened = open_store(data_dir(getattr(args, "data_dir", None)), read_only_ok=reading)
    except StoreError as exc:
        raise ContextError(str(exc)) from exc
    store = opened.store
    notices = list(config.warnings)
    if opened.notice:
        notices.append(opened.notice)
    if not store.read_only:
        patient = not reading and command != "read"
        writes = ReaderWrites(store, BUSY_TIMEOUT_MS if patient else INTERACTIVE_TIMEOUT_MS)
        specs = [(s.name, s.url, s.kind, s.group) for s in config.sources]
        synced = writes.sync_config(specs, [a.name for a in config.accounts])
        if isinstance(synced, NotSaved):
            if patient:
                store.close()
                raise ContextError(synced.problem.message)
            notices.append(
                tr(
                    "the list of sources was not updated: {problem}",
                    problem=tr_said(synced.problem.message),
                )
            )
    # Paths and config text end up on screen in the reader too: cleaned once, here.
    return Context(config, store, [clean_line(n) for n in notices])


def open_context(args: argparse.Namespace) -> Context | int:
    """The context, or exit code 2 after printing why; warnings go to stderr."""
    try:
        context = load_context(args)
    except ContextError as exc:
        print(f"suxun-tui: {tr_said(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    for notice in context.notices:
        notice = tr_said(clean_line(notice))
        print(tr("suxun-tui: warning: {notice}", notice=notice), file=sys.stderr)
    return context
