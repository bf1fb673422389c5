"""A second refresh run twice, with and without the probe, for comparing what each leaves.

The probe (:mod:`suxun_tui.net.probe`) asks the sources with validators before the
fetcher; whatever it does not take, the fetcher must handle as if the probe had never
asked. So every hostile case is set up twice on a fresh loopback server and cache: a first
refresh stores validators, the server turns hostile, and the second refresh runs once
with the probe and once with the probe finding no libcurl (its documented fallback: every
source goes to the fetcher, the same curl backend). What each run reports and stores is
read back with the server's address and every number folded, so that two runs on two
ports compare equal when they behaved the same.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

import suxun_tui.net.probe as probe
from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import RefreshReport, SourceResult, refresh_sources
from suxun_tui.store import DB_NAME
from tests.support.server import LoopbackServer

SETTINGS = replace(Settings(), timeout=2, connect_timeout=1, retries=0)

Build = Callable[[LoopbackServer, Path], Sequence[SourceSpec]]
Change = Callable[[LoopbackServer, Path], None]

_SOURCES = """
    SELECT name, url, config_url, etag, last_modified, content_hash, last_error,
           next_due IS NOT NULL, not_before IS NOT NULL, title, last_success IS NOT NULL
    FROM sources ORDER BY name
"""
_ARTICLES = """
    SELECT s.name, a.guid, a.title, a.url FROM articles a JOIN sources s ON s.id = a.source_id
    ORDER BY s.name, a.guid
"""


@dataclass
class Run:
    """One second refresh: what it reported and stored, and what the server saw."""

    report: RefreshReport
    results: list[tuple[object, ...]]
    sources: list[tuple[object, ...]]
    articles: list[tuple[object, ...]]
    hits: Counter[str]
    max_active: int
    asked: list[str] = field(default_factory=list)  # the URLs the probe asked
    taken: dict[str, int | None] = field(default_factory=dict)  # URL -> status the probe kept
    base: str = ""

    def result(self, name: str) -> tuple[object, ...]:
        return next(r for r in self.results if r[0] == name)

    def said(self, name: str) -> SourceResult:
        """The source's result as reported, nothing folded."""
        return next(r for r in self.report.results if r.name == name)

    def comparable(self) -> tuple[object, ...]:
        return (self.results, self.sources, self.articles)


def fold(value: object, base: str, folder: Path) -> object:
    """The server's address as BASE, the run's folder as DIR, every number as N (curl's
    reasons hold timings)."""
    if not isinstance(value, str):
        return value
    value = value.replace(base, "BASE").replace(folder.as_uri(), "DIR").replace(str(folder), "DIR")
    return re.sub(r"\d+", "N", value)


def second_refresh(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    build: Build,
    change: Change,
    *,
    with_probe: bool,
    settings: Settings = SETTINGS,
) -> Run:
    """A first refresh of ``build``'s sources, ``change``, then the refresh under test."""
    folder = tmp_path / ("probe" if with_probe else "fetcher")
    folder.mkdir()
    db = folder / DB_NAME
    with LoopbackServer() as server, monkeypatch.context() as patch:
        specs = tuple(build(server, folder))
        config = Config(settings=settings, sources=specs)
        refresh_sources(config, db)
        change(server, db)
        server.hits.clear()
        server.max_active = 0
        asked: list[str] = []
        taken: dict[str, int | None] = {}
        real = probe.conditional_gets

        def spy(
            settings: Settings, asks: Sequence[tuple[str, str | None, str | None]]
        ) -> dict[int, Any]:  # results, and errors where the probe keeps them
            answers = real(settings, asks)
            asked.extend(url for url, _, _ in asks)
            taken.update({asks[i][0]: r.status for i, r in answers.items()})
            return answers

        def no_libcurl() -> None:
            raise ImportError("probe switched off for the comparison")

        patch.setattr(probe, "conditional_gets", spy)
        if not with_probe:
            patch.setattr(probe, "_libcurl", no_libcurl)
        report = refresh_sources(config, db)
        hits, max_active, base = Counter(server.hits), server.max_active, server.url("")
    results = [
        tuple(
            fold(v, base, folder)
            for v in (
                r.name,
                r.ok,
                r.new,
                r.updated,
                r.unchanged,
                r.not_modified,
                r.error,
                r.notice,
            )
        )
        for r in sorted(report.results, key=lambda r: r.name)
    ]
    with sqlite3.connect(db) as conn:
        sources = [tuple(fold(v, base, folder) for v in row) for row in conn.execute(_SOURCES)]
        articles = [tuple(fold(v, base, folder) for v in row) for row in conn.execute(_ARTICLES)]
    conn.close()
    return Run(report, results, sources, articles, hits, max_active, asked, taken, base)


def both(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    build: Build,
    change: Change,
    settings: Settings = SETTINGS,
) -> tuple[Run, Run]:
    """The case with the probe and without it; the probe must have asked something."""
    with_probe = second_refresh(
        tmp_path, monkeypatch, build, change, with_probe=True, settings=settings
    )
    without = second_refresh(
        tmp_path, monkeypatch, build, change, with_probe=False, settings=settings
    )
    assert with_probe.asked, "the case must go through the probe"
    assert not without.taken
    return with_probe, without
