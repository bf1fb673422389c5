"""Where a refresh parses: threads for the first documents, worker processes only after.

Nothing is parsed: which executor each document would get is what is checked, so no
worker process starts here unless a first refresh warms them
(tests/integration/test_parse_server.py runs them).
"""

from __future__ import annotations

import concurrent.futures

import pytest

from suxun_tui.refresh import parse_pool
from suxun_tui.refresh.parse_pool import PROCESS_POOL_MIN_DOCUMENTS, ParsePool


@pytest.fixture
def many_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUXUN_TUI_PARSE_POOL", raising=False)
    monkeypatch.setattr(parse_pool.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parse_pool, "_main_is_guarded", lambda: True)


def test_a_refresh_that_parses_little_starts_no_worker_process(many_cpus: None) -> None:
    with ParsePool(200) as pool:
        assert pool.use_processes  # 200 sources: processes are allowed
        kinds = {type(pool.get()) for _ in range(PROCESS_POOL_MIN_DOCUMENTS)}
        assert kinds == {concurrent.futures.ThreadPoolExecutor}
        assert pool.server == ""
        assert isinstance(pool.get(), concurrent.futures.ProcessPoolExecutor)
        assert isinstance(pool.get(), concurrent.futures.ProcessPoolExecutor)


def test_processes_asked_for_by_name_start_with_the_first_document(
    many_cpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUXUN_TUI_PARSE_POOL", "process")
    with ParsePool(3) as pool:
        assert isinstance(pool.get(), concurrent.futures.ProcessPoolExecutor)


def test_few_sources_parse_on_threads_only(many_cpus: None) -> None:
    with ParsePool(10) as pool:
        kinds = {type(pool.get()) for _ in range(PROCESS_POOL_MIN_DOCUMENTS * 2)}
        assert kinds == {concurrent.futures.ThreadPoolExecutor}


def test_a_first_refresh_of_many_sources_starts_its_workers_before_any_document(
    many_cpus: None,
) -> None:
    with ParsePool(200, new=PROCESS_POOL_MIN_DOCUMENTS + 1) as pool:
        pool.warm()
        assert pool.documents == 0  # warming is no document
        assert isinstance(pool.get(), concurrent.futures.ProcessPoolExecutor)


def test_a_few_new_sources_keep_the_threads_first(many_cpus: None) -> None:
    with ParsePool(200, new=PROCESS_POOL_MIN_DOCUMENTS) as pool:
        pool.warm()  # nothing to warm: the first documents go to threads
        assert pool.server == ""
        assert isinstance(pool.get(), concurrent.futures.ThreadPoolExecutor)


def test_new_sources_on_a_single_core_stay_on_threads(
    many_cpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_pool.os, "cpu_count", lambda: 1)
    with ParsePool(200, new=200) as pool:
        pool.warm()
        assert isinstance(pool.get(), concurrent.futures.ThreadPoolExecutor)
