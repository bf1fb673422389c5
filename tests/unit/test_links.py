"""Links from feeds are opened only when safe, and never through a shell."""

from __future__ import annotations

import pytest

from suxun_tui.text.links import LinkRefused, check_link


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


def test_shell_metacharacters_pass_through_verbatim() -> None:
    """``$(...)``, backticks and quotes are just characters of a URL: kept, never run."""
    url = "https://example.org/$(touch${IFS}x)`id`'\";id"
    assert check_link(url) == url


def test_malformed_links_are_refused_not_raised() -> None:
    import pytest

    from suxun_tui.text.links import LinkRefused, check_link

    for bad in ("http://[::1", "http://[::1/x", "https://a.example:99999/", "http://a.example:x/"):
        with pytest.raises(LinkRefused, match="malformed"):
            check_link(bad)
    for hidden in ("https://pay\u200bpal.example/", "https://a.example/\u202eexe"):
        with pytest.raises(LinkRefused):
            check_link(hidden)
