"""Command line: argument parsing, subcommands for scripts and cron, exit codes.

Exit codes are a public contract: 0 ok, 1 some sources (or inputs) failed, 2 usage or
config error. Starting the reader itself is left to :mod:`suxun_tui.entry`, so that this
module, like the rest of the core, never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, cast

from suxun_tui import __version__
from suxun_tui.cli import extract_cmd, gc_cmd, init_cmd, opml_cmd, rules_cmd, subscribe_cmd
from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "parse_args", "run_command"]


class _Formatter(argparse.HelpFormatter):
    """``usage:`` in the interface's language, as the rest of ``--help``."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse quotes the user's arguments in its errors ("unrecognized arguments: …");
    they are cleaned like any text we print, so an argument cannot retitle the terminal.

    Its headings and ``-h``'s line are in the interface's language, like our help texts;
    the reasons argparse gives for a refused argument stay its own (English)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = tr("show this help message and exit")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, tr("{prog}: error: {message}\n", prog=self.prog, message=clean_line(message)))


def _common_options(*, defaults: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the subcommand's name.

    The subcommands' copies default to "not given" (``SUPPRESS``): otherwise argparse
    would let a subcommand's default overwrite ``suxun-tui --config FILE list``'s value.
    """
    common = argparse.ArgumentParser(
        add_help=False, argument_default=None if defaults else argparse.SUPPRESS
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        help=tr("config file (default: $SUXUN_TUI_CONFIG, then the XDG config dir)"),
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        help=tr("where the cache lives (default: $SUXUN_TUI_DATA_DIR, then the XDG data dir)"),
    )
    common.add_argument(
        "--offline", action="store_true", help=tr("never touch the network; read only the cache")
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(defaults=False)
    parser = _Parser(
        prog="suxun-tui",
        description=tr(
            "A terminal news reader for feeds and Chinese news pages. "
            "Without a subcommand it opens the reader."
        ),
        parents=[_common_options(defaults=True)],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"suxun-tui {__version__}",
        help=tr("show program's version number and exit"),
    )
    # Every subcommand's parser is a _Parser too (argparse uses the parent's class).
    sub = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND"),
    )

    read = sub.add_parser("read", parents=[common], help=tr("open the reader (the default)"))
    read.set_defaults(command="read")

    refresh = sub.add_parser("refresh", parents=[common], help=tr("fetch sources into the cache"))
    refresh.add_argument(
        "--all", action="store_true", help=tr("refresh every source, not only the due ones")
    )
    refresh.add_argument(
        "--force",
        action="store_true",
        help=tr("ignore validators and server hints; fetch everything again"),
    )
    refresh.add_argument(
        "--source", action="append", metavar="NAME", help=tr("refresh this source (repeatable)")
    )

    listing = sub.add_parser(
        "list", parents=[common], help=tr("list cached articles, newest first")
    )
    listing.add_argument("--unread", action="store_true", help=tr("only unread articles"))
    listing.add_argument("--starred", action="store_true", help=tr("only starred articles"))
    listing.add_argument("--source", metavar="NAME", help=tr("only this source"))
    listing.add_argument(
        "--limit", type=_positive_int, metavar="N", help=tr("at most N articles (default: all)")
    )
    listing.add_argument("--json", action="store_true", help=tr("print a JSON array"))

    search = sub.add_parser(
        "search",
        parents=[common],
        help=tr("find cached articles whose title or text has every word"),
        epilog=tr(
            'query language: words, "a phrase", -word, a OR b, source:NAME, group:NAME,'
            " tag:NAME, author:NAME, is:unread, is:starred, after:YYYY-MM-DD, before:YYYY-MM-DD,"
            " age:<7d; put -- before a query that starts with -"
        ),
    )
    search.add_argument(
        "query", nargs="+", metavar="WORD", help=tr('words to find ("a phrase" too)')
    )
    search.add_argument(
        "--sort",
        choices=("newest", "relevance"),
        default="newest",
        help=tr(
            "newest first (default), or by relevance (bm25, newer articles first among equals)"
        ),
    )
    search.add_argument("--source", metavar="NAME", help=tr("only this source"))
    search.add_argument("--limit", type=_positive_int, metavar="N", help=tr("at most N articles"))
    search.add_argument("--json", action="store_true", help=tr("print a JSON array"))

    show = sub.add_parser("show", parents=[common], help=tr("print one cached article"))
    show.add_argument(
        "id", type=_positive_int, metavar="ID", help=tr("the article id (see 'list')")
    )
    show.add_argument("--json", action="store_true", help=tr("print a JSON object"))

    extract_cmd.add_parser(sub)
    opml_cmd.add_parser(sub, common)
    gc_cmd.add_parser(sub, common)
    rules_cmd.add_parser(sub, common)
    subscribe_cmd.add_parsers(sub, common)
    init_cmd.add_parser(sub, common)
    for action in sub.choices.values():
        action.set_defaults(_common=True)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a whole number: {text!r}", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(tr("must be at least 1, not {value}", value=value))
    return value


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if not args.command:
        args.command = "read"
    return args


def run_command(args: argparse.Namespace) -> int:
    """Run a non-interactive subcommand; returns the exit code.

    Each command's module is imported here, when it runs: ``list`` from a shell prompt
    should not pay for the HTTP client and the feed parsers that ``refresh`` needs.
    """
    if args.command == "extract":
        return extract_cmd.run(args)
    if args.command == "opml":
        return opml_cmd.run(args)
    if args.command == "gc":
        return gc_cmd.run(args)
    if args.command == "rules":
        return rules_cmd.run(args)
    if args.command == "init":
        return init_cmd.run(args)
    if args.command in ("subscribe", "unsubscribe"):
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
