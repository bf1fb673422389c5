"""Each subcommand's options and help texts, one function a command.

``COMMANDS`` lists them in the order ``--help`` shows them; :func:`~suxun_tui.cli.arguments.
build_parser` adds every one, or only the one a command line names.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from suxun_tui.text.i18n import tr
from suxun_tui.text.script import SCRIPTS

if TYPE_CHECKING:  # argparse's class is generic only to type checkers
    _Sub = argparse._SubParsersAction[argparse.ArgumentParser]


# The largest integer SQLite stores: no id is larger, and a larger limit asks for all.
LARGEST = 2**63 - 1


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not a whole number: {text!r}", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(tr("must be at least 1, not {value}", value=value))
    return value


def positive_int(text: str) -> int:
    """An article id: a whole number from 1 to the largest SQLite keeps."""
    value = _at_least_one(text)
    if value > LARGEST:
        message = tr("must be at most {largest}, not {value}", largest=LARGEST, value=value)
        raise argparse.ArgumentTypeError(message)
    return value


def limit(text: str) -> int:
    """``--limit N``: at least 1; any number past the largest SQLite keeps means all."""
    return min(_at_least_one(text), LARGEST)


def _add_read(sub: _Sub, common: argparse.ArgumentParser) -> None:
    read = sub.add_parser("read", parents=[common], help=tr("open the reader (the default)"))
    read.set_defaults(command="read")


def _add_refresh(sub: _Sub, common: argparse.ArgumentParser) -> None:
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


def _add_list(sub: _Sub, common: argparse.ArgumentParser) -> None:
    listing = sub.add_parser(
        "list", parents=[common], help=tr("list cached articles, newest first")
    )
    listing.add_argument("--unread", action="store_true", help=tr("only unread articles"))
    listing.add_argument("--starred", action="store_true", help=tr("only starred articles"))
    listing.add_argument("--source", metavar="NAME", help=tr("only this source"))
    listing.add_argument(
        "--limit", type=limit, metavar="N", help=tr("at most N articles (default: all)")
    )
    listing.add_argument("--json", action="store_true", help=tr("print a JSON array"))


def _add_search(sub: _Sub, common: argparse.ArgumentParser) -> None:
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
    search.add_argument("--limit", type=limit, metavar="N", help=tr("at most N articles"))
    search.add_argument("--json", action="store_true", help=tr("print a JSON array"))


def _add_show(sub: _Sub, common: argparse.ArgumentParser) -> None:
    show = sub.add_parser("show", parents=[common], help=tr("print one cached article"))
    show.add_argument("id", type=positive_int, metavar="ID", help=tr("the article id (see 'list')"))
    show.add_argument("--json", action="store_true", help=tr("print a JSON object"))


def _add_extract(sub: _Sub, common: argparse.ArgumentParser) -> None:
    del common  # extract reads no config and no cache: none of the common options
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


def _add_unsubscribe(sub: _Sub, common: argparse.ArgumentParser) -> None:
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


COMMANDS: dict[str, Callable[[_Sub, argparse.ArgumentParser], None]] = {
    "read": _add_read,
    "refresh": _add_refresh,
    "list": _add_list,
    "search": _add_search,
    "show": _add_show,
    "extract": _add_extract,
    "opml": _add_opml,
    "gc": _add_gc,
    "rules": _add_rules,
    "subscribe": _add_subscribe,
    "unsubscribe": _add_unsubscribe,
    "init": _add_init,
}
