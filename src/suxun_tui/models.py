"""Plain data passed between the core layers and the TUI.

Everything here is a frozen dataclass with no behaviour beyond small helpers, so that
feeds, pages, the store and the TUI can exchange values without importing each other.
Every command defines these classes as it starts: :mod:`suxun_tui.record` makes them, the
same classes ``dataclasses`` would make at a tenth of its cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the classes are dataclasses; suxun_tui.record makes them cheaply
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "image", "code", "table", "media"]
AUDIO = (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav")
VIDEO = (".mp4", ".m4v", ".webm", ".mkv", ".mov", ".avi")
LinkSpan = tuple[int, int, str]  # a link inside a block's text: start, end, address


def media_word(url: str | None) -> str:
    """What an enclosure is, by its address: 音频 (audio), 视频 (video), else 附件."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0].lower()
    return "音频" if path.endswith(AUDIO) else "视频" if path.endswith(VIDEO) else "附件"


@dataclass(frozen=True)
class Block:
    """One readable unit of an article body.

    ``text`` is already plain, cleaned text. Images carry their alt text in ``text`` and
    their address in ``url``; headings carry ``level`` 1-6. ``media`` is a podcast or
    video enclosure: its file name in ``text``, its address in ``url``. ``links`` are the
    links inside the text, as ``(start, end, href)`` spans of ``text`` in reading order.
    """

    kind: BlockKind
    text: str
    url: str | None = None
    level: int = 0
    links: tuple[LinkSpan, ...] = ()

    def as_plain(self) -> str:
        """The block as plain text, the way ``show --json`` and the CLI print it."""
        if self.kind == "image":
            return f"[图片: {self.text}]" if self.text else "[图片]"
        if self.kind == "media":
            return f"[{media_word(self.url)}: {self.text}] {self.url or ''}".rstrip()
        if self.kind == "list_item":
            return f"• {self.text}"
        if self.kind == "quote":
            return "> " + self.text.replace("\n", "\n> ")
        return self.text


def _plain(block: Block) -> str:
    text = block.as_plain()
    if block.kind == "list_item" and block.level > 0:  # a nested item, indented under its parent
        indent = "  " * block.level
        return indent + text.replace("\n", "\n" + indent)
    return text


def blocks_to_plain(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Blocks joined as plain text, paragraphs separated by one blank line.

    Code comes out as written, every line and indent kept; nested list items are
    indented two spaces per level.
    """
    return "\n\n".join(_plain(b) for b in blocks if b.text or b.kind == "image")


@dataclass(frozen=True)
class Link:
    """A hyperlink found in a page: where it goes and what it says."""

    url: str
    text: str


@dataclass(frozen=True)
class ArticleText:
    """What article extraction makes of one page: fields plus body blocks.

    Every field is optional because real pages show only some of them. ``published``
    is an ISO 8601 string with a zone offset.
    """

    title: str = ""
    published: str | None = None
    origin: str | None = None
    author: str | None = None
    editor: str | None = None
    responsible_editor: str | None = None
    views: int | None = None
    blocks: tuple[Block, ...] = ()
    images: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def body(self) -> str:
        return blocks_to_plain(self.blocks)


@dataclass(frozen=True)
class ListedArticle:
    """One article link found on a column (listing) page."""

    url: str
    title: str
    published: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One item parsed from a feed or a listing page, before it is stored.

    ``guid`` is the key the store deduplicates on within a source (the feed's id,
    else the link, else a hash of the content). ``published`` is UTC ISO 8601 or None
    when the feed gives no usable date (the store then uses the time first seen).
    """

    guid: str
    title: str
    url: str
    published: str | None = None
    author: str | None = None
    blocks: tuple[Block, ...] = ()
    summary_only: bool = False


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed document: its title, entries and the hints it gives for polling."""

    title: str
    entries: tuple[FeedEntry, ...]
    ttl_minutes: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceRow:
    """A source as the store knows it, with counts and fetch health for the sources pane."""

    id: int
    name: str
    url: str
    kind: str | None
    group: str | None
    unread: int = 0
    total: int = 0
    last_error: str | None = None
    last_success: str | None = None
    last_attempt: str | None = None


@dataclass(frozen=True)
class Headline:
    """One row of the headline list: enough to draw it, nothing more."""

    id: int
    source_id: int
    source_name: str
    title: str
    url: str
    published: str
    read: bool
    starred: bool


@dataclass(frozen=True)
class ArticleDetail:
    """An article with its stored body and metadata, for the article pane and ``show``."""

    id: int
    source_id: int
    source_name: str
    source_kind: str | None
    title: str
    url: str
    published: str
    read: bool
    starred: bool
    author: str | None = None
    origin: str | None = None
    editor: str | None = None
    responsible_editor: str | None = None
    views: int | None = None
    blocks: tuple[Block, ...] = ()
    has_full_text: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    also_in: tuple[str, ...] = ()  # the other sources that carry the same story

    @property
    def body(self) -> str:
        return blocks_to_plain(self.blocks)
