"""What every command needs before it starts: the config and the open cache."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from suxun_tui.config import Config, ConfigError, config_path, data_dir, load_config
from suxun_tui.store import Store, StoreError, open_store


class ContextError(Exception):
    """Config or cache problems that stop a command (exit code 2)."""


@dataclass
class Context:
    config: Config
    store: Store
    notices: list[str]


def load_config_from_args(args: argparse.Namespace) -> Config:
    explicit = bool(getattr(args, "config", None))
    path = config_path(getattr(args, "config", None))
    try:
        return load_config(path, explicit=explicit)
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
    notices = list(config.warnings)
    if opened.notice:
        notices.append(opened.notice)
    return Context(config, store, notices)
