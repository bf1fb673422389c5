"""Turn the bytes of a web page or feed into text without mojibake.

Chinese sites are served in UTF-8, GB2312, GBK, GB18030 and Big5, and their declarations are
often wrong: pages re-saved as UTF-8 keep a stale ``<meta charset=gb2312>``, servers send
``text/html`` with no charset or a wrong one. The order below is chosen so that the most
trustworthy evidence wins:

1. a byte order mark;
2. the bytes being valid UTF-8 (random GBK text is almost never valid UTF-8, so this beats
   every declaration);
3. the HTTP ``Content-Type`` charset;
4. a ``<meta charset>`` / ``http-equiv`` declaration or an XML declaration;
5. charset-normalizer's guess;
6. GB18030 with replacement characters, which never fails.

Labels are mapped the way browsers do (WHATWG Encoding Standard): ``gb2312``, ``gbk`` and
friends decode as GB18030, a superset that is what those pages really contain;
``iso-8859-1`` and ``ascii`` decode as windows-1252.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html", "normalize_label", "sniff_declared"]

# WHATWG label -> Python codec, for the labels that matter here or that Python spells
# differently. Anything else goes through codecs.lookup().
_LABELS: dict[str, str] = {
    **dict.fromkeys(
        (
            "gb2312",
            "gbk",
            "gb18030",
            "gb_2312",
            "gb_2312-80",
            "chinese",
            "csgb2312",
            "csiso58gb231280",
            "iso-ir-58",
            "x-gbk",
            "cp936",
            "ms936",
            "windows-936",
            "euc-cn",
            "hz-gb-2312",
        ),
        "gb18030",
    ),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "x-big5"), "big5hkscs"),
    **dict.fromkeys(
        ("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"),
        "utf-8",
    ),
    **dict.fromkeys(
        (
            "iso-8859-1",
            "iso8859-1",
            "latin1",
            "l1",
            "ascii",
            "us-ascii",
            "windows-1252",
            "cp1252",
            "x-cp1252",
            "cp819",
            "ibm819",
            "iso_8859-1",
        ),
        "cp1252",
    ),
    **dict.fromkeys(
        ("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j"), "cp932"
    ),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "korean", "windows-949", "cp949"), "cp949"),
    **dict.fromkeys(("utf-16", "utf-16le"), "utf-16-le"),
    "utf-16be": "utf-16-be",
}

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.I,
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_PRESCAN_BYTES = 8192
_GB_FAMILY = "gb18030"
_MIN_GUESS_BYTES = 64


def normalize_label(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None if the label is unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _LABELS.get(name, name)


def sniff_declared(data: bytes) -> str | None:
    """The codec named by a ``<meta>`` or XML declaration near the start of ``data``."""
    head = data[:_PRESCAN_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            codec = normalize_label(match.group(1).decode("ascii", "replace"))
            if codec:
                return codec
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _lenient(data: bytes, codec: str) -> str | None:
    """Decode with replacement if only a few bytes are broken (real pages have some)."""
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    if bad <= max(2, len(text) // 200):
        return text
    return None


def _declared(data: bytes, codec: str | None) -> str | None:
    if codec is None or codec == "utf-8":
        # Not valid UTF-8 (checked before): the declaration is wrong.
        return None
    if codec.startswith("utf-16"):
        return _strict(data, codec)
    return _strict(data, codec) or _lenient(data, codec)


def _from_bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", errors="replace")
    return None


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    try:
        best = from_bytes(data[:65536]).best()
    except Exception:  # noqa: BLE001 - a guesser must never break decoding
        return None
    if best is None:
        return None
    codec = normalize_label(str(best.encoding))
    if codec is None or codec == "utf-8":
        return None
    if codec != _GB_FAMILY and sum(1 for byte in data[:4096] if byte > 0x7F) < _MIN_GUESS_BYTES:
        # A handful of high bytes is no evidence; on a Chinese reader GB18030 is the prior.
        return None
    return _strict(data, codec) or _lenient(data, codec)


_ODD = re.compile(
    r"[^\x00-\x7f\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7\u00a0-\u00ff]"
)


def _oddness(text: str) -> float:
    """Share of characters that are neither ASCII, common CJK nor CJK punctuation.

    charset-normalizer sometimes takes short GBK pages for Cyrillic code pages; the
    mojibake it produces is full of such characters while the GB18030 reading is not.
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_ODD.findall(sample)) / len(sample)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page or feed body; never raises, never returns mojibake for GB pages.

    ``content_type`` is the HTTP header value, e.g. ``text/html; charset=gbk``.
    """
    if not data:
        return ""
    text = _from_bom(data)
    if text is not None:
        return text
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            text = _declared(data, normalize_label(match.group(1)))
            if text is not None:
                return text
    text = _declared(data, sniff_declared(data))
    if text is not None:
        return text
    text = _guess(data)
    gb = _strict(data, _GB_FAMILY) or _lenient(data, _GB_FAMILY)
    if text is not None and (gb is None or _oddness(text) <= _oddness(gb)):
        return text
    if gb is not None:
        return gb
    return data.decode(_GB_FAMILY, errors="replace")
