"""The Google Reader API, as FreshRSS, Inoreader, TheOldReader, BazQux and Miniflux serve it.

``url`` is the API's root: FreshRSS ``https://host/api/greader.php``, Miniflux the
server's own address. Login is ``accounts/ClientLogin`` (or a ready token from
``token_env``), writes need the short-lived ``reader/api/0/token``.

A pull lists ids, then fetches only what is missing: ``stream/items/ids`` of the read
state's stream (a server without it: the reading list filtered by ``it``), of the unread
entries and of the starred ones (continuations followed, opaque, bounded:
:mod:`~suxun_tui.sync.greader_ids`), asked for together with the subscription and tag
lists, since they depend on nothing before them; then ``stream/items/contents`` as a POST
of :data:`CONTENTS_BATCH` ids at a time. Flags come from the id lists of unread and
starred items; the API gives no change times, so a local mark still queued wins. Marks go
up with ``edit-tag``, one ``a`` or one ``r`` per call (FreshRSS reads only one of each)
and many ``i``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from typing import Any, TypeVar

from suxun_tui.net.client import Fetcher
from suxun_tui.store.queue import PendingChange
from suxun_tui.store.remote import RemoteFeed
from suxun_tui.sync.api import ACCOUNT, Api, AuthError, ServerDown, SyncError, expect
from suxun_tui.sync.client import Batch, KnownLoader, Listing, chunks, grouped
from suxun_tui.sync.entries import MAX_TITLE, MAX_URL, epoch_time, make_entry, short
from suxun_tui.sync.greader_ids import item_id, list_ids
from suxun_tui.sync.secrets import Secret
from suxun_tui.sync.tokens import forget_token, load_token, save_token, token_path
from suxun_tui.text.i18n import N_

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"
CONTENTS_BATCH = 250
EDIT_CHUNK = 250
T = TypeVar("T")


def _drop(task: asyncio.Future[Any] | None) -> None:
    """Cancel a request no longer wanted (the sync stopped before its turn); one that
    already failed has its error taken, so that it is not reported as never retrieved."""
    if task is None:
        return
    task.cancel()
    if task.done() and not task.cancelled():
        task.exception()


async def _together(*calls: Awaitable[T]) -> list[T]:
    """Run ``calls`` at once; the first failure cancels the others and is raised as it is
    (not as an ExceptionGroup: the engine reports a :class:`SyncError` by its message)."""
    tasks = [asyncio.ensure_future(call) for call in calls]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in tasks:
            failure = task.exception() if task in done else None
            if failure is not None:
                raise failure
        return [task.result() for task in tasks]
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()
            elif not task.cancelled():
                task.exception()  # retrieved: a second failure is not logged as lost


class GReaderClient:
    compares_every_entry = True  # flags come as whole id lists

    def __init__(self, fetcher: Fetcher, account: str, url: str, username: str, secret: Secret):
        self.api = Api(fetcher, account, url)
        self.account = account
        self.username = username
        self.secret = secret
        self.write_token: str | None = None
        # The login's token, kept between syncs (sync.tokens); only for a password login.
        self.token_file = token_path(account, url, username) if secret.kind != "token" else None
        self.kept_token = False
        self.listings: asyncio.Future[list[tuple[list[str], bool]]] | None = None

    async def login(self) -> None:
        if self.secret.kind == "token":
            self.api.headers["Authorization"] = f"GoogleLogin auth={self.secret.value}"
            await self.api.json("GET", "reader/api/0/user-info", query={"output": "json"})
            return
        kept = load_token(self.token_file, self.secret.value)
        if kept is None:
            await self._client_login()
        else:  # tried by the first call (feeds); refused, it is dropped and we log in
            self.api.headers["Authorization"] = f"GoogleLogin auth={kept}"
            self.kept_token = True

    async def _client_login(self) -> None:
        form = [("Email", self.username), ("Passwd", self.secret.value)]
        result = await self.api.call("POST", "accounts/ClientLogin", form=form)
        text = result.content.decode("utf-8", "replace")
        auth = next(
            (line[5:].strip() for line in text.splitlines() if line.startswith("Auth=")), ""
        )
        if not auth:
            message = N_("{where}: the login gave no Auth token")
            raise AuthError(message.format(where=ACCOUNT.format(name=self.account)))
        self.api.headers["Authorization"] = f"GoogleLogin auth={auth}"
        await self.api.json("GET", "reader/api/0/user-info", query={"output": "json"})
        save_token(self.token_file, self.secret.value, auth)

    async def _token(self, renew: bool = False) -> str:
        if self.write_token is None or renew:
            try:
                result = await self.api.call("GET", "reader/api/0/token")
            except AuthError:
                if not self.kept_token:
                    raise
                await self._login_again()
                result = await self.api.call("GET", "reader/api/0/token")
            token = result.content.decode("utf-8", "replace").strip()
            if not token or len(token) > 1000 or token.startswith("<"):
                message = N_("{where}: the server gave no write token")
                raise SyncError(message.format(where=ACCOUNT.format(name=self.account)))
            self.write_token = token
        return self.write_token

    async def feeds(self) -> list[RemoteFeed]:
        try:
            return await self._feeds()
        except AuthError:
            if not self.kept_token:
                raise
        await self._login_again()
        return await self._feeds()

    async def _login_again(self) -> None:
        """The kept token was refused (a new password on the server): log in afresh."""
        forget_token(self.token_file)
        self.kept_token = False
        await self._client_login()

    async def _feeds(self) -> list[RemoteFeed]:
        self._start_listings()
        tags, answer = await _together(
            self.api.json("GET", "reader/api/0/tag/list", query={"output": "json"}),
            self.api.json("GET", "reader/api/0/subscription/list", query={"output": "json"}),
        )
        tag_list = tags.get("tags") if isinstance(tags, dict) else None
        labels = {
            str(t.get("id")): short(str(t.get("id")).rsplit("/", 1)[-1], 200)
            for t in (tag_list if isinstance(tag_list, list) else [])
            if isinstance(t, dict) and "/label/" in str(t.get("id"))
        }
        subscriptions = expect(answer, dict, self.account, "subscription/list")
        feeds: list[RemoteFeed] = []
        seen: set[str] = set()
        for item in expect(
            subscriptions.get("subscriptions", []), list, self.account, "subscriptions"
        ):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            feed_id = short(item["id"], MAX_URL)
            if feed_id in seen:
                continue
            seen.add(feed_id)
            folder = None
            for category in item.get("categories") or []:
                if isinstance(category, dict):
                    cid = str(category.get("id", ""))
                    folder = short(category.get("label"), 200) or labels.get(cid)
                    break
            url = short(item.get("url"), MAX_URL) or feed_id.removeprefix("feed/")
            title = short(item.get("title"), MAX_TITLE) or url
            feeds.append(RemoteFeed(feed_id, title, url, folder))
        return feeds

    async def _read_ids(self) -> tuple[list[str], bool]:
        """The read entries' ids: the read state's own stream, so that no entry is listed
        twice (unread ones come in the unread list); a server that has no such stream is
        asked for the reading list filtered by ``it`` (FreshRSS and Inoreader honour it,
        Miniflux lists every entry). A server that is down, or refuses the login, is not
        asked the other way: it would answer that the same."""
        try:
            return await list_ids(self.api, [("s", READ)], "the read list")
        except (AuthError, ServerDown):
            raise
        except SyncError:
            return await list_ids(self.api, [("s", READING_LIST), ("it", READ)], "the reading list")

    def _start_listings(self) -> None:
        """Ask for the three id listings now: they depend on nothing the sync does first,
        so the server works on them while it also answers the feed lists (a sync with
        nothing new is little else)."""
        _drop(self.listings)
        self.listings = asyncio.ensure_future(
            _together(
                self._read_ids(),
                list_ids(self.api, [("s", READING_LIST), ("xt", READ)], "the unread list"),
                list_ids(self.api, [("s", STARRED)], "the starred list"),
            )
        )

    def close(self) -> None:
        """The sync ends (or failed before its pull): listings still running are dropped."""
        _drop(self.listings)
        self.listings = None

    async def pull(self, cursor: Mapping[str, str], known: KnownLoader) -> AsyncIterator[Batch]:
        # The listings run while the cache's entries are read on the database thread.
        if self.listings is None:
            self._start_listings()
        assert self.listings is not None
        cached = asyncio.ensure_future(known())
        try:
            listings = await self.listings
            stored = await cached
        finally:
            self.listings = None
            cached.cancel()  # a failed listing: the cache's answer is not wanted
        (everything, complete), (unread, unread_complete), (starred, starred_complete) = listings
        if not complete:
            yield Batch(notice="the server kept listing entries; took what it sent")
        # The read entries with the unread ones are all of them; a server that lists more
        # than the read ones (every entry) is right too, only slower.
        unread_set, starred_set = set(unread), set(starred)
        missing: list[str] = []
        if unread_set.union(everything).difference(stored):  # as sets: most syncs stop here
            listed = set(everything)
            everything += [i for i in unread if i not in listed]
            missing = [i for i in everything if i not in stored]  # in the server's order
        unread_known = unread_set if unread_complete else None
        # The next batch is asked for while this one is converted and stored: a first
        # sync is mostly the server building contents, and it works on one batch while
        # the cache takes the previous one.
        ahead: asyncio.Task[Batch] | None = None
        try:
            for part in chunks(missing, CONTENTS_BATCH):
                previous, ahead = (
                    ahead,
                    asyncio.ensure_future(self._contents(part, unread_known, starred_set)),
                )
                if previous is not None:
                    yield await previous
            if ahead is not None:
                last, ahead = ahead, None
                yield await last
        finally:
            _drop(ahead)
        # Every cached entry's flags follow from the two lists (flags.changed_flags).
        listing = Listing(
            unread_set if unread_complete else None, starred_set if starred_complete else None
        )
        yield Batch(listing=listing)

    async def _contents(
        self, ids: Sequence[str], unread: set[str] | None, starred: set[str]
    ) -> Batch:
        # Every POST carries the write token: Miniflux authenticates POSTs by it alone.
        form = [("T", await self._token())] + [("i", i) for i in ids]
        answer = await self.api.json(
            "POST", "reader/api/0/stream/items/contents", query={"output": "json"}, form=form
        )
        items = expect(
            expect(answer, dict, self.account, "stream/items/contents").get("items") or [],
            list,
            self.account,
            "stream/items/contents",
        )
        batch = Batch()
        seen: set[str] = set()
        for item in items:
            entry_id = item_id(item.get("id")) if isinstance(item, dict) else None
            if entry_id is None or entry_id in seen:
                continue
            seen.add(entry_id)
            origin = item.get("origin") if isinstance(item.get("origin"), dict) else {}
            links = [
                link.get("href")
                for key in ("canonical", "alternate")
                for link in (item.get(key) or [])
                if isinstance(link, dict)
            ]
            body = item.get("content") or item.get("summary") or {}
            categories = [c for c in item.get("categories") or [] if isinstance(c, str)]
            batch.entries.append(
                make_entry(
                    entry_id=entry_id,
                    feed_id=short(origin.get("streamId"), MAX_URL),
                    title=item.get("title"),
                    url=links[0] if links else "",
                    published=epoch_time(item.get("published")),
                    author=item.get("author"),
                    html=body.get("content") if isinstance(body, dict) else "",
                    read=entry_id not in unread
                    if unread is not None
                    else any(c.endswith("/read") for c in categories),
                    starred=entry_id in starred or any(c.endswith("/starred") for c in categories),
                )
            )
        return batch

    async def push(self, changes: Sequence[PendingChange]) -> None:
        for (flag, value), ids in grouped(changes).items():
            tag = READ if flag == "read" else STARRED
            for part in chunks(ids, EDIT_CHUNK):
                await self._edit_tag(part, ("a" if value else "r", tag))

    async def _edit_tag(self, ids: Sequence[str], action: tuple[str, str]) -> None:
        for attempt in range(2):
            form = [("T", await self._token(renew=attempt > 0)), action]
            form += [("i", i) for i in ids]
            try:
                await self.api.call("POST", "reader/api/0/edit-tag", form=form)
                return
            except AuthError:
                if attempt:  # a fresh token did not help: the login itself is refused
                    raise

    async def subscribe(self, url: str, folder: str | None) -> str:
        form = [("T", await self._token()), ("ac", "subscribe"), ("s", f"feed/{url}")]
        if folder:
            form.append(("a", f"user/-/label/{folder}"))
        await self.api.call("POST", "reader/api/0/subscription/edit", form=form)
        return f"feed/{url}"

    async def unsubscribe(self, remote_feed_id: str) -> None:
        form = [("T", await self._token()), ("ac", "unsubscribe"), ("s", remote_feed_id)]
        await self.api.call("POST", "reader/api/0/subscription/edit", form=form)
