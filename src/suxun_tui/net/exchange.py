"""What the fetch rules ask of an HTTP backend: one request, its head, a bounded body.

:class:`~suxun_tui.net.client.Fetcher` owns every rule (retries, redirects, deadlines,
size caps, messages); a backend only carries one exchange over the wire and turns its
own failures into :class:`FetchError`. Two backends exist: libcurl's multi interface
(``net.curl``, the cheap one) and httpx (``net.httpx_backend``, used when pycurl is not
installed). Neither module is imported until a fetcher is made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from suxun_tui.net.decoding import BoundedDecoder
from suxun_tui.text.sanitize import clean_line

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple


class FetchError(Exception):
    """A fetch failed; ``str(error)`` is a message naming the URL and what went wrong."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(clean_line(message))
        self.status = status
        self.retry_after = retry_after


class Head(NamedTuple):
    """A response's status line and headers (names lower-cased, repeats joined by ", ");
    a named tuple, cheaper than a dataclass to define at start-up."""

    status: int
    reason: str
    headers: dict[str, str]


# Called once the head has arrived: the decoder the body goes into, or None when the
# body is not wanted (a redirect, an error, a 304). It may raise to refuse the response.
BodyChoice = Callable[[Head], BoundedDecoder | None]


class Backend(Protocol):
    """One HTTP exchange at a time per call; many calls may run at once."""

    async def exchange(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        choose_body: BodyChoice,
    ) -> tuple[Head, BoundedDecoder | None]:
        """Send the request, read the head, then the body into the chosen decoder."""
        ...

    async def aclose(self) -> None: ...


def header_text(raw: bytes) -> str:
    """A header value as httpx reads it: ASCII, else UTF-8, else Latin-1."""
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
