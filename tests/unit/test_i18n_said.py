"""The core's English messages shown in the interface's language (``text.i18n_said``).

The core keeps and raises English; ``tr_said`` reads a message back against the core's
marked templates. The scan part ties the catalog to the code both ways: every template the
core marks has an entry, and every entry is still a template the core makes.
"""

from __future__ import annotations

import ast
import sqlite3
import string
from pathlib import Path

import pytest

from suxun_tui.net.local import refusal
from suxun_tui.query import QueryError, parse_query
from suxun_tui.store.connection import write_problem
from suxun_tui.store.marks import NotSaved
from suxun_tui.text.i18n import N_, set_language
from suxun_tui.text.i18n_said import template_pattern, tr_said
from suxun_tui.text.i18n_zh_core import CORE

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "suxun_tui"
CORE_PACKAGES = ("net", "feeds", "pages", "refresh", "query", "config", "store", "sync")


def core_templates() -> dict[str, str]:
    """Every literal given to ``N_`` in the core's packages → where it is."""
    found: dict[str, str] = {}
    for package in CORE_PACKAGES:
        for path in sorted((PACKAGE / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                if node.func.id != "N_" or not node.args:
                    continue
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def query_error(text: str) -> str:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    return str(raised.value)


def test_the_scan_covers_the_core() -> None:
    places = core_templates().values()
    for package in ("net/", "feeds/", "query/", "refresh/"):
        assert any(place.startswith(package) for place in places), package


def test_every_core_template_with_fields_is_in_the_core_catalog() -> None:
    """Only CORE's templates are read back; one without fields is looked up whole
    (``test_i18n_catalog`` requires an entry for it)."""
    missing = [
        f"{place}: {text!r}"
        for text, place in core_templates().items()
        if template_pattern(text) is not None and text not in CORE
    ]
    assert not missing, "not in i18n_zh_core.CORE:\n" + "\n".join(missing)


def test_every_core_entry_is_still_made_by_the_core() -> None:
    stale = sorted(set(CORE) - set(core_templates()))
    assert not stale, "no N_() in the core makes these any more:\n" + "\n".join(stale)


def test_every_template_has_words_of_its_own() -> None:
    """A template of fields alone (``{a}: {b}``) would match, and rewrite, any text."""
    for template in CORE:
        literal = "".join(text for text, *_ in string.Formatter().parse(template))
        assert sum(c.isalpha() for c in literal) >= 2, template


def test_english_is_left_as_it_is() -> None:
    message = query_error("sorce:x")
    assert message.startswith("unknown field 'sorce:' at column 1 (known: source:,")
    assert tr_said(message) == message


def test_a_query_error_in_simplified_chinese() -> None:
    message = query_error("sorce:x")
    set_language("zh-Hans")
    said = tr_said(message)
    assert said.startswith("未知的字段“sorce:”，在第 1 列（可用：source:, group:")
    assert tr_said(query_error('"open')) == "引号没有闭合，在第 1 列"


def test_messages_inside_messages_and_a_name_in_front() -> None:
    set_language("zh-Hans")
    gone = "http://h/f.xml: HTTP 404 Not Found; the address is gone — check the source's url"
    assert tr_said(gone) == "http://h/f.xml：HTTP 404 Not Found；这个地址已不存在——请检查来源的 url"
    assert tr_said(f"Blog: {refusal('file:///etc/passwd')}") == (
        "Blog: file:///etc/passwd：拒绝读取网络来源链接的本地文件"
    )


def test_formatted_fields_are_kept_as_they_were_written() -> None:
    slow = N_("{url}: could not connect within {seconds:g} s").format(url="http://h", seconds=2.5)
    set_language("zh-Hans")
    assert tr_said(slow) == "http://h：2.5 秒内无法连接"


def test_traditional_follows_the_simplified_entry() -> None:
    set_language("zh-Hant")
    assert tr_said("http://h/a: no such file") == "http://h/a：檔案不存在"


def test_text_no_template_makes_is_shown_as_it_is() -> None:
    set_language("zh-Hans")
    for text in ("", "database disk image is malformed", "Blog: [Errno 5] I/O error"):
        assert tr_said(text) == text


def test_a_template_without_fields_has_no_pattern() -> None:
    assert template_pattern("unclosed quote") is None
    pattern = template_pattern("{url}: HTTP {status}")
    assert pattern is not None and pattern.fullmatch("http://h: HTTP 500")


def test_a_locked_cache_in_the_reader_s_notice(tmp_path: Path) -> None:
    problem = write_problem(
        tmp_path / "cache.sqlite3", sqlite3.OperationalError("database is locked")
    )
    english = NotSaved(problem, 2).notice
    assert english.startswith(f"Not saved: the cache {tmp_path / 'cache.sqlite3'} is locked")
    set_language("zh-Hans")
    said = NotSaved(problem, 2).notice
    assert f"缓存 {tmp_path / 'cache.sqlite3'} 被另一个程序锁定（database is locked）" in said, said


def test_the_core_catalog_overrides_no_other_entry() -> None:
    from suxun_tui.text.i18n_zh import CLI, HELP, READER

    assert not {*READER, *CLI, *HELP} & set(CORE)
