"""Bodies that are not a page or text at all: a PDF, a picture, an archive, a program.

A feed's link often leads to a paper's PDF or a picture, and ``full_text`` fetches it; the
extract command is handed whatever file a user names. Decoded as if they were text, such
bytes became an "article" of replacement characters and stray letters. They are known
here instead — by the few bytes every such format starts with, by a media type no page
has, or by control bytes, which no text in an 8-bit encoding or UTF-8 holds — and refused
with the kind named, so the reader keeps the feed's own text and says why.
"""

from __future__ import annotations

from suxun_tui.text.i18n import N_

__all__ = ["binary_kind"]

# The leading bytes of formats a link may lead to, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", N_("a PDF document")),
    (b"\x89PNG\r\n\x1a\n", N_("a picture")),
    (b"\xff\xd8\xff", N_("a picture")),
    (b"GIF87a", N_("a picture")),
    (b"GIF89a", N_("a picture")),
    (b"BM", N_("a picture")),
    (b"PK\x03\x04", N_("an archive or office document")),
    (b"\x1f\x8b", N_("compressed data")),
    (b"7z\xbc\xaf\x27\x1c", N_("an archive or office document")),
    (b"Rar!\x1a\x07", N_("an archive or office document")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an archive or office document")),
    (b"\x7fELF", N_("a program")),
    (b"MZ", N_("a program")),
    (b"ID3", N_("a sound or video file")),
    (b"OggS", N_("a sound or video file")),
    (b"fLaC", N_("a sound or video file")),
    (b"\x1aE\xdf\xa3", N_("a sound or video file")),
)
# RIFF containers: a WebP picture, a WAVE sound, an AVI video (the kind at bytes 8-12).
_RIFF = {b"WEBP": N_("a picture"), b"WAVE": N_("a sound or video file")}
# ISO media (MP4, MOV, HEIC, AVIF): "ftyp" at bytes 4-8.
_FTYP_AT = 4
# Media types no page or text has (their major type, or the whole type).
_MAJOR = {"image": N_("a picture"), "audio": N_("a sound or video file")}
_MAJOR["video"] = _MAJOR["audio"]
_MAJOR["font"] = N_("a font")
_TYPES = {"application/pdf": N_("a PDF document")}
# How much of the body is looked at.
_SNIFF = 4096
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes no text in an 8-bit encoding or UTF-8 holds (tab, line ends, form feed and
# escape left out); a stray one in a broken page is not enough, a twentieth of the body is.
_CONTROL = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20))
_CONTROL_SHARE = 20


def binary_kind(data: bytes, content_type: str | None = None) -> str | None:
    """What ``data`` is when it is not a page or text ("a PDF document"), else None.

    A UTF-16 document (with its byte-order mark) is text: its NUL bytes are half of its
    ASCII characters. A page with a stray control byte is still a page; a body of which a
    twentieth or more are control bytes is not. ``MZ`` and ``BM`` are only two letters, so
    they count only in such a body, as every program and bitmap is.
    """
    head = data[:_SNIFF]
    if content_type:
        media = content_type.split(";", 1)[0].strip().lower()
        major = media.split("/", 1)[0]
        if kind := _TYPES.get(media) or _MAJOR.get(major):
            return kind
    if head.startswith(_UTF16_BOMS):
        return None
    controls = len(head) - len(head.translate(None, _CONTROL))
    mostly_bytes = controls * _CONTROL_SHARE > len(head)
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (len(magic) > 2 or mostly_bytes or magic == b"\x1f\x8b"):
            return kind
    # Both start with a size in binary, which holds a control byte (a NUL for any size
    # below 16 MB): a text that happens to read "RIFF....WEBP" has none.
    sized = mostly_bytes or b"\x00" in head[:8]
    if sized and head.startswith(b"RIFF") and (kind := _RIFF.get(head[8:12])):
        return kind
    if sized and head[_FTYP_AT : _FTYP_AT + 4] == b"ftyp":
        return N_("a sound or video file")
    return N_("binary data") if mostly_bytes else None
