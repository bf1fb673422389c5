"""Command line: argument parsing, subcommands for scripts and cron, exit codes.

Exit codes are a public contract: 0 ok, 1 some sources (or inputs) failed, 2 usage or
config error. The options live in :mod:`suxun_tui.cli.arguments`, apart from the commands.
Starting the reader itself is left to :mod:`suxun_tui.entry`, so that this module, like
the rest of the core, never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from suxun_tui.cli.arguments import build_parser, command_named
from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "parse_args", "run_command"]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    words = sys.argv[1:] if argv is None else argv
    args = build_parser(command_named(words)).parse_args(words)
    if not args.command:
        args.command = "read"
    return args


def run_command(args: argparse.Namespace) -> int:
    """Run a non-interactive subcommand; returns the exit code.

    Each command's module is imported here, when it runs: ``list`` from a shell prompt
    should not pay for the HTTP client and the feed parsers that ``refresh`` needs, nor
    ``refresh`` for the page extractors of ``extract``.
    """
    if args.command == "extract":
        from suxun_tui.cli import extract_cmd

        return extract_cmd.run(args)
    if args.command == "opml":
        from suxun_tui.cli import opml_cmd

        return opml_cmd.run(args)
    if args.command == "gc":
        from suxun_tui.cli import gc_cmd

        return gc_cmd.run(args)
    if args.command == "rules":
        from suxun_tui.cli import rules_cmd

        return rules_cmd.run(args)
    if args.command == "init":
        from suxun_tui.cli import init_cmd

        return init_cmd.run(args)
    if args.command in ("subscribe", "unsubscribe"):
        from suxun_tui.cli import subscribe_cmd

        return subscribe_cmd.run(args)
    if args.command == "refresh":
        from suxun_tui.cli import refresh_cmd

        return refresh_cmd.cmd_refresh(args)
    from suxun_tui.cli import commands

    handler = {
        "list": commands.cmd_list,
        "show": commands.cmd_show,
        "search": commands.cmd_search,
    }[args.command]
    return handler(args)
