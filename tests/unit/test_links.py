"""Links from feeds are opened only when safe, and never through a shell."""

from __future__ import annotations

import webbrowser

import pytest

from suxun_tui.links import LinkRefused, check_link, open_link


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1", "http://例子.中国/新闻", "mailto:editor@example.org"],
)
def test_safe_links_pass(url: str) -> None:
    assert check_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>",
        "ssh://host",
        "",
        "/relative/path",
        "http://a/ b",
        "http://a/\x1b]52;c;ZWNobw==\x07",
    ],
)
def test_unsafe_links_are_refused(url: str) -> None:
    with pytest.raises(LinkRefused):
        check_link(url)


def test_shell_metacharacters_reach_the_browser_as_one_argument(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A link with $(...), backticks and quotes is passed verbatim; nothing is executed."""
    marker = tmp_path / "pwned"
    url = f"https://example.org/$(touch${{IFS}}{marker})`touch${{IFS}}{marker}`'\";touch${{IFS}}{marker}"
    opened: list[str] = []

    class Recorder(webbrowser.BaseBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            opened.append(url)
            return True

    webbrowser.register("recorder", None, Recorder("recorder"))
    assert open_link(url, "recorder") == url
    assert opened == [url]
    assert not marker.exists()
