"""Request URLs are normalized exactly as httpx normalizes them, without importing httpx."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.net.urls import request_url

CASES = [
    "http://example.org",
    "http://example.org/",
    "HTTP://Example.ORG:80/a/b?c=d#e",
    "https://example.org:443/x",
    "https://example.org:8443/x",
    "http://127.0.0.1:8080/feed.xml?x=1&y=2",
    "http://[::1]:8080/feed",
    "http://example.org/新闻/rss.xml?频道=国内#第一",
    "http://example.org/a b/c d?e f#g h",
    "http://example.org/a/./b/../c/%7Euser/%zz%",
    "http://example.org/?x=\u202e\x9b\x9d",
    "http://user:pa ss@example.org/x",
    "http://例子.中国/路径",
    'http://example.org/a{b}c`d"e<f>g|h\\i^j',
    'http://example.org/x?q=<>"`{}',
    "/relative/path?x=1",
    "http://example.org/a?",
    "http://example.org/a#",
]


@pytest.mark.parametrize("url", CASES)
def test_the_same_as_httpx(url: str) -> None:
    assert request_url(url) == str(httpx.URL(url))


@pytest.mark.parametrize(
    "url", ["http://example.org/x\x1b]0;t\x07", "http://example.org/\r\nHost: x", "http://a:b/"]
)
def test_invalid_where_httpx_finds_it_invalid(url: str) -> None:
    with pytest.raises(httpx.InvalidURL):
        httpx.URL(url)
    with pytest.raises(ValueError):
        request_url(url)


_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))


@given(st.text(_CHARS, max_size=30), st.text(_CHARS, max_size=15))
def test_any_path_and_query_as_httpx(path: str, query: str) -> None:
    url = f"http://example.org/{path}?{query}"
    try:
        expected = str(httpx.URL(url))
    except httpx.InvalidURL:
        with pytest.raises(ValueError):
            request_url(url)
        return
    assert request_url(url) == expected


@given(
    st.sampled_from(["http", "https"]),
    st.sampled_from(["example.org", "127.0.0.1", "a-b.example"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.text(st.sampled_from("abc/.%:@!$&'()*+,;=-_~?9"), max_size=25),
)
def test_urls_already_in_normal_form_as_httpx(scheme: str, host: str, port: str, rest: str) -> None:
    url = f"{scheme}://{host}{port}/{rest}"
    assert request_url(url) == str(httpx.URL(url))
