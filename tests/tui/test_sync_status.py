"""The status line tells what a sync pulled, pushed and left queued."""

from __future__ import annotations

from suxun_tui.refresh.engine import Progress, RefreshReport, SourceResult
from suxun_tui.sync.engine import AccountResult
from suxun_tui.tui.screens.refreshing import progress_text, summarize


def test_a_syncing_account_shows_entries_pulled_and_changes_pushed() -> None:
    assert progress_text(Progress(2, 3, None, pulled=1200, pushed=4)) == (
        "Refreshing 2/3 · 1200 pulled · 4 pushed"
    )
    done = SourceResult("home", True, new=1200, account=True)
    assert progress_text(Progress(3, 3, done, pulled=1200, pushed=4)).endswith(
        "home ✓ · 1200 pulled · 4 pushed"
    )
    assert progress_text(Progress(1, 3, SourceResult("Alpha", True))) == "Refreshing 1/3 · Alpha ✓"


def test_the_summary_counts_changes_pushed_and_still_queued() -> None:
    report = RefreshReport(
        results=[SourceResult("home", True, new=5, account=True)],
        accounts=[AccountResult("home", True, new=5, pushed=3, queued=2)],
    )
    assert summarize(report, quiet=True).status == "Refreshed 1 · 5 new · 3 pushed · 2 queued"
    quiet = RefreshReport(results=[SourceResult("Alpha", True, new=1)])
    assert summarize(quiet, quiet=True).status == "Refreshed 1 · 1 new"
