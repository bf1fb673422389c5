"""``suxun-tui extract``: run page extraction on files or URLs and print JSON Lines.

One JSON object per input, in input order, so the output can be piped to ``jq`` or diffed
against expectations. A failed input gives an object with an ``error`` field instead of
stopping the run; the exit code is 1 if any input failed, 2 for usage errors.

Local files are read as ``file://`` URLs so that relative links (multi-page ``_2.html``,
column pagination) resolve next to them; ``--base-url`` makes links absolute against the
page's real address while continuation pages are still looked up next to the file first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from suxun_tui.pages import ExtractionError
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line, strip_controls
from suxun_tui.text.script import SCRIPTS, convert_script

if TYPE_CHECKING:  # the values are built only when extract runs
    from suxun_tui.models import ArticleText, ListedArticle

__all__ = ["run", "article_json", "listing_json"]

Fetch = Callable[[str], Awaitable[tuple[bytes, str | None, str]]]


def _text(value: str | None, script: str) -> str | None:
    if value is None:
        return None
    return clean_line(convert_script(value, script))


def article_json(url: str, article: ArticleText, script: str) -> dict[str, Any]:
    """The JSON object printed for one article."""
    from suxun_tui.models import blocks_to_plain

    return {
        "url": clean_line(url),
        "title": _text(article.title, script) or "",
        "published": article.published,
        "origin": _text(article.origin, script),
        "author": _text(article.author, script),
        "editor": _text(article.editor, script),
        "responsible_editor": _text(article.responsible_editor, script),
        "views": article.views,
        # Images are listed under "images"; the body is the text alone. The blocks are
        # clean already: only controls go, so code keeps its indents.
        "body": strip_controls(
            convert_script(
                blocks_to_plain([b for b in article.blocks if b.kind != "image"]), script
            )
        ),
        "images": [
            {"url": clean_line(i.url), "alt": _text(i.text, script) or ""} for i in article.images
        ],
        "links": [
            {"url": clean_line(link.url), "text": _text(link.text, script) or ""}
            for link in article.links
        ],
    }


def listing_json(url: str, items: list[ListedArticle], script: str) -> dict[str, Any]:
    """The JSON object printed for one column page."""
    return {
        "url": clean_line(url),
        "articles": [
            {
                "url": clean_line(a.url),
                "title": _text(a.title, script) or "",
                "published": a.published,
            }
            for a in items
        ],
    }


def _is_web(value: str) -> bool:
    """An http(s) URL (a malformed one too: the fetch then says what is wrong with it)."""
    try:
        return urlsplit(value).scheme in ("http", "https")
    except ValueError:  # "http://[::1"
        return value.lower().startswith(("http:", "https:"))


def _is_valid_web(value: str) -> bool:
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != -1
    except ValueError:
        return False


def _fetch_for(
    path_for: Callable[[str], Path | None], web: Fetch | None, *, allow_local: bool
) -> Fetch:
    """One input's fetch function, under the local-file rule every fetch path shares.

    An input named on the command line as a file may read files (its continuation pages
    and column pages next to it); a web input never does, whatever its links say.
    """
    from suxun_tui.config import Settings
    from suxun_tui.net.local import read_local_file, refusal

    max_bytes = Settings().max_bytes

    async def fetch(url: str) -> tuple[bytes, str | None, str]:
        path = path_for(url)
        if path is not None and not (_is_web(url) and not path.is_file()):
            if not allow_local:
                raise OSError(refusal(url))
            import asyncio

            return await asyncio.to_thread(read_local_file, path, url, max_bytes), None, url
        if web is None:
            raise OSError(f"{url}: not available offline")
        return await web(url)

    return fetch


async def _run_one(
    args: argparse.Namespace, value: str, web: Fetch | None
) -> tuple[dict[str, Any], bool]:
    from suxun_tui.net.local import local_path
    from suxun_tui.pages.reader import read_article, read_listing

    if _is_web(value):
        url = value
        fetch = _fetch_for(local_path, web, allow_local=False)
    elif value.startswith("file:"):
        url = value
        fetch = _fetch_for(local_path, web, allow_local=True)
    else:
        from suxun_tui.config.paths import expand_user

        path = expand_user(value)
        if not path.is_file():
            why = "is a directory, not a file" if path.is_dir() else "no such file"
            return {"url": clean_line(value), "error": clean_line(f"{value}: {why}")}, False
        file_url = path.resolve().as_uri()
        url = args.base_url or file_url
        base = args.base_url

        def path_for(address: str) -> Path | None:
            if base and address.split("#", 1)[0] == base:
                return path
            if base and urljoin(address, ".") == urljoin(base, "."):
                name = urlsplit(address).path.rsplit("/", 1)[-1]
                return path.parent / name if name else None
            return local_path(address)

        fetch = _fetch_for(path_for, web, allow_local=True)
    try:
        if args.links:
            items = await read_listing(fetch, url, pages=max(1, args.pages), timezone=args.timezone)
            if not items:
                raise ExtractionError("found no article links on this page")
            return listing_json(url, items, args.script), True
        article = await read_article(fetch, url, timezone=args.timezone)
        return article_json(url, article, args.script), True
    except ExtractionError as exc:
        return {"url": clean_line(url), "error": clean_line(f"{url}: {exc}")}, False
    except Exception as exc:  # noqa: BLE001 - FetchError, OSError: report, keep going
        message = str(exc) or type(exc).__name__
        return {"url": clean_line(url), "error": clean_line(message)}, False


async def _run_all(args: argparse.Namespace) -> int:
    failed = False
    needs_web = any(_is_web(v) for v in args.inputs) or bool(args.base_url)
    if needs_web and not getattr(args, "offline", False):
        from suxun_tui.config import Settings
        from suxun_tui.net.client import Fetcher

        async with Fetcher(Settings()) as fetcher:

            async def web(address: str) -> tuple[bytes, str | None, str]:
                result = await fetcher.get(address)
                return result.content, result.content_type, result.url

            failed = await _emit(args, web)
    else:
        failed = await _emit(args, None)
    return 1 if failed else 0


async def _emit(args: argparse.Namespace, web: Fetch | None) -> bool:
    failed = False
    out = sys.stdout
    for value in args.inputs:
        obj, ok = await _run_one(args, value, web)
        failed = failed or not ok
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.flush()
    return failed


def run(args: argparse.Namespace) -> int:
    """Run ``extract``; returns the exit code (0 ok, 1 some input failed, 2 usage)."""
    if args.script not in SCRIPTS:
        message = tr("suxun-tui extract: unknown script {script!r}", script=args.script)
        print(message, file=sys.stderr)
        return 2
    if args.base_url and not _is_valid_web(args.base_url):
        print(tr("suxun-tui extract: --base-url must be an http(s) URL"), file=sys.stderr)
        return 2
    if getattr(args, "pages", 1) < 1:
        print(tr("suxun-tui extract: --pages must be at least 1"), file=sys.stderr)
        return 2
    try:
        import asyncio  # only when extracting: the other commands start without it

        return asyncio.run(_run_all(args))
    except KeyboardInterrupt:
        return 130
