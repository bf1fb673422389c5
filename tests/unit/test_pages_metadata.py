"""The info bar and byline lines, in Simplified and Traditional characters."""

from __future__ import annotations

import pytest

from suxun_tui.pages.boilerplate import is_boilerplate, is_section_label
from suxun_tui.pages.metadata import byline_author, parse_info, parse_views


@pytest.mark.parametrize(
    "line",
    [
        "2025-12-29 12:34 来源: 供稿 编辑:玖柒六 浏览量:0",
        "2025-12-29 12:34 來源: 供稿 編輯:玖柒六 瀏覽量:0",
        "2025-12-29 12:34 來源: 供稿  編輯:玖柒六 瀏覽量:0",
    ],
)
def test_info_bar_both_scripts(line: str) -> None:
    info, whole = parse_info(line)
    assert whole
    assert info.published == "2025-12-29T12:34:00+08:00"
    assert info.origin == "供稿"
    assert info.editor == "玖柒六"
    assert info.views == 0


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("作者姓名:王帥", "author", "王帥"),
        ("作者：王帅", "author", "王帅"),
        ("【責任編輯:陸超】", "responsible_editor", "陸超"),
        ("【责任编辑：陆超】", "responsible_editor", "陆超"),
        ("(责任编辑:陈晨)", "responsible_editor", "陈晨"),
        ("记者：张三 李四", "author", "张三 李四"),
        ("文/王帅", "author", "王帅"),
        ("（编辑：孙小美）", "editor", "孙小美"),
        ("来 源：新华日报", "origin", "新华日报"),
        ("文章來源：人民網", "origin", "人民網"),
        ("阅读：1.2万", "views", 12000),
        ("点击:356次", "views", 356),
    ],
)
def test_single_fields(line: str, field: str, value: object) -> None:
    info, whole = parse_info(line)
    assert whole, line
    assert getattr(info, field) == value


def test_values_stop_at_the_next_label() -> None:
    info, whole = parse_info("时间:2024-01-15 10:08  来源:泰州日报  作者:吴敏 顾平  点击:356次")
    assert whole
    assert (info.origin, info.author, info.views) == ("泰州日报", "吴敏 顾平", 356)
    assert info.published == "2024-01-15T10:08:00+08:00"


@pytest.mark.parametrize(
    "line",
    [
        "作者认为，基层治理的关键在于群众参与，这一点在各地的实践中都得到了印证。",
        "编辑部的同事们连夜赶稿，终于在凌晨完成了这期特刊。",
        "记者来到这家医院，看到13岁的李某虚弱地躺在床上。",
    ],
)
def test_prose_is_not_an_info_line(line: str) -> None:
    assert not parse_info(line)[1]


def test_byline_inside_prose() -> None:
    assert byline_author("本报讯（记者 张三 李四）昨日，") == "张三 李四"
    assert byline_author("本報訊(記者 張三)近日") == "張三"
    assert byline_author("文/王帅 图/李四") == "王帅"
    assert byline_author("一段没有署名的文字。") is None


def test_parse_views() -> None:
    assert parse_views("1,234") == 1234
    assert parse_views("3.5万") == 35000
    assert parse_views("") is None


@pytest.mark.parametrize(
    "line",
    [
        "關注民生 服務社會 發掘真相 傳播價值 感謝您瀏覽江蘇蘇訊網。 歡迎投稿:郵箱724922822@qq.com 客服電話:025-86163400 18061633398",
        "江蘇蘇訊網客服:025-86163400",
        "江苏苏讯网客服:025-86163400",
        "江蘇蘇訊網版權及免責聲明:凡本網注明“來源:XXX(非江蘇蘇訊網)”的作品,均轉載自其它媒體,轉載目的在于傳遞更多信息,並不代表本網贊同其觀點和對其真實性負責。",
        "上一篇:没有了",
        "下一篇：南京地铁5号线南段开通",
        "分享到: 微信 微博 QQ空间",
        "扫一扫关注我们的微信公众号",
        "Copyright © 2025 江苏苏讯网 All Rights Reserved",
        "苏ICP备12034567号-1",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "市民可拨打客服电话12345咨询，工作人员将在两个工作日内答复。",
        "下一步，溱湖湿地将建立鸟类监测长效机制。",
        "提升基層治理效能,關鍵在于刀刃向內,革除形式主義、官僚主義積弊。",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_section_labels() -> None:
    for label in ("圖片新聞", "熱點資訊", "熱點聚焦", "图片新闻", "热点资讯", "相关阅读"):
        assert is_section_label(label), label
    assert not is_section_label("送餐上门覆盖独居老人")
