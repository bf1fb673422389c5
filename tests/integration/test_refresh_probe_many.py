"""The probe with many sources and through the command line: each source asked once, the
probe's memory bound, progress counts, and the command's output and exit code.

Compared, as in ``test_refresh_probe_hostile``, with the same second refresh where the
probe finds no libcurl (:mod:`tests.support.probe_twin`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import suxun_tui.net.probe as probe
from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import Progress, RefreshReport, refresh_sources
from suxun_tui.store import DB_NAME
from tests.support.feeds import items, rss
from tests.support.probe_twin import SETTINGS, Build, both
from tests.support.server import LoopbackServer

ROOT = Path(__file__).resolve().parents[2]


def _many(count: int) -> Build:
    def build(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
        return [
            SourceSpec(
                f"F{i:02}", server.add(f"/f{i}.xml", rss(f"F{i}", items(2, f"F{i}x")), etag=True)
            )
            for i in range(count)
        ]

    return build


def _change_all(server: LoopbackServer, db: Path) -> None:
    for path, route in server.routes.items():
        route.body = rss(path, items(3, path.strip("/").split(".")[0].upper() + "x")).encode()


def test_a_busy_refresh_asks_each_source_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 3 * probe.BUSY_AFTER  # every feed changed: the probe stops asking part way
    probed, fetched = both(tmp_path, monkeypatch, _many(count), _change_all)
    assert probed.comparable() == fetched.comparable()
    assert all(r.ok and r.new == 1 for r in probed.report.results)
    assert set(probed.hits.values()) == {1} and len(probed.hits) == count
    assert len(probed.taken) < count  # those not asked went to the fetcher


def test_bodies_past_the_probes_budget_go_to_the_fetcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(probe, "KEPT_BYTES", 2_500)  # about two of the changed bodies
    probed, fetched = both(tmp_path, monkeypatch, _many(6), _change_all)
    assert probed.comparable() == fetched.comparable()
    assert all(r.ok and r.new == 1 for r in probed.report.results)
    kept = [url for url, status in probed.taken.items() if status == 200]
    assert 1 <= len(kept) < 6


def test_a_server_ignoring_validators_leaves_the_source_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        route = server.routes["/f0.xml"]  # the same body again, with its ETag, but a 200
        route.etag, route.headers = False, {"ETag": '"always"'}

    probed, fetched = both(tmp_path, monkeypatch, _many(3), change)
    assert probed.comparable() == fetched.comparable()
    assert probed.said("F00").not_modified and probed.taken[probed.base + "/f0.xml"] == 200


def test_progress_counts_every_source_once(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        specs = tuple(_many(6)(server, tmp_path))
        config = Config(settings=SETTINGS, sources=specs)
        db = tmp_path / DB_NAME
        refresh_sources(config, db)
        for path in ("/f1.xml", "/f4.xml"):
            server.routes[path].body = rss(path, items(3, "Z")).encode()
        server.routes["/f2.xml"].status, server.routes["/f2.xml"].etag = 404, False
        seen: list[Progress] = []
        report = refresh_sources(config, db, on_progress=seen.append)
    assert [(p.done, p.total) for p in seen] == [(i, 6) for i in range(7)]
    assert sorted(p.result.name for p in seen if p.result) == [s.name for s in specs]
    assert [r.name for r in report.failed] == ["F02"]


_COMMAND = """
import sys
if sys.argv[1] == "without":
    import suxun_tui.net.probe as probe

    def missing():
        raise ImportError("no libcurl for this comparison")

    probe._libcurl = missing
from suxun_tui.entry import main
sys.exit(main(sys.argv[2:]))
"""


def _command(mode: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUXUN_TUI_")}
    return subprocess.run(
        [sys.executable, "-c", _COMMAND, mode, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("failing", [False, True])
def test_the_commands_output_and_exit_code_are_the_fetchers(failing: bool, tmp_path: Path) -> None:
    said: dict[str, tuple[int, str, str]] = {}
    asked: dict[str, int] = {}  # the requests of the second refresh: the probe's are more
    for mode in ("with", "without"):
        with LoopbackServer() as server:
            urls = {
                "good": server.add("/good.xml", rss("Good", items(2, "G")), etag=True),
                "changed": server.add("/changed.xml", rss("Changed", items(2, "C")), etag=True),
                "moved": server.add("/moved.xml", rss("Moved", items(2, "M")), etag=True),
                "bad": server.add("/bad.xml", rss("Bad", items(2, "B")), etag=True),
            }
            config = tmp_path / f"{mode}.toml"
            config.write_text(
                "[settings]\nretries = 0\ntimeout = 2\n"
                + "".join(
                    f'[[sources]]\nname = "{name}"\nurl = "{url}"\n' for name, url in urls.items()
                ),
                encoding="utf-8",
            )
            args = ("refresh", "--all", "--config", str(config), "--data-dir", str(tmp_path / mode))
            first = _command(mode, *args)
            assert first.returncode == 0, first.stdout + first.stderr
            server.routes["/changed.xml"].body = rss("Changed", items(4, "C")).encode()
            server.add("/new.xml", rss("Moved", items(3, "M")), etag=True)
            moved = server.routes["/moved.xml"]
            moved.status, moved.etag = 301, False
            moved.headers = {"Location": server.url("/new.xml")}
            if failing:
                bad = server.routes["/bad.xml"]
                bad.status, bad.etag, bad.body = 410, False, b"gone"
            server.hits.clear()
            second = _command(mode, *args)
            asked[mode] = server.hits.total()
            base = server.url("")
        said[mode] = (
            second.returncode,
            second.stdout.replace(base, "BASE"),
            re.sub(r"\d+", "N", second.stderr.replace(base, "BASE")),
        )
    assert said["with"] == said["without"]
    assert asked["with"] > asked["without"] == 5  # the probe ran (it asked the move once more)
    code, out, err = said["with"]
    assert code == (1 if failing else 0) and "Traceback" not in err
    assert "notice: moved: moved permanently to BASE/new.xml" in out
    if failing:
        assert "error: bad: BASE/bad.xml: HTTP 410" in out
    assert out.rstrip().endswith(
        f"refreshed 4 source(s): 3 new article(s), {int(failing)} failed, {2 - failing} unchanged"
    )


@pytest.mark.parametrize("how", ["offline", "due-only"])
def test_the_probe_asks_nothing_offline_or_before_a_source_is_due(how: str, tmp_path: Path) -> None:
    with LoopbackServer() as server:
        local = tmp_path / "local.xml"
        local.write_text(rss("Local", items(2, "L")), encoding="utf-8")
        specs = (*_many(3)(server, tmp_path), SourceSpec("Local", local.as_uri()))
        config = Config(settings=SETTINGS, sources=specs)
        db = tmp_path / DB_NAME
        refresh_sources(config, db)
        server.hits.clear()
        if how == "offline":
            report = refresh_sources(config, db, offline=True)
            assert [r.name for r in report.results] == ["Local"]
            assert sorted(report.skipped_offline) == ["F00", "F01", "F02"]
        else:  # just refreshed: nothing is due yet
            assert refresh_sources(config, db, due_only=True).results == []
        assert server.hits.total() == 0


_LOADED = """
import json, sys
from pathlib import Path
if sys.argv[3] == "without":
    import suxun_tui.net.probe as probe

    def missing():
        raise ImportError("no libcurl for this comparison")

    probe._libcurl = missing
from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
urls = json.loads(sys.argv[2])
config = Config(settings=Settings(retries=0), sources=tuple(SourceSpec(n, u) for n, u in urls))
report = refresh_sources(config, Path(sys.argv[1]))
print(json.dumps({
    "results": sorted((r.name, r.ok, r.new, r.not_modified) for r in report.results),
    "ssl": "ssl" in sys.modules,
    "certifi": "certifi" in sys.modules,
}))
"""


@pytest.mark.parametrize("mode", ["with", "without"])
def test_no_tls_is_loaded_for_a_refresh_of_http_sources(mode: str, tmp_path: Path) -> None:
    with LoopbackServer() as server:
        specs = _many(3)(server, tmp_path)
        db = tmp_path / DB_NAME
        refresh_sources(Config(settings=SETTINGS, sources=tuple(specs)), db)
        server.routes["/f1.xml"].body = rss("F1", items(3, "F1x")).encode()  # one changed
        urls = json.dumps([(s.name, s.url) for s in specs])
        done = subprocess.run(
            [sys.executable, "-c", _LOADED, str(db), urls, mode],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=True,
        )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "results": [["F00", True, 0, True], ["F01", True, 1, False], ["F02", True, 0, True]],
        "ssl": False,
        "certifi": False,
    }


def test_a_refresh_on_a_worker_thread_goes_through_the_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader refreshes from a thread worker: the probe's loop runs on that thread."""
    asked: list[int] = []
    real = probe.conditional_gets

    def counted(settings: Settings, asks: Sequence[tuple[str, str | None, str | None]]) -> Any:
        asked.append(threading.get_ident())
        return real(settings, asks)

    monkeypatch.setattr(probe, "conditional_gets", counted)
    with LoopbackServer() as server:
        specs = tuple(_many(4)(server, tmp_path))
        config = Config(settings=SETTINGS, sources=specs)
        db = tmp_path / DB_NAME
        refresh_sources(config, db)
        server.routes["/f2.xml"].body = rss("F2", items(3, "F2x")).encode()
        server.hits.clear()
        reports: list[RefreshReport] = []
        worker = threading.Thread(target=lambda: reports.append(refresh_sources(config, db)))
        worker.start()
        worker.join(60)
    [report] = reports
    assert asked and asked[-1] == worker.ident
    assert sorted((r.name, r.new, r.not_modified) for r in report.results) == [
        ("F00", 0, True),
        ("F01", 0, True),
        ("F02", 1, False),
        ("F03", 0, True),
    ]
    assert set(server.hits.values()) == {1}
