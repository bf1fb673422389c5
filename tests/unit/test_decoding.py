"""Bodies are decompressed within the size cap: a bomb never expands past it."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import brotli
import pytest

from suxun_tui.net.decoding import BodyTooLarge, BoundedDecoder, BrokenEncoding

TEXT = ("江苏新闻 Jiangsu news. " * 2000).encode("utf-8")


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


ENCODINGS = {
    "": lambda d: d,
    "identity": lambda d: d,
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
}


def decode(coding: str, data: bytes, budget: int, chunk: int = 1000) -> bytes:
    decoder = BoundedDecoder(coding, budget)
    for start in range(0, len(data), chunk):
        decoder.feed(data[start : start + chunk])
    return decoder.body


@pytest.mark.parametrize("coding", sorted(ENCODINGS))
def test_round_trip_in_small_chunks(coding: str) -> None:
    assert decode(coding, ENCODINGS[coding](TEXT), len(TEXT)) == TEXT


def test_raw_deflate_without_zlib_header() -> None:
    assert decode("deflate", raw_deflate(TEXT), len(TEXT)) == TEXT


@pytest.mark.parametrize("coding", ["", "gzip", "deflate", "br"])
def test_one_byte_over_the_budget_is_refused(coding: str) -> None:
    with pytest.raises(BodyTooLarge):
        decode(coding, ENCODINGS[coding](TEXT), len(TEXT) - 1)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_bombs_never_expand_past_the_cap(coding: str) -> None:
    bomb = ENCODINGS[coding](b"\0" * (64 * 1024 * 1024))
    assert len(bomb) < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLarge):
            decode(coding, bomb, 2 * 1024 * 1024, chunk=len(bomb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"{coding}: {peak / 1e6:.0f} MB allocated for a 2 MB cap"


def test_broken_and_unknown_encodings_say_so() -> None:
    with pytest.raises(BrokenEncoding):
        decode("gzip", b"definitely not gzip data", 1000)
    with pytest.raises(BrokenEncoding):
        decode("br", b"\xff\xff\xff\xff not brotli", 1000)
    with pytest.raises(BrokenEncoding, match="unknown content encoding"):
        BoundedDecoder("zstd", 1000)
    with pytest.raises(BrokenEncoding, match="stacked"):
        BoundedDecoder("gzip, br", 1000)
