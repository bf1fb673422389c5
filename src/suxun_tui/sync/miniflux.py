"""Miniflux's REST API (``/v1``): feeds, categories, entries by id and by change time.

Authentication is an API token (``X-Auth-Token``, from ``token_env``) or the username and
password (HTTP basic auth). New entries come with ``after_entry_id`` in id order, so a
batch's last id is a cursor that survives a kill; flags changed on the server come with
``changed_after`` and carry ``changed_at``, which the engine compares with the time of a
queued local mark. Marks go up with ``PUT /v1/entries`` (a state, never a toggle).
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from suxun_tui.net.client import Fetcher
from suxun_tui.net.hints import fixdate
from suxun_tui.store.queue import PendingChange
from suxun_tui.store.remote import Known, RemoteFeed
from suxun_tui.sync.api import Api, SyncError, expect
from suxun_tui.sync.client import MAX_PAGES, Batch, KnownLoader, chunks, grouped
from suxun_tui.sync.entries import MAX_TITLE, MAX_URL, iso_time, make_entry, short
from suxun_tui.sync.secrets import Secret
from suxun_tui.text.i18n import N_
from suxun_tui.text.timefmt import parse_iso

PAGE = 500
PUSH_CHUNK = 500
# A change is committed within this many seconds of the time Miniflux gives it.
COMMIT_SLACK = 2


class MinifluxClient:
    compares_every_entry = False  # changes come with their times

    def __init__(self, fetcher: Fetcher, account: str, url: str, username: str, secret: Secret):
        self.api = Api(fetcher, account, url)
        self.account = account
        if secret.kind == "token":
            self.api.headers["X-Auth-Token"] = secret.value
        else:
            pair = base64.b64encode(f"{username}:{secret.value}".encode()).decode()
            self.api.headers["Authorization"] = f"Basic {pair}"
        self.listing_started: int | None = None  # the server's clock at the first listing

    async def login(self) -> None:
        expect(await self.api.json("GET", "/v1/me"), dict, self.account, "/v1/me")

    async def feeds(self) -> list[RemoteFeed]:
        answer = expect(await self.api.json("GET", "/v1/feeds"), list, self.account, "/v1/feeds")
        feeds: list[RemoteFeed] = []
        seen: set[str] = set()
        for item in answer:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                continue
            feed_id = str(item["id"])
            if feed_id in seen:
                continue  # duplicate ids: the first wins
            seen.add(feed_id)
            category = item["category"] if isinstance(item.get("category"), dict) else {}
            folder = short(category.get("title"), 200) or None
            title = short(item.get("title"), MAX_TITLE) or short(item.get("feed_url"), MAX_URL)
            feeds.append(
                RemoteFeed(feed_id, title or feed_id, short(item.get("feed_url"), MAX_URL), folder)
            )
        return feeds

    async def pull(self, cursor: Mapping[str, str], known: KnownLoader) -> AsyncIterator[Batch]:
        after = _int(cursor.get("after_entry_id"))
        since = _int(cursor.get("changed_after"))
        newest_change = since
        self.listing_started = None
        # The next page is requested while this one is converted and stored.
        ahead: asyncio.Task[list[dict[str, Any]]] | None = None
        try:
            raw = await self._fetch(self._new_query(after))
            for _ in range(MAX_PAGES):
                ids = [int(e["id"]) for e in raw]
                if ids and max(ids) <= after:
                    yield Batch(notice="the server repeated entries it had sent; stopped listing")
                    break
                after = max([after, *ids])
                if len(raw) >= PAGE:
                    ahead = asyncio.create_task(self._fetch(self._new_query(after)))
                batch = self._convert(raw, {})
                newest_change = max([newest_change, *self._change_seconds(batch)])
                batch.cursor = {"after_entry_id": str(after)}
                yield batch
                if ahead is None:
                    break
                raw, ahead = await ahead, None
            else:
                notice = N_("more than {count} new entries; the rest next time")
                yield Batch(notice=notice.format(count=MAX_PAGES * PAGE))
            if since:
                offset = 0
                for _ in range(MAX_PAGES):
                    raw = await self._fetch(self._changed_query(since, offset))
                    batch = self._convert(raw, await known() if raw else {})
                    newest_change = max([newest_change, *self._change_seconds(batch)])
                    yield batch
                    offset += len(raw)
                    if len(raw) < PAGE:
                        break
        finally:
            if ahead is not None:
                ahead.cancel()
        yield Batch(cursor={"changed_after": str(self._next_changed_after(newest_change))})

    def _next_changed_after(self, newest_change: int) -> int:
        """The ``changed_after`` of the next sync.

        ``changed_after`` takes whole seconds and compares ``>``, so the newest change's
        second alone would bring every entry changed later in that second again — after a
        first sync, the hundreds Miniflux created in its last second. Every change committed
        before this pull began was seen by it, so the server's clock then, less a commit
        slack, is as safe a cursor as the newest change and usually later."""
        if self.listing_started is None:
            return newest_change
        return max(newest_change, self.listing_started - COMMIT_SLACK)

    @staticmethod
    def _new_query(after: int) -> dict[str, Any]:
        return {"after_entry_id": after, "order": "id", "direction": "asc", "limit": PAGE}

    @staticmethod
    def _changed_query(since: int, offset: int) -> dict[str, Any]:
        # changed_after compares with whole seconds and the cursor is already rounded
        # down, so entries changed later in that second come again (a few repeats).
        return {
            "changed_after": since,
            "order": "id",
            "direction": "asc",
            "limit": PAGE,
            "offset": offset,
        }

    @staticmethod
    def _change_seconds(batch: Batch) -> list[int]:
        return [int(t.timestamp()) for t in batch.changed.values()]

    async def _fetch(self, query: dict[str, Any]) -> list[dict[str, Any]]:
        """One page of entries, the malformed and repeated ones left out."""
        result = await self.api.call("GET", "/v1/entries", query=query)
        if self.listing_started is None:
            self.listing_started = _server_seconds(result.headers.get("date"))
        answer = expect(self.api.decode(result, "/v1/entries"), dict, self.account, "/v1/entries")
        raw = expect(answer.get("entries") or [], list, self.account, "/v1/entries")
        entries: list[dict[str, Any]] = []
        seen: set[int] = set()
        for item in raw:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                continue
            if not isinstance(item.get("feed_id"), int) or item["id"] in seen:
                continue
            seen.add(item["id"])
            entries.append(item)
        return entries

    def _convert(self, entries: list[dict[str, Any]], known: Mapping[str, Known]) -> Batch:
        """Entries new to the cache in full; for known ones (a change of flags) only flags."""
        batch = Batch()
        for item in entries:
            entry_id = str(item["id"])
            read, starred = item.get("status") == "read", item.get("starred") is True
            changed_at = item.get("changed_at")
            changed = parse_iso(changed_at) if isinstance(changed_at, str) else None
            if changed is not None:
                batch.changed[entry_id] = changed
            if entry_id in known:
                batch.flags += [(entry_id, "read", read), (entry_id, "starred", starred)]
                continue
            batch.entries.append(
                make_entry(
                    entry_id=entry_id,
                    feed_id=str(item["feed_id"]),
                    title=item.get("title"),
                    url=item.get("url"),
                    published=iso_time(item.get("published_at")),
                    author=item.get("author"),
                    html=item.get("content"),
                    read=read,
                    starred=starred,
                )
            )
        return batch

    async def push(self, changes: Sequence[PendingChange]) -> None:
        for (flag, value), ids in grouped(changes).items():
            for part in chunks(ids, PUSH_CHUNK):
                body: dict[str, Any] = {"entry_ids": [int(i) for i in part if i.isdigit()]}
                if flag == "read":
                    body["status"] = "read" if value else "unread"
                else:
                    body["starred"] = value
                await self.api.call("PUT", "/v1/entries", json_body=body)

    async def subscribe(self, url: str, folder: str | None) -> str:
        body: dict[str, Any] = {"feed_url": url}
        if folder:
            body["category_id"] = await self._category(folder)
        answer = expect(
            await self.api.json("POST", "/v1/feeds", json_body=body),
            dict,
            self.account,
            "/v1/feeds",
        )
        return str(answer.get("feed_id", ""))

    async def unsubscribe(self, remote_feed_id: str) -> None:
        await self.api.call("DELETE", f"/v1/feeds/{int(remote_feed_id)}")

    def close(self) -> None:
        """Nothing of a Miniflux sync runs ahead of the step that needs it: none to drop."""

    async def _category(self, title: str) -> int:
        answer = await self.api.json("GET", "/v1/categories")
        for item in expect(answer, list, self.account, "/v1/categories"):
            if (
                isinstance(item, dict)
                and item.get("title") == title
                and isinstance(item.get("id"), int)
            ):
                return int(item["id"])
        created = await self.api.json("POST", "/v1/categories", json_body={"title": title})
        if not isinstance(created, dict) or not isinstance(created.get("id"), int):
            raise SyncError(
                N_("account '{name}': could not create the category {title!r}").format(
                    name=self.account, title=title
                )
            )
        return int(created["id"])


def _server_seconds(date: str | None) -> int | None:
    """The server's clock from its ``Date`` header, in whole seconds; None if unreadable."""
    if date and (fixed := fixdate(date)) is not None:
        return int(fixed.timestamp())
    import email.utils  # only for a Date in an older form (see hints.fixdate)

    try:
        moment = email.utils.parsedate_to_datetime(date or "")
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        return None
    return int(moment.timestamp())


def _int(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0
