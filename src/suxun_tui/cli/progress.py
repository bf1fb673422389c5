"""A rich progress bar for ``suxun-tui refresh`` on a terminal."""

from __future__ import annotations

import threading
from collections.abc import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from suxun_tui.refresh.engine import Progress as RefreshProgress
from suxun_tui.refresh.engine import RefreshReport
from suxun_tui.text.i18n import tr

Runner = Callable[[Callable[[RefreshProgress], None]], RefreshReport]


def run_with_progress(runner: Runner) -> RefreshReport:
    """Run ``runner`` with a callback that drives a progress bar: done/total, new, failed."""
    console = Console(stderr=True)
    lock = threading.Lock()
    new = failed = 0
    with Progress(
        TextColumn("[bold]" + tr("refreshing")),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            tr(
                "{task.fields[new]} new · {task.fields[failed]} failed"
                " · {task.fields[pulled]} pulled · {task.fields[pushed]} pushed"
            )
        ),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("refresh", total=None, new=0, failed=0, pulled=0, pushed=0)
        # Entries pulled and changes pushed by the accounts finished so far, plus the
        # running totals of the account syncing now.
        pulled = pushed = 0

        def on_progress(event: RefreshProgress) -> None:
            nonlocal new, failed, pulled, pushed
            with lock:
                now_pulled, now_pushed = pulled + event.pulled, pushed + event.pushed
                if event.result is not None:
                    new += 0 if event.result.account else event.result.new
                    failed += 0 if event.result.ok else 1
                    if event.result.account:
                        pulled, pushed = now_pulled, now_pushed
                bar.update(
                    task,
                    total=event.total,
                    completed=event.done,
                    new=new,
                    failed=failed,
                    pulled=now_pulled,
                    pushed=now_pushed,
                )

        return runner(on_progress)
