"""The per-row helpers a refresh calls 20,000 times give what their plain forms give.

``content_hash`` hashes its parts in one call and ``row_keys`` matches a link once for
both duplicate keys; stored hashes and keys must not change with that (a changed hash
would rewrite every stored article on the next refresh).
"""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.store.duplicates import canonical_url, row_keys, title_key
from suxun_tui.text.hashing import content_hash


def _part_by_part(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@given(st.lists(st.text(), max_size=5))
def test_content_hash_is_the_hash_of_its_parts_one_by_one(parts: list[str]) -> None:
    assert content_hash(*parts) == _part_by_part(*parts)


def test_content_hash_of_lone_surrogates_and_nothing() -> None:
    assert content_hash("\ud800", "\udc00") == _part_by_part("\ud800", "\udc00")
    assert content_hash() == _part_by_part()


_URLS = [
    None,
    "",
    "https://www.Example.com/a/?utm_source=x&id=2#top",
    "http://example.com",
    "http://example.com/?fbclid=1",
    "ftp://example.com/a",
    "mailto:a@example.com",
    "  http://user@Host.example:80/path/  ",
    "file:///tmp/a.html",
    "not a url",
    "https://news.example.cn/a/1.html?b=2&a=1&spm=3",
]


@given(
    st.sampled_from(_URLS) | st.text(max_size=40),
    st.sampled_from([None, "", "a", "中文 标题", "Big News"]),
)
def test_row_keys_are_the_two_keys(url: str | None, title: str | None) -> None:
    assert row_keys(url, title) == (canonical_url(url), title_key(url, title))
