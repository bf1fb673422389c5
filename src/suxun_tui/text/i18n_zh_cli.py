"""The Simplified Chinese catalog of the command line's messages (English → 简体中文).

Only what a person reads: errors, warnings and summaries. Option names, subcommands and
every ``--json`` output stay as they are, for scripts.
"""

from __future__ import annotations

CLI: dict[str, str] = {
    "interrupted; what was already stored in the cache is kept": "已中断；已存入缓存的内容都保留着",
    "suxun-tui: warning: {notice}": "suxun-tui：警告：{notice}",
    "the list of sources was not updated: {problem}": "来源列表没有更新：{problem}",
    "suxun-tui: not saved: {label}": "suxun-tui：未保存：{label}",
    "suxun-tui: no source named {names} (known: {known})": (
        "suxun-tui：没有名为 {names} 的来源（已有：{known}）"
    ),
    "suxun-tui: no source named {name!r}": "suxun-tui：没有名为 {name!r} 的来源",
    "suxun-tui: no article with id {id} (see 'suxun-tui list')": (
        "suxun-tui：没有编号为 {id} 的文章（见“suxun-tui list”）"
    ),
    "warning: {problem}": "警告：{problem}",
    "error: {error}": "错误：{error}",
    "notice: {notice}": "提示：{notice}",
    "notice: account '{name}': {notice}": "提示：账户“{name}”：{notice}",
    "refreshed {count} source(s): {new} new article(s), {failed} failed, {unchanged} unchanged": (
        "已刷新 {count} 个来源：新文章 {new} 篇，失败 {failed} 个，未变 {unchanged} 个"
    ),
    ", {count} skipped (offline)": "，跳过 {count} 个（离线）",
    "synced": "已同步",
    "refreshing": "正在刷新",
    "{task.fields[new]} new · {task.fields[failed]} failed"
    " · {task.fields[pulled]} pulled · {task.fields[pushed]} pushed": (
        "新 {task.fields[new]} · 失败 {task.fields[failed]}"
        " · 拉取 {task.fields[pulled]} · 推送 {task.fields[pushed]}"
    ),
    "sync failed": "同步失败",
    "{state} account '{name}': {new} new article(s), {pushed} change(s) pushed, {queued} queued": (
        "{state}账户“{name}”：新文章 {new} 篇，推送更改 {pushed} 项，待推送 {queued} 项"
    ),
    "would remove {removed} article(s): {by_age} read and older than keep_days,"
    " {by_count} beyond max_articles": (
        "将删除 {removed} 篇文章：{by_age} 篇已读且早于 keep_days，{by_count} 篇超出 max_articles"
    ),
    "removed {removed} article(s): {by_age} read and older than keep_days,"
    " {by_count} beyond max_articles": (
        "已删除 {removed} 篇文章：{by_age} 篇已读且早于 keep_days，{by_count} 篇超出 max_articles"
    ),
    "suxun-tui extract: unknown script {script!r}": "suxun-tui extract：未知字形 {script!r}",
    "suxun-tui extract: --base-url must be an http(s) URL": (
        "suxun-tui extract：--base-url 必须是 http(s) 地址"
    ),
    "suxun-tui extract: --pages must be at least 1": "suxun-tui extract：--pages 至少为 1",
    "suxun-tui: {path} already exists; not overwriting it. Edit it, or move it "
    "away and run init again.": (
        "suxun-tui：{path} 已存在，不会覆盖。请编辑它，或把它移走后再运行 init。"
    ),
    "suxun-tui: {path} already exists; not overwriting it.": "suxun-tui：{path} 已存在，不会覆盖。",
    "suxun-tui: cannot write {path}: {error}": "suxun-tui：无法写入 {path}：{error}",
    "Wrote {path}": "已写入 {path}",
    "Edit it to add your sources, then run suxun-tui (or: suxun-tui refresh).": (
        "编辑它加入你的来源，然后运行 suxun-tui（或 suxun-tui refresh）。"
    ),
    "suxun-tui: subscribing needs the server; not with --offline": (
        "suxun-tui：订阅需要连接服务器，不能与 --offline 同用"
    ),
    "none configured": "未配置",
    "suxun-tui: no account named {name!r} (known: {known})": (
        "suxun-tui：没有名为 {name!r} 的账户（已有：{known}）"
    ),
    "subscribed to {target} on account '{account}'; {new} new article(s)": (
        "已在账户“{account}”上订阅 {target}；新文章 {new} 篇"
    ),
    "unsubscribed from {target} on account '{account}'; {new} new article(s)": (
        "已在账户“{account}”上退订 {target}；新文章 {new} 篇"
    ),
    "no [[rules]] in the config": "配置中没有 [[rules]]",
    "{matched} matched, {changed} changed": "匹配 {matched} 篇，更改 {changed} 篇",
    "{path}: cannot write ({error})": "{path}：无法写入（{error}）",
    "over {size} MB; not an OPML file": "超过 {size} MB，不是 OPML 文件",
    "not added again: {reason}": "不再重复添加：{reason}",
    "skipped {reason}": "已跳过 {reason}",
    "{file}: {count} entry skipped (exit 1)": "{file}：跳过 {count} 项（退出码 1）",
    "{file}: {count} entries skipped (exit 1)": "{file}：跳过 {count} 项（退出码 1）",
    "nothing new to add": "没有可添加的新来源",
    "not changing {path}: {error}": "不修改 {path}：{error}",
    "not changing {path}: the result would be invalid ({error})": (
        "不修改 {path}：修改后的配置将无效（{error}）"
    ),
    "not changing {path}: cannot write {target} ({error})": (
        "不修改 {path}：无法写入 {target}（{error}）"
    ),
    "added {count} source(s) to {path}": "已向 {path} 添加 {count} 个来源",
    "suxun-tui: search: {error}": "suxun-tui：搜索：{error}",
}
