"""OPML, the subscription list every feed reader exchanges: read it into sources, write it.

Import keeps folders as groups (the innermost folder an outline sits in, else its first
``category``), gives duplicate titles distinct names, and skips what suxun-tui will not
fetch — above all newsboat's ``|command`` and ``exec:``/``filter:`` URLs, which would run
programs: an OPML file from elsewhere must never make us execute anything.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from lxml import etree

from suxun_tui.config import ConfigError, SourceSpec
from suxun_tui.config.checks import check_web_url
from suxun_tui.text.sanitize import clean_line

_WEB = ("http", "https")
_LOCAL = "file"
# "&" not starting a character or entity reference: invalid XML, yet common in hand-made
# and exported OPML ("?a=1&b=2", "Tom & Jerry"). Read strictly it is a syntax error, and
# libxml2's recover mode silently drops "&b" — so it is escaped, and the file read again.
_BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z_:][-\w.:]*|#[0-9]+|#x[0-9A-Fa-f]+);)")
_EXPANSION_ERRORS = ("amplification", "entity reference loop", "entities")


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
    """What an import found: the sources, what was skipped and why, what was known already.

    ``skipped`` are entries *not* imported that the user may have wanted (commands, local
    files without ``--allow-local``, the part of a file after where it breaks): any makes
    the import exit 1. ``known`` are entries already subscribed: nothing lost.
    """

    sources: list[OpmlSource] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)


def read_opml(
    data: bytes,
    *,
    known_urls: Iterable[str] = (),
    known_names: Iterable[str] = (),
    allow_local: bool = False,
) -> OpmlImport:
    """Parse OPML ``data`` exactly; sources whose URL is in ``known_urls`` are left out.

    Nothing is altered silently: a file that is not well-formed XML is read up to where it
    breaks, and everything from there on is reported as skipped. Local files (``file://``
    and paths) are read by refresh, so they are imported only with ``allow_local``.
    """
    root, broken = _parse(data)
    body = root.find("body") if root is not None and root.tag == "opml" else None
    if body is None:
        raise OpmlError(f"not an OPML file ({broken or 'no <opml> with a <body>'})")
    result = OpmlImport()
    if broken:
        result.skipped.append(broken)
    seen_urls = set(known_urls)
    names = set(known_names)
    read: list[etree._Element] = []
    for outline, folder in _feed_outlines(body, None):
        read.append(outline)
        raw_url = (outline.get("xmlUrl") or "").strip()
        url = clean_line(raw_url)
        title = clean_line(outline.get("title") or outline.get("text")) or url
        line = f" (line {outline.sourceline})" if outline.sourceline else ""
        refusal = _refusal(raw_url, url, allow_local)
        if refusal:
            result.skipped.append(f"{title}{line}: {refusal}")
            continue
        if url in seen_urls:
            result.known.append(f"{title}: already subscribed ({url})")
            continue
        seen_urls.add(url)
        category = clean_line((outline.get("category") or "").split(",")[0].strip("/ ")) or None
        name = _unique(title, names)
        names.add(name)
        kind = "page" if (outline.get("type") or "").lower() == "html" else None
        result.sources.append(OpmlSource(name, url, folder or category, kind))
    result.skipped.extend(_stray_feeds(body, read))
    result.skipped.extend(_stray_text(body))
    return result


_FEED_ATTRIBUTE = re.compile(r"""\bxmlUrl\s*=\s*["']?([^"'\s>]*)""")
_TEXT_ATTRIBUTE = re.compile(r"""\b(?:title|text)\s*=\s*["']([^"']*)""")


def _stray_text(body: etree._Element) -> list[str]:
    """Text in the body that holds an outline's feed URL: a tag that lost its ``<`` (the
    file is still well-formed, and the outline would vanish without a word). A comment's
    own text is left alone: an outline commented out is meant to be out."""
    stray: list[str] = []
    for el in body.iter():
        pieces = [el.tail] if el is not body else []
        if isinstance(el.tag, str):
            pieces.append(el.text)
        for piece in filter(None, pieces):
            for found in _FEED_ATTRIBUTE.finditer(piece):
                named = _TEXT_ATTRIBUTE.search(piece, 0, found.start())
                title = clean_line(named.group(1) if named else found.group(1)) or "?"
                start = el.sourceline if isinstance(el.sourceline, int) else None
                near = start + piece.count("\n", 0, found.start()) if start else None
                line = f" (near line {near})" if near else ""
                stray.append(f"{title}{line}: an outline's text without its tag; not imported")
    return stray


def _stray_feeds(body: etree._Element, read: list[etree._Element]) -> list[str]:
    """Elements with a feed URL that are not outlines in the outline tree (a damaged tag
    name such as ``<outlin``, an outline inside some other element): reported, not lost."""
    taken = set(read)
    stray: list[str] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.get("xmlUrl") is None or el in taken:
            continue
        title = clean_line(el.get("title") or el.get("text")) or clean_line(el.get("xmlUrl"))
        line = f" (line {el.sourceline})" if el.sourceline else ""
        what = f"a <{clean_line(el.tag)}> element" if el.tag != "outline" else "an outline"
        stray.append(f"{title}{line}: {what} outside the outline tree; not imported")
    return stray


def _refusal(raw_url: str, url: str, allow_local: bool) -> str | None:
    """Why an outline's URL is not imported, or None when it is."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        return f"invalid URL {url!r} ({exc})"
    local = scheme == _LOCAL or (not scheme and url.startswith(("/", "~", ".")))
    if scheme not in _WEB and not local:
        return f"unsupported URL {url!r} (not fetched, never run)"
    if raw_url != url or any(c.isspace() for c in url):
        return f"URL {url!r} holds spaces or control characters (not imported)"
    if scheme in _WEB:
        try:
            check_web_url(url, "OPML")  # the config's own rule, so an import stays loadable
        except ConfigError as exc:
            return str(exc).removeprefix("OPML: ")
    if local and not allow_local:
        return f"local file {url!r}: refresh would read it; import with --allow-local"
    return None


def _parse(data: bytes) -> tuple[etree._Element | None, str | None]:
    """The document's root, read strictly, and a note on where the file breaks, if it does.

    A file that still fails once bare ampersands are escaped is read again as a stream, and
    only what the stream delivered before the error is kept: elements whose start tag was
    complete (so every attribute is exact). Recover mode would guess instead, and a guess
    is not an import.
    """
    first_error: etree.XMLSyntaxError | None = None
    repaired = _BARE_AMPERSAND.sub(b"&amp;", data)
    for attempt in (data, repaired):
        try:
            return etree.fromstring(attempt, etree.XMLParser(**_STRICT)), None
        except etree.XMLSyntaxError as exc:
            first_error = first_error or exc
            _refuse_expansion(exc)
        except ValueError as exc:
            raise OpmlError(f"not an OPML file ({exc})") from exc
    assert first_error is not None
    root, lost = _read_until_broken(repaired)
    if root is None:
        raise OpmlError(f"not an OPML file ({clean_line(str(first_error))})")
    error = clean_line(str(first_error))
    note = f"the file is broken or cut off ({error}); nothing after that point was imported"
    if lost:
        note += f", including {', '.join(lost)}"
    return root, note


_STRICT: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
}


def _refuse_expansion(exc: etree.XMLSyntaxError) -> None:
    if any(word in str(exc).lower() for word in _EXPANSION_ERRORS):
        raise OpmlError(
            "the file defines XML entities that expand without bound (a 'billion laughs'"
            " file); OPML never needs <!ENTITY>, so nothing was imported"
        ) from exc


def _read_until_broken(data: bytes) -> tuple[etree._Element | None, list[str]]:
    """The tree a strict stream parser built before the error, minus the element it was in.

    An outline that never ended and has no children may have lost attributes after the
    cut, so it goes too; its title is returned for the report.
    """
    root: etree._Element | None = None
    ended: set[etree._Element] = set()
    stream = etree.iterparse(io.BytesIO(data), events=("start", "end"), **_STRICT)
    try:
        for event, element in stream:
            if root is None:
                root = element
            if event == "end":
                ended.add(element)
    except etree.XMLSyntaxError as exc:
        _refuse_expansion(exc)
    if root is None:
        return None, []
    lost: list[str] = []
    for element in list(root.iter()):
        parent = element.getparent()
        if element in ended or len(element) or parent is None:
            continue
        if element.tag == "outline" and element.get("xmlUrl") is not None:
            title = clean_line(element.get("title") or element.get("text") or element.get("xmlUrl"))
            lost.append(f"line {element.sourceline}: {title!r}")
        parent.remove(element)
    return root, lost


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
