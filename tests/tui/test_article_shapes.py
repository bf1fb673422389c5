"""The article pane draws code line for line, indents kept, and nested lists indented.

The blocks come from the feed converter, as a refresh stores them; the lines checked are
the ones Textual drew in the pane, at the pane's real width.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from suxun_tui.config import Config, SourceSpec
from suxun_tui.feeds.fragments import html_to_blocks
from suxun_tui.models import FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from tests.tui.conftest import SIZE, MakeApp, fill
from tests.tui.helpers import main_screen, settle

POST = (
    "<p>Go 有一个关键字叫做 <code>defer</code>，它在函数返回前执行。</p>"
    '<pre><code>func main() {\n\tf, err := os.Open("notes.txt")\n\tif err != nil {\n'
    "\t\treturn\n\t}\n\n\tdefer f.Close()\n}\n</code></pre>"
    "<ul><li>first<ul><li>nested</li></ul></li></ul>"
)
CODE = [
    "func main() {",
    '    f, err := os.Open("notes.txt")',
    "    if err != nil {",
    "        return",
    "    }",
    "",
    "    defer f.Close()",
    "}",
]


def drawn_lines(app: SuxunApp) -> list[str]:
    """The article body's lines as drawn in the pane (trailing blanks dropped)."""
    body = main_screen(app).article.query_one("#article-body", Static)
    width, height = body.size
    strips = body.render_lines(Region(0, 0, width, height))
    return [strip.text.rstrip() for strip in strips]


async def test_a_code_block_is_drawn_with_its_lines_and_indents(
    make_app: MakeApp, store: Store
) -> None:
    source = SourceSpec("Go blog", "https://example.org/go.xml", kind="feed")
    entry = FeedEntry(
        "go-1",
        "defer in Go",
        "https://example.org/go/1",
        "2025-12-28T10:00:00Z",
        blocks=html_to_blocks(POST, "https://example.org/go/1"),
    )
    fill(store, [source], {"Go blog": [entry]})
    app = make_app(Config(sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lines = drawn_lines(app)
        start = lines.index("  func main() {")
        assert lines[start : start + len(CODE)] == [("  " + c).rstrip() for c in CODE]
        assert any(line.startswith("Go 有一个关键字叫做 defer，") for line in lines)
        assert "• first" in lines and "  • nested" in lines
