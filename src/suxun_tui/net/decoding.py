"""Decompressing HTTP bodies without ever holding more than the size cap in memory.

httpx decompresses each network chunk in one call, so a 64 KB chunk of a gzip bomb
becomes 64 MB before anyone can count it. Here every decompressor call is told how much
output it may produce (the rest of the budget plus one byte), so a response over
``max_bytes`` is refused having allocated little more than ``max_bytes``.
"""

from __future__ import annotations

from collections.abc import Callable

from suxun_tui.text.i18n import N_

# zlib and brotli load with the first body in their encoding: a refresh of unchanged
# feeds (304s, no body) needs neither.


class BodyTooLarge(Exception):
    """The decoded body would exceed the budget."""


class BrokenEncoding(Exception):
    """The compressed body cannot be decoded, or its encoding is not one we know."""


class BoundedDecoder:
    """Turns raw (compressed) chunks into at most ``budget`` decoded bytes."""

    def __init__(self, content_encoding: str | None, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.parts: list[bytes] = []
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            message = N_("stacked content encodings are not supported: {encoding}")
            raise BrokenEncoding(message.format(encoding=content_encoding))
        coding = codings[0] if codings else ""
        self._feed: Callable[[bytes], None]
        self._errors: tuple[type[Exception], ...] = ()  # the decompressor's own
        if coding in ("", "none"):
            self._feed = self._keep
        elif coding in ("gzip", "x-gzip", "deflate"):
            import zlib

            self._feed = self._zlib
            self._errors = (zlib.error,)
            # gzip: header auto-detected (32 + window); deflate: zlib-wrapped, raw as fallback.
            self._inflater = zlib.decompressobj(47 if "gzip" in coding else 15)
            self._deflate = coding == "deflate"
            self._started = False
        elif coding == "br":
            import brotli

            self._feed = self._brotli
            self._errors = (brotli.error,)
            self._brotli_state = brotli.Decompressor()
        else:
            raise BrokenEncoding(N_("unknown content encoding {coding!r}").format(coding=coding))

    @property
    def body(self) -> bytes:
        return b"".join(self.parts)

    def feed(self, raw: bytes) -> None:
        try:
            self._feed(raw)
        except self._errors as exc:
            raise BrokenEncoding(str(exc)) from exc

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.budget:
            raise BodyTooLarge
        self.parts.append(data)

    def _zlib(self, raw: bytes) -> None:
        if self._deflate and not self._started and raw:
            self._started = True
            if raw[0] & 0x0F != 8:  # no zlib header: a raw deflate stream, as some servers send
                import zlib

                self._inflater = zlib.decompressobj(-15)
        data = raw
        while data:
            out = self._inflater.decompress(data, self.budget - self.size + 1)
            self._keep(out)
            data = self._inflater.unconsumed_tail
            if self._inflater.eof:
                break

    def _brotli(self, raw: bytes) -> None:
        state = self._brotli_state
        out = state.process(raw, output_buffer_limit=self.budget - self.size + 1)
        self._keep(out)
        while not state.can_accept_more_data():
            out = state.process(b"", output_buffer_limit=self.budget - self.size + 1)
            if not out:
                break
            self._keep(out)
