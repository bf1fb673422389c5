"""The command line's grammar: every subcommand's options and help texts.

Kept apart from the commands' code so that parsing ``suxun-tui refresh`` loads no other
command's module (``extract`` alone brings in the page extractors); :func:`run_command`
imports the one command that runs.
"""

from __future__ import annotations

import argparse
import gettext
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NoReturn, cast

from suxun_tui import __version__
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.script import SCRIPTS

if TYPE_CHECKING:  # argparse's class is generic only to type checkers
    _Sub = argparse._SubParsersAction[argparse.ArgumentParser]


class _Formatter(argparse.HelpFormatter):
    """``usage:`` in the interface's language, as the rest of ``--help``.

    The width is read as argparse reads it, without the ``shutil`` import (and its
    compression modules) argparse makes for that on every parse."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

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
        add_help=False,
        argument_default=None if defaults else argparse.SUPPRESS,
        formatter_class=_Formatter,
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
    """Every command's options and help; the commands themselves are not imported."""
    _translate_once()
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

    _add_extract(sub)
    _add_opml(sub, common)
    _add_gc(sub, common)
    _add_rules(sub, common)
    _add_subscribe(sub, common)
    _add_init(sub, common)
    for action in sub.choices.values():
        action.set_defaults(_common=True)
    return parser


def _translate_once() -> None:
    """argparse translates its own words (``options``, ``show this help message and exit``)
    with ``gettext.gettext``, which looks for a catalog again in every locale directory at
    each call: fifty times for our parsers, half of building them. The catalog found once
    gives the same words; argparse is given its methods."""
    domain = gettext.textdomain()
    found = gettext.translation(domain, gettext.bindtextdomain(domain), fallback=True)
    vars(argparse).update(_=found.gettext, ngettext=found.ngettext)


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: ``$COLUMNS``, else the
    terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    if stdout is None:
        return 80
    try:
        return os.get_terminal_size(stdout.fileno()).columns or 80
    except (ValueError, OSError):
        return 80


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a whole number: {text!r}", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(tr("must be at least 1, not {value}", value=value))
    return value


def _add_extract(sub: _Sub) -> None:
    parser = sub.add_parser(
        "extract",
        help=tr("extract articles (or a column's links) from pages; prints JSON Lines"),
        description=tr(
            "Extract the article from each page (a file or a URL) and print one JSON "
            "object per input, in order. Exit 1 if any input failed."
        ),
    )
    parser.add_argument(
        "--script",
        choices=SCRIPTS,
        default="original",
        help=tr("convert Chinese text to simplified or traditional characters (default: original)"),
    )
    parser.add_argument(
        "--links",
        action="store_true",
        help=tr("treat the inputs as column pages: print their article links"),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=tr("the address local files were saved from (resolves their relative links)"),
    )
    parser.add_argument(
        "--timezone",
        metavar="ZONE",
        default="Asia/Shanghai",
        help=tr("zone of times printed without one (default: Asia/Shanghai)"),
    )
    parser.add_argument(
        "--pages", type=int, default=1, metavar="N", help=tr("with --links, follow N column pages")
    )
    parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help=tr("files or URLs"))
    parser.set_defaults(command="extract")


def _add_opml(sub: _Sub, common: argparse.ArgumentParser) -> None:
    opml = sub.add_parser(
        "opml", parents=[common], help=tr("import or export subscriptions as OPML")
    )
    actions = opml.add_subparsers(dest="opml_action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        parents=[common],
        help=tr("print [[sources]] for an OPML file (or --append them to the config)"),
    )
    imp.add_argument("file", metavar="FILE", help=tr("the OPML file (- for standard input)"))
    imp.add_argument(
        "--append", action="store_true", help=tr("append the new sources to the config file")
    )
    imp.add_argument(
        "--allow-local",
        action="store_true",
        help=tr("also import file:// entries and paths (refresh will read those local files)"),
    )
    exp = actions.add_parser("export", parents=[common], help=tr("print the sources as OPML"))
    exp.add_argument("-o", "--output", metavar="FILE", help=tr("write to FILE instead"))


def _add_gc(sub: _Sub, common: argparse.ArgumentParser) -> None:
    gc = sub.add_parser(
        "gc",
        parents=[common],
        help=tr(
            "remove old articles (keep_days, max_articles; never starred ones), shrink the cache"
        ),
    )
    gc.add_argument("--dry-run", action="store_true", help=tr("only say what would be removed"))
    gc.add_argument(
        "--no-vacuum", action="store_true", help=tr("do not shrink the file afterwards")
    )
    gc.add_argument("--json", action="store_true", help=tr("print a JSON object"))


def _add_rules(sub: _Sub, common: argparse.ArgumentParser) -> None:
    rules = sub.add_parser("rules", parents=[common], help=tr("apply the [[rules]] of the config"))
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    apply = actions.add_parser(
        "apply", parents=[common], help=tr("apply every rule to every cached article")
    )
    apply.add_argument("--json", action="store_true", help=tr("print a JSON array"))


def _add_subscribe(sub: _Sub, common: argparse.ArgumentParser) -> None:
    subscribe = sub.add_parser(
        "subscribe", parents=[common], help=tr("subscribe to a feed on a feed-server account")
    )
    subscribe.add_argument("url", metavar="URL", help=tr("the feed's address"))
    subscribe.add_argument("--account", required=True, metavar="NAME", help=tr("the account"))
    subscribe.add_argument("--folder", metavar="FOLDER", help=tr("put it in this folder"))
    unsubscribe = sub.add_parser(
        "unsubscribe", parents=[common], help=tr("unsubscribe from a source of an account")
    )
    unsubscribe.add_argument("source", metavar="SOURCE", help=tr("the source's name (see 'list')"))
    unsubscribe.add_argument("--account", required=True, metavar="NAME", help=tr("the account"))


def _add_init(sub: _Sub, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "init",
        parents=[common],
        help=tr("write a commented starter config (never over an existing one)"),
        description=tr(
            "Write a commented starter config to the XDG config path (or --config "
            "FILE, or $SUXUN_TUI_CONFIG). Refuses to overwrite an existing file."
        ),
    )
