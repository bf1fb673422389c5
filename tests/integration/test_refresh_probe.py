"""The probe of the sources with validators: 304s settled before any event loop, plain 200s
parsed from its answer, everything else asked again by the fetcher with all its rules
(net/probe.py, refresh/engine.py)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import suxun_tui.net.probe as probe
from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = replace(Settings(), timeout=5, retries=0)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def _feeds(server: LoopbackServer, count: int) -> tuple[SourceSpec, ...]:
    return tuple(
        SourceSpec(f"F{i}", server.add(f"/f{i}.xml", rss(f"F{i}", items(3, f"F{i}x")), etag=True))
        for i in range(count)
    )


# A fresh interpreter: what a refresh of unchanged feeds loads and starts.
_SECOND_REFRESH = """
import json, sys, threading
from pathlib import Path
from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
urls = json.loads(sys.argv[2])
config = Config(settings=Settings(), sources=tuple(SourceSpec(n, u) for n, u in urls))
report = refresh_sources(config, Path(sys.argv[1]))
print(json.dumps({
    "unchanged": [r.not_modified for r in report.results],
    "asyncio": "asyncio" in sys.modules,
    "dataclasses": "dataclasses" in sys.modules,  # pycurl's package imports it; not its C module
    "decompressors": sorted({"zlib", "brotli"} & set(sys.modules)),  # 304s carry no body
    "threads": threading.active_count(),
}))
"""


def test_unchanged_feeds_are_settled_without_an_event_loop(
    server: LoopbackServer, tmp_path: Path
) -> None:
    specs = _feeds(server, 5)
    db = tmp_path / DB_NAME
    first = refresh_sources(Config(settings=Settings(), sources=specs), db)
    assert [r.new for r in first.results] == [3] * 5
    with Store(db) as store:
        due_before = {
            name: state.next_due for name, (_, _, state) in store.refresh_states().items()
        }
    asked_first = {path: headers for path, headers in server.requests}
    server.requests.clear()
    urls = json.dumps([(s.name, s.url) for s in specs])
    done = subprocess.run(
        [sys.executable, "-c", _SECOND_REFRESH, str(db), urls],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "unchanged": [True] * 5,
        "asyncio": False,
        "dataclasses": False,
        "decompressors": [],
        "threads": 1,
    }
    assert len(server.requests) == 5  # one conditional GET each, nothing asked twice
    for path, headers in server.requests:  # the fetcher's request, with its validator
        tag = '"' + hashlib.md5(server.routes[path].body).hexdigest() + '"'
        assert headers.pop("if-none-match") == tag
        assert headers == asked_first[path]
    with Store(db) as store:  # each source's record written as for any 304
        for name, (_, _, state) in store.refresh_states().items():
            assert state.etag and state.next_due and state.next_due >= (due_before[name] or "")
        assert all(r.last_error is None and r.last_attempt for r in store.sources())


def test_a_changed_feed_is_parsed_from_the_probes_answer(
    server: LoopbackServer, tmp_path: Path
) -> None:
    specs = _feeds(server, 3)
    config = Config(settings=SETTINGS, sources=specs)
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    server.routes["/f1.xml"].body = rss("F1", items(5, "F1x")).encode()
    server.hits.clear()
    report = refresh_sources(config, db)
    by_name = {r.name: r for r in report.results}
    assert by_name["F1"].new == 2 and not by_name["F1"].not_modified
    assert by_name["F0"].not_modified and by_name["F2"].not_modified
    # The probe's 200 went to the parser as it was: nothing was asked twice.
    assert server.hits == {"/f0.xml": 1, "/f1.xml": 1, "/f2.xml": 1}
    with Store(db) as store:
        assert {r.name: r.total for r in store.sources()} == {"F0": 3, "F1": 5, "F2": 3}


def test_an_error_answer_is_the_fetchers_first_attempt_and_keeps_retry_after(
    server: LoopbackServer, tmp_path: Path
) -> None:
    specs = _feeds(server, 2)
    config = Config(settings=SETTINGS, sources=specs)
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    route = server.routes["/f0.xml"]
    route.status, route.etag, route.headers = 429, False, {"Retry-After": "120"}
    server.hits.clear()
    report = refresh_sources(config, db)
    assert server.hits["/f0.xml"] == 1  # not asked again before the server's wait
    failed = [r for r in report.results if not r.ok]
    assert [r.name for r in failed] == ["F0"] and "429" in (failed[0].error or "")
    with Store(db) as store:
        state = store.refresh_states()["F0"][2]
        assert state.not_before is not None  # the server's wait, kept as the fetcher keeps it


def test_a_304_slower_than_the_probe_waits_is_asked_for_again(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = _feeds(server, 2)
    config = Config(settings=SETTINGS, sources=specs)
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    server.routes["/f0.xml"].delay = 0.6
    monkeypatch.setattr(probe, "PATIENCE", 0.2)
    server.hits.clear()
    report = refresh_sources(config, db)
    assert all(r.ok and r.not_modified for r in report.results)
    assert server.hits["/f0.xml"] == 2 and server.hits["/f1.xml"] == 1


def test_a_body_over_the_cap_is_left_to_the_fetcher_and_its_message(
    server: LoopbackServer, tmp_path: Path
) -> None:
    specs = _feeds(server, 2)
    db = tmp_path / DB_NAME
    refresh_sources(Config(settings=SETTINGS, sources=specs), db)
    server.routes["/f0.xml"].body = rss("F0", items(40, "F0x")).encode()
    capped = replace(SETTINGS, max_bytes=2_000)
    server.hits.clear()
    report = refresh_sources(Config(settings=capped, sources=specs), db)
    failed = [r for r in report.results if not r.ok]
    assert [r.name for r in failed] == ["F0"] and "max_bytes" in (failed[0].error or "")
    assert server.hits == {"/f0.xml": 2, "/f1.xml": 1}  # dropped by the probe, asked again


def test_without_libcurl_the_fetcher_asks_every_source(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = _feeds(server, 2)
    config = Config(settings=SETTINGS, sources=specs)
    db = tmp_path / DB_NAME
    refresh_sources(config, db)

    def missing() -> None:
        raise ImportError("no pycurl")

    monkeypatch.setattr(probe, "_libcurl", missing)
    server.hits.clear()
    report = refresh_sources(config, db)
    assert all(r.ok and r.not_modified for r in report.results)
    assert server.hits == {"/f0.xml": 1, "/f1.xml": 1}


def test_a_busy_refresh_is_handed_to_the_full_engine_early(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = _feeds(server, probe.BUSY_AFTER + 12)
    config = Config(settings=SETTINGS, sources=specs)
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    for i in range(len(specs)):  # every feed changed
        server.routes[f"/f{i}.xml"].body = rss(f"F{i}", items(4, f"F{i}x")).encode()
    taken: list[int] = []
    asked = probe.conditional_gets

    def counted(*args: Any) -> dict[int, Any]:
        answers = asked(*args)
        taken.append(len(answers))
        return answers

    monkeypatch.setattr(probe, "conditional_gets", counted)
    server.hits.clear()
    report = refresh_sources(config, db)
    assert [r.new for r in report.results] == [1] * len(specs)
    assert probe.BUSY_AFTER <= taken[0] < len(specs)  # the rest went to the fetcher
    assert set(server.hits.values()) == {1}  # and nothing was asked twice
