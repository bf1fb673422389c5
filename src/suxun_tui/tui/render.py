"""Turn an article into something the terminal can draw, as plain ``rich.text.Text``.

Every string here came from the network, so none of it is ever parsed as markup: text is
wrapped in ``Text`` objects whose styles we choose. The document re-wraps itself at
whatever width it is drawn (see :mod:`suxun_tui.tui.wrap`), so resizing just works. Code is
drawn line for line in its own colour, never re-flowed; nested list items are indented
under their parents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from suxun_tui.models import ArticleDetail, Block, media_word
from suxun_tui.text import metaline
from suxun_tui.text.export import NumberedLink, article_links, link_pieces
from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui.wrap import wrap_code, wrap_text

Convert = Callable[[str], str]
CODE_STYLE = "cyan"  # not dim: code is read closely; not bold: that is a heading
LINK_STYLE = "underline"  # a link's text; its number [N] follows in NUMBER_STYLE
NUMBER_STYLE = "dim"


@dataclass(frozen=True)
class Part:
    """One wrapped unit: text plus the prefixes of its first and following lines."""

    text: Text
    first: str = ""
    rest: str = ""
    prefix_style: str = ""
    gap: bool = True  # a blank line before this part
    code: bool = False  # lines drawn as written (wrap_code), not re-flowed
    picture: str | None = None  # an image block's address: drawn there when pictures are on


class ArticleDocument:
    """A Rich renderable: parts wrapped for CJK at the width they are drawn at.

    Textual draws a renderable more than once at the same width (to measure its height,
    then to paint), so the drawn lines are kept for the last width: an article of 10,000
    paragraphs is wrapped once, not three times.
    """

    def __init__(self, parts: Iterable[Part]) -> None:
        self.parts = list(parts)
        self._drawn: tuple[int, list[Segment]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 4)
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self._draw(console, width))
        yield from self._drawn[1]

    def _draw(self, console: Console, width: int) -> list[Segment]:
        # Lines go out as segments: each already fits, and Rich wrapping every line again
        # as a Text costs more than the wrapping itself.
        segments: list[Segment] = []
        newline = Segment.line()
        for index, part in enumerate(self.parts):
            if index and part.gap:
                segments.append(newline)
            indent = max(len(part.first), len(part.rest))
            wrap = wrap_code if part.code else wrap_text
            for number, line in enumerate(wrap(part.text, width - indent)):
                prefix = part.first if number == 0 else part.rest
                if indent:
                    segments.append(
                        Segment(prefix.ljust(indent), console.get_style(part.prefix_style))
                    )
                # Text.render leaves the base style out (__rich_console__ adds it): add it.
                base = console.get_style(line.style) if line.style else None
                segments.extend(Segment.apply_style(line.render(console), base))
                segments.append(newline)
        return segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    @property
    def plain(self) -> str:
        """The unwrapped text, for tests and for copying."""
        return "\n".join(p.first + p.text.plain for p in self.parts)


def display_url(url: str) -> str:
    """The link as shown: a local file is shortened to its last path parts.

    The full ``file:///home/…`` path of a bundled or local page says nothing to the reader
    (and would make screenshots differ between machines); ``o``/``y`` still use the link.
    """
    if not url.startswith("file:"):
        return url
    parts = [p for p in url.split("/") if p]
    return "file://…/" + "/".join(parts[-2:]) if len(parts) > 3 else url


def meta_line(detail: ArticleDetail, convert: Convert) -> Text:
    """The metadata line (the core's wording), in the article pane's style.

    The caller passes the converter for this line: labels and names in one script, so a
    Traditional page shows ``作者 王帅`` beside the Simplified labels in "original" mode.
    """
    return Text(metaline.meta_line(detail, convert), style="italic")


def linked_text(block: Block, convert: Convert, numbers: dict[str, int], style: str = "") -> Text:
    """The block's text with its links underlined, each followed by its number ``[N]``."""
    text = Text(style=style)
    for piece, number in link_pieces(block, numbers, convert):
        if number is None:
            text.append(piece)
        else:
            text.append(piece, style=LINK_STYLE)
            text.append(f"[{number}]", style=NUMBER_STYLE)
    return text


def block_part(
    block: Block, convert: Convert, previous: Block | None, numbers: dict[str, int] | None = None
) -> Part | None:
    """One body block as a part; None for blocks with nothing to show.

    ``numbers`` (link address → number) marks the links inside the text.
    """
    if block.links and numbers and block.kind not in ("image", "media", "code"):
        links = numbers
        return _text_part(block, previous, lambda style: linked_text(block, convert, links, style))
    text = convert(block.text)
    if block.kind == "image":
        picture = convert("图片")  # 圖片 in Traditional, like the text around it
        label = f"[{picture}: {text}]" if text else f"[{picture}]"
        return Part(Text(label, style="dim"))
    if block.kind == "media":  # a podcast or video: e plays it
        return Part(Text(f"[{convert(media_word(block.url))}: {text}]", style="dim"))
    if not text.strip():
        return None
    if block.kind == "code":
        return Part(Text(text, style=CODE_STYLE), first="  ", rest="  ", code=True)
    return _text_part(block, previous, lambda style: Text(text, style=style))


_KIND_STYLES = {"heading": "bold", "quote": "italic", "table": "dim"}


def _text_part(block: Block, previous: Block | None, text_in: Callable[[str], Text]) -> Part | None:
    """A block of prose as a part, styled and indented by its kind."""
    text = text_in(_KIND_STYLES.get(block.kind, ""))
    if not text.plain.strip():
        return None
    if block.kind == "list_item":
        tight = previous is not None and previous.kind == "list_item"
        nested = "  " * min(block.level, 8)
        return Part(text, first=nested + "• ", rest=nested + "  ", gap=not tight)
    if block.kind == "quote":
        return Part(text, first="│ ", rest="│ ", prefix_style="dim")
    if block.kind == "table":
        return Part(text, first="  ", rest="  ")
    return Part(text)


def article_document(
    detail: ArticleDetail,
    convert: Convert,
    notes: Iterable[Text] = (),
    meta_convert: Convert | None = None,
) -> ArticleDocument:
    """The whole article pane: title, metadata, source line, notes, then the body."""
    parts = [Part(Text(convert(detail.title) or tr("(untitled)"), style="bold"))]
    parts.append(Part(meta_line(detail, meta_convert or convert), gap=False))
    sources = " + ".join((detail.source_name, *detail.also_in))  # every source of the story
    parts.append(Part(Text(convert(sources), style="dim"), gap=False))
    if detail.url:
        parts.append(Part(Text(display_url(detail.url), style="dim underline"), gap=False))
    parts.extend(Part(note) for note in notes)
    links = article_links(detail)
    numbers = {link.url: link.number for link in links}  # pictures carry their number
    previous: Block | None = None
    body = 0
    for block in detail.blocks:
        part = block_part(block, convert, previous, numbers)
        previous = block
        if part is not None:
            if block.kind in ("image", "media") and (number := numbers.get(block.url or "")):
                part = replace(part, text=part.text + Text(f" [{number}]", style="dim"))
            if block.kind == "image" and block.url:
                part = replace(part, picture=block.url)
            parts.append(part)
            body += 1
    if not body:
        parts.append(Part(Text(tr("(no text in the cache for this article)"), style="dim italic")))
    parts.extend(link_parts(links))
    return ArticleDocument(parts)


LINKS_HEADING = N_("Links")


def split_at_pictures(document: ArticleDocument) -> list[ArticleDocument | Part]:
    """The document cut into runs of text and the picture parts between them."""
    pieces: list[ArticleDocument | Part] = []
    run: list[Part] = []
    for part in document.parts:
        if part.picture is None:
            run.append(part)
            continue
        if run:
            pieces.append(ArticleDocument(run))
            run = []
        pieces.append(part)
    if run:
        pieces.append(ArticleDocument(run))
    return pieces


def link_parts(links: tuple[NumberedLink, ...]) -> list[Part]:
    """The numbered list under the article that ``f`` and ``F`` take a number from.

    Only an article with more than its own link (shown under its title) gets one: [1]
    alone would repeat that line under every article.
    """
    if len(links) < 2:
        return []
    width = len(f"[{links[-1].number}] ")
    heading = Part(Text(tr(LINKS_HEADING), style="bold dim"))
    return [heading] + [
        Part(
            Text(display_url(link.url), style="dim"),
            first=f"[{link.number}]".ljust(width),
            rest=" " * width,
            gap=False,
        )
        for link in links
    ]


def placeholder(message: str) -> ArticleDocument:
    """What the article pane shows when nothing is selected."""
    return ArticleDocument([Part(Text(message, style="dim italic"))])


HAN_PER_MINUTE, WORDS_PER_MINUTE = 400, 230  # Chinese characters, other words, per minute
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WORD = re.compile(r"[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


def reading_minutes(detail: ArticleDetail) -> int:
    """About how long the article takes to read: 400 Chinese characters or 230 other
    words a minute, at least one minute."""
    han = words = 0
    for block in detail.blocks:
        han += len(_HAN.findall(block.text))
        words += len(_WORD.findall(block.text))
    return max(1, round(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE))
