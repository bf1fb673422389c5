"""``suxun-tui init``: write a commented starter config where the reader looks for one.

The starter is the documented example (``config.example.toml``, shipped in the package)
with every setting commented out — the defaults apply until the user uncomments one —
and one real feed left active, so that the first start after ``init`` reads a feed
instead of the demo. An existing file is never overwritten: the user's config is theirs.
"""

from __future__ import annotations

import argparse
import os
import sys

from suxun_tui.cli.codes import EXIT_OK, EXIT_USAGE
from suxun_tui.config.paths import config_path
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line

EXAMPLE = "config.example.toml"
HEADER = """\
# suxun-tui configuration, written by `suxun-tui init`.
# Every setting below is commented out: the defaults shown apply. Uncomment a line (drop
# the leading "# ") to change it. Add a [[sources]] table per feed or page; then start
# suxun-tui, or run `suxun-tui refresh` from cron.
#
"""
FIRST_SOURCE = """
# Your sources. `suxun-tui subscribe` and `suxun-tui opml import` add more.
[[sources]]
name = "Hacker News"
url = "https://news.ycombinator.com/rss"
kind = "feed"
group = "Tech"
"""


def starter_config() -> str:
    """The example config with every line commented, plus one active source."""
    from importlib import resources

    example = resources.files("suxun_tui.cli").joinpath(EXAMPLE).read_text("utf-8")
    lines = []
    for line in example.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            lines.append(line)
        else:
            lines.append("# " + line)
    return HEADER + "\n".join(lines) + "\n" + FIRST_SOURCE


def run(args: argparse.Namespace) -> int:
    path = config_path(getattr(args, "config", None))
    shown = clean_line(str(path))
    if path.exists() or path.is_symlink():
        print(
            tr(
                "suxun-tui: {path} already exists; not overwriting it. Edit it, or move it "
                "away and run init again.",
                path=shown,
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": created here or not at all, even if another program makes it meanwhile.
        with open(path, "x", encoding="utf-8") as out:
            out.write(starter_config())
        os.chmod(path, 0o600)  # an account's password may be added to it later
    except FileExistsError:
        message = tr("suxun-tui: {path} already exists; not overwriting it.", path=shown)
        print(message, file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        error = exc.strerror or exc
        message = tr("suxun-tui: cannot write {path}: {error}", path=shown, error=error)
        print(message, file=sys.stderr)
        return EXIT_USAGE
    print(tr("Wrote {path}", path=shown))
    print(tr("Edit it to add your sources, then run suxun-tui (or: suxun-tui refresh)."))
    return EXIT_OK
