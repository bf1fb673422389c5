"""The words the extractor recognises, in one place: labels, phrases and class/id names.

Every rule of :mod:`suxun_tui.pages` that depends on what a page *says* (rather than on
its shape) takes its words from here, so that a new site's furniture, a new label or a new
class name is one edit in one file. Sections follow the pipeline: tree cleanup, class and
id names, the body's furniture lines, the body's edges, credit lines, listings and
pagination. Chinese patterns cover both scripts (``[权權]``); English ones are
case-insensitive. Functions that *use* the words live with their step; this module only
holds data.
"""

from __future__ import annotations

import re


def _led_by(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters a match of it can start with.

    Python's regex engine tries each alternative of a long alternation at every position
    of the text; the look-ahead passes a position where none can start in one test, which
    makes a search through a paragraph about ten times faster. ``first`` is a character
    class body; tests/unit/test_pages_vocabulary_first.py proves it holds every character
    a match can start with, so the pattern matches exactly what it would without it.
    """
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


# --- Tree cleanup (dom.clean_tree) -------------------------------------------------------

# Elements that never hold article text.
JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "template",
    "input",
    "select",
    "option",
    "textarea",
    "button",
    "rt",
    "rp",
    "map",
    "audio",
    "video",
    "link",
    "meta",
    "base",
)
# Marks documentation tools put after headings as permalinks (<a href="#x">¶</a>).
PERMALINK_MARKS = frozenset(("¶", "§", "#", "🔗", "⚓"))
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Cookie-consent banners and their settings dialogs, by the class and id names the consent
# plugins give them (CookieLawInfo's "cli-modal", "cookie-law-info-bar", OneTrust, Cookiebot,
# Complianz, CookieYes): a page's privacy notice, never its text. A lone "cookie" is not
# enough (a recipe's "cookie-card"): the name must pair it with what a banner is.
CONSENT_NAMES = re.compile(
    r"(?:cookie|consent|gdpr)[-_]?(?:law|consent|notice|banner|bar|policy|popup|pop-up|modal|"
    r"settings|preferences|prefs|dialog|overlay|message|alert|info)|cookieconsent|cookiebot|"
    r"onetrust|cmplz-|cky-consent|(?:^|\s)cli-(?:modal|bar|settings|privacy)|gdpr-"
)
# Substrings one of which every CONSENT_NAMES match holds: tested first, in C, so the
# pattern runs on the few class strings that may match (a test checks the list).
CONSENT_HINTS = ("ookie", "onsent", "gdpr", "cli-", "onetrust", "cmplz")

# --- Class and id names (scoring, furniture, listing) --------------------------------------

# Containers named so are furniture around the text (a lower score).
NEGATIVE_NAMES = re.compile(
    r"footer|foot|copyright|sidebar|side|aside|nav|menu|related|recommend|hot|rank|"
    r"share|ad[-_]|banner|breadcrumb|crumb|login|tool",
    re.I,
)
# Comment threads are prose too, often more of it than the article; they must not pull the
# choice up to a container holding both.
DISCUSSION_NAMES = re.compile(
    r"comment|reply|respond|discuss|feedback|pinglun|liuyan|guestbook", re.I
)
# ... unless the same names also say "this is the article".
ARTICLE_NAMES = re.compile(r"article|entry|post-?body|content", re.I)
# Whole words of a class or id naming the article's lead set apart from its text (163's
# "ep-summary", a standfirst, a dek): the element just before the text, named so, is part
# of the article.
LEAD_WORDS = frozenset(
    ("summary", "standfirst", "dek", "deck", "lede", "lead", "abstract", "excerpt", "zhaiyao")
)
POSITIVE_NAMES = re.compile(r"article|content|post|entry|text|main|body|detail|news|story", re.I)

# Furniture inside the article container: whole words of a class or id ("share-bar",
# "entry_meta", "ad slot") ...
FURNITURE_WORDS = frozenset(
    ("ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored")
    + ("promo", "byline", "bylines", "meta", "postmeta", "dateline", "footer", "headerlink")
    + ("tags", "tag", "taglist", "cat", "catlinks", "likes", "restack")
    + ("newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent")
    + ("gdpr", "social", "sharing", "sharebar", "sharedaddy", "addthis")
    + ("breadcrumb", "breadcrumbs")
)
# ... beginnings of words ("sharebuttons", "relatedposts", "commentlist") ...
FURNITURE_PREFIXES = ("share", "related", "recommend", "comment", "newsletter", "subscri", "advert")
# ... and two-word names: an author's bio box, not the author's name in an info line.
FURNITURE_PAIRS = re.compile(
    r"author[-_ ]?(?:box|bio|card|profile)|about[-_ ]?(?:the[-_ ]?)?author|\bbio\b"
)

# Lists named so on a column page are navigation, not the column's headlines.
LISTING_AVOID_NAMES = re.compile(
    r"nav|menu|foot|copyright|hot|rank|top10|side|aside|recommend|tuijian|ad[-_s]|banner|"
    r"friend|link|breadcrumb|crumb|tag|share|header|login|paihang|remen|redian",
    re.I,
)
LISTING_AVOID_TAGS = frozenset(("nav", "footer", "aside", "header"))

# Images that are decoration, not content (matched inside the address).
DECORATION_IMAGES = (
    "spacer",
    "blank.gif",
    "pixel",
    "1x1",
    "loading",
    "icon",
    "logo",
    "qrcode",
    "erweima",
)

# --- Furniture lines in the body (boilerplate, body_filter) ------------------------------

DISCLAIMER = _led_by(
    r"版免凡不转轉未如联聯备備举舉严嚴侵许許新违違正感本禁仅僅声聲©(ACI",
    # 版权所有者/人/方 is the owner of a copyright, a phrase of news about copyright.
    r"版[权權]所有(?![者人方])|版[权權]及?免[责責]|免[责責][声聲]明|版[权權][声聲]明|凡本[网網站]|"
    r"不代表本[网網站]|[转轉][载載]目的|[转轉][载載][请請]?注明|未[经經](?:本[网網站])?(?:书面)?"
    r"(?:[许許]可|授[权權])|如有侵[权權]|[联聯][系繫][删刪]除|[联聯][系繫]我[们們][删刪]除|"
    r"ICP[备備证證]|[备備]案[号號]|[举舉][报報][电電][话話]|不良信息[举舉][报報]|"
    # Copyright as a notice (a mark or year after it, or the word alone), not the noun in a
    # sentence ("the copyright ran out").
    r"Copyright(?:\s*(?:[©:]|\(c\)|\d{4})|\W*$)|All\s+Rights\s+Reserved|©|\(c\)\s*\d{4}|"
    r"[转轉][载載]自其它|本[网網站][转轉][载載]|"
    r"[转轉][载載]申[请請]|禁止.{0,6}[转轉][载載]|[严嚴]禁.{0,6}[转轉][载載]|侵[权權]行[为為]|"
    r"[许許]可[证證][编編]?[号號]|新[闻聞][信]息服[务務][许許]可|[违違]法和不良信息|"
    r"不构成.{0,6}投[资資]建[议議]|^[声聲]明[:：]|正文已[结結]束|感[谢謝]您的反[馈饋]|"
    r"未[经經](?:作者|本人|本[网網站])?(?:允[许許]|同意).{0,6}不得[转轉][载載]|如需[转轉][载載]|"
    r"^本文[为為系].{0,16}原[创創](?:文章|稿件|作品)|本文.{0,40}仅代表|本文.{0,40}僅代表|"
    r"[仅僅]代表(?:作者|[该該]机构|[该該]機構)(?:本人)?的?(?:观点|觀點|立场|立場)",
    re.I,
)
# Buttons and widgets that leave their labels in the text: 收藏, 举报, 评论(0), 已输入0字 ...
UI_LABEL = re.compile(
    r"^[【\[]?(?:收藏|已收藏!?|举报|舉報|关注|關注|分享|点赞|點贊|赞|讚|评论|評論|跟帖|我要跟帖|打印|关闭|"
    r"打印关闭|调整字体|字体|字號|字号|[大中小]|返回|顶部|回到顶部|返回顶部|知道了|图集|圖集|Qzone|\+1|"
    r"已输入\d+字|[评評][论論]\s*[（(]\d+[)）]|新[闻聞][评評][论論]|相[关關]新[闻聞][:：]?|登[录錄]|注册|註冊|"
    r"展开全文|展開全文|[阅閱][读讀]全文|查看更多|更多|我要吐槽|其他问题，我要吐槽|\*?请填写原因|"
    r"责任编辑|責任編輯|一[键鍵][转轉][发發]|一[键鍵]分享)[】\]]?$",
    re.I,
)
APP_PROMO = _led_by(
    r"下安客A",
    r"(?:下[载載]|安[装裝]).{0,12}(?:客[户戶]端|APP|App)|(?:客[户戶]端|APP|App).{0,12}下[载載]",
)
TAIL_MARKER = re.compile(
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
# A heading that counts the comments below it (《标题》已有1件评论, 共12条评论): whatever
# follows is the readers', wherever in the region it stands. English counts ("3 Comments")
# are left to the tail markers: cutting at them lost article text on unseen pages.
COMMENT_COUNT = re.compile(r"^.{0,40}?(?:已有|共)\s*\d+\s*[条條件篇个個]?[评評][论論]$")
CONTACT_LABEL = _led_by(
    r"客热熱电電传傳微邮郵投联聯地QE",
    r"客服|[热熱][线線]|[电電][话話]|[传傳]真|QQ|微信[号號]?|[邮郵]箱|[邮郵]件|E-?mail|投稿|[联聯][系繫]方式|地址",
    re.I,
)
CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\d{3,4}[-—‐ ]?\d{7,8}|1[3-9]\d{9}|\d{5,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
NAV_START = re.compile(
    r"^\s*[【\[]?\s*(?:上一篇|下一篇|上一[页頁]|下一[页頁]|上[页頁]|下[页頁]|前一篇|后一篇|後一篇|"
    r"返回[顶頂]部|返回首[页頁]|返回列表|返回[目]?[录錄]|打印本[页頁]|打印本文|[【\[]打印[】\]]|[关關][闭閉]窗口|[关關][闭閉]本[页頁]|"
    r"分享到|分享至|[转轉][发發]到|[扫掃]一[扫掃]|[扫掃][码碼]|[长長]按|[识識][别別]二[维維][码碼]|"
    r"[点點][击擊][进進]入|[点點][击擊][查查]看|[查]看原文|[阅閱][读讀]原文|[发發][表]?[评評][论論]|"
    r"我要[评評][论論]|[网網]友[评評][论論]|收藏本文|[推][荐薦]到|[【\[]?字[号號][:：]?|字[体體][:：]?\s*[大中小])"
)
QR_PROMPT = _led_by(
    r"二扫掃长長关關",
    r"二[维維][码碼]|[扫掃][码碼]|[扫掃]一[扫掃]|[长長]按[识識][别別]|"
    r"[关關]注.{0,12}(?:公[众眾][号號]|微信|微博)",
)
# WeChat account furniture: 回复【社保】查看…, 点击菜单栏…, 点【在看】; and reader tips.
WECHAT_PROMPT = _led_by(
    r"\d回点點查“\"",
    r"^(?:\d{1,2}\s*[、.．]\s*)?回[复復]\s*[【\[「“\"]|^[点點][击擊]\s*(?:底部)?菜[单單]|"
    r"[点點]\s*[【\[「“\"]?在看|[“\"]我的收藏[”\"]|查看所有收藏",
)
SHARE_BAR = re.compile(
    r"^(?:分享|微信|微博|QQ空[间間]|QQ好友|朋友圈|[复複]制[链鏈]接|Facebook|Twitter|[\s|｜、,，:：])+$",
    re.I,
)
SECTION_LABEL = re.compile(
    r"^(?:[图圖]片|[热熱][点點]|[热熱][门門]|相[关關]|推[荐薦]|最新|精彩|猜你喜[欢歡]|延伸|更多|往期|今日|"
    r"[编編][辑輯]推[荐薦]|[专專]题|[排][行]|[点點][击擊]排行)"
    r"\S{0,6}$|^\S{0,6}(?:新[闻聞]|[资資][讯訊]|聚焦|推[荐薦]|[阅閱][读讀]|排行|排行榜|[专專]题|[图圖]片|[热熱][点點]|[文]章)$"
)
_PAGER_FIRST = r"\s\d上下首尾末前后後第共全阅閱显顯np«»‹›<>\["
PAGER_TEXT = _led_by(
    _PAGER_FIRST,
    r"^\s*(?:[上下]一?[页頁]|首[页頁]|尾[页頁]|末[页頁]|[前后後]一?[页頁]|next|prev(?:ious)?|»|«|›|‹|>|<|>>|<<|"
    r"\d{1,3}|\[\d{1,3}\]|第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁].*|全文|[阅閱][读讀]全文|[显顯]示全文)\s*$",
    re.I,
)
# The characters a pager's text can start with: PAGER_TEXT's look-ahead, on its own.
PAGER_START = re.compile(f"[{_PAGER_FIRST}]", re.I)


# 上一篇/下一篇: the article is over, what follows is the site's.
ARTICLE_NAV = re.compile(r"^\s*[【\[]?\s*(?:上一篇|下一篇|前一篇|后一篇|後一篇)")

# --- The body's edges (edges) ------------------------------------------------------------

FOLLOW_PROMPT = re.compile(
    r"^(?:[关關]注|[订訂][阅閱])\s*(?:我[们們]|本[网網站号號]|[^\s，。,]{1,10}?"
    r"(?:[网網]|[报報]|[号號]|微信|微博|公[众眾][号號]|客[户戶]端|APP|App|app))\s*[!！。]?$"
)
# 原创 / 转载 before a byline of names.
BYLINE_ORIGINAL = re.compile(r"^(?:原[创創]|[转轉][载載])\s*[:：]?\s*")
# A byline name that is a role, not part of the name (张三编译).
BYLINE_ROLE_SUFFIX = re.compile(r"(?:编译|編譯|整理|编辑|編輯)$")
# A name that is a site or a paper: the origin, not the author.
SITE_LIKE = re.compile(
    r"[网網][站]?$|[报報]$|新[闻聞]|日[报報]|晚[报報]|[电電]视|[电電]台|\.com|\.cn", re.I
)
# 经过文刃重新编排, 经张三整理: the person who put the text together.
REEDITED = re.compile(
    r"^[经經]过?\s*([\u4e00-\u9fff·]{2,6}?)\s*(?:重新)?(?:编排|編排|整理|编辑|編輯)$"
)
BACK_HOME = re.compile(r"\s*返回\S{1,10}首[页頁]\s*(?:>>|»|＞＞|>)?\s*$")

# --- Credit lines and info bars (credits) ------------------------------------------------

# Label words -> the field they fill (None: a credit with no field, such as 摄影 or 校对).
CREDIT_LABELS: tuple[tuple[str, str | None], ...] = (
    ("作者 记者 記者 采写 採寫 撰文 撰稿 文字 通讯员 通訊員", "author"),
    ("编辑 編輯 小编 小編", "editor"),
    ("责编 責編 责任编辑 責任編輯", "responsible_editor"),
    (
        "来源 來源 稿源 信息来源 資訊來源 文章来源 文章來源 来源于 來源於 "
        "信息来源于 文章来源于 信息來源於 文章來源於",
        "origin",
    ),
    (
        "图片来源 圖片來源 图片来源于 圖片來源於 摄影 攝影 摄像 攝像 图片 圖片 "
        "校对 校對 审核 審核 审校 審校 美编 美編 制图 製圖",
        None,
    ),
    ("设计 設計 策划 策劃 统筹 統籌 监制 監製 主编 主編 视频 視頻 排版 终审 終審 出品", None),
)
# One-character labels need an explicit separator (文/张三, 图｜李四).
SHORT_CREDIT_LABELS: dict[str, str | None] = {"文": "author", "图": None, "圖": None}
# Labels the info-bar parser does not know: a line with one of them is a credit line.
CREDIT_ONLY = re.compile(
    r"摄影|攝影|摄像|攝像|校对|校對|审核|審核|审校|審校|美编|美編|制图|製圖|统筹|統籌|监制|監製|"
    r"供稿|供图|供圖|采写|採寫|来源于|來源於|[编編][辑輯]\s*[/／|｜]"
)
CREDIT_GIVER = re.compile(r"^[^\s，。！？:：]{2,30}(?:供稿|供图|供圖)$")
REPORTER_PREFIX = re.compile(r"^\S*?(?:见习|見習|实习|實習)?(?:记者|記者)\s*")
CREDIT_ROLE_SUFFIX = re.compile(r"(?:编译|編譯|整理|综合|綜合)$")
# A newspaper's byline on a line of its own: 本报记者 张三 李四, 本报实习生 刘国栋 周炜,
# 本报记者罗科苏盈发自北京, 本报记者 张三 北京报道. The paper's 本报/本刊 is required, so
# "记者招待会" is no byline; names run together only before 发自 or 报道.
_REPORTER = r"(?:特约|特約|首席)?(?:见习|見習|实习|實習)?(?:记者|記者|实习生|實習生|通讯员|通訊員)"
REPORTER_BYLINE = re.compile(
    rf"^[（(]?(?:本[报報刊台网網]){_REPORTER}\s*(?:"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,5})"
    r"(?:\s+[\u4e00-\u9fff]{2,3}(?:报道|報道))?"
    r"|(?P<run>[\u4e00-\u9fff·]{2,12}?)\s*(?:(?:发自|發自)[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{2,3}(?:报道|報道))"
    r")[）)]?$"
)
VIEWS_ITEM = re.compile(r"^(\d[\d,]*)\s*次?\s*(?:阅读|閱讀|浏览|瀏覽|点击|點擊|查看)$")
COMMENTS_ITEM = re.compile(r"^\d[\d,]*\s*[条條]?\s*(?:评论|評論|回复|回復|留言)$")

# Between a page title's parts: the headline, the column, the site (标题_网易财经, 标题 - 论坛,
# 多维博客 » 标题).
TITLE_SPLIT = re.compile(r"\s*(?:[_|｜–—»]|--|\s-\s)\s*")
# Words too common in titles to show that a heading and the page's title are about the same
# thing (title.find_title): "How to …" and "… for your home" share nothing by these alone.
TITLE_FILLER_WORDS = frozenset(
    ("the", "and", "for", "with", "your", "you", "our", "are", "how", "what", "why", "who")
    + ("this", "that", "from", "more", "all", "its")
)
# A weekday beside a date in a dateline (Saturday, 星期六, 周日, Tue.).
WEEKDAY = re.compile(
    r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
    r"|(?:星期|周|週|礼拜|禮拜)[一二三四五六日天])$",
    re.I,
)

# --- Listings and pagination (listing, pagination) ---------------------------------------

NOT_ARTICLE_PATH = re.compile(
    r"^/?$|/(?:index|default|list|about|contact|login|register|search|tags?)(?:[._-]\w*)?(?:\.\w+)?$",
    re.I,
)
ARTICLE_PATH_HINT = re.compile(
    r"\d{3,}|/\d{4}[-/]?\d{2}|\.s?html?$|\.php|\.aspx?|\.jsp|[?&](?:id|aid|p)=", re.I
)
PAGE_QUERY_KEYS = ("page", "p", "pg", "pn", "pageno", "pageindex", "paged", "currentpage")
NEXT_PAGE_TEXT = re.compile(
    r"^\s*(?:下一?[页頁]|后[页頁]|後[页頁]|next(?:\s*page)?|›|»|>|>>)\s*$", re.I
)

# --- Field labels (fields, metadata, meta) -----------------------------------------------
# Labels for title, date and author extraction are added below this line.

# <meta> names (lower case) that carry the publish time, most trusted first; then those
# that carry the last change, which a page without a publish time may show instead.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "og:release_date",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "publishtime",
    "publish_time",
    "article.published",
    "dc.date",
    "dcterms.date",
    "date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
)
# Other names a site gives its publish time (w-published-date, cludo:date, bt:pubdate).
PUBLISHED_META_LIKE = re.compile(r"publish|pubdate|posted|release|^[\w-]+:date$", re.I)
# Other names a site gives its last change (modified-date, date-updated).
MODIFIED_META_LIKE = re.compile(r"modifi|update", re.I)  # dateUpdate, last-update
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "dc.creator",
    "dcterms.creator",
    "byl",
)
SITE_META = ("og:site_name", "source", "mediaid", "application-name")
# schema.org types of one editorial text (and Open Graph's "article"): on a page that says
# it is one, a comment thread is not part of the text.
_EDITORIAL = (
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
)
EDITORIAL_TYPES = frozenset(("article", *_EDITORIAL))
# schema.org types whose datePublished and author are the page's own: the editorial ones,
# and posts, questions and pages of one author.
ARTICLE_TYPES = frozenset(
    (
        *_EDITORIAL,
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "QAPage",
        "Question",
        "Review",
        "HowTo",
        "Recipe",
        "MedicalWebPage",
        "Posting",
    )
)
# Publish times in a script's own JSON (Next.js, Nuxt and app states): "postedAt":"2025-…".
SCRIPT_DATE = re.compile(
    r"""(?:datePublished|publishedDate|publishDate|published_at|publishedAt|postedAt|"""
    r"""datePosted|publish_date|pubDate|firstPublishedAt|first_published_at|dateCreated)"""
    r"""["']?\s*[:=]\s*\\?["'](\d{4}-\d\d-\d\d[^"'\\]{0,25})"""
)
# Words before a date that make it the last change, not the publish time.
UPDATED_LABEL = re.compile(
    r"(?:updated|modified|edited|revised|reviewed|refreshed|更新|修改|修订|修訂)\W{0,3}"
    r"(?:on|at|:)?\s*$"
    # A note in a sentence: "We updated this guide on …", "… was last reviewed on …".
    r"|\b(?:updated|revised|reviewed|edited)(?:\s+[\w'’]+){1,4}?\s+on\s*$",
    re.I,
)
# Words before a date that name it the first publication of a page revised since.
ORIGINAL_LABEL = re.compile(
    r"(?:originally|first)\s+(?:published|posted|appeared)\W{0,3}(?:on|in|:)?\s*$", re.I
)
# Class and id names of the elements that show an article's date or author on the page:
# the words a class must hold for its element to be looked at, then the patterns that decide.
SHOWN_NAME_WORDS = ("date", "time", "publish", "byline", "author", "Author", "Date")
DATE_NAMES = re.compile(
    r"date|time(?!line)|publish|posted|byline|entry-meta|post-meta|article-meta|"
    r"article-info|post-info|meta-info|dateline",
    re.I,
)
AUTHOR_NAMES = re.compile(r"author|byline|writer|contributor|posted-?by", re.I)
# Containers whose dates and names are other articles' or readers'.
NOT_ARTICLE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:comment|related|recommend|sidebar|widget|footer|popular|trending|repl(?:y|ies)|"
    r"newsletter|promo|teaser|card|archive|carousel|more-(?:stories|articles|posts)|read-?next)",
    re.I,
)
# English bylines: "By Jane Doe", "Posted by Jane Doe on …", "Written by Jane Doe".
BYLINE_EN = re.compile(
    r"^\s*(?:(?:posted|written|published|reviewed|words|story|article|text|reporting)\s+"
    # An author link's text: "View all posts by Jane Doe", "More articles by Jane Doe".
    r"|(?:view\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories)\s+)?"
    r"by[:\s]\s*(?P<name>.+)$",
    re.I,
)
# A byline's label on a line of its own, the names on the next ("Written by:" / "Jane Doe").
BYLINE_LABEL = re.compile(
    r"^\s*(?:(?:posted|written|published|words|story|article|text)\s+)?by\s*:?\s*$|"
    r"^\s*(?:author|written by)s?\s*:\s*$",
    re.I,
)
# What follows the names in a byline: a date, a role, a separator.
BYLINE_END = re.compile(
    r"\s*(?:[|•·⋅∙●»—–]|\s-\s|\bon\s+\w+|\bupdated\b|\bpublished\b|\bposted\b|\bin\s+[A-Z]|"
    r"\d{1,2}\s*(?:min|minute)s?\s+read|(?:19|20)\d\d\b|\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.I,
)
NOT_AUTHOR = re.compile(
    r"^(?:admin|administrator|staff|editor|editors|guest|anonymous|unknown|team|user|by|"
    r"written|posted|author|authors|about|share|follow|contact|sign\s+in|log\s*in|menu|"
    r"privacy\s+policy|home|search|subscribe|more|fact[\s-]?checked|reviewed|verified|"
    # A log-in form's labels, which sit in elements named "author" beside the comment box.
    r"user\s*name|password|e-?mail|nickname|账号|帳號|账户|帳戶|密码|密碼|用户名|用戶名|昵称|暱稱|"
    r"登录|登錄|登陆|注册|註冊|验证码|驗證碼)$|https?:|www\.|@|\.com\b|未知|佚名|匿名|本站|admin",
    re.I,
)
# A labelled author that names nobody (作者：未知, 作者：网络整理): the page credits no
# writer, and its editor is the one to name.
NO_WRITER = re.compile(
    r"^\W*(?:未知|不详|不詳|佚名|匿名|网络|網絡|网络整理|網絡整理|网友|網友|综合|綜合|整理|转载|轉載|"
    r"本站|本网|本網|原创|原創|admin|administrator|unknown|anonymous)\W*$",
    re.I,
)
# A link to a writer's page (/author/jane-doe/, /authors/jane-doe, ?author=102): its
# text is a byline, as rel="author" says outright. The index (/authors/) is not one.
AUTHOR_HREF = re.compile(
    r"/(?:author|authors|writers?|contributors?|columnists?|journalists?)/[^/?#]+/?(?:$|[?#])"
    r"|[?&]author=[\w-]",
    re.I,
)
