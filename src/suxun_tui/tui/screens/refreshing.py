"""What a refresh means on screen: which sources to refresh, its progress, its summary.

Plain functions of the config, the catalog and the engine's reports, apart from the
screen that shows them: the wording and the one-summary-for-many-failures rule change
for their own reasons, and can be read (and tested) without a running app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from suxun_tui.config import Config
from suxun_tui.store import Store
from suxun_tui.tui.filters import Catalog, SourceFilter

if TYPE_CHECKING:  # the refresh engine imports the network stack: not at start-up
    from suxun_tui.refresh.engine import Progress, RefreshReport

MAX_FAILURE_NOTICES = 3  # more failed sources than this get one summary notification


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


def never_fetched_local(config: Config, store: Store) -> list[str]:
    """Sources to refresh at start without the network: the demo, and ``file://`` sources
    never fetched (a new local feed shows its articles at once)."""
    if config.is_demo:
        return [s.name for s in config.sources]
    return [
        row.name
        for row in store.sources()
        if row.url.startswith("file:") and not row.last_success and not row.last_attempt
    ]


def names_for(selection: SourceFilter, catalog: Catalog, config: Config) -> list[str]:
    """The sources ``r`` refreshes: the selected source, its group, or every source."""
    if selection.kind == "source":
        source = catalog.source(selection)
        return [source.name] if source else []
    if selection.kind == "group":
        return [s.name for s in config.sources if s.group == selection.group]
    return [s.name for s in config.sources]


def progress_text(progress: Progress) -> str:
    """``Refreshing 3/12 · 新华网 ✓``: the status line while a refresh runs."""
    text = f"Refreshing {progress.done}/{progress.total}"
    result = progress.result
    if result is not None:
        text += f" · {result.name} {'✓' if result.ok else '✗'}"
    return text


def summarize(report: RefreshReport, *, quiet: bool) -> Summary:
    """The status text and notices for ``report``; ``quiet`` drops the all-well toast."""
    results, failed = report.results, report.failed
    status = f"Refreshed {len(results)} · {sum(r.new for r in results)} new"
    if failed:
        status += f" · {len(failed)} failed"
    notices: list[Notice] = []
    if len(failed) > MAX_FAILURE_NOTICES:
        # Hundreds of toasts would bury the screen: one summary, details on the sources.
        names = ", ".join(r.name for r in failed[:MAX_FAILURE_NOTICES])
        notices.append(
            Notice(
                f"{len(failed)} sources failed ({names}, …); each shows ✗ and its error "
                "in the sources pane.",
                title="✗ Refresh",
                severity="error",
                timeout=8,
            )
        )
    else:
        notices.extend(
            Notice(r.error or "unknown error", title=f"✗ {r.name}", severity="error", timeout=8)
            for r in failed
        )
    if skipped := report.skipped_offline:
        notices.append(Notice(f"Offline: skipped {len(skipped)} network sources.", timeout=4))
    if not quiet and not failed:
        notices.append(Notice(status, timeout=3))
    return Summary(status, tuple(notices))
