"""Subscribing and unsubscribing through a feed-server account, from the reader.

The server keeps the subscriptions (that is what makes them follow the user to every
device), so both go to it: :func:`suxun_tui.sync.subscribe.change_subscription` asks the
server, then syncs the account, in a thread worker; the reader reloads when it is done.
Local sources live in the config file, which the reader never rewrites: for them the
reader says where to add or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from suxun_tui.config import Config
from suxun_tui.models import SourceRow
from suxun_tui.text.i18n import N_, tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.tui.commands import translate_bindings

if TYPE_CHECKING:
    from suxun_tui.sync.engine import AccountResult
    from suxun_tui.tui.screens.main import MainScreen

GROUP = "subscription"  # worker group: one change at a time


@dataclass(frozen=True)
class SubscribeRequest:
    url: str
    account: str
    folder: str | None


def account_of(row: SourceRow | None, config: Config) -> str | None:
    """The account whose feed ``row`` is (its sources are named ``account: title``)."""
    if row is None:
        return None
    for account in config.accounts:
        if row.name.startswith(f"{account.name}: "):
            return account.name
    return None


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be a feed's address, or None."""
    if not url:
        return tr("Type the feed's address.")
    if not url.startswith(("http://", "https://")):
        return tr("A feed server fetches http:// or https:// addresses only.")
    if any(c.isspace() or ord(c) < 32 for c in url):
        return tr("An address has no spaces or control characters.")
    return None


class SubscribePrompt(ModalScreen[SubscribeRequest | None]):
    """Asks for a feed URL, the account (when there are several) and an optional folder."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]
    DEFAULT_CSS = """
    SubscribePrompt { align: center middle; }
    SubscribePrompt > Vertical {
        width: 80; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    SubscribePrompt Label { color: $text-muted; }
    SubscribePrompt #problem { color: $error; }
    """

    def __init__(self, accounts: list[str]) -> None:
        super().__init__()
        translate_bindings(self)
        self.accounts = accounts

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr("Subscribe through your feed server: the feed's address"))
            yield Input(placeholder="https://example.org/feed.xml", id="url")
            if len(self.accounts) > 1:
                yield Select(
                    [(name, name) for name in self.accounts],
                    value=self.accounts[0],
                    allow_blank=False,
                    id="account",
                )
            yield Input(placeholder=tr("folder (optional)"), id="folder")
            yield Label("", id="problem")

    def _account(self) -> str:
        if len(self.accounts) == 1:
            return self.accounts[0]
        return str(self.query_one("#account", Select).value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        url = self.query_one("#url", Input).value.strip()
        if problem := check_url(url):
            self.query_one("#problem", Label).update(problem)
            self.query_one("#url", Input).focus()
            return
        folder = self.query_one("#folder", Input).value.strip() or None
        self.dismiss(SubscribeRequest(url, self._account(), folder))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#problem", Label).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmUnsubscribe(ModalScreen[bool]):
    """Unsubscribing removes the feed on the server, for every device: asked first."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", N_("No")),
        Binding("y", "answer(True)", N_("Yes")),
    ]
    DEFAULT_CSS = """
    ConfirmUnsubscribe { align: center middle; }
    ConfirmUnsubscribe > Vertical {
        width: 70; height: auto; padding: 1 2;
        border: round $warning; background: $surface;
    }
    ConfirmUnsubscribe Horizontal { height: auto; margin-top: 1; }
    ConfirmUnsubscribe Button { margin-right: 2; }
    """

    def __init__(self, source: str, account: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.source, self.account = source, account

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                tr(
                    "Unsubscribe from {source!r} on the server of account '{account}'?"
                    " Every device loses it; its articles leave this cache.",
                    source=self.source,
                    account=self.account,
                )
            )
            with Horizontal():
                yield Button(tr("Unsubscribe (y)"), variant="warning", id="yes")
                yield Button(tr("Keep it (n)"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Subscriptions:
    """The main screen's subscribe and unsubscribe commands."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def subscribe(self) -> None:
        config = self.screen.reader.config
        if not config.accounts:
            self.screen.notify(
                tr(
                    "Subscribing goes through a feed-server account ([[accounts]] in the config);"
                    " a local source is a [[sources]] table in the config file."
                ),
                timeout=8,
            )
            return
        if self._refused():
            return
        prompt = SubscribePrompt([a.name for a in config.accounts])
        self.screen.app.push_screen(prompt, self._subscribe)

    def unsubscribe(self) -> None:
        row = self.screen.catalog.source(self.screen.selection)
        account = account_of(row, self.screen.reader.config)
        if row is None or account is None:
            self.screen.notify(
                tr(
                    "Select a feed of a feed-server account to unsubscribe; a local source is"
                    " removed from the config file."
                ),
                timeout=6,
            )
            return
        if self._refused():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                label = tr("Unsubscribing {name}", name=row.name)
                self._run(account, unsubscribe=row.name, label=label)

        self.screen.app.push_screen(ConfirmUnsubscribe(row.name, account), answered)

    def _refused(self) -> bool:
        if self.screen.reader.offline:
            self.screen.notify(tr("Offline (--offline): the server cannot be asked."), timeout=4)
            return True
        if self.screen.workers and any(
            w.group == GROUP and not w.is_finished for w in self.screen.workers
        ):
            self.screen.notify(tr("A subscription change is already running."), timeout=3)
            return True
        return False

    def _subscribe(self, request: SubscribeRequest | None) -> None:
        if request is not None:
            label = tr("Subscribing to {url}", url=request.url)
            self._run(request.account, subscribe=request.url, folder=request.folder, label=label)

    def _run(
        self,
        account: str,
        *,
        label: str,
        subscribe: str | None = None,
        unsubscribe: str | None = None,
        folder: str | None = None,
    ) -> None:
        reader, screen = self.screen.reader, self.screen
        screen.activity = f"{label}…"

        def work() -> None:
            from suxun_tui.sync.api import SyncError  # the network stack: only when used
            from suxun_tui.sync.subscribe import change_subscription

            try:
                result = change_subscription(
                    reader.config,
                    reader.store.path,
                    account,
                    subscribe=subscribe,
                    unsubscribe=unsubscribe,
                    folder=folder,
                )
            except SyncError as exc:
                screen.app.call_from_thread(self._failed, tr_said(str(exc)))
                return
            except Exception as exc:  # the cache or a bug: told, and the reader lives on
                message = tr("account '{account}': {error}", account=account, error=exc)
                screen.app.call_from_thread(self._failed, message)
                return
            screen.app.call_from_thread(self._done, result, subscribe is not None)

        screen.run_worker(work, thread=True, group=GROUP, name=label, exit_on_error=False)

    def _failed(self, message: str) -> None:
        self.screen.activity = ""
        self.screen.notify(message, title=tr("✗ Subscription"), severity="error", timeout=8)

    def _done(self, result: AccountResult, subscribed: bool) -> None:
        what = tr("Subscribed") if subscribed else tr("Unsubscribed")
        if result.ok:
            text = tr(
                "{what} · account '{account}' synced · {new} new",
                what=what,
                account=result.name,
                new=result.new,
            )
            self.screen.activity = text
            self.screen.notify(text, timeout=4)
        else:
            self.screen.activity = ""
            self.screen.notify(
                tr(
                    "{what} on the server, but the sync failed: {error}",
                    what=what,
                    error=tr_said(result.error or ""),
                ),
                severity="warning",
                timeout=8,
            )
        self.screen.data_version = self.screen.reader.store.data_version()
        self.screen.reload()
