"""What the two list panes share: a cursor drawn over the row's own colours, and a cache of
drawn rows that a theme change or a change of focus empties."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView


class CursorRows(ScrollView):
    """A scrolling list whose rows are cached strips and whose cursor is a background.

    ``CURSOR_COMPONENT`` names the CSS component of the cursor (``…--cursor``, with a
    ``…--cursor-blurred`` twin for an unfocused pane).
    """

    CURSOR_COMPONENT: ClassVar[str] = ""
    _cache: LRUCache[Any, Any]
    # The size and virtual size the scrollbars were last laid out for (_size_updated).
    _laid_out_for: tuple[Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, *rest: bool, **options: bool
    ) -> bool:
        """Lay the scrollbars out again only when this pane's size or rows changed.

        Any pane's layout (the article pane drawing the next article, on every move in the
        headline list) lays out the whole screen, and Textual's scroll view then redraws
        both of its scrollbars whatever changed: a few milliseconds each, on every key.
        """
        laid_out_for = (size, self.virtual_size)
        if laid_out_for == self._laid_out_for and size == self._size:
            return self._container_size != container_size  # what the scroll view answers
        # ``layout``, positional or named, as this Textual passes it (older ones: none)
        changed = super()._size_updated(size, virtual_size, container_size, *rest, **options)
        self._laid_out_for = laid_out_for
        return changed

    def cursor_style(self) -> Style:
        """The cursor row's style: a background, or reverse video when colours are off.

        Without colour (``NO_COLOR``) a background is invisible, so the focused cursor is
        drawn in reverse and the unfocused one underlined. It is applied over each
        segment's own style (``post_style``): under them the row's background would hide it.
        """
        if self.app.no_color:
            return Style(reverse=True) if self.has_focus else Style(underline=True, bold=True)
        name = self.CURSOR_COMPONENT + ("" if self.has_focus else "-blurred")
        # The full style's background is the CSS colour blended over the widget's (the
        # partial one is unblended); its text colour would hide the read/unread styles.
        return Style(bgcolor=self.get_component_rich_style(name).bgcolor)

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: cached rows carry the old colours."""
        super().notify_style_update()
        self._cache.clear()

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()
