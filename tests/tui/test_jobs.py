"""The worker-side helpers: waiting for the core without blocking quit."""

from __future__ import annotations

import threading

import pytest

from suxun_tui.tui import jobs


def test_abandonable_returns_the_result_and_reraises_errors() -> None:
    assert jobs.abandonable(lambda: 42, lambda: False) == 42

    def fail() -> int:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        jobs.abandonable(fail, lambda: False)


def test_abandonable_stops_waiting_when_cancelled() -> None:
    """Quitting during a slow request must not wait for the request's timeout."""
    release, finished = threading.Event(), threading.Event()
    checks: list[int] = []

    def slow_request() -> int:
        release.wait(30)  # a guard: the test releases it at the end
        finished.set()
        return 1

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) >= 3  # cancelled at the third look

    with pytest.raises(jobs.Abandoned):
        jobs.abandonable(slow_request, cancelled)
    # It stopped at the first look that saw the cancel, with the request still running.
    assert len(checks) == 3
    assert not finished.is_set()
    release.set()


def test_fetch_is_skipped_when_cancelled_during_the_debounce(tmp_path: object) -> None:
    from pathlib import Path

    from suxun_tui.config import Config
    from suxun_tui.store import Store

    with Store(Path(str(tmp_path)) / "cache.sqlite3") as store:
        # Article 1 does not exist: a fetch that started would raise ArticleFetchError.
        assert jobs.fetch_full_text(Config(), store, 1, lambda: True) is None
