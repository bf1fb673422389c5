"""Pinyin repair, whitespace normalisation and script conversion."""

from __future__ import annotations

import pytest

from suxun_tui.pages.cleanup import (
    clean_block_text,
    normalize_whitespace,
    repair_pinyin,
)
from suxun_tui.text.script import convert_script


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("關(guān)注民生", "關注民生"),
        ("江蘇蘇訊網(wǎng)", "江蘇蘇訊網"),
        ("關（guān）注", "關注"),
        ("當(dāng)前我國進(jìn)入", "當前我國進入"),
        ("責(zé)任編輯", "責任編輯"),
        ("(非江蘇蘇訊網(wǎng))", "(非江蘇蘇訊網)"),
        ("綠(lǜ)色", "綠色"),
    ],
)
def test_flattened_pinyin_is_removed(raw: str, fixed: str) -> None:
    assert repair_pinyin(raw) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "(记者 张三)",
        "（记者 张三）",
        "本报讯(记者 张三)近日",
        "预计(2025)年底",
        "(非江苏苏讯网)",
        "单位(元)",
        "张三(zhang)说",  # no tone mark: not an artifact
        "App(ok)",
        "abc(guān)",  # not after an ideograph
        "變?yōu)椤氨O(jiān)督員",  # corrupted run: pinyin after ? and O stays
        "會(yì shì huì)",
    ],
)
def test_ordinary_parentheses_stay(text: str) -> None:
    assert repair_pinyin(text) == text


def test_pinyin_repair_is_idempotent_on_repeats() -> None:
    once = repair_pinyin("關(guān)(guān)注")
    assert once == "關注"
    assert repair_pinyin(once) == once


def test_gbk_runs_read_one_byte_off_are_repaired() -> None:
    text = "變“群眾跑腿”為“干部上門”?;鶎邮亲晕腋锩\ue3c0摹扒把仃嚨亍??;鶎又泵嫒罕?,直接"
    assert (
        clean_block_text(text)
        == "變“群眾跑腿”為“干部上門”。基層是自我革命的“前沿陣地”。基層直面群眾,直接"
    )


def test_whitespace_indents_and_wrapped_lines() -> None:
    assert normalize_whitespace("　　记者从市里\n获悉，\u00a0 今天 ") == "记者从市里获悉， 今天"
    assert (
        normalize_whitespace("以自我革命精神 提升基层治理效能") == "以自我革命精神 提升基层治理效能"
    )
    assert normalize_whitespace("a\n\n b", multiline=True) == "a\nb"
    assert clean_block_text("\x1b[31m红色\x1b[0m标题\x07") == "红色标题"


@pytest.mark.parametrize(
    ("script", "text", "expected"),
    [
        ("simplified", "關注民生 服務社會 江蘇蘇訊網", "关注民生 服务社会 江苏苏讯网"),
        ("traditional", "关注民生 服务社会", "關注民生 服務社會"),
        ("original", "關注民生 关注", "關注民生 关注"),
        ("klingon", "關注", "關注"),
    ],
)
def test_convert_script(script: str, text: str, expected: str) -> None:
    assert convert_script(text, script) == expected


def test_convert_script_names() -> None:
    assert convert_script("王帥", "simplified") == "王帅"
    assert convert_script("陸超", "simplified") == "陆超"
    assert convert_script("", "simplified") == ""
