"""The command line's grammar: the parser, the options every command takes, and which
subcommand a line names (each subcommand's own options are in ``subcommands``).

Kept apart from the commands' code so that parsing ``suxun-tui refresh`` loads no other
command's module (``extract`` alone brings in the page extractors); :func:`run_command`
imports the one command that runs. A line that plainly names its subcommand is parsed by
a parser holding only that one (:func:`command_named`): the same result, errors and help,
without building the other fourteen.
"""

from __future__ import annotations

import argparse
import gettext
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, cast

from suxun_tui import __version__
from suxun_tui.cli.subcommands import COMMANDS
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line


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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's options and help; the commands themselves are not imported.

    Given ``command`` (see :func:`command_named`), only that subcommand's parser is built:
    parsing its line needs no other, and building all fifteen is most of parsing.
    """
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
    for name, add in COMMANDS.items():
        if command is None or name == command:
            add(sub, common)
    for action in sub.choices.values():
        action.set_defaults(_common=True)
    return parser


_TAKE_A_VALUE = ("--config", "--data-dir")


def command_named(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, when every word before it is a common option spelled
    in full (``--offline``, ``--config FILE``, ``--data-dir=DIR``); else None, and the whole
    parser reads the line (``--help``, ``--version``, abbreviations, mistakes, the reader)."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in COMMANDS:
            return word
        if word in _TAKE_A_VALUE:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None  # argparse's own message for a missing value
            i += 2
        elif word == "--offline" or word.startswith(("--config=", "--data-dir=")):
            i += 1
        else:
            return None
    return None


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
