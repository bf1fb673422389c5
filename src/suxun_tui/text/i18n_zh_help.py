"""The Simplified Chinese catalog of ``--help``: our help texts and argparse's headings.

Option names, metavars and subcommands stay as they are (scripts and muscle memory use
them); argparse's reasons for refusing an argument ("invalid choice") stay English.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "{prog}: error: {message}\n": "{prog}：错误：{message}\n",
    "not a whole number: {text!r}": "不是整数：{text!r}",
    "must be at least 1, not {value}": "至少为 1，不能是 {value}",
    "must be at most {largest}, not {value}": "至多为 {largest}，不能是 {value}",
    "config file (default: $SUXUN_TUI_CONFIG, then the XDG config dir)": (
        "配置文件（默认：$SUXUN_TUI_CONFIG，其次是 XDG 配置目录）"
    ),
    "where the cache lives (default: $SUXUN_TUI_DATA_DIR, then the XDG data dir)": (
        "缓存所在目录（默认：$SUXUN_TUI_DATA_DIR，其次是 XDG 数据目录）"
    ),
    "never touch the network; read only the cache": "完全不联网；只读缓存",
    "A terminal news reader for feeds and Chinese news pages. "
    "Without a subcommand it opens the reader.": (
        "终端里的新闻阅读器，读订阅源和中文新闻网页。不带子命令时打开阅读器。"
    ),
    "open the reader (the default)": "打开阅读器（默认）",
    "fetch sources into the cache": "把来源抓取到缓存",
    "refresh every source, not only the due ones": "刷新所有来源，而不只是到期的",
    "ignore validators and server hints; fetch everything again": (
        "不理会验证信息和服务器提示；全部重新抓取"
    ),
    "refresh this source (repeatable)": "刷新这个来源（可重复）",
    "list cached articles, newest first": "列出缓存的文章，最新的在前",
    "only unread articles": "只列未读文章",
    "only starred articles": "只列星标文章",
    "only this source": "只看这个来源",
    "at most N articles (default: all)": "最多 N 篇（默认：全部）",
    "at most N articles": "最多 N 篇",
    "print a JSON array": "输出 JSON 数组",
    "print a JSON object": "输出 JSON 对象",
    "find cached articles whose title or text has every word": "查找标题或正文包含所有词的缓存文章",
    'query language: words, "a phrase", -word, a OR b, source:NAME, group:NAME,'
    " tag:NAME, author:NAME, is:unread, is:starred, after:YYYY-MM-DD, before:YYYY-MM-DD,"
    " age:<7d; put -- before a query that starts with -": (
        '查询语言：词、"短语"、-排除词、a OR b、source:NAME、group:NAME、tag:NAME、'
        "author:NAME、is:unread、is:starred、after:YYYY-MM-DD、before:YYYY-MM-DD、"
        "age:<7d；以 - 开头的查询前面加 --"
    ),
    'words to find ("a phrase" too)': '要查找的词（也可以是"短语"）',
    "newest first (default), or by relevance (bm25, newer articles first among equals)": (
        "最新的在前（默认），或按相关度（bm25，相关度相同时较新的在前）"
    ),
    "print one cached article": "输出一篇缓存的文章",
    "the article id (see 'list')": "文章编号（见“list”）",
    "extract articles (or a column's links) from pages; prints JSON Lines": (
        "从网页中提取文章（或栏目页的链接）；输出 JSON Lines"
    ),
    "Extract the article from each page (a file or a URL) and print one JSON object per"
    " input, in order. Exit 1 if any input failed.": (
        "从每个网页（文件或网址）中提取文章，按顺序每个输入输出一个 JSON 对象。"
        "有任何输入失败时退出码为 1。"
    ),
    "convert Chinese text to simplified or traditional characters (default: original)": (
        "把中文转换为简体或繁体（默认：原文）"
    ),
    "treat the inputs as column pages: print their article links": (
        "把输入当作栏目页：输出其中的文章链接"
    ),
    "the address local files were saved from (resolves their relative links)": (
        "本地文件原来的网址（用来解析其中的相对链接）"
    ),
    "zone of times printed without one (default: Asia/Shanghai)": (
        "网页上不带时区的时间所用的时区（默认：Asia/Shanghai）"
    ),
    "with --links, follow N column pages": "与 --links 同用时，跟随 N 个栏目分页",
    "files or URLs": "文件或网址",
    "remove old articles (keep_days, max_articles; never starred ones), shrink the cache": (
        "删除旧文章（keep_days、max_articles；星标文章从不删除），并压缩缓存"
    ),
    "only say what would be removed": "只说明会删除什么",
    "do not shrink the file afterwards": "之后不压缩文件",
    "write a commented starter config (never over an existing one)": (
        "写一份带注释的初始配置（从不覆盖已有的配置）"
    ),
    "Write a commented starter config to the XDG config path (or --config FILE, or"
    " $SUXUN_TUI_CONFIG). Refuses to overwrite an existing file.": (
        "把带注释的初始配置写到 XDG 配置路径（或 --config FILE，或 $SUXUN_TUI_CONFIG）。"
        "不会覆盖已有的文件。"
    ),
    "import or export subscriptions as OPML": "以 OPML 导入或导出订阅",
    "print [[sources]] for an OPML file (or --append them to the config)": (
        "为 OPML 文件输出 [[sources]]（或用 --append 追加到配置）"
    ),
    "the OPML file (- for standard input)": "OPML 文件（- 表示标准输入）",
    "append the new sources to the config file": "把新来源追加到配置文件",
    "also import file:// entries and paths (refresh will read those local files)": (
        "也导入 file:// 条目和路径（刷新时会读取这些本地文件）"
    ),
    "print the sources as OPML": "以 OPML 输出来源",
    "write to FILE instead": "改为写入 FILE",
    "apply the [[rules]] of the config": "应用配置中的 [[rules]]",
    "apply every rule to every cached article": "对每篇缓存文章应用每条规则",
    "subscribe to a feed on a feed-server account": "在订阅服务器账户上订阅一个源",
    "the feed's address": "源的地址",
    "the account": "账户",
    "put it in this folder": "放进这个文件夹",
    "unsubscribe from a source of an account": "退订账户中的一个来源",
    "the source's name (see 'list')": "来源的名称（见“list”）",
}
