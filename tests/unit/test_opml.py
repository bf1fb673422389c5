"""OPML import and export: folders become groups, commands are never taken as URLs."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from suxun_tui.config import SourceSpec, parse_config
from suxun_tui.feeds.opml import OpmlError, read_opml, sources_as_toml, write_opml

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "newsboat-feeds"

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline type="rss" text="Top" xmlUrl="https://a.example/feed"/>
  <outline text="News">
    <outline text="Inner"><outline title="Deep" xmlUrl="https://b.example/rss"/></outline>
    <outline title="Top" xmlUrl="https://c.example/rss"/>
  </outline>
  <outline title="Tagged" xmlUrl="https://d.example/rss" category="/tech/linux,other"/>
  <outline title="Runs a program" xmlUrl="|~/bin/fetch.sh"/>
  <outline title="Exec" xmlUrl="exec:rm -rf ~"/>
  <outline title="Quote &quot;me&quot; \\ \xe6\xb1\x9f\xe8\x8b\x8f" xmlUrl="https://e.example/rss"/>
</body></opml>"""


def test_folders_groups_duplicates_and_refused_commands() -> None:
    found = read_opml(OPML)
    assert [(s.name, s.url, s.group) for s in found.sources] == [
        ("Top", "https://a.example/feed", None),
        ("Deep", "https://b.example/rss", "Inner"),
        ("Top (2)", "https://c.example/rss", "News"),
        ("Tagged", "https://d.example/rss", "tech/linux"),
        ('Quote "me" \\ 江苏', "https://e.example/rss", None),
    ]
    assert len(found.skipped) == 2 and all("never run" in s for s in found.skipped)


def test_known_urls_and_names_are_not_added_twice() -> None:
    found = read_opml(OPML, known_urls=["https://a.example/feed"], known_names=["Deep"])
    assert [s.name for s in found.sources][:2] == ["Deep (2)", "Top"]
    assert any("already subscribed" in s for s in found.known)
    assert not any("already subscribed" in s for s in found.skipped)


def test_generated_toml_is_a_valid_config(tmp_path: Path) -> None:
    text = sources_as_toml(read_opml(OPML).sources)
    tomllib.loads(text)
    config = parse_config(text, tmp_path / "config.toml")
    assert [s.name for s in config.sources][-1] == 'Quote "me" \\ 江苏'


def test_export_then_import_round_trips_names_groups_and_kinds() -> None:
    sources = (
        SourceSpec("A & B <x>", "https://a.example/feed?x=1&y=2", group="新闻"),
        SourceSpec("Column", "https://c.example/list.html", kind="page", group="新闻"),
        SourceSpec("Loose", "https://l.example/rss"),
    )
    found = read_opml(write_opml(sources).encode())
    assert [(s.name, s.url, s.group, s.kind) for s in found.sources] == [
        ("A & B <x>", "https://a.example/feed?x=1&y=2", "新闻", None),
        ("Column", "https://c.example/list.html", "新闻", "page"),
        ("Loose", "https://l.example/rss", None, None),
    ]


def test_not_opml_is_an_error() -> None:
    with pytest.raises(OpmlError):
        read_opml(b"<rss><channel/></rss>")
    with pytest.raises(OpmlError):
        read_opml(b"\x00\x01 garbage")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_newsboat_opml_files() -> None:
    example = read_opml((CORPUS / "example.opml").read_bytes())
    assert len(example.sources) == 7
    assert {s.group for s in example.sources} == {None, "Blogs", "friends", "eloquent"}
    piped = read_opml((CORPUS / "piped.opml").read_bytes())
    assert [s.url for s in piped.sources] == ["https://example.com/feed.atom"]
    assert piped.skipped and "~/fetch_tweets.py" in piped.skipped[0]
    for name in ("body-element-missing.opml", "opml-element-missing.opml"):
        with pytest.raises(OpmlError):
            read_opml((CORPUS / name).read_bytes())
