"""Reading the config file: from its kept parsed copy when it has one, else parsed.

Kept apart from :mod:`~suxun_tui.config.reading` so that a start whose config is kept
parsed (:mod:`~suxun_tui.config.cache`) loads neither the parser nor its checks.
"""

from __future__ import annotations

from pathlib import Path

from suxun_tui.config.model import Config
from suxun_tui.config.paths import read_config_file

# Bytes: from here on a parsed copy is kept (config.cache). Below it (a few dozen sources)
# parsing costs about what a copy kept costs to find, and every edit would leave one more.
LARGE_CONFIG = 4 * 1024


def load_config(path: Path) -> Config:
    """Read and validate ``path``; a missing file is an error here.

    Whether a missing file means the bundled demo is the caller's decision
    (``cli.context``), because only it knows whether the user named the file.
    """
    text = read_config_file(path)
    if len(text) < LARGE_CONFIG:
        return _parse(text, path)
    from suxun_tui.config.cache import cached_config

    return cached_config(path, text, _parse)


def _parse(text: str, path: Path) -> Config:
    from suxun_tui.config.reading import parse_config

    return parse_config(text, path)


__all__ = ["LARGE_CONFIG", "load_config"]
