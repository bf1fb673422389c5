"""``suxun-tui opml import|export``: move subscriptions in and out (newsboat, others).

Import is exact or says what it left out: every entry skipped is named with the reason,
and the exit code is 1 when anything was (entries already subscribed are not a loss).
``--append`` writes the config through a symlink (dotfile setups), atomically, and keeps
the file's mode.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from pathlib import Path

from suxun_tui.cli.codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from suxun_tui.cli.context import ContextError, load_config_from_args
from suxun_tui.config import ConfigError, config_path, parse_config
from suxun_tui.text.i18n import tr, trn
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.text.sanitize import clean_line

MAX_OPML_BYTES = 16 * 1024 * 1024  # thousands of subscriptions fit in far less


def _say(message: str) -> None:
    """One line to stderr, cleaned: file names and OPML titles are a stranger's text."""
    print(f"suxun-tui: {clean_line(message)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Import or export; the OPML reader (lxml) loads only when this command runs."""
    from suxun_tui.feeds.opml import write_opml

    try:
        config = load_config_from_args(args)
    except ContextError as exc:
        _say(str(exc))
        return EXIT_USAGE
    if args.opml_action == "export":
        text = write_opml(config.sources)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8")
            except OSError as exc:
                error = exc.strerror or exc
                _say(tr("{path}: cannot write ({error})", path=args.output, error=error))
                return EXIT_USAGE
        else:
            sys.stdout.write(text)
        return EXIT_OK
    return _import(
        args,
        [s.url for s in config.sources] if not config.is_demo else [],
        [s.name for s in config.sources] if not config.is_demo else [],
    )


def _read_input(name: str) -> bytes:
    """The OPML bytes (``-`` is standard input), at most :data:`MAX_OPML_BYTES`."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_OPML_BYTES + 1)
    else:
        # Pipes are fine here (``<(curl …)``); a device that never ends is cut at the cap.
        with Path(name).open("rb") as handle:
            data = handle.read(MAX_OPML_BYTES + 1)
    if len(data) > MAX_OPML_BYTES:
        size = MAX_OPML_BYTES // 1024 // 1024
        raise OSError(tr("over {size} MB; not an OPML file", size=size))
    return data


def _import(args: argparse.Namespace, known_urls: list[str], known_names: list[str]) -> int:
    from suxun_tui.feeds.opml import OpmlError, read_opml, sources_as_toml

    try:
        data = _read_input(args.file)
        found = read_opml(
            data,
            known_urls=known_urls,
            known_names=known_names,
            allow_local=getattr(args, "allow_local", False),
        )
    except OSError as exc:
        _say(f"{args.file}: {exc.strerror or exc}")
        return EXIT_USAGE
    except OpmlError as exc:
        _say(f"{args.file}: {exc}")
        return EXIT_USAGE
    for reason in found.known:
        _say(tr("not added again: {reason}", reason=reason))
    for reason in found.skipped:
        _say(tr("skipped {reason}", reason=reason))
    if found.skipped:
        count = len(found.skipped)
        _say(
            trn(
                "{file}: {count} entry skipped (exit 1)",
                "{file}: {count} entries skipped (exit 1)",
                count,
                file=args.file,
            )
        )
    done = EXIT_FAILED if found.skipped else EXIT_OK
    toml = sources_as_toml(found.sources)
    if not args.append:
        sys.stdout.write(toml)
        return done
    if not found.sources:
        _say(tr("nothing new to add"))
        return done
    appended = _append(config_path(args.config), toml, len(found.sources))
    return appended if appended != EXIT_OK else done


def _append(path: Path, toml: str, count: int) -> int:
    """Append to the config atomically, and only if the result is still a valid config.

    A symlinked config (a dotfiles checkout) stays a symlink: the new text replaces the
    file it points to, written beside that file and renamed over it, with its mode.
    """
    from suxun_tui.config.paths import read_config_file

    target = Path(os.path.realpath(path))
    try:
        old = read_config_file(target) if target.exists() else ""
    except ConfigError as exc:
        _say(tr("not changing {path}: {error}", path=path, error=tr_said(str(exc))))
        return EXIT_USAGE
    new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + toml
    try:
        parse_config(new, path)
    except ConfigError as exc:
        said = tr_said(str(exc))
        _say(
            tr("not changing {path}: the result would be invalid ({error})", path=path, error=said)
        )
        return EXIT_USAGE
    try:
        _replace_atomically(target, new)
    except OSError as exc:
        error = exc.strerror or exc
        message = "not changing {path}: cannot write {target} ({error})"
        _say(tr(message, path=path, target=target, error=error))
        return EXIT_USAGE
    print(tr("added {count} source(s) to {path}", count=count, path=clean_line(str(path))))
    return EXIT_OK


def _replace_atomically(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it over ``target``."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o600
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".config-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
