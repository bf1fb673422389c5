"""Recognise the lines of a Chinese news page that are not article text.

Generic extractors keep what sits inside the article container, and Chinese CMSs put a lot
there: the site's slogan and contact line, 客服 numbers, 版权/免责声明 paragraphs, 上一篇/下一篇,
分享到 bars, 扫码关注 prompts and the headings of 图片新闻/热点资讯 link blocks. The rules are
written for both scripts (character classes like ``[权權]``) and only fire on lines that are
short or that consist of such phrases, so a news paragraph that mentions a hotline stays.
"""

from __future__ import annotations

import re

__all__ = ["is_boilerplate", "is_section_label", "is_pager_text", "is_tail_marker"]

_DISCLAIMER = re.compile(
    r"版[权權]所有|版[权權]及?免[责責]|免[责責][声聲]明|版[权權][声聲]明|凡本[网網站]|"
    r"不代表本[网網站]|[转轉][载載]目的|[转轉][载載][请請]?注明|未[经經](?:本[网網站])?(?:书面)?"
    r"(?:[许許]可|授[权權])|如有侵[权權]|[联聯][系繫][删刪]除|[联聯][系繫]我[们們][删刪]除|"
    r"ICP[备備证證]|[备備]案[号號]|[举舉][报報][电電][话話]|不良信息[举舉][报報]|"
    r"Copyright|All\s+Rights\s+Reserved|©|\(c\)\s*\d{4}|[转轉][载載]自其它|本[网網站][转轉][载載]|"
    r"[转轉][载載]申[请請]|禁止.{0,6}[转轉][载載]|[严嚴]禁.{0,6}[转轉][载載]|侵[权權]行[为為]|"
    r"[许許]可[证證][编編]?[号號]|新[闻聞][信]息服[务務][许許]可|[违違]法和不良信息|"
    r"不构成.{0,6}投[资資]建[议議]|^[声聲]明[:：]|正文已[结結]束|感[谢謝]您的反[馈饋]|"
    r"未[经經](?:作者|本人|本[网網站])?(?:允[许許]|同意).{0,6}不得[转轉][载載]|如需[转轉][载載]|"
    r"^本文[为為系].{0,16}原[创創](?:文章|稿件|作品)|本文.{0,40}仅代表|本文.{0,40}僅代表|"
    r"[仅僅]代表(?:作者|[该該]机构|[该該]機構)(?:本人)?的?(?:观点|觀點|立场|立場)",
    re.I,
)
# Buttons and widgets that leave their labels in the text: 收藏, 举报, 评论(0), 已输入0字 ...
_UI = re.compile(
    r"^[【\[]?(?:收藏|已收藏!?|举报|舉報|关注|關注|分享|点赞|點贊|赞|讚|评论|評論|跟帖|我要跟帖|打印|关闭|"
    r"打印关闭|调整字体|字体|字號|字号|[大中小]|返回|顶部|回到顶部|返回顶部|知道了|图集|圖集|Qzone|\+1|"
    r"已输入\d+字|[评評][论論]\s*[（(]\d+[)）]|新[闻聞][评評][论論]|相[关關]新[闻聞][:：]?|登[录錄]|注册|註冊|"
    r"展开全文|展開全文|[阅閱][读讀]全文|查看更多|更多|我要吐槽|其他问题，我要吐槽|\*?请填写原因|"
    r"责任编辑|責任編輯|一[键鍵][转轉][发發]|一[键鍵]分享)[】\]]?$",
    re.I,
)
_APP_PROMO = re.compile(
    r"(?:下[载載]|安[装裝]).{0,12}(?:客[户戶]端|APP|App)|(?:客[户戶]端|APP|App).{0,12}下[载載]"
)
_TAIL_MARKER = re.compile(
    r"^[【\[]?\s*(?:相[关關](?:文章|新[闻聞]|[阅閱][读讀]|[链鏈]接|[报報]道|推[荐薦])|推[荐薦][阅閱][读讀]|"
    r"延伸[阅閱][读讀]|延伸\s*·\s*推[荐薦]|猜你喜[欢歡]|[为為]你推[荐薦]|[为為]您推[荐薦]|[热熱]门推[荐薦]|"
    r"精彩推[荐薦]|更多精彩|[网網]友[评評][论論]|[发發]表[评評][论論]|我要[评評][论論]|"
    r"最新[评評][论論]|[热熱]门[评評][论論]|[评評][论論]列表|[评評][论論]区|[评評][论論][:：]?$|"
    r"(?:已有|共)\s*\d+\s*[条條件篇个個]?[评評][论論]|.{0,40}[已有共]\s*\d+\s*[条條件篇个個]?[评評][论論]$|"
    r"[版][权權][声聲]明|免[责責][声聲]明|Comments?$|Leave a (?:Reply|Comment)|Post Comment|"
    r"Related (?:posts|articles)|您?可能[感]?[兴興]趣的(?:文章|新[闻聞]|[内內]容)|"
    r"你可能[还還]?喜[欢歡]|"
    r"不感[兴興]趣$|特[别別][声聲]明$|暂无[评評][论論]|暫無[評][論]|[请請]先[说說][点點]什[么麼]|"
    r"[登][录錄]\s*[后後]\s*(?:参与|參與|[发發]表)(?:[讨討][论論]|[评評][论論]))",
    re.I,
)
_CONTACT_LABEL = re.compile(
    r"客服|[热熱][线線]|[电電][话話]|[传傳]真|QQ|微信[号號]?|[邮郵]箱|[邮郵]件|E-?mail|投稿|[联聯][系繫]方式|地址",
    re.I,
)
_CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\d{3,4}[-—‐ ]?\d{7,8}|1[3-9]\d{9}|\d{5,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_NAV_START = re.compile(
    r"^\s*[【\[]?\s*(?:上一篇|下一篇|上一[页頁]|下一[页頁]|上[页頁]|下[页頁]|前一篇|后一篇|後一篇|"
    r"返回[顶頂]部|返回首[页頁]|返回列表|返回[目]?[录錄]|打印本[页頁]|打印本文|[【\[]打印[】\]]|[关關][闭閉]窗口|[关關][闭閉]本[页頁]|"
    r"分享到|分享至|[转轉][发發]到|[扫掃]一[扫掃]|[扫掃][码碼]|[长長]按|[识識][别別]二[维維][码碼]|"
    r"[点點][击擊][进進]入|[点點][击擊][查查]看|[查]看原文|[阅閱][读讀]原文|[发發][表]?[评評][论論]|"
    r"我要[评評][论論]|[网網]友[评評][论論]|收藏本文|[推][荐薦]到|[【\[]?字[号號][:：]?|字[体體][:：]?\s*[大中小])"
)
_QR = re.compile(
    r"二[维維][码碼]|[扫掃][码碼]|[扫掃]一[扫掃]|[长長]按[识識][别別]|"
    r"[关關]注.{0,12}(?:公[众眾][号號]|微信|微博)"
)
# WeChat account furniture: 回复【社保】查看…, 点击菜单栏…, 点【在看】; and reader tips.
_PROMPT = re.compile(
    r"^(?:\d{1,2}\s*[、.．]\s*)?回[复復]\s*[【\[「“\"]|^[点點][击擊]\s*(?:底部)?菜[单單]|"
    r"[点點]\s*[【\[「“\"]?在看|[“\"]我的收藏[”\"]|查看所有收藏"
)
_SHARE = re.compile(
    r"^(?:分享|微信|微博|QQ空[间間]|QQ好友|朋友圈|[复複]制[链鏈]接|Facebook|Twitter|[\s|｜、,，:：])+$",
    re.I,
)
_SECTION = re.compile(
    r"^(?:[图圖]片|[热熱][点點]|[热熱][门門]|相[关關]|推[荐薦]|最新|精彩|猜你喜[欢歡]|延伸|更多|往期|今日|"
    r"[编編][辑輯]推[荐薦]|[专專]题|[排][行]|[点點][击擊]排行)"
    r"\S{0,6}$|^\S{0,6}(?:新[闻聞]|[资資][讯訊]|聚焦|推[荐薦]|[阅閱][读讀]|排行|排行榜|[专專]题|[图圖]片|[热熱][点點]|[文]章)$"
)
_PAGER = re.compile(
    r"^\s*(?:[上下]一?[页頁]|首[页頁]|尾[页頁]|末[页頁]|[前后後]一?[页頁]|next|prev(?:ious)?|»|«|›|‹|>|<|>>|<<|"
    r"\d{1,3}|\[\d{1,3}\]|第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁].*|全文|[阅閱][读讀]全文|[显顯]示全文)\s*$",
    re.I,
)


def is_pager_text(text: str) -> bool:
    """Whether a link text is pagination (下一页, 2, », 尾页), not an article title."""
    return bool(_PAGER.match(text))


def is_tail_marker(text: str) -> bool:
    """A heading after which a page has only comments, related links or legal notes."""
    line = text.strip()
    return (
        len(line) <= 60
        and bool(_TAIL_MARKER.match(line))
        or (len(line) <= 400 and bool(_DISCLAIMER.search(line)))
    )


def is_section_label(text: str) -> bool:
    """A short heading such as 图片新闻, 热点资讯 or 相关阅读 that introduces a link block."""
    text = text.strip(" :：【】[]")
    return 2 <= len(text) <= 10 and bool(_SECTION.match(text))


def is_boilerplate(text: str) -> bool:
    """Whether one block of text is site furniture rather than article text."""
    line = text.strip()
    if not line:
        return True
    n = len(line)
    if n <= 400 and _DISCLAIMER.search(line):
        return True
    if n <= 30 and _UI.match(line):
        return True
    if n <= 80 and _APP_PROMO.search(line):
        return True
    if n <= 80 and _NAV_START.match(line):
        return True
    if n <= 60 and (_SHARE.match(line) or _QR.search(line)):
        return True
    if n <= 80 and _PROMPT.search(line):
        return True
    return (
        n <= 160
        and "，" not in line
        and bool(_CONTACT_LABEL.search(line))
        and bool(_EMAIL.search(line) or (n <= 100 and _CONTACT_VALUE.search(line)))
    )
