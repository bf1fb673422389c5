"""What every command needs before it starts: the config and the open cache."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from suxun_tui.cli.codes import EXIT_USAGE
from suxun_tui.config import Config, ConfigError, config_path, data_dir, load_config
from suxun_tui.demo import demo_config
from suxun_tui.store import Store, StoreError, open_store
from suxun_tui.store.remote import retire_accounts


class ContextError(Exception):
    """Config or cache problems that stop a command (exit code 2)."""


@dataclass
class Context:
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
        return demo_config()
    try:
        return load_config(path)
    except ConfigError as exc:
        raise ContextError(str(exc)) from exc


def load_context(args: argparse.Namespace) -> Context:
    """Load the config, open (and if needed recover) the cache, sync the sources."""
    config = load_config_from_args(args)
    try:
        opened = open_store(data_dir(getattr(args, "data_dir", None)))
    except StoreError as exc:
        raise ContextError(str(exc)) from exc
    store = opened.store
    store.sync_sources([(s.name, s.url, s.kind, s.group) for s in config.sources])
    retire_accounts(store, [a.name for a in config.accounts])
    notices = list(config.warnings)
    if opened.notice:
        notices.append(opened.notice)
    return Context(config, store, notices)


def open_context(args: argparse.Namespace) -> Context | int:
    """The context, or exit code 2 after printing why; warnings go to stderr."""
    try:
        context = load_context(args)
    except ContextError as exc:
        print(f"suxun-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for notice in context.notices:
        print(f"suxun-tui: warning: {notice}", file=sys.stderr)
    return context
