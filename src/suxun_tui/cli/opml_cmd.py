"""``suxun-tui opml import|export``: move subscriptions in and out (newsboat, others)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from suxun_tui.cli.codes import EXIT_OK, EXIT_USAGE
from suxun_tui.cli.context import ContextError, load_config_from_args
from suxun_tui.config import ConfigError, config_path, parse_config
from suxun_tui.text.sanitize import clean_line


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    opml = sub.add_parser("opml", parents=[common], help="import or export subscriptions as OPML")
    actions = opml.add_subparsers(dest="opml_action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        parents=[common],
        help="print [[sources]] for an OPML file (or --append them to the config)",
    )
    imp.add_argument("file", metavar="FILE", help="the OPML file (- for standard input)")
    imp.add_argument(
        "--append", action="store_true", help="append the new sources to the config file"
    )
    exp = actions.add_parser("export", parents=[common], help="print the sources as OPML")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")


def run(args: argparse.Namespace) -> int:
    """Import or export; the OPML reader (lxml) loads only when this command runs."""
    from suxun_tui.feeds.opml import write_opml

    try:
        config = load_config_from_args(args)
    except ContextError as exc:
        print(f"suxun-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.opml_action == "export":
        text = write_opml(config.sources)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return EXIT_OK
    return _import(
        args,
        [s.url for s in config.sources] if not config.is_demo else [],
        [s.name for s in config.sources] if not config.is_demo else [],
    )


def _import(args: argparse.Namespace, known_urls: list[str], known_names: list[str]) -> int:
    from suxun_tui.feeds.opml import OpmlError, read_opml, sources_as_toml

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        found = read_opml(data, known_urls=known_urls, known_names=known_names)
    except (OSError, OpmlError) as exc:
        print(f"suxun-tui: {args.file}: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    for reason in found.skipped:
        print(f"suxun-tui: skipped {reason}", file=sys.stderr)
    toml = sources_as_toml(found.sources)
    if not args.append:
        sys.stdout.write(toml)
        return EXIT_OK
    if not found.sources:
        print("suxun-tui: nothing new to add", file=sys.stderr)
        return EXIT_OK
    return _append(config_path(args.config), toml, len(found.sources))


def _append(path: Path, toml: str, count: int) -> int:
    """Append to the config atomically, and only if the result is still a valid config."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + toml
    try:
        parse_config(new, path)
    except ConfigError as exc:
        print(
            f"suxun-tui: not changing {path}: the result would be invalid ({exc})", file=sys.stderr
        )
        return EXIT_USAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(new)
    os.replace(temp, path)
    print(f"added {count} source(s) to {path}")
    return EXIT_OK
