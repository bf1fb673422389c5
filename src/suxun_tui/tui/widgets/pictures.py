"""A picture inside an article: drawn in the terminal, or its placeholder with a reason.

``textual-image`` (the optional ``images`` extra) draws with the best the terminal has:
Kitty's graphics protocol, Sixel, else coloured half-blocks (in tmux). It asks the
terminal what it supports when it is imported, which is impossible once Textual owns the
terminal, so :func:`prepare` imports it before the app starts. The picture itself comes
from the core (:func:`suxun_tui.refresh.images.load_picture`, in a thread worker): the
cache first, else fetched within ``image_max_bytes``; until then, and whenever there is
no picture, the placeholder ``[图片: alt] [N]`` is shown, followed by the reason.
"""

from __future__ import annotations

import sys
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from suxun_tui.text.i18n import N_, tr
from suxun_tui.tui.jobs import Abandoned, abandonable
from suxun_tui.tui.render import ArticleDocument, Part, split_at_pictures
from suxun_tui.tui.themes import no_color

if TYPE_CHECKING:
    from suxun_tui.store.image_cache import CachedPicture
    from suxun_tui.tui.context import Reader

MAX_ROWS = 24  # a picture takes at most this many rows of the pane
NO_EXTRA = N_("needs the images extra: pip install 'suxun-tui[images]'")
NO_COLOURS = N_("not drawn without colours (NO_COLOR)")


@lru_cache(maxsize=1)
def image_class() -> type[Widget] | None:
    """textual-image's widget for this terminal, or None when the extra is missing."""
    try:
        from textual_image.widget import Image
    except Exception:  # noqa: BLE001 - not installed, or no terminal to ask: placeholders
        return None
    widget: type[Widget] = Image
    return widget


def by_colours() -> bool:
    """Whether this terminal gets pictures as coloured characters (half-blocks), not
    as graphics (Kitty, Sixel): without colours (NO_COLOR) those show nothing."""
    try:
        from textual_image.renderable import Image
    except Exception:  # noqa: BLE001 - no extra: nothing is drawn at all
        return True
    return Image.__module__.rsplit(".", 1)[-1] in ("halfcell", "unicode")


def pictures_wanted(setting: str) -> bool:
    """Whether pictures start shown: ``on``, or ``auto`` in a terminal with the extra."""
    if setting == "on":
        return True
    if setting == "off":
        return False
    stdout = sys.__stdout__
    if not (stdout and stdout.isatty()) or image_class() is None:
        return False
    return not (no_color() and by_colours())


def prepare(setting: str) -> None:
    """Ask the terminal what it draws now, before the app takes it (only if pictures may
    be shown: the question costs a round trip to the terminal)."""
    stdout = sys.__stdout__
    if setting == "on" or (setting == "auto" and stdout is not None and stdout.isatty()):
        image_class()


def cell_pixels() -> tuple[int, int]:
    """How many pixels a terminal cell is wide and high (10×20 when nobody says)."""
    try:
        from textual_image._terminal import get_cell_size

        size = get_cell_size()
    except Exception:  # noqa: BLE001 - any failure: the usual cell
        return 10, 20
    return max(size.width, 1), max(size.height, 1)


def fit(pixels: tuple[int, int], columns: int) -> tuple[int, int]:
    """Cells for a picture of ``pixels`` in ``columns``: never wider than its own pixels
    or the pane, never taller than :data:`MAX_ROWS`, its shape kept."""
    width, height = pixels
    cell_w, cell_h = cell_pixels()
    cols = max(1, min(columns, round(width / cell_w) or 1))
    rows = max(1, round(cols * cell_w * height / (width * cell_h)))
    if rows > MAX_ROWS:
        rows = MAX_ROWS
        cols = max(1, min(cols, round(rows * cell_h * width / (height * cell_w))))
    return cols, rows


def load(reader: Reader, article_id: int, url: str) -> CachedPicture:
    """The core's picture for the worker thread (the fetching code loads on first use).

    The fetch runs in a thread of its own that the worker stops waiting for when it is
    cancelled (another article, or quitting), so quitting never waits for a slow server.
    """
    from suxun_tui.refresh.images import load_picture

    worker = get_current_worker()
    config, path, offline = reader.config, reader.store.path, reader.offline
    return abandonable(
        partial(load_picture, config, path, article_id, url, offline=offline),
        lambda: worker.is_cancelled,
    )


class PictureView(Vertical):
    """One picture of the article: the drawing once it is loaded, the placeholder below."""

    DEFAULT_CSS = """
    PictureView { height: auto; width: 1fr; }
    PictureView > .picture-label { width: 1fr; }
    """

    def __init__(
        self,
        reader: Reader,
        article_id: int,
        url: str,
        label: Text,
        known: Known,
    ) -> None:
        super().__init__(classes="picture")
        self.reader = reader
        self.article_id = article_id
        self.url = url
        self.label = label
        self.known = known  # results kept by the article pane, so a redraw fetches nothing
        self.picture: CachedPicture | None = known.get((article_id, url))
        self.pixels: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._caption(loading=self.picture is None), classes="picture-label")

    def on_mount(self) -> None:
        if self.picture is not None:
            self._show(self.picture)
        elif image_class() is None:
            self._show_reason(NO_EXTRA)
        else:
            self.run_worker(
                partial(load, self.reader, self.article_id, self.url),
                thread=True,
                group="picture",
                exit_on_error=False,
                description=f"Picture {self.url}",
            )

    def _caption(self, reason: str | None = None, loading: bool = False) -> Text:
        caption = self.label.copy()
        if loading:
            caption.append(" …", style="dim")
        if reason:
            caption.append(f" · {tr(reason)}", style="dim italic")  # ours translated
        return caption

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        event.stop()
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            picture: CachedPicture = event.worker.result
            self.known[(self.article_id, self.url)] = picture
            self._show(picture)
        elif event.state == WorkerState.ERROR and not isinstance(event.worker.error, Abandoned):
            self._show_reason(tr("cannot be shown: {error}", error=event.worker.error))

    def _show_reason(self, reason: str) -> None:
        self.query_one(".picture-label", Static).update(self._caption(reason))

    def _show(self, picture: CachedPicture) -> None:
        if picture.path is None:
            self._show_reason(picture.reason or N_("not shown"))
            return
        drawn = self._drawing(picture.path)
        if drawn is None:
            return
        self.mount(drawn, before=0)
        self._size_drawing()

    def _drawing(self, path: Path) -> Widget | None:
        widget_class = image_class()
        if widget_class is None:
            self._show_reason(NO_EXTRA)
            return None
        if no_color() and by_colours():
            self._show_reason(NO_COLOURS)
            return None
        try:
            from PIL import Image

            with Image.open(path) as kept:  # our own PNG: only its size is read here
                pixels = kept.size
            make: Any = widget_class  # textual-image's Image(path, classes=...)
            drawing: Widget = make(str(path), classes="picture-drawing")
        except Exception as exc:  # noqa: BLE001 - a kept file gone bad: its reason, no crash
            self._show_reason(tr("cannot be drawn ({error})", error=type(exc).__name__))
            return None
        self.pixels = pixels if min(pixels) > 0 else (1, 1)
        self._show_reason("")
        return drawing

    def on_resize(self) -> None:
        self._size_drawing()

    def _size_drawing(self) -> None:
        if self.pixels is None or not self.size.width:
            return
        cols, rows = fit(self.pixels, self.size.width)
        for drawing in self.query(".picture-drawing"):
            drawing.styles.width = cols
            drawing.styles.height = rows


Known = dict[tuple[int, str], "CachedPicture"]


def picture_pieces(
    document: ArticleDocument, reader: Reader, article_id: int, known: Known
) -> list[Widget]:
    """The article's widgets with its pictures: text runs and pictures in reading order;
    none when it has no picture (the pane then draws the document whole)."""
    pieces = split_at_pictures(document)
    if not any(isinstance(piece, Part) for piece in pieces):
        return []
    widgets: list[Widget] = []
    for index, piece in enumerate(pieces):
        if isinstance(piece, Part):
            widget: Widget = PictureView(reader, article_id, piece.picture or "", piece.text, known)
            gap = piece.gap
        else:
            widget = Static(piece, classes="article-run")
            gap = piece.parts[0].gap
        if index and gap:
            widget.styles.margin = (1, 0, 0, 0)
        widgets.append(widget)
    return widgets
