"""URLs in the one form that is requested and stored, without loading an HTTP client.

A configured address or a ``Location`` header is a stranger's text: spaces, Chinese
path segments, U+202E or C1 controls must neither reach libcurl raw nor be stored raw in
``sources.url``. :func:`request_url` percent-encodes them exactly as httpx does (the
WHATWG percent-encode sets, existing ``%xx`` escapes kept, the host lower-cased and
IDNA-encoded, a default port dropped, ``.`` and ``..`` segments resolved), so the stored
form does not depend on which HTTP backend fetched it; ASCII control characters make
the URL invalid. ``tests/unit/test_net_urls.py`` compares it with ``httpx.URL``.
"""

from __future__ import annotations

import ipaddress
import re

_MAX_URL = 65_536
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
_SUB_DELIMS = "!$&'()*+,;="


def _printable_except(*codes: int) -> frozenset[str]:
    return frozenset(_UNRESERVED) | {chr(i) for i in range(0x20, 0x7F) if i not in codes}


_FRAG_SAFE = _printable_except(0x20, 0x22, 0x3C, 0x3E, 0x60)
_QUERY_SAFE = _printable_except(0x20, 0x22, 0x23, 0x3C, 0x3E)
_PATH_SAFE = _printable_except(0x20, 0x22, 0x23, 0x3C, 0x3E, 0x3F, 0x60, 0x7B, 0x7D)
_USERINFO_SAFE = _printable_except(
    *(0x20, 0x22, 0x23, 0x3C, 0x3E, 0x3F, 0x60, 0x7B, 0x7D),
    *(0x2F, 0x3B, 0x3D, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x7C),
)
_HOST_SAFE = frozenset(_UNRESERVED + _SUB_DELIMS + '"`{}%|\\')

# Patterns for a URL not in normal form, compiled (and kept by re) when one comes: most
# starts see only normal ones.
_URL = (
    r"(?s)(?:(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):)?"
    r"(?://(?P<authority>[^/?#]*))?"
    r"(?P<path>[^?#]*)"
    r"(?:\?(?P<query>[^#]*))?"
    r"(?:#(?P<fragment>.*))?"
)
_AUTHORITY = r"(?s)(?:(?P<userinfo>[^@]*)@)?(?P<host>(\[.*\]|[^:@]*)):?(?P<port>.*)?"
_ESCAPE = "%[A-Fa-f0-9]{2}"
_IPV4_STYLE = r"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$"
_DEFAULT_PORTS = {"ftp": 21, "http": 80, "https": 443, "ws": 80, "wss": 443}
# Already in normal form (the common case, skipped in one match): lower-case http(s),
# a plain host, characters no set encodes, no default port, no dot segment, no fragment.
_NORMAL = re.compile(
    r"https?://[a-z0-9.-]+(?::[0-9]{1,5})?"
    r"(?:/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*)?"
)
_DEFAULT_PORT = re.compile(r"http://[^/?]*:80(?:[/?]|$)|https://[^/?]*:443(?:[/?]|$)")


def request_url(url: str) -> str:
    """``url`` as httpx would request it; raises ValueError naming what is wrong."""
    if len(url) > _MAX_URL:
        raise ValueError("URL too long")
    if _NORMAL.fullmatch(url) and "/." not in url and not _DEFAULT_PORT.match(url):
        return url
    for index, char in enumerate(url):
        if char.isascii() and not char.isprintable():
            raise ValueError(
                f"Invalid non-printable ASCII character in URL, {char!r} at position {index}."
            )
    parts = re.match(_URL, url)
    assert parts is not None  # every group is optional: it always matches
    scheme = (parts["scheme"] or "").lower()
    authority = re.match(_AUTHORITY, parts["authority"] or "")
    assert authority is not None
    userinfo = _quote(authority["userinfo"] or "", _USERINFO_SAFE)
    host = _host(authority["host"] or "")
    port = _port(authority["port"], parts["scheme"] or "")  # as given: httpx keeps :80 of HTTP:
    path = parts["path"] or ""
    has_authority = bool(userinfo or host or port is not None)
    if has_authority and path and not path.startswith("/"):
        raise ValueError("For absolute URLs, path must be empty or begin with '/'")
    if scheme or has_authority:
        path = _drop_dot_segments(path)
    text = [f"{scheme}:" if scheme else ""]
    if has_authority:
        shown_host = f"[{host}]" if ":" in host else host
        netloc = f"{shown_host}:{port}" if port is not None else shown_host
        text.append(f"//{userinfo}@{netloc}" if userinfo else f"//{netloc}")
    text.append(_quote(path, _PATH_SAFE))
    if parts["query"] is not None:
        text.append("?" + _quote(parts["query"], _QUERY_SAFE))
    if parts["fragment"] is not None:
        text.append("#" + _quote(parts["fragment"], _FRAG_SAFE))
    return "".join(text)


def _host(host: str) -> str:
    if not host:
        return ""
    if re.match(_IPV4_STYLE, host):
        ipaddress.IPv4Address(host)  # AddressValueError is a ValueError
        return host
    if host.startswith("[") and host.endswith("]"):
        ipaddress.IPv6Address(host[1:-1])
        return host[1:-1]
    if host.isascii():
        return "".join(c if c in _HOST_SAFE else _percent(c) for c in host.lower())
    import idna  # only for international host names

    try:
        return str(idna.encode(host.lower()).decode("ascii"))
    except idna.IDNAError as exc:
        raise ValueError(f"Invalid IDNA hostname: {host!r}") from exc


def _port(port: str | None, scheme: str) -> int | None:
    if not port:
        return None
    try:
        number = int(port)
    except ValueError as exc:
        raise ValueError(f"Invalid port: {port!r}") from exc
    return None if number == _DEFAULT_PORTS.get(scheme) else number


def _drop_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    segments = path.split("/")
    if "." not in segments and ".." not in segments:
        return path
    kept: list[str] = []
    for segment in segments:
        if segment == "..":
            if kept and kept != [""]:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    return "/".join(kept)


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def _quote(text: str, safe: frozenset[str]) -> str:
    """Percent-encode what ``safe`` lacks, leaving existing ``%xx`` escapes alone."""
    if all(c in safe for c in text) and "%" not in text:
        return text
    out: list[str] = []
    position = 0
    for match in re.finditer(_ESCAPE, text):
        out.extend(c if c in safe else _percent(c) for c in text[position : match.start()])
        out.append(match.group(0))
        position = match.end()
    out.extend(c if c in safe else _percent(c) for c in text[position:])
    return "".join(out)
