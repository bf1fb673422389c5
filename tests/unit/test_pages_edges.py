"""Credit lines, ``|`` info bars and the page's lines at the edges of a body."""

from __future__ import annotations

import pytest

from suxun_tui.pages.boilerplate import is_boilerplate, is_tail_marker
from suxun_tui.pages.credits import parse_bar, parse_credits, read_info_line
from suxun_tui.pages.edges import is_date_only, is_follow_prompt, read_dateline, trim_edges
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.html_blocks import RawBlock

TZ = "Asia/Shanghai"
PROSE = "这是一段新闻正文，内容足够长，用来充当文章的主体部分。" * 3


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳", "editor", "苏芳"),
        ("醫技藥劑黨支部、藥劑科供稿 攝影/張艷 編輯/蘇芳", "editor", "蘇芳"),
        ("编辑 刘晓阳 校对 李铭", "editor", "刘晓阳"),
        ("編輯 劉曉陽 校對 李銘", "editor", "劉曉陽"),
        ("采写：南都见习记者 林子沛", "author", "林子沛"),
        ("採寫：南都記者 余毅菁 向雪妮", "author", "余毅菁 向雪妮"),
        ("编辑|禤志杰", "editor", "禤志杰"),
        ("责编|陈梦莹", "responsible_editor", "陈梦莹"),
        ("来源|广州参考、羊城晚报", "origin", "广州参考、羊城晚报"),
        ("来源于：东区办事处", "origin", "东区办事处"),
        ("來源於：東區辦事處", "origin", "東區辦事處"),
        ("信息来源于网络", "origin", "网络"),
        ("文/张三 图/李四", "author", "张三"),
    ],
)
def test_credit_lines_become_fields(line: str, field: str, value: str) -> None:
    info, whole = read_info_line(line, TZ)
    assert whole
    assert getattr(info, field) == value


@pytest.mark.parametrize(
    "line", ["摄影：产品经理", "攝影：產品經理", "校对|黄慧敏", "图片来源于网络"]
)
def test_credit_lines_without_a_field_still_leave_the_body(line: str) -> None:
    assert read_info_line(line, TZ)[1]


@pytest.mark.parametrize(
    "line",
    [
        "编辑部的故事很好看",
        "他是一名编辑 也是记者",
        "摄影师张三说，这张照片很难拍。",
        "攝影師張三說，這張照片很難拍。",
        "据了解，这笔资金来源于社会捐赠。",
        "编辑 张三",  # one label and a space: too little to be sure
        "文 张三",
        "三名编辑/记者参加了培训，大家收获很多，也提出了建议",
    ],
)
def test_prose_is_no_credit_line(line: str) -> None:
    assert parse_credits(line) is None
    assert not read_info_line(line, TZ)[1]


def test_pipe_info_bar() -> None:
    line = "发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星"
    info = parse_bar(line, TZ)
    assert info is not None
    assert (info.published, info.views, info.origin, info.author) == (
        "2014-08-24T21:30:00+08:00",
        1164,
        "CSDN",
        "魏星",
    )
    trad = parse_bar("發表於2014-08-24 21:30｜1164次閱讀｜來源CSDN｜作者魏星", TZ)
    assert trad is not None and trad.author == "魏星" and trad.views == 1164
    assert read_info_line(line, TZ)[1]


@pytest.mark.parametrize(
    "line",
    ["苹果 | 香蕉 | 橘子", "他说 | 我们明天再谈，好吗", "2019年 | 全年营收增长，利润下滑"],
)
def test_pipes_in_text_are_no_info_bar(line: str) -> None:
    assert parse_bar(line, TZ) is None


@pytest.mark.parametrize(
    "line", ["关注新华网", "關注新華網", "关注我们", "订阅本报", "关注人民日报微博"]
)
def test_follow_prompts(line: str) -> None:
    assert is_follow_prompt(line)


@pytest.mark.parametrize(
    "line", ["关注民生", "关注新华网，了解更多新闻。", "社会各界广泛关注这一事件的进展", "关注"]
)
def test_lines_that_mention_follow_stay(line: str) -> None:
    assert not is_follow_prompt(line)


def test_date_only_lines() -> None:
    assert is_date_only("2019-09-3007:42")
    assert is_date_only("• 2019-09-30 07:42")
    assert is_date_only("2019年9月30日")
    assert not is_date_only("2019-09-30 股市收盘")
    assert not is_date_only("2019年9月30日，沪指收盘上涨。")


@pytest.mark.parametrize(
    ("line", "origin", "author"),
    [
        ("2020-06-05 20:35 叨叨姐胡一刀李小飞刀", None, "叨叨姐胡一刀李小飞刀"),
        ("原创 南方都市报 2019-09-09 16:01:46", "南方都市报", None),
        ("原創 南方都市報 2019-09-09 16:01:46", "南方都市報", None),
        ("原创： 路闻卓立编译 人民币交易与研究", "人民币交易与研究", "路闻卓立"),
    ],
)
def test_datelines(line: str, origin: str | None, author: str | None) -> None:
    info = read_dateline(line, TZ, None)
    assert info is not None
    assert (info.origin, info.author) == (origin, author)


@pytest.mark.parametrize(
    "line",
    [
        "2020-06-05 记者从市政府获悉，全市新增就业岗位一万个。",
        "2019年9月9日 星期一",  # no time of day: a date heading, not a byline
        "原创歌曲《春天》在北京首发，引发热议",
        "2020-06-05 20:35 发布会 在 北京 正式 开始",
    ],
)
def test_lines_with_a_date_that_are_no_dateline(line: str) -> None:
    assert read_dateline(line, TZ, None) is None


def _blocks(*items: tuple[str, str]) -> list[RawBlock]:
    return [RawBlock(kind, text, i, chars=len(text)) for i, (kind, text) in enumerate(items)]


def test_trim_edges_removes_prompts_bylines_and_related_lists() -> None:
    blocks = _blocks(
        ("paragraph", "关注新华网"),
        ("paragraph", "2020-06-05 20:35 叨叨姐"),
        ("paragraph", PROSE),
        ("paragraph", PROSE + "返回腾讯网首页>>"),
        ("paragraph", "为你推荐"),
        ("list_item", "金融委召开会议，部署了一系列金融领域下一步的重点工作。"),
        ("list_item", "2019-09-3007:42"),
        ("paragraph", ",南方都市报"),
    )
    out, fallback = trim_edges(blocks, TZ, None)
    assert [b.text for b in out] == [PROSE, PROSE]
    assert fallback.author == "叨叨姐"


def test_trim_edges_keeps_real_openings_and_endings() -> None:
    first = "关注民生，是政府工作的出发点。2020-06-05，市政府召开常务会议。"
    last = "记者 张三"
    blocks = _blocks(("paragraph", first), ("paragraph", PROSE), ("list_item", "第一项"))
    out, _ = trim_edges(blocks, TZ, None)
    assert [b.text for b in out] == [first, PROSE, "第一项"]
    blocks = _blocks(("paragraph", PROSE), ("paragraph", last))
    assert len(trim_edges(blocks, TZ, None)[0]) == 2


@pytest.mark.parametrize(
    "line",
    [
        "本文为CSDN原创文章，未经允许不得转载，如需转载请联系market#csdn.net(#换成@)",
        "本文為CSDN原創文章，未經允許不得轉載",
        "本文为政务等机构在澎湃新闻上传并发布，仅代表该机构观点，不代表澎湃新闻的观点或立场。",
        "6、回复【垃圾分类】查看投放指南",
        "回復【社保】查詢社保繳納記錄",
        "点击菜单栏【便民服务】解锁更多服务！",
        "看都看完了，点【在看】试试",
        "您可通过新浪首页(www.sina.com.cn)顶部 “我的收藏”， 查看所有收藏过的文章。",
        "发送邮件至zhengwu@thepaper.cn申请加入澎湃政务号或媒体团",
        "一键转发",
        "一鍵轉發",
    ],
)
def test_new_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "该男子未经允许进入校园，被保安拦下。",
        "他说，这仅代表个人看法，并不代表公司。",
        "网友纷纷回复称，这样的做法值得肯定。",
        "她在邮件中写道，会议推迟到下周。",
    ],
)
def test_prose_near_the_new_furniture_stays(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "您可能感兴趣的文章",
        "您可能感興趣的文章",
        "不感兴趣",
        "特别声明",
        "特別聲明",
        "暂无评论",
        "请先说点什么",
        "登录 后参与讨论",
        "登錄後參與討論",
    ],
)
def test_new_tail_markers(line: str) -> None:
    assert is_tail_marker(line)


PAGE = """<html><head><title>{title}_新闻网</title></head><body>
<h1>{title}</h1>
<div class="article">{body}</div>
<div class="footer">网站地图</div>
</body></html>"""


def _page(*paragraphs: str, title: str = "市里召开会议部署秋季工作") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, body=body)


def test_extract_fills_fields_from_edges() -> None:
    html = _page(
        "发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星",
        PROSE,
        PROSE.replace("新闻", "报道"),
        "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳",
    )
    a = extract_article(html, "https://example.com/a.html")
    assert (a.author, a.origin, a.editor, a.views) == ("魏星", "CSDN", "苏芳", 1164)
    assert a.body.split("\n\n") == [PROSE, PROSE.replace("新闻", "报道")]


def test_extract_closing_credit_ends_the_article() -> None:
    html = _page(
        "2020-06-05 20:35 叨叨姐胡一刀李小飞刀",
        *[PROSE] * 5,
        "编辑 刘晓阳 校对 李铭",
        "（综合整理自新华社）",
        "香港警方：示威行动未发生致命事件，谴责造谣者。",
    )
    a = extract_article(html, "https://example.com/a.html")
    assert a.editor == "刘晓阳"
    assert a.author == "叨叨姐胡一刀李小飞刀"
    assert a.body.split("\n\n")[-1] == "（综合整理自新华社）"
    assert "香港警方" not in a.body


def test_extract_article_nav_ends_the_article() -> None:
    texts = [f"第{n}段。{PROSE}" for n in range(4)]
    html = _page(*texts, "上一篇：如何选择最优方案", "请关注我们的其他报道，内容精彩。")
    a = extract_article(html, "https://example.com/a.html")
    assert a.body.split("\n\n") == texts
