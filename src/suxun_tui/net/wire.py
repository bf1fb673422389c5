"""What every fetch sends and what it leaves: the request headers and :class:`FetchResult`.

Shared by the fetcher (:mod:`~suxun_tui.net.client`) and the probe of unchanged feeds
(:mod:`~suxun_tui.net.probe`), so that both send a server the same request and keep the
same validators from its answer. Nothing here imports an event loop or an HTTP library.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from suxun_tui.config import Settings
from suxun_tui.net.exchange import FetchError, Head, header_text
from suxun_tui.net.hints import retry_after, sendable_validator
from suxun_tui.text.i18n import N_

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json,"
    " application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True)
class FetchResult:
    """A completed fetch. ``status`` 304 means not modified (``content`` is empty)."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    permanent_url: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def default_headers(settings: Settings) -> dict[str, str]:
    """The headers of every request, before the caller's."""
    return {
        "User-Agent": settings.user_agent,
        "Accept": _ACCEPT,
        "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8",
        # Exactly the encodings suxun_tui.net.decoding can decode within the size cap.
        "Accept-Encoding": "gzip, deflate, br",
    }


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The validators a conditional GET sends back: only those that can be sent (a
    validator stored before they were checked may hold what cannot)."""
    headers: dict[str, str] = {}
    if etag := sendable_validator(etag):
        headers["If-None-Match"] = etag
    if last_modified := sendable_validator(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def request_headers(defaults: dict[str, str], url: str, extra: dict[str, str]) -> dict[str, str]:
    """The defaults with the caller's headers over them (names compared as HTTP does).

    Every value must be printable ASCII: a token or user agent with other characters
    is refused before anything is sent, and a line break can never inject a header.
    """
    merged = dict(defaults)
    for name, value in extra.items():
        lower = name.lower()
        for known in [k for k in merged if k.lower() == lower]:
            del merged[known]
        merged[name] = value
    for name, value in merged.items():
        if not (name + value).isascii():
            raise FetchError(
                N_(
                    "{url}: a request header is not plain ASCII (check user_agent, or an"
                    " account's token or password)"
                ).format(url=url),
                status=0,
            )
        if not (name + value.replace("\t", " ")).isprintable():
            raise FetchError(
                N_(
                    "{url}: a request header holds control characters (check user_agent,"
                    " or an account's token or password)"
                ).format(url=url),
                status=0,
            )
    return merged


def received_headers(headers: dict[str, str]) -> dict[str, str]:
    """Response headers by lower-case name, validators kept only if they can be sent back."""
    received = dict(headers)
    for name in ("etag", "last-modified"):
        value = sendable_validator(received.pop(name, None))
        if value is not None:
            received[name] = value
    return received


def read_head(lines: list[bytes]) -> Head:
    """The last head among ``lines`` (one after a 100 Continue or a proxy's CONNECT)."""
    first = max((i for i, line in enumerate(lines) if line.startswith(b"HTTP/")), default=-1)
    status, reason = 0, ""
    if first >= 0:
        parts = lines[first].decode("latin-1").split(None, 2)
        status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        reason = parts[2].strip() if len(parts) > 2 else ""
    headers: dict[str, str] = {}
    last = ""
    for line in lines[first + 1 :]:
        text = header_text(line.rstrip(b"\r\n"))
        if text[:1] in (" ", "\t") and last:  # an obsolete folded continuation
            headers[last] += " " + text.strip()
            continue
        name, colon, value = text.partition(":")
        if not colon:
            continue
        name, value = name.strip().lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
        last = name
    return Head(status, reason or _standard_reason(status), headers)


def ca_locations() -> tuple[str | None, str | None]:
    """The CA certificates httpx would trust, as (file, directory): the environment's
    (``SSL_CERT_FILE``/``SSL_CERT_DIR``), else certifi's bundle, else libcurl's own."""
    cafile = os.environ.get("SSL_CERT_FILE")
    capath = os.environ.get("SSL_CERT_DIR")
    if not cafile and not capath:
        try:
            import certifi
        except ImportError:
            return None, None
        cafile = certifi.where()
    return cafile or None, capath or None


def _standard_reason(status: int) -> str:
    from http import HTTPStatus  # a status line without its phrase is rare: 60 enum members

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def status_error(url: str, head: Head, headers: dict[str, str]) -> FetchError:
    """The error an answer of status 400 or more is, with the server's Retry-After."""
    return FetchError(
        status_message(url, head.status, head.reason),
        status=head.status,
        retry_after=retry_after(headers.get("retry-after")),
    )


def status_message(url: str, status: int, reason: str) -> str:
    """``url: HTTP 404 Not Found; the address is gone …``: the status, and what it means."""
    if reason.strip():
        said = N_("{url}: HTTP {status} {reason}").format(
            url=url, status=status, reason=reason.rstrip()
        )
    else:
        said = N_("{url}: HTTP {status}").format(url=url, status=status)
    if status in (404, 410):
        return N_("{message}; the address is gone — check the source's url").format(message=said)
    if status in (401, 403):
        return N_("{message}; the site refuses access").format(message=said)
    if status == 429:
        return N_("{message}; the site asks to be polled less often").format(message=said)
    return said
