"""Hundreds of odd, broken and hostile feeds: refresh ingests what it can, never crashes."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support.feeds import items, rss

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "newsboat-feeds"

ESCAPES = "\x1b]0;owned\x07\x1b[31m\x1b]52;c;cm0gLXJmIH4=\x07\x9b2J\x1bP+q\x1b\\"


def hostile_documents() -> list[bytes]:
    docs: list[bytes] = []
    base = rss("Base", items(5)).encode()
    # Escape sequences everywhere a string can be.
    docs.append(
        rss(
            f"Evil {ESCAPES}",
            [
                {
                    "title": f"T{ESCAPES}",
                    "link": f"http://e/{ESCAPES}",
                    "guid": ESCAPES,
                    "author": ESCAPES,
                    "description": f"<p>{ESCAPES}body</p>",
                    "pubDate": "Mon, 01 Dec 2025 00:00:00 +0000",
                }
            ],
        ).encode()
    )
    # Wrong and undeclared encodings.
    docs.append(rss("中文", [{"title": "新闻标题", "link": "http://e/1"}]).encode("gbk"))
    docs.append(
        rss("中文", [{"title": "新闻标题", "link": "http://e/1"}])
        .replace("utf-8", "gb2312")
        .encode("utf-8")
    )
    docs.append(rss("Latin", [{"title": "café", "link": "http://e/1"}]).encode("latin-1"))
    # Entities: undefined, numeric, and an expansion bomb.
    docs.append(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>&nbsp;&foo;&#x1b;&#0;</title><item><title>&amp;&lt;&#27;[31m</title></item></channel></rss>'
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>'
    )
    docs.append(laughs)
    # Missing everything; duplicate guids; enormous items; invalid and far-future dates.
    docs.append(
        b'<rss version="2.0"><channel><item></item><item><description>only</description></item></channel></rss>'
    )
    docs.append(
        rss("Dup", [{"title": "a", "guid": "same"}, {"title": "b", "guid": "same"}]).encode()
    )
    docs.append(
        rss(
            "Big",
            [
                {
                    "title": "big",
                    "link": "http://e/big",
                    "description": "<p>" + "字" * 2_000_000 + "</p>",
                }
            ],
        ).encode()
    )
    docs.append(
        rss(
            "Dates",
            [
                {"title": "d1", "pubDate": "yesterday-ish"},
                {"title": "d2", "pubDate": "Fri, 31 Dec 9999 23:59:59 +0000"},
                {"title": "d3", "pubDate": "Mon, 45 Foo 2025 99:99:99 +9999"},
            ],
        ).encode()
    )
    # Truncations and byte damage of a good feed.
    rng = random.Random(99)
    for cut in (10, 50, 100, 200, 400, len(base) - 5):
        docs.append(base[:cut])
    for _ in range(60):
        damaged = bytearray(base)
        for _ in range(rng.randint(1, 40)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        docs.append(bytes(damaged))
    docs += [
        b"",
        b"\xff\xfe\x00\x00",
        bytes(range(256)) * 10,
        b"{not json",
        json.dumps({"items": [1, None, {"title": ESCAPES}]}).encode(),
    ]
    docs.append(b"<!doctype html><html><body>a page</body></html>")
    return docs


def test_refresh_over_hundreds_of_odd_feeds(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    paths: list[Path] = []
    generated = hostile_documents()
    assert len(generated) >= 80  # the set itself, whether or not the corpus is beside us
    for i, doc in enumerate(generated):
        path = feeds / f"gen{i:03d}.xml"
        path.write_bytes(doc)
        paths.append(path)
    if CORPUS.is_dir():  # optional: newsboat's odd feeds, whole and cut short, when present
        for source in sorted(CORPUS.iterdir()):
            if source.suffix in (".xml", ".atom", ".opml"):
                data = source.read_bytes()
                for j, cut in enumerate((None, len(data) // 2, len(data) // 3)):
                    path = feeds / f"nb{j}_{source.name}"
                    path.write_bytes(data if cut is None else data[:cut])
                    paths.append(path)
    config = tmp_path / "config.toml"
    config.write_text(
        "".join(
            f'[[sources]]\nname = "s{i}"\nurl = "{p.as_uri()}"\nkind = "feed"\n'
            for i, p in enumerate(paths)
        ),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "suxun_tui",
            "refresh",
            "--config",
            str(config),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "\x1b" not in done.stdout and "\x9b" not in done.stdout
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "suxun_tui",
            "list",
            "--json",
            "--config",
            str(config),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    rows = json.loads(listed.stdout)
    assert len(rows) > 50
    for row in rows:
        for value in (row["title"], row["url"], row["source"]):
            assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value), value
    conn = sqlite3.connect(data / "cache.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    bodies = [r[0] for r in conn.execute("SELECT body FROM articles")]
    assert not any("\x1b" in b or "\x9b" in b for b in bodies)
    conn.close()
