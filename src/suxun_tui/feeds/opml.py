"""OPML, the subscription list every feed reader exchanges: read it into sources, write it.

Import keeps folders as groups (the innermost folder an outline sits in, else its first
``category``), gives duplicate titles distinct names, and skips what suxun-tui will not
fetch — above all newsboat's ``|command`` and ``exec:``/``filter:`` URLs, which would run
programs: an OPML file from elsewhere must never make us execute anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from lxml import etree

from suxun_tui.config import SourceSpec
from suxun_tui.text.sanitize import clean_line

_FETCHABLE = ("http", "https", "file")


class OpmlError(Exception):
    """The file is not OPML we can read; the message says why."""


@dataclass(frozen=True)
class OpmlSource:
    """One subscription found in an OPML file."""

    name: str
    url: str
    group: str | None = None
    kind: str | None = None  # "page" for outlines of type "html" (our own export of pages)


@dataclass
class OpmlImport:
    """What an import found: the sources, and what was skipped and why."""

    sources: list[OpmlSource] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_opml(
    data: bytes, *, known_urls: Iterable[str] = (), known_names: Iterable[str] = ()
) -> OpmlImport:
    """Parse OPML ``data``; sources whose URL is in ``known_urls`` are left out."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not an OPML file ({exc})") from exc
    body = root.find("body") if root is not None and root.tag == "opml" else None
    if body is None:
        raise OpmlError("not an OPML file (no <opml> with a <body>)")
    result = OpmlImport()
    seen_urls = set(known_urls)
    names = set(known_names)
    for outline, folder in _feed_outlines(body, None):
        url = clean_line(outline.get("xmlUrl"))
        title = clean_line(outline.get("title") or outline.get("text")) or url
        scheme = urlsplit(url).scheme.lower()
        if scheme not in _FETCHABLE:
            result.skipped.append(f"{title}: unsupported URL {url!r} (not fetched, never run)")
            continue
        if url in seen_urls:
            result.skipped.append(f"{title}: already subscribed ({url})")
            continue
        seen_urls.add(url)
        category = clean_line((outline.get("category") or "").split(",")[0].strip("/ ")) or None
        name = _unique(title, names)
        names.add(name)
        kind = "page" if (outline.get("type") or "").lower() == "html" else None
        result.sources.append(OpmlSource(name, url, folder or category, kind))
    return result


def _feed_outlines(
    parent: etree._Element, folder: str | None
) -> Iterable[tuple[etree._Element, str | None]]:
    """Outlines with an ``xmlUrl``, each with the innermost folder it sits in."""
    for outline in parent.iter("outline"):
        if outline.getparent() is not parent:
            continue
        if outline.get("xmlUrl") is not None:
            yield outline, folder
        else:
            label = clean_line(outline.get("text") or outline.get("title")) or folder
            yield from _feed_outlines(outline, label)


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string: same quotes and escapes.
    return json.dumps(text, ensure_ascii=False)


def sources_as_toml(sources: Iterable[OpmlSource]) -> str:
    """``[[sources]]`` tables ready to append to a config file."""
    blocks = []
    for source in sources:
        lines = [
            "[[sources]]",
            f"name = {_toml_string(source.name)}",
            f"url = {_toml_string(source.url)}",
        ]
        if source.kind:
            lines.append(f"kind = {_toml_string(source.kind)}")
        if source.group:
            lines.append(f"group = {_toml_string(source.group)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def write_opml(sources: Iterable[SourceSpec], title: str = "suxun-tui subscriptions") -> str:
    """OPML 2.0 of ``sources``, groups as folders, in config order."""
    groups: dict[str | None, list[SourceSpec]] = {}
    for source in sources:
        groups.setdefault(source.group, []).append(source)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape(title)}</title></head>",
        "  <body>",
    ]
    for group, members in groups.items():
        indent = "    "
        if group:
            lines.append(f"    <outline text={quoteattr(group)} title={quoteattr(group)}>")
            indent = "      "
        for source in members:
            # Pages carry type "html" so that importing the file again keeps their kind.
            kind = "html" if source.kind == "page" else "rss"
            name = quoteattr(source.name)
            lines.append(
                f"{indent}<outline type={quoteattr(kind)} text={name} title={name}"
                f" xmlUrl={quoteattr(source.url)}/>"
            )
        if group:
            lines.append("    </outline>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return quoteattr(text)[1:-1]
