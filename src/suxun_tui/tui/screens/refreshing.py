"""Refreshing from the reader: one refresh at a time, its progress and its summary.

:class:`Refreshes` is the main screen's helper for this one job: it starts a refresh
(asked by a key, or at start-up), follows its progress messages and tells the outcome.
The wording and the one-summary-for-many-failures rule are plain functions below, which
can be read (and tested) without a running app.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from suxun_tui.config import Config
from suxun_tui.models import SourceRow
from suxun_tui.refresh.notify import notify_new
from suxun_tui.text.i18n import tr
from suxun_tui.text.i18n_said import tr_said
from suxun_tui.tui.filters import Catalog, SourceFilter

if TYPE_CHECKING:  # the refresh engine imports the network stack: not at start-up
    from suxun_tui.refresh.engine import Progress, RefreshReport
    from suxun_tui.tui.screens.main import MainScreen

MAX_FAILURE_NOTICES = 3  # failed sources named in the one notification of a refresh
STATUS_SECONDS = 20.0  # how long a refresh's summary stays in the status line
COUNTS_EVERY = 0.5  # seconds between recounts of unread articles while a refresh runs


class Refreshes:
    """Starts refreshes for ``screen`` and shows how they go; one runs at a time."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.running = False
        self.quiet = False  # started by the reader itself: no all-well toast
        self.counted_at = 0.0
        self.told: set[str] = set()  # sources whose failure was told: not again each refresh

    def start_up(self) -> None:
        """Refresh local (``file://``) sources never fetched, and the demo: no network."""
        config, sources = self.screen.reader.config, self.screen.catalog.sources
        # Failing already when the reader starts: the sources pane shows it, no toast.
        self.told = {row.name for row in sources if row.last_error}
        if names := never_fetched_local(config, sources):
            self.start(names, quiet=True)
        elif config.settings.refresh_on_start and not self.screen.reader.offline:
            self.start(None, due_only=True, quiet=True)

    def asked(self, names: list[str], *, force: bool = False) -> None:
        """The user asked to refresh ``names``: refused offline or when there are none."""
        if self.screen.reader.offline:
            self.screen.notify(
                tr("Offline (--offline): not refreshing; showing the cache."), timeout=4
            )
        elif not names:
            self.screen.notify(tr("Nothing to refresh here."), timeout=3)
        else:
            self.start(names, force=force)

    def start(
        self,
        names: list[str] | None,
        *,
        due_only: bool = False,
        quiet: bool = False,
        force: bool = False,
    ) -> None:
        if self.running:
            self.screen.notify(tr("A refresh is already running."), timeout=3)
            return
        self.running = True
        self.quiet = quiet
        self.screen.activity = tr("Refreshing…")
        self.screen.background.refresh(names, due_only, force)

    def progressed(self, progress: Progress) -> None:
        # Recounting reads the whole cache: at most twice a second, not per source; and
        # only the counts (a tenth of reading the sources anew, on the screen's thread):
        # names and errors are read anew once the refresh ends, and the status line says
        # meanwhile which source failed.
        if progress.result is not None and time.monotonic() - self.counted_at >= COUNTS_EVERY:
            self.counted_at = time.monotonic()
            self.screen.recount()
        self.screen.activity = progress_text(progress)

    def finished(self, report: RefreshReport) -> None:
        summary = summarize(report, quiet=self.quiet, told=self.told)
        show_for_a_while(self.screen, summary.status)
        command = self.screen.reader.config.settings.notify_command
        if (problem := notify_new(command, report.new)) is not None:
            self.screen.notify(tr_said(problem), title=tr("Notify"), severity="warning", timeout=8)
        for notice in summary.notices:
            self.screen.notify(
                notice.message, title=notice.title, severity=notice.severity, timeout=notice.timeout
            )
        self._ended()

    def failed(self, error: BaseException | None) -> None:
        self.screen.activity = tr("Refresh failed")
        self.screen.notify(
            tr("Refresh failed: {error}", error=tr_said(str(error))), severity="error"
        )
        self._ended()

    def _ended(self) -> None:
        self.running = False
        self.screen.data_version = self.screen.reader.store.data_version()
        self.screen.reload()


def show_for_a_while(screen: MainScreen, text: str) -> None:
    """Put ``text`` in the status line's activity slot, cleared after a while."""
    screen.activity = text

    def clear() -> None:
        if screen.activity == text:  # else something newer is shown: leave it
            screen.activity = ""

    screen.set_timer(STATUS_SECONDS, clear)


@dataclass(frozen=True)
class Notice:
    """One notification to show, as ``Screen.notify`` takes it."""

    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    timeout: float | None = None


@dataclass(frozen=True)
class Summary:
    """How a finished refresh is told: the status line's text, then notifications."""

    status: str
    notices: tuple[Notice, ...]


def never_fetched_local(config: Config, sources: Sequence[SourceRow]) -> list[str]:
    """Sources to refresh at start without the network: the demo, and ``file://`` sources
    never fetched (a new local feed shows its articles at once). ``sources``: the
    catalog the screen has just read, not a second read of 10,000 rows."""
    if config.is_demo:
        return [s.name for s in config.sources]
    return [
        row.name
        for row in sources
        if row.url.startswith("file:") and not row.last_success and not row.last_attempt
    ]


def names_for(selection: SourceFilter, catalog: Catalog, config: Config) -> list[str]:
    """The sources ``r`` refreshes: the selected source, its group, or every source.

    An account's feeds are sources the store knows, not the config: a name of one of them
    makes the refresh sync its account. A group covers its folders (``home`` holds
    ``home/Tech``), so ``r`` on an account's group syncs the account.
    """
    if selection.kind == "source":
        source = catalog.source(selection)
        return [source.name] if source else []
    if selection.kind == "group":
        group = selection.group or ""
        return [
            s.name
            for s in catalog.sources
            if s.group == group or (s.group or "").startswith(group + "/")
        ]
    return all_names(config)


def all_names(config: Config) -> list[str]:
    """What ``R`` refreshes: every configured source and every account."""
    return [s.name for s in config.sources] + [a.name for a in config.accounts]


def progress_text(progress: Progress) -> str:
    """``Refreshing 3/12 · 新华网 ✓``: the status line while a refresh runs."""
    text = tr("Refreshing {done}/{total}", done=progress.done, total=progress.total)
    result = progress.result
    if result is not None:
        text += f" · {result.name} {'✓' if result.ok else '✗'}"
    if progress.pulled or progress.pushed:  # an account syncing, or just synced
        text += tr(
            " · {pulled} pulled · {pushed} pushed", pulled=progress.pulled, pushed=progress.pushed
        )
    return text


def sync_text(report: RefreshReport) -> str:
    """`` · 3 pushed · 2 queued``: what the accounts' syncs sent and what still waits."""
    pushed = sum(a.pushed for a in report.accounts)
    queued = sum(a.queued for a in report.accounts)
    text = tr(" · {pushed} pushed", pushed=pushed) if pushed else ""
    return text + (tr(" · {queued} queued", queued=queued) if queued else "")


def summarize(report: RefreshReport, *, quiet: bool, told: set[str] | None = None) -> Summary:
    """The status text and at most one notice for ``report``.

    ``told`` holds the sources whose failure was already told (and is updated): a source
    that keeps failing refresh after refresh gets its toast once — its ✗ and error stay
    in the sources pane — and again only after it has worked in between. ``quiet`` drops
    the all-well toast.
    """
    told = set() if told is None else told
    results, failed = report.results, report.failed
    status = tr(
        "Refreshed {count} · {new} new", count=len(results), new=sum(r.new for r in results)
    )
    if failed:
        status += tr(" · {failed} failed", failed=len(failed))
    status += sync_text(report)
    told.difference_update(r.name for r in results if r.ok)
    fresh = [r for r in failed if r.name not in told]
    told.update(r.name for r in failed)
    notice: Notice | None = None
    if len(fresh) == 1:
        only = fresh[0]
        notice = Notice(
            tr_said(only.error or "") or tr("unknown error"),
            title=f"✗ {only.name}",
            severity="error",
            timeout=8,
        )
    elif fresh:
        names = ", ".join(r.name for r in fresh[:MAX_FAILURE_NOTICES])
        more = ", …" if len(fresh) > MAX_FAILURE_NOTICES else ""
        notice = Notice(
            tr(
                "{count} sources failed ({names}{more}); each shows ✗ and its error "
                "in the sources pane.",
                count=len(fresh),
                names=names,
                more=more,
            ),
            title=tr("✗ Refresh"),
            severity="error",
            timeout=8,
        )
    elif skipped := report.skipped_offline:
        notice = Notice(
            tr("Offline: skipped {count} network sources.", count=len(skipped)), timeout=4
        )
    elif not quiet and not failed:
        notice = Notice(status, timeout=3)
    return Summary(status, (notice,) if notice else ())
