"""OPML import is exact or says what it left out: no silent repair, no silent loss."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.config import SourceSpec
from suxun_tui.feeds.opml import OpmlError, OpmlSource, read_opml, write_opml
from suxun_tui.text.sanitize import clean_line

FIVE = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="One" xmlUrl="https://one.example/rss"/>
<outline text="Two" xmlUrl="https://two.example/rss"/>
<outline text="Three" xmlUrl="https://three.example/rss"/>
<outline text="Four" xmlUrl="https://four.example/rss"/>
<outline text="Five" xmlUrl="https://five.example/rss"/>
</body></opml>
"""


def test_bare_ampersands_in_urls_and_titles_are_kept_exactly() -> None:
    data = (
        b'<opml version="2.0"><body>'
        b'<outline text="Tom & Jerry" xmlUrl="https://a.example/feed?a=1&b=2"/>'
        b'<outline text="Tom &amp; Jerry" xmlUrl="https://b.example/feed?a=1&amp;b=2"/>'
        b'<outline text="&#x6c5f;&lt;&gt;" xmlUrl="https://c.example/?q=&quot;x&quot;"/>'
        b"</body></opml>"
    )
    found = read_opml(data)
    assert [(s.name, s.url) for s in found.sources] == [
        ("Tom & Jerry", "https://a.example/feed?a=1&b=2"),
        ("Tom & Jerry (2)", "https://b.example/feed?a=1&b=2"),
        ("江<>", 'https://c.example/?q="x"'),
    ]
    assert found.skipped == []


def test_a_file_cut_off_after_outline_two_reports_what_was_skipped() -> None:
    cut = FIVE[: FIVE.index(b"Three") + 12]
    found = read_opml(cut)
    assert [s.name for s in found.sources] == ["One", "Two"]
    assert len(found.skipped) == 1 and "cut off" in found.skipped[0]


def test_a_cut_inside_an_outline_drops_that_outline_and_names_it() -> None:
    cut = FIVE[: FIVE.index(b"https://three") + len('https://three.example/rss"')] + b" "
    found = read_opml(cut)
    assert [s.name for s in found.sources] == ["One", "Two"]
    assert "'Three'" in found.skipped[0]


def test_a_billion_laughs_file_is_a_clear_error() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    data = (
        f'<?xml version="1.0"?><!DOCTYPE opml [{entities}]><opml><body>'
        '<outline text="&lol9;" xmlUrl="https://a.example/"/></body></opml>'
    ).encode()
    with pytest.raises(OpmlError, match="billion laughs"):
        read_opml(data)


def test_local_file_entries_need_allow_local() -> None:
    data = (
        b'<opml version="2.0"><body>'
        b'<outline text="Passwd" xmlUrl="file:///etc/passwd"/>'
        b'<outline text="Home" xmlUrl="~/feeds/x.xml"/>'
        b'<outline text="Web" xmlUrl="https://w.example/rss"/>'
        b"</body></opml>"
    )
    found = read_opml(data)
    assert [s.name for s in found.sources] == ["Web"]
    assert len(found.skipped) == 2 and all("--allow-local" in s for s in found.skipped)
    allowed = read_opml(data, allow_local=True)
    assert [s.url for s in allowed.sources] == [
        "file:///etc/passwd",
        "~/feeds/x.xml",
        found.sources[0].url,
    ]


def test_urls_with_controls_or_invisible_characters_are_skipped_not_altered() -> None:
    data = (
        b'<opml version="2.0"><body>'
        b'<outline text="A" xmlUrl="https://a.example/\xe2\x80\xaerss"/>'
        b'<outline text="B" xmlUrl="https://b.example/a b"/>'
        b"</body></opml>"
    )
    found = read_opml(data)
    assert found.sources == [] and len(found.skipped) == 2


NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp")),
    min_size=1,
    max_size=20,
).filter(lambda t: t == clean_line(t) and bool(t))  # names are display lines
QUERY = st.text(alphabet=st.sampled_from(list("abc=&;%#?/<>\"'")), max_size=12)


@given(name=NAMES, query=QUERY)
def test_export_then_import_is_exact_for_any_name_and_query(name: str, query: str) -> None:
    url = "https://a.example/feed?" + query
    found = read_opml(write_opml([SourceSpec(name, url)]).encode())
    assert found.sources == [OpmlSource(name, url)] and found.skipped == []


@given(cut=st.integers(min_value=0, max_value=len(FIVE)))
def test_any_truncation_imports_a_prefix_exactly_and_reports_the_rest(cut: int) -> None:
    try:
        found = read_opml(FIVE[:cut])
    except OpmlError:
        return  # not even <opml><body> survived: a clear error
    names = [s.name for s in found.sources]
    assert names == ["One", "Two", "Three", "Four", "Five"][: len(names)]
    full = [s.url for s in read_opml(FIVE).sources]
    assert [s.url for s in found.sources] == full[: len(names)]
    if len(names) < 5:
        assert found.skipped, cut


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_append_writes_through_a_symlinked_config_atomically_keeping_its_mode(
    tmp_path: Path,
) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "suxun.toml"
    real.write_text('[[sources]]\nname = "Old"\nurl = "https://old.example/rss"\n')
    real.chmod(0o640)
    link = tmp_path / "conf" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    opml = tmp_path / "subs.opml"
    opml.write_bytes(FIVE)
    env = {"SUXUN_TUI_CONFIG": str(link), "SUXUN_TUI_DATA_DIR": str(tmp_path / "d")}
    done = run_cli("opml", "import", "--append", str(opml), env=env)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and link.resolve() == real
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert real.read_text().count("[[sources]]") == 6
    assert [p.name for p in dotfiles.iterdir()] == ["suxun.toml"]  # no temporary file left


def test_truncated_import_exits_1_and_file_names_are_cleaned(tmp_path: Path) -> None:
    opml = tmp_path / "subs\x1b]0;x\x07.opml"
    opml.write_bytes(FIVE[: FIVE.index(b"Three") + 12])
    env = {"SUXUN_TUI_CONFIG": str(tmp_path / "c.toml"), "SUXUN_TUI_DATA_DIR": str(tmp_path)}
    done = run_cli("opml", "import", str(opml), env=env)
    assert done.returncode == 1
    assert done.stdout.count("[[sources]]") == 2
    assert "cut off" in done.stderr and "\x1b" not in done.stderr and "\x07" not in done.stderr
    missing = run_cli("opml", "import", str(tmp_path / "no\x1b[31m.opml"), env=env)
    assert missing.returncode == 2 and "\x1b" not in missing.stderr


@given(
    edits=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(FIVE)), st.binary(max_size=4)),
        max_size=6,
    ),
    cut=st.integers(min_value=0, max_value=len(FIVE) + 24),
)
def test_a_damaged_file_imports_only_what_it_says_or_is_a_clear_error(
    edits: list[tuple[int, bytes]], cut: int
) -> None:
    data = bytearray(FIVE)
    for position, inserted in edits:
        data[position : position + len(inserted)] = inserted
    damaged = bytes(data[:cut])
    try:
        found = read_opml(damaged)
    except OpmlError:
        return
    text = damaged.decode("utf-8", errors="replace")
    for source in found.sources:
        # Every URL imported is in the file as written (no entities here): nothing guessed.
        assert source.url in text.replace("&amp;", "&")
    if len(found.sources) < text.count("xmlUrl="):
        assert found.skipped or found.known


def test_entries_the_config_would_refuse_are_skipped_so_an_append_stays_loadable() -> None:
    data = (
        b'<opml version="2.0"><body>'
        b'<outline text="a" xmlUrl="http://[::1"/>'
        b'<outline text="b" xmlUrl="http://b.example:99999/"/>'
        b'<outline text="c" xmlUrl="https:///x"/>'
        b'<outline text="ok" xmlUrl="https://ok.example/rss"/>'
        b"</body></opml>"
    )
    found = read_opml(data)
    assert [s.name for s in found.sources] == ["ok"] and len(found.skipped) == 3


def test_a_feed_under_a_damaged_tag_name_is_reported_not_lost() -> None:
    # "<outlin\r text=..." is well-formed XML: an element named outlin with the feed's URL.
    data = bytearray(FIVE)
    data[85:86] = b"\r"
    found = read_opml(bytes(data))
    assert [s.name for s in found.sources] == ["Two", "Three", "Four", "Five"]
    assert found.skipped == [
        "One (line 3): a <outlin> element outside the outline tree; not imported"
    ]


def test_an_outline_that_lost_its_angle_bracket_is_reported_not_lost() -> None:
    # '<outline text="Four" …/>' without its "<" is text inside <body>: well-formed XML,
    # and no element to import; the user is told which feed that was.
    data = bytearray(FIVE)
    data[247:248] = b" "
    found = read_opml(bytes(data))
    assert [s.name for s in found.sources] == ["One", "Two", "Three", "Five"]
    assert found.skipped == ["Four (near line 6): an outline's text without its tag; not imported"]


def test_an_outline_commented_out_stays_out_without_a_word() -> None:
    data = FIVE.replace(b'<outline text="Two"', b'<!-- <outline text="Two"').replace(
        b'two.example/rss"/>', b'two.example/rss"/> -->'
    )
    found = read_opml(data)
    assert [s.name for s in found.sources] == ["One", "Three", "Four", "Five"]
    assert found.skipped == []
