"""An article as Markdown or plain text, its links numbered, and a safe file to keep it in.

The reader saves (``S``, ``W``), pipes (``|``) and copies (``Y``) what this module makes,
and shows the same numbered links under the article, so ``f 2`` opens what ``[2]`` names
everywhere. The links an article has in the cache are its own address, the links inside
its text (kept as spans of each block, marked ``[N]`` where they end), its pictures' and
its enclosures'. Every string came
from the network, so file names are built from the title with separators, controls and
dots at the start removed, and a file is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from suxun_tui.models import ArticleDetail, Block, media_word
from suxun_tui.text import metaline
from suxun_tui.text.i18n import tr, trn
from suxun_tui.text.sanitize import clean_line

Convert = Callable[[str], str]
MAX_NAME = 80  # characters of the title in a file name
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]+')
_MARKDOWN_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<])")


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class NumberedLink:
    """Link ``number`` (from 1) of an article: where it goes and what it is."""

    number: int
    url: str
    label: str
    block: int | None = None  # the index of the picture's block; None: the article's own


def article_links(detail: ArticleDetail) -> tuple[NumberedLink, ...]:
    """The article's links in reading order, numbered from 1, each address once."""
    links: list[NumberedLink] = []
    seen: set[str] = set()

    def add(url: str | None, label: str, block: int | None) -> None:
        if url and url not in seen:
            seen.add(url)
            links.append(NumberedLink(len(links) + 1, url, label, block))

    add(detail.url, "article", None)
    for index, block in enumerate(detail.blocks):
        if block.kind in ("image", "media"):
            add(block.url, block.text or block.kind, index)
        for start, end, href in block.links:
            add(href, block.text[start:end], index)
    return tuple(links)


def link_pieces(
    block: Block, numbers: dict[str, int], convert: Convert = _same
) -> list[tuple[str, int | None]]:
    """The block's text in pieces, each converted alone: ``(text, None)`` between links,
    ``(link text, its number)`` for each link, so the number can follow the link text.

    Converting piece by piece keeps every link's place even when the converter changes a
    text's length (a phrase of another script).
    """
    pieces: list[tuple[str, int | None]] = []
    at = 0
    for start, end, href in block.links:
        if start < at:
            continue
        if start > at:
            pieces.append((convert(block.text[at:start]), None))
        pieces.append((convert(block.text[start:end]), numbers.get(href)))
        at = end
    if at < len(block.text) or not pieces:
        pieces.append((convert(block.text[at:]), None))
    return pieces


def numbered_text(block: Block, numbers: dict[str, int], convert: Convert = _same) -> str:
    """The block's text converted, ``[N]`` after each link's text."""
    if not block.links:
        return convert(block.text)
    return "".join(
        text + (f"[{number}]" if number is not None else "")
        for text, number in link_pieces(block, numbers, convert)
    )


def link_number(links: tuple[NumberedLink, ...], text: str) -> NumberedLink | str:
    """The link whose number is ``text`` (``"2"``, ``"[2]"``), or why there is none."""
    digits = text.strip().strip("[]#").strip()
    if not digits.isdigit():
        return tr(
            "{text!r} is not a link number; links are numbered 1 to {last}",
            text=text.strip(),
            last=len(links),
        )
    found = next((link for link in links if link.number == int(digits)), None)
    if found is None:
        count = len(links)
        return trn(
            "there is no link {number}; this article has {count} link",
            "there is no link {number}; this article has {count} links",
            count,
            number=int(digits),
        )
    return found


def _numbers(detail: ArticleDetail, links: tuple[NumberedLink, ...]) -> dict[int, int]:
    """Each picture's link number, by its block's index (a repeated address: its number)."""
    by_url = {link.url: link.number for link in links}
    return {
        index: by_url[block.url]
        for index, block in enumerate(detail.blocks)
        if block.kind in ("image", "media") and block.url in by_url
    }


def article_text(detail: ArticleDetail, convert: Convert = _same) -> str:
    """The article as plain text: title, metadata, body, then its numbered links."""
    links = article_links(detail)
    numbers = _numbers(detail, links)
    by_url = {link.url: link.number for link in links}
    head = [convert(detail.title) or "(untitled)", metaline.meta_line(detail, convert)]
    head += [convert(detail.source_name)]
    body = [
        _plain_block(block, convert, numbers.get(index), by_url)
        for index, block in enumerate(detail.blocks)
        if block.text.strip() or block.kind == "image"
    ]
    parts = ["\n".join(line for line in head if line), *body]
    if links:
        parts.append("\n".join(f"[{link.number}] {link.url}" for link in links))
    return "\n\n".join(parts) + "\n"


def _plain_block(block: Block, convert: Convert, number: int | None, by_url: dict[str, int]) -> str:
    converted = Block(block.kind, numbered_text(block, by_url, convert), block.url, block.level)
    text = converted.as_plain()
    if block.kind == "image":
        text = text.replace("图片", convert("图片"), 1)
    if block.kind == "media":  # the address is in the list of links
        text = f"[{convert(media_word(block.url))}: {converted.text}]"
    if block.kind == "list_item" and block.level > 0:
        indent = "  " * min(block.level, 8)
        text = indent + text.replace("\n", "\n" + indent)
    return f"{text} [{number}]" if number is not None else text


def article_markdown(detail: ArticleDetail, convert: Convert = _same) -> str:
    """The article as Markdown: a heading, metadata, the body, and a list of its links."""
    links = article_links(detail)
    numbers = _numbers(detail, links)
    by_url = {link.url: link.number for link in links}
    lines = [f"# {_escape(convert(detail.title) or '(untitled)')}", ""]
    meta = metaline.meta_line(detail, convert)
    lines += [f"*{_escape(meta)}*  " if meta else "", _escape(convert(detail.source_name)), ""]
    previous: Block | None = None
    for index, block in enumerate(detail.blocks):
        if not block.text.strip() and block.kind != "image":
            continue
        tight = block.kind == "list_item" and previous is not None and previous.kind == "list_item"
        if tight and lines and lines[-1] == "":
            lines.pop()
        lines += [*_markdown_block(block, convert, numbers.get(index), by_url), ""]
        previous = block
    if links:
        lines += ["## Links", ""]
        lines += [f"{link.number}. <{_angle_safe(link.url)}>" for link in links]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_block(
    block: Block, convert: Convert, number: int | None, by_url: dict[str, int]
) -> Iterator[str]:
    text = numbered_text(block, by_url, convert)
    if block.kind == "heading":
        yield "#" * min(max(block.level, 1) + 1, 6) + " " + _escape(text)
    elif block.kind == "image":
        alt = _escape(text) if text else convert("图片")
        reference = f" [{number}]" if number is not None else ""
        yield f"![{alt}](<{_angle_safe(block.url or '')}>){reference}"
    elif block.kind == "media":
        reference = f" [{number}]" if number is not None else ""
        word = convert(media_word(block.url))
        yield f"[{word}: {_escape(text)}](<{_angle_safe(block.url or '')}>){reference}"
    elif block.kind == "list_item":
        indent = "  " * min(block.level, 8)
        yield indent + "- " + _escape(text).replace("\n", "\n" + indent + "  ")
    elif block.kind == "quote":
        yield "\n".join("> " + _escape(line) for line in text.splitlines())
    elif block.kind in ("code", "table"):
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        yield f"{fence}\n{text}\n{fence}"
    else:
        yield _escape(text)


def _escape(text: str) -> str:
    """Text that Markdown shows as written: inline marks escaped, line starts too."""
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_START.sub(r"\1\\\2", escaped)


def _angle_safe(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def export_name(detail: ArticleDetail, suffix: str) -> str:
    """``2025-12-29 标题.md``: the date and title, safe on every file system."""
    title = _UNSAFE_IN_NAMES.sub(" ", clean_line(detail.title))
    title = re.sub(r"\s+", " ", title).strip().lstrip(".").strip()[:MAX_NAME].strip()
    date = detail.published[:10] if re.match(r"\d{4}-\d\d-\d\d", detail.published) else ""
    stem = " ".join(part for part in (date, title) if part) or f"article-{detail.id}"
    return f"{stem}{suffix}"


def write_new_file(directory: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``directory/name``, or ``name (2)``… when that exists already.

    Raises OSError (the directory cannot be made or written) for the caller to report.
    """
    directory.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    for attempt in range(1, 1000):
        candidate = name if attempt == 1 else f"{stem} ({attempt}){dot}{suffix}"
        path = directory / candidate
        try:
            with path.open("x", encoding="utf-8") as out:  # never over an existing file
                out.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{directory / name} and 998 more names are taken")
