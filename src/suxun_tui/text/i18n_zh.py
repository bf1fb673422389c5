"""The Simplified Chinese catalog: English source string → 简体中文, written by hand.

Keys are exactly the English passed to ``tr``/``trn``/``N_`` (fields like ``{count}``
included, which the translation must keep); Traditional Chinese is derived from these by
OpenCC (:mod:`suxun_tui.text.i18n`). ``tests/unit/test_i18n_catalog.py`` fails when a
string shown anywhere has no entry here. Footer titles are kept short: Chinese characters
take two cells, and at 80 columns the footer must still show help and quit. The CLI's
messages are in :mod:`suxun_tui.text.i18n_zh_cli`, ``--help`` in
:mod:`suxun_tui.text.i18n_zh_help`, the core's failures (read back where they are shown) in
:mod:`suxun_tui.text.i18n_zh_core`, merged below.
"""

from __future__ import annotations

from suxun_tui.text.i18n_zh_cli import CLI
from suxun_tui.text.i18n_zh_core import CORE
from suxun_tui.text.i18n_zh_help import HELP

# Textual's own palette commands, which the reader shows through tr() as well.
TEXTUAL_STRINGS: tuple[str, ...] = (
    "Theme",
    "Change the current theme",
    "Quit",
    "Quit the application as soon as possible",
    "Keys",
    "Hide the keys and widget help panel",
    "Show help for the focused widget and a summary of available keys",
    "Minimize",
    "Minimize the widget and restore to normal size",
    "Maximize",
    "Maximize the focused widget",
    "Screenshot",
    "Save an SVG 'screenshot' of the current screen",
)

READER: dict[str, str] = {
    # --- the command table: sections, footer titles, help lines -------------------------
    "Moving": "移动",
    "Reading": "阅读",
    "Sources": "来源",
    "Application": "程序",
    "Down": "下移",
    "Next item in the focused pane": "当前窗格的下一项",
    "Up": "上移",
    "Previous item in the focused pane": "当前窗格的上一项",
    "Top": "顶部",
    "First item / top of the article": "第一项 / 文章开头",
    "Bottom": "底部",
    "Last item / end of the article": "最后一项 / 文章末尾",
    "Open": "打开",
    "Open the source or article (marks it read)": "打开来源或文章（标为已读）",
    "Back": "返回",
    "Go back one pane": "回到上一个窗格",
    "Quit": "退出",
    "Back one level; quit from the sources pane": "返回上一层；在来源窗格中退出",
    "Next pane": "下一窗格",
    "Focus the next pane": "切换到下一个窗格",
    "Prev pane": "上一窗格",
    "Focus the previous pane": "切换到上一个窗格",
    "Maximize": "最大化",
    "Maximize the focused pane, or restore the panes": "最大化当前窗格，或恢复各窗格",
    "Sources pane": "来源窗格",
    "Hide or show the sources pane": "隐藏或显示来源窗格",
    "Narrower sources": "来源变窄",
    "Narrow the sources pane": "把来源窗格变窄",
    "Wider sources": "来源变宽",
    "Widen the sources pane": "把来源窗格变宽",
    "Page down": "下一页",
    "Scroll the article one page down": "文章向下翻一页",
    "Page up": "上一页",
    "Scroll the article one page up": "文章向上翻一页",
    "Next unread": "下篇未读",
    "Open the next unread article": "打开下一篇未读文章",
    "Prev unread": "上篇未读",
    "Open the previous unread article": "打开上一篇未读文章",
    "Read/unread": "已读/未读",
    "Toggle read on the selected article": "切换所选文章的已读状态",
    "Star": "星标",
    "Toggle the star on the selected article": "给所选文章加上或去掉星标",
    "Open link": "打开链接",
    "Open the article's link in the web browser": "在浏览器中打开文章链接",
    "Copy link": "复制链接",
    "Copy the article's link to the clipboard": "把文章链接复制到剪贴板",
    "Open link N": "打开第N个链接",
    "Open link N of the list under the article": "打开文章下方列表中的第 N 个链接",
    "Copy link N": "复制第N个链接",
    "Copy link number N to the clipboard": "把第 N 个链接复制到剪贴板",
    "Copy article": "复制文章",
    "Copy the article's text to the clipboard": "把文章正文复制到剪贴板",
    "Play": "播放",
    "Play the article's podcast or video (player)": "播放文章附带的播客或视频（player）",
    "Save Markdown": "存为Markdown",
    "Save the article as Markdown (save_dir)": "把文章存为 Markdown（save_dir）",
    "Save text": "存为文本",
    "Save the article as plain text (save_dir)": "把文章存为纯文本（save_dir）",
    "Pipe article": "管道输出",
    "Send the article's text to pipe_command": "把文章正文交给 pipe_command",
    "Pictures": "图片",
    "Show or hide pictures in articles": "显示或隐藏文章中的图片",
    "Script": "字形",
    "Show text as original / 简体 / 繁體": "正文显示为 原文 / 简体 / 繁體",
    "Search": "搜索",
    "Find articles whose title or text has every word": "查找标题或正文包含所有词的文章",
    "Unread only": "只看未读",
    "Show only unread articles, or all": "只显示未读文章，或显示全部",
    "All read": "全部已读",
    "Mark every article of the source read": "把此来源的所有文章标为已读",
    "Refresh": "刷新",
    "Refresh the selected source": "刷新所选来源",
    "Refresh all": "全部刷新",
    "Refresh every source": "刷新所有来源",
    "Refresh now": "立即刷新",
    "Refresh the selected source now, even when the server asked to wait": (
        "立即刷新所选来源，即使服务器要求稍后再来"
    ),
    "Subscribe": "订阅",
    "Subscribe to a feed through a feed-server account": "通过订阅服务器账户订阅一个源",
    "Unsubscribe": "退订",
    "Unsubscribe from the selected feed of a feed-server account": "退订订阅服务器账户中所选的源",
    "Help": "帮助",
    "Show the keys": "显示按键",
    "Quit now": "立即退出",
    "Quit suxun-tui at once, from any pane": "在任何窗格中立即退出 suxun-tui",
    # --- Textual's words ------------------------------------------------------------------
    "Theme": "主题",
    "Change the current theme": "更换当前主题",
    "Quit the application as soon as possible": "尽快退出程序",
    "Keys": "按键",
    "Hide the keys and widget help panel": "隐藏按键和部件帮助面板",
    "Show help for the focused widget and a summary of available keys": (
        "显示当前部件的帮助和可用按键一览"
    ),
    "Minimize": "还原",
    "Minimize the widget and restore to normal size": "把部件还原为正常大小",
    "Maximize the focused widget": "最大化当前部件",
    "Screenshot": "截图",
    "Save an SVG 'screenshot' of the current screen": "把当前屏幕存为 SVG“截图”",
    "palette": "命令",
    "Open the command palette": "打开命令面板",
    "Search for commands…": "搜索命令…",
    "Command palette: every command by name": "命令面板：按名称查找所有命令",
    # --- help, prompts, dialogs ----------------------------------------------------------
    "Press Esc, q or ? to close.": "按 Esc、q 或 ? 关闭。",
    "Close": "关闭",
    "Yes": "是",
    "No": "否",
    "Cancel": "取消",
    "y / Enter: yes    n / Esc: no": "y / Enter：是    n / Esc：否",
    'Search titles and text: every word must match; "a phrase", -word, a OR b,\n'
    "source: group: tag: author: is:unread is:starred after:2025-12-01 age:<7d": (
        '搜索标题和正文：每个词都要出现；"一个短语"、-排除词、a OR b，\n'
        "source: group: tag: author: is:unread is:starred after:2025-12-01 age:<7d"
    ),
    "Open link number (1-{last}), then Enter:": "打开第几个链接（1-{last}），输入后按 Enter：",
    "Copy link number (1-{last}), then Enter:": "复制第几个链接（1-{last}），输入后按 Enter：",
    "Play link number (1-{last}), then Enter:": "播放第几个链接（1-{last}），输入后按 Enter：",
    "Mark {unread} unread articles in {label} read? u undoes it.": (
        "把“{label}”中的 {unread} 篇未读文章标为已读？按 u 可撤销。"
    ),
    "Nothing to undo.": "没有可撤销的标记。",
    "No match of the search in this article.": "这篇文章里没有搜索的词。",
    "Next match": "下一处匹配",
    "Prev match": "上一处匹配",
    "Show the search's next match": "跳到搜索词的下一处",
    "Show the search's previous match": "跳到搜索词的上一处",
    "Undone: {count} article.": "已撤销：{count} 篇文章。",
    "Undone: {count} articles.": "已撤销：{count} 篇文章。",
    "Undo": "撤销",
    "Undo the last mark: read, star or all read": "撤销上一次标记：已读、星标或全部已读",
    "Subscribe through your feed server: the feed's address": "通过订阅服务器订阅：输入源的地址",
    "folder (optional)": "文件夹（可不填）",
    "Unsubscribe from {source!r} on the server of account '{account}'?"
    " Every device loses it; its articles leave this cache.": (
        "在账户“{account}”的服务器上退订 {source!r}？所有设备都会失去它，它的文章也会从缓存中删除。"
    ),
    "Unsubscribe (y)": "退订 (y)",
    "Keep it (n)": "保留 (n)",
    "Type the feed's address.": "请输入源的地址。",
    "A feed server fetches http:// or https:// addresses only.": (
        "订阅服务器只抓取 http:// 或 https:// 地址。"
    ),
    "An address has no spaces or control characters.": "地址中不能有空格或控制字符。",
    # --- panes, status line, article notes -----------------------------------------------
    "All": "全部",
    "Starred": "星标",
    "All unread": "全部未读",
    "Hidden": "已隐藏",
    "Search: {query}": "搜索：{query}",
    "Article": "文章",
    "{minutes} min": "{minutes} 分钟",
    "{unread} unread / {total}": "{unread} 未读 / {total}",
    "last ok {when}": "上次成功 {when}",
    "never fetched": "从未抓取",
    " (last ok {when})": "（上次成功 {when}）",
    " (never fetched)": "（从未抓取）",
    "demo · suxun-tui init writes a config": "演示 · suxun-tui init 生成配置文件",
    "offline": "离线",
    " · ✗ {count} article page not fetched (Enter retries)": (
        " · ✗ {count} 篇文章页面未能抓取（Enter 重试）"
    ),
    " · ✗ {count} article pages not fetched (Enter retries)": (
        " · ✗ {count} 篇文章页面未能抓取（Enter 重试）"
    ),
    "Links": "链接",
    "Pictures shown": "显示图片",
    "Pictures hidden": "隐藏图片",
    "needs the images extra: pip install 'suxun-tui[images]'": (
        "需要图片扩展：pip install 'suxun-tui[images]'"
    ),
    "not drawn without colours (NO_COLOR)": "无颜色时不画出（NO_COLOR）",
    "not in the cache (offline)": "缓存中没有（离线）",
    "the article is no longer in the cache": "文章已不在缓存中",
    "empty response": "响应为空",
    "not a picture": "不是图片",
    "too large to draw (a decompression bomb)": "太大，无法画出（解压炸弹）",
    "cut short": "图片不完整",
    "broken picture": "图片已损坏",
    "cannot be read": "无法读取",
    "not shown": "未显示",
    "cannot be shown: {error}": "无法显示：{error}",
    "cannot be drawn ({error})": "无法画出（{error}）",
    "(untitled)": "（无标题）",
    "(no text in the cache for this article)": "（缓存中没有这篇文章的正文）",
    "No articles here yet. Press r to refresh.": "这里还没有文章。按 r 刷新。",
    "Nothing matches {query!r}. Press / to search again, h for the sources.": (
        "没有与 {query!r} 匹配的文章。按 / 重新搜索，按 h 回到来源。"
    ),
    "No starred articles yet: s stars the selected article.": (
        "还没有星标文章：按 s 给所选文章加星标。"
    ),
    "This article is no longer in the cache.": "这篇文章已不在缓存中。",
    "Full text unavailable: {reason}": "无法获取全文：{reason}",
    "Fetching the whole article…": "正在抓取全文…",
    "Only a summary is cached (offline).": "缓存中只有摘要（离线）。",
    "A summary; Enter fetches the whole article.": "这是摘要；按 Enter 抓取全文。",
    "Enter loads the article from its page.": "按 Enter 从原网页载入文章。",
    "{url}: HTTP {status}; this article's page is gone (moved or deleted)": (
        "{url}：HTTP {status}；这篇文章的网页已不存在（已移动或删除）"
    ),
    "the page": "该网页",
    "unknown error": "未知错误",
    "Sample sources, no network. Your own: `suxun-tui init` writes a config to edit.": (
        "示例来源，不联网。要用自己的来源：运行 `suxun-tui init` 生成配置文件再编辑。"
    ),
    "Demo": "演示",
    # --- notifications -------------------------------------------------------------------
    "Unknown theme {configured!r} in the config; using {theme}. "
    "Ctrl+P, then 'theme', lists the themes.": (
        "配置中的主题 {configured!r} 不存在；改用 {theme}。按 Ctrl+P 再输入“theme”可列出所有主题。"
    ),
    "The terminal is narrow: one pane at a time already.": "终端太窄：已经是一次显示一个窗格。",
    "Showing unread only.": "只显示未读文章。",
    "Showing all articles.": "显示全部文章。",
    "Cache": "缓存",
    "✗ Full text: {reason}": "✗ 全文：{reason}",
    "Marked {count} article read in {label}.": "已把“{label}”中的 {count} 篇文章标为已读。",
    "Marked {count} articles read in {label}.": "已把“{label}”中的 {count} 篇文章标为已读。",
    "Script: {label}": "字形：{label}",
    "No more unread articles here.": "这里没有更多未读文章了。",
    "Offline (--offline): not refreshing; showing the cache.": (
        "离线（--offline）：不刷新，只显示缓存。"
    ),
    "Nothing to refresh here.": "这里没有可刷新的来源。",
    "A refresh is already running.": "已经在刷新了。",
    "Refreshing…": "正在刷新…",
    "Refreshing {done}/{total}": "正在刷新 {done}/{total}",
    " · {pulled} pulled · {pushed} pushed": " · 拉取 {pulled} · 推送 {pushed}",
    " · {pushed} pushed": " · 推送 {pushed}",
    " · {queued} queued": " · 待推送 {queued}",
    "Refreshed {count} · {new} new": "已刷新 {count} 个来源 · 新文章 {new} 篇",
    " · {failed} failed": " · 失败 {failed} 个",
    "Refresh failed": "刷新失败",
    "Refresh failed: {error}": "刷新失败：{error}",
    "Notify": "通知",
    "{count} sources failed ({names}{more}); each shows ✗ and its error in the sources pane.": (
        "{count} 个来源失败（{names}{more}）；来源窗格中各自标有 ✗ 和错误信息。"
    ),
    "✗ Refresh": "✗ 刷新",
    "Offline: skipped {count} network sources.": "离线：跳过了 {count} 个网络来源。",
    "This article has no link.": "这篇文章没有链接。",
    "Copied {url}": "已复制 {url}",
    "Browser": "浏览器",
    "No web browser found; press y to copy the link.": "找不到浏览器；按 y 复制链接。",
    "Cannot start a terminal browser here; press y to copy.": "这里无法启动终端浏览器；按 y 复制。",
    "Cannot start {program}: {error}": "无法启动 {program}：{error}",
    "Opening in {program}": "正在用 {program} 打开",
    "the browser setting {setting!r} cannot be read ({error}); check its quotes": (
        "无法解析浏览器设置 {setting!r}（{error}）；请检查引号"
    ),
    "the browser {program!r} (setting browser = {setting!r}) is not installed "
    "or not on PATH; press y to copy the link": (
        "浏览器 {program!r}（设置 browser = {setting!r}）未安装或不在 PATH 中；按 y 复制链接"
    ),
    "the browser did not start": "浏览器没有启动",
    "No article is shown.": "当前没有显示文章。",
    "This article has no links.": "这篇文章没有链接。",
    "Copied link {number}: {url}": "已复制第 {number} 个链接：{url}",
    "This article has no podcast or video.": "这篇文章没有播客或视频。",
    "Not a podcast or video: {problem}": "不是播客或视频：{problem}",
    "Copied the article ({count} characters).": "已复制文章（{count} 个字符）。",
    "Cannot save into {directory}: {error}; set save_dir in the config.": (
        "无法保存到 {directory}：{error}；请在配置中设置 save_dir。"
    ),
    "Save": "保存",
    "Saved {path}": "已保存 {path}",
    'Set pipe_command in the config, such as pipe_command = ["less"].': (
        '请在配置中设置 pipe_command，例如 pipe_command = ["less"]。'
    ),
    "Pipe to {program}": "输出到 {program}",
    "Loading headlines": "载入标题",
    "Counting query feeds": "统计查询源",
    "Preparing search": "准备搜索",
    "Full text": "全文",
    "Fetching pages ahead": "预先抓取网页",
    "Opening the browser": "打开浏览器",
    "Subscribing goes through a feed-server account ([[accounts]] in the config);"
    " a local source is a [[sources]] table in the config file.": (
        "订阅要通过订阅服务器账户（配置中的 [[accounts]]）；本地来源是配置文件中的 [[sources]] 表。"
    ),
    "Select a feed of a feed-server account to unsubscribe; a local source is"
    " removed from the config file.": (
        "请选择订阅服务器账户中的一个源来退订；本地来源要从配置文件中删除。"
    ),
    "Unsubscribing {name}": "正在退订 {name}",
    "Offline (--offline): the server cannot be asked.": "离线（--offline）：无法连接服务器。",
    "A subscription change is already running.": "已有一项订阅变更在进行中。",
    "Subscribing to {url}": "正在订阅 {url}",
    "✗ Subscription": "✗ 订阅",
    "account '{account}': {error}": "账户“{account}”：{error}",
    "Subscribed": "已订阅",
    "Unsubscribed": "已退订",
    "{what} · account '{account}' synced · {new} new": (
        "{what} · 账户“{account}”已同步 · 新文章 {new} 篇"
    ),
    "{what} on the server, but the sync failed: {error}": "{what}（服务器上），但同步失败：{error}",
    # --- the cache's writes (store.marks) ------------------------------------------------
    "Saved {count} waiting change to the cache.": "已把 {count} 项待保存的更改存入缓存。",
    "Saved {count} waiting changes to the cache.": "已把 {count} 项待保存的更改存入缓存。",
    "Not saved: {problem}. {count} change kept on screen and tried again every few"
    " seconds.": "未保存：{problem}。{count} 项更改保留在屏幕上，每隔几秒重试一次。",
    "Not saved: {problem}. {count} changes kept on screen and tried again every few"
    " seconds.": "未保存：{problem}。{count} 项更改保留在屏幕上，每隔几秒重试一次。",
    "Not saved: {problem}. {count} change shown here but not saved; quitting will list"
    " them.": "未保存：{problem}。{count} 项更改只显示在这里，没有保存；退出时会列出。",
    "Not saved: {problem}. {count} changes shown here but not saved; quitting will list"
    " them.": "未保存：{problem}。{count} 项更改只显示在这里，没有保存；退出时会列出。",
    # --- links (text.links, text.export) ------------------------------------------------
    "this article has no link": "这篇文章没有链接",
    "refusing a link with spaces or control characters: {link!r}": (
        "拒绝打开含空格或控制字符的链接：{link!r}"
    ),
    "refusing a malformed link ({error}): {link!r}": "拒绝打开格式错误的链接（{error}）：{link!r}",
    "refusing to open a relative link; only http, https and mailto links open": (
        "拒绝打开相对链接；只能打开 http、https 和 mailto 链接"
    ),
    "refusing to open a '{scheme}:' link; only http, https and mailto links open": (
        "拒绝打开“{scheme}:”链接；只能打开 http、https 和 mailto 链接"
    ),
    "{text!r} is not a link number; links are numbered 1 to {last}": (
        "{text!r} 不是链接编号；链接编号从 1 到 {last}"
    ),
    "there is no link {number}; this article has {count} link": (
        "没有第 {number} 个链接；这篇文章有 {count} 个链接"
    ),
    "there is no link {number}; this article has {count} links": (
        "没有第 {number} 个链接；这篇文章有 {count} 个链接"
    ),
    # --- times ---------------------------------------------------------------------------
    "just now": "刚刚",
    "{n}m ago": "{n}分钟前",
    "{n}h ago": "{n}小时前",
    "{n}d ago": "{n}天前",
}

ZH_HANS: dict[str, str] = {**READER, **CLI, **HELP, **CORE}
