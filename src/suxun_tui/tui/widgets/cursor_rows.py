"""What the two list panes share: a cursor drawn over the row's own colours, and a cache of
drawn rows that a theme change or a change of focus empties."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from textual.cache import LRUCache
from textual.scroll_view import ScrollView


class CursorRows(ScrollView):
    """A scrolling list whose rows are cached strips and whose cursor is a background.

    ``CURSOR_COMPONENT`` names the CSS component of the cursor (``…--cursor``, with a
    ``…--cursor-blurred`` twin for an unfocused pane).
    """

    CURSOR_COMPONENT: ClassVar[str] = ""
    _cache: LRUCache[Any, Any]

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
