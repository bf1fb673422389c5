"""Talking JSON (and the Google Reader API's forms and text) to a feed server.

Every call goes through the shared :class:`~suxun_tui.net.client.Fetcher`, so timeouts,
retries, the size cap and the error messages are the ones feeds get. What this layer adds
is the server's side of failure, each with a message that names the account:
wrong credentials (:class:`AuthError`), a server that cannot be reached
(:class:`ServerDown`: the queue is kept), and answers that are not what the API
promises — an HTML page, truncated JSON, the wrong shape (:class:`SyncError`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from suxun_tui.net.client import Fetcher, FetchError, FetchResult
from suxun_tui.text.i18n import N_
from suxun_tui.text.sanitize import clean_line

FormData = Sequence[tuple[str, str]]
ACCOUNT = N_("account '{name}'")  # in front of every sync message


class SyncError(Exception):
    """A sync of one account failed; the message names the account and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(clean_line(message))


class AuthError(SyncError):
    """The server refused the credentials."""


class ServerDown(SyncError):
    """The server could not be reached or did not answer; nothing was lost."""


class Api:
    """One account's calls: a base URL, auth headers and the account's name for messages."""

    def __init__(self, fetcher: Fetcher, account: str, base_url: str) -> None:
        self.fetcher = fetcher
        self.account = account
        self.base_url = base_url.rstrip("/")
        self.headers: dict[str, str] = {"Accept": "application/json"}

    def url(self, path: str, query: FormData | Mapping[str, Any] | None = None) -> str:
        url = f"{self.base_url}/{path.lstrip('/')}"
        return f"{url}?{urlencode(query, doseq=True)}" if query else url

    async def call(
        self,
        method: str,
        path: str,
        *,
        query: FormData | Mapping[str, Any] | None = None,
        json_body: Any = None,
        form: FormData | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> FetchResult:
        all_headers = dict(self.headers)
        all_headers.update(headers or {})
        content: bytes | None = None
        if json_body is not None:
            content = json.dumps(json_body).encode()
            all_headers["Content-Type"] = "application/json"
        elif form is not None:
            content = urlencode(list(form)).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            return await self.fetcher.send(
                method, self.url(path, query), headers=all_headers, content=content
            )
        except FetchError as exc:
            raise self.explain(exc) from None

    def explain(self, exc: FetchError) -> SyncError:
        where = ACCOUNT.format(name=self.account)
        if exc.status in (401, 403):
            message = N_(
                "{where}: the server refused the username, password or token (HTTP {status});"
                " check the account's credentials"
            )
            return AuthError(message.format(where=where, status=exc.status))
        if exc.status is None or exc.status >= 500:
            message = N_("{where}: server unreachable ({reason}); local changes stay queued")
            return ServerDown(message.format(where=where, reason=exc))
        return SyncError(f"{where}: {exc}")

    async def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """The decoded JSON answer; a clear :class:`SyncError` for anything else."""
        result = await self.call(method, path, **kwargs)
        return self.decode(result, path)

    def decode(self, result: FetchResult, path: str) -> Any:
        where = f"{ACCOUNT.format(name=self.account)}: {path}"
        body = result.content.strip()
        if not body:
            return None
        if body[:1] == b"<" or "html" in (result.content_type or ""):
            message = N_(
                "{where}: the server answered with an HTML page instead of JSON; check the"
                " account's url (FreshRSS: …/api/greader.php)"
            )
            raise SyncError(message.format(where=where))
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:
            if isinstance(exc, json.JSONDecodeError):
                message = N_("{where}: the server sent truncated JSON ({reason})")
            else:
                message = N_("{where}: the server sent invalid JSON ({reason})")
            raise SyncError(message.format(where=where, reason=exc)) from None


def expect(value: Any, kind: type, account: str, what: str) -> Any:
    """``value`` if it has the promised JSON type; a :class:`SyncError` otherwise."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        message = N_("{where}: unexpected answer for {what} (not a {kind})")
        where = ACCOUNT.format(name=account)
        raise SyncError(message.format(where=where, what=what, kind=kind.__name__))
    return value
