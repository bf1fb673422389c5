"""Bodies that are not a page or text are named, and no page or text is taken for one."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.pages.binary import binary_kind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a picture"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a picture"),
        (b"GIF89a\x01\x00\x01\x00", "a picture"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a picture"),
        (b"PK\x03\x04\x14\x00\x06\x00", "an archive or office document"),
        (gzip.compress(b"<html></html>", mtime=0), "compressed data"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(56), "a program"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "a program"),
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", "a sound or video file"),
        (b"ID3\x04\x00\x00\x00\x00\x00", "a sound or video file"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_the_leading_bytes_name_the_kind(head: bytes, kind: str) -> None:
    assert binary_kind(head) == kind


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [
        ("application/pdf", "a PDF document"),
        ("image/webp", "a picture"),
        ("video/mp4; codecs=avc1", "a sound or video file"),
        ("Audio/MPEG", "a sound or video file"),
    ],
)
def test_a_media_type_no_page_has_names_the_kind(content_type: str, kind: str) -> None:
    assert binary_kind(b"whatever the server sent", content_type) == kind


@pytest.mark.parametrize(
    "text",
    [
        b"<!doctype html><html><body><p>\xe6\x96\x87\xe7\xab\xa0</p></body></html>",
        b"BMW sales rose again in May.\nThe figures follow.",
        b"MZ is a town code; this is a text file.",
        b"RIFF1234WEBP is how that format starts.",
        b"abcdftyp is not a video.",
        "\ufeff<html><body>基层治理</body></html>".encode("utf-16"),
        "<p>基层治理效能</p>".encode("gbk"),
        b"<html><body><p>a stray\x00byte in a broken page</p>" + b"<p>text</p>" * 50,
        b"",
    ],
)
def test_pages_and_text_are_not_binary(text: bytes) -> None:
    assert binary_kind(text) is None
    assert binary_kind(text, "text/html; charset=utf-8") is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_no_text_without_control_characters_is_binary(text: str) -> None:
    for encoding in ("utf-8", "gb18030"):
        data = text.encode(encoding, errors="ignore")
        if not data.startswith(_MAGIC_TEXT):
            assert binary_kind(data) is None


# Text that begins like a format with a long, exact signature ("GIF89a", "%PDF-") is that
# format's: such a file name would be a rare text indeed.
_MAGIC_TEXT = (b"%PDF-", b"GIF87a", b"GIF89a", b"ID3", b"OggS", b"fLaC", b"7z", b"Rar!")


def test_no_page_checked_in_is_taken_for_binary() -> None:
    pages = [p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm", ".txt", ".gz")]
    assert len(pages) > 20
    for page in pages:
        data = page.read_bytes()
        data = gzip.decompress(data) if page.suffix == ".gz" else data
        assert binary_kind(data) is None, page
