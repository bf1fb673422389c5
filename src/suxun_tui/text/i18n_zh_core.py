"""The Simplified Chinese catalog of the core's messages (English template → 简体中文).

Fetch failures, feed and page problems, the cache's troubles, query and sync errors;
the config's problems are in :mod:`suxun_tui.text.i18n_zh_config`, merged here. The core
makes these in English (they are stored, logged and put in JSON as such);
:func:`suxun_tui.text.i18n_said.tr_said` reads a shown one back against these templates
and fills in the translation. Each template needs words of its own besides its fields, or
it would match any text.
"""

from __future__ import annotations

from suxun_tui.text.i18n_zh_config import CONFIG

_FETCH: dict[str, str] = {
    # --- net.client, net.curl, net.httpx_backend, net.local, net.decoding ---------------
    "{url}: invalid URL ({reason})": "{url}：网址无效（{reason}）",
    "only http and https": "只支持 http 和 https",
    "{url}: HTTP {status} {reason}": "{url}：HTTP {status} {reason}",
    "{url}: HTTP {status}": "{url}：HTTP {status}",
    "{message}; the address is gone — check the source's url": (
        "{message}；这个地址已不存在——请检查来源的 url"
    ),
    "{message}; the site refuses access": "{message}；网站拒绝访问",
    "{message}; the site asks to be polled less often": "{message}；网站要求降低抓取频率",
    "{size} bytes": "{size} 字节",
    "{size:.0f} MB": "{size:.0f} MB",
    "{url}: redirected to unsupported URL {location}": "{url}：重定向到不支持的网址 {location}",
    "{url}: redirected to an invalid URL ({reason})": "{url}：重定向到无效的网址（{reason}）",
    "{url}: a request header is not plain ASCII (check user_agent, or an account's token"
    " or password)": "{url}：请求头含有非 ASCII 字符（请检查 user_agent，或账户的令牌、密码）",
    "{url}: a request header holds control characters (check user_agent, or an account's"
    " token or password)": "{url}：请求头含有控制字符（请检查 user_agent，或账户的令牌、密码）",
    "{url}: response of {size} is over the {limit} limit ('max_bytes')": (
        "{url}：响应大小 {size}，超过了 {limit} 的上限（“max_bytes”）"
    ),
    "{url}: response is over the {limit} limit ('max_bytes') after decompression": (
        "{url}：解压后的响应超过了 {limit} 的上限（“max_bytes”）"
    ),
    "{url}: the server sent a broken compressed body ({error})": (
        "{url}：服务器发来的压缩内容已损坏（{error}）"
    ),
    "{url}: too many redirects (more than {count}); the site may be redirecting in a loop": (
        "{url}：重定向次数过多（超过 {count} 次）；网站可能在循环重定向"
    ),
    "{url}: timed out after {seconds:g} s; the server is slow or not answering (raise"
    " 'timeout' in [settings] if it is just slow)": (
        "{url}：{seconds:g} 秒后超时；服务器很慢或没有响应（如果只是慢，"
        "请调大 [settings] 中的“timeout”）"
    ),
    "{url}: redirect without a Location header": "{url}：重定向缺少 Location 头",
    "{url}: the server redirects this call": "{url}：服务器重定向了这个请求",
    "{url}: network error ({reason})": "{url}：网络错误（{reason}）",
    "{url}: the host name {host} does not resolve; check the URL or your network": (
        "{url}：无法解析主机名 {host}；请检查网址或网络"
    ),
    "{url}: the host name does not resolve; check the URL or your network": (
        "{url}：无法解析主机名；请检查网址或网络"
    ),
    "{url}: could not connect ({reason})": "{url}：无法连接（{reason}）",
    "{url}: connection refused; the server is down or the port is wrong": (
        "{url}：连接被拒绝；服务器未运行或端口有误"
    ),
    "{url}: timed out waiting for the server": "{url}：等待服务器超时",
    "{url}: timed out while reading the response": "{url}：读取响应时超时",
    "{url}: could not connect within {seconds:g} s": "{url}：{seconds:g} 秒内无法连接",
    "{url}: the response was cut off ({reason})": "{url}：响应被截断（{reason}）",
    "{url}: the server broke the connection ({reason})": "{url}：服务器中断了连接（{reason}）",
    "{url}: the answer is not HTTP ({reason})": "{url}：服务器的回应不是 HTTP（{reason}）",
    "{url}: TLS error ({reason})": "{url}：TLS 错误（{reason}）",
    "stacked content encodings are not supported: {encoding}": ("不支持叠加的内容编码：{encoding}"),
    "unknown content encoding {coding!r}": "未知的内容编码 {coding!r}",
    "{url}: refusing to read a local file linked from a web source": (
        "{url}：拒绝读取网络来源链接的本地文件"
    ),
    "{url}: cannot read file ({reason})": "{url}：无法读取文件（{reason}）",
    "{url}: not a regular file (a device, FIFO or socket)": (
        "{url}：不是普通文件（是设备、FIFO 或套接字）"
    ),
    "{url}: file is larger than {limit} ('max_bytes')": "{url}：文件大于 {limit}（“max_bytes”）",
    "{url}: no such file": "{url}：文件不存在",
    "{url}: is a directory, not a file": "{url}：是目录，不是文件",
}

_FEEDS: dict[str, str] = {
    # --- feeds.parse, feeds.limits, pages, refresh --------------------------------------
    "the document is empty": "文档是空的",
    "plain text without any markup": "没有任何标记的纯文本",
    "binary data ({share:.0f}% control bytes)": "二进制数据（{share:.0f}% 为控制字节）",
    "{url}: not a feed: {reason}; check that the URL is the feed's": (
        "{url}：不是订阅源：{reason}；请确认这是订阅源的网址"
    ),
    "{url}: not a feed (RSS, Atom, RDF or JSON Feed) ({reason})": (
        "{url}：不是订阅源（RSS、Atom、RDF 或 JSON Feed）（{reason}）"
    ),
    "{url}: not a feed (RSS, Atom, RDF or JSON Feed)": (
        "{url}：不是订阅源（RSS、Atom、RDF 或 JSON Feed）"
    ),
    "{url}: invalid JSON Feed ({reason})": "{url}：JSON Feed 无效（{reason}）",
    "{url}: JSON without an 'items' list is not a JSON Feed": (
        "{url}：没有“items”列表的 JSON 不是 JSON Feed"
    ),
    '{url} is a web page, not a feed; set kind = "page" to read it as a page': (
        '{url} 是网页，不是订阅源；设置 kind = "page" 可按网页读取'
    ),
    "{url} is a web page, not a feed; it links to the feed {feed} — use that URL,"
    ' or set kind = "page"': (
        '{url} 是网页，不是订阅源；它链接的订阅源是 {feed}——请改用这个网址，或设置 kind = "page"'
    ),
    "empty page": "空白页面",
    "unparseable page: {reason}": "无法解析的页面：{reason}",
    "no article text found": "没有找到正文",
    "{kind}, not a web page; open the link in a browser or a viewer": (
        "这是{kind}，不是网页；请用浏览器或查看器打开这个链接"
    ),
    "a PDF document": "PDF 文档",
    "a picture": "图片",
    "an archive or office document": "压缩包或办公文档",
    "compressed data": "压缩数据",
    "a program": "程序文件",
    "a sound or video file": "音频或视频文件",
    "a font": "字体文件",
    "binary data": "二进制数据",
    "not due yet (server asked to wait)": "还没到时间（服务器要求稍后再来）",
    "moved permanently to {url}; the new address is used from now on": (
        "已永久迁移到 {url}；今后使用新地址"
    ),
    "{name}: unexpected error: {error!r}": "{name}：意外错误：{error!r}",
    "{title}: the article has no link to fetch": "{title}：这篇文章没有可抓取的链接",
    "article {id} is not in the cache": "缓存中没有文章 {id}",
}

_QUERY: dict[str, str] = {
    # --- query.parser ---------------------------------------------------------------------
    "{message} at column {column} ({hint})": "{message}，在第 {column} 列（{hint}）",
    "{message} at column {column}": "{message}，在第 {column} 列",
    "'{field}' needs a value": "“{field}”需要一个值",
    "unclosed quote": "引号没有闭合",
    "a byte that is not text": "有一个字节不是文字",
    "type the query in UTF-8": "请用 UTF-8 输入查询",
    "'OR' needs a term on each side": "“OR”两边都需要搜索词",
    "more than {count} terms": "搜索词超过 {count} 个",
    "unknown state 'is:{value}'": "未知的状态“is:{value}”",
    "use {states}": "可用 {states}",
    "'{field}{value}' is not a date": "“{field}{value}”不是日期",
    "use YYYY-MM-DD": "请用 YYYY-MM-DD",
    "'age:{value}' is not an age": "“age:{value}”不是时长",
    "use age:<7d or age:>12h; h, d, w": "请用 age:<7d 或 age:>12h；单位 h、d、w",
    "unknown field '{field}'": "未知的字段“{field}”",
    "known: {fields}": "可用：{fields}",
}

_STORE: dict[str, str] = {
    # --- store.connection, store.recovery -------------------------------------------------
    "{path}: cannot open the cache ({problem}); check that {folder} and the file are readable"
    " and writable, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR": (
        "{path}：无法打开缓存（{problem}）；请确认 {folder} 和这个文件可读可写，"
        "或用 --data-dir 或 $SUXUN_TUI_DATA_DIR 换个位置"
    ),
    "{path}: cannot open the cache: the disk holding it is full ({problem}); free some space"
    " there, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR": (
        "{path}：无法打开缓存：它所在的磁盘已满（{problem}）；请在那里腾出一些空间，"
        "或用 --data-dir 或 $SUXUN_TUI_DATA_DIR 换个位置"
    ),
    "cannot write the cache {path} ({detail})": "无法写入缓存 {path}（{detail}）",
    "the cache {path} is read-only ({detail}); make the file and its directory writable"
    " (chmod u+w {path} {folder}) or choose another place with --data-dir or"
    " $SUXUN_TUI_DATA_DIR": (
        "缓存 {path} 是只读的（{detail}）；请让文件和它的目录可写（chmod u+w {path} {folder}），"
        "或用 --data-dir 或 $SUXUN_TUI_DATA_DIR 换个位置"
    ),
    "the cache {path} is locked by another program ({detail}); a refresh from cron, or another"
    " suxun-tui, may be writing": (
        "缓存 {path} 被另一个程序锁定（{detail}）；可能是 cron 中的刷新或另一个 suxun-tui 正在写入"
    ),
    "the disk holding {path} is full ({detail}); free some space there": (
        "{path} 所在的磁盘已满（{detail}）；请在那里腾出一些空间"
    ),
    "the cache {path} is damaged ({detail}); quit and start again to move it aside": (
        "缓存 {path} 已损坏（{detail}）；请退出后重新启动，以便把它移到一边"
    ),
    "{path}: cannot read the data directory ({reason}); give yourself access (chmod u+rwx"
    " {path}) or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR": (
        "{path}：无法读取数据目录（{reason}）；请给自己访问权限（chmod u+rwx {path}），"
        "或用 --data-dir 或 $SUXUN_TUI_DATA_DIR 换个位置"
    ),
    "the file is read-only": "文件是只读的",
    "its directory is not writable": "它所在的目录不可写",
    "{path}: cannot create the data directory ({reason})": "{path}：无法创建数据目录（{reason}）",
    "{path}: cannot create the cache there (not writable); make the directory writable"
    " (chmod u+w {path}) or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR": (
        "{path}：无法在那里创建缓存（不可写）；请让这个目录可写（chmod u+w {path}），"
        "或用 --data-dir 或 $SUXUN_TUI_DATA_DIR 换个位置"
    ),
    "{path} is damaged and cannot be moved aside ({reason}); move or delete it, then start"
    " again": "{path} 已损坏，且无法移到一边（{reason}）；请移走或删除它，然后重新启动",
    "The cache {path} was damaged; it was moved to {aside} and a new, empty cache was"
    " created. Refresh to fetch your sources again.": (
        "缓存 {path} 已损坏；它已被移到 {aside}，并新建了一个空缓存。请刷新以重新抓取各来源。"
    ),
    "The cache {path} was damaged ({reason}); it was moved to {aside} and a new, empty cache"
    " was created. Refresh to fetch your sources again.": (
        "缓存 {path} 已损坏（{reason}）；它已被移到 {aside}，并新建了一个空缓存。"
        "请刷新以重新抓取各来源。"
    ),
    "reading only: {advice}": "只读模式：{advice}",
}

_SYNC: dict[str, str] = {
    # --- sync.api, sync.secrets -----------------------------------------------------------
    "account '{name}'": "账户“{name}”",
    "no account named {name!r} (known: {known})": "没有名为 {name!r} 的账户（已有：{known}）",
    "account '{name}': could not create the category {title!r}": (
        "账户“{name}”：无法创建分类 {title!r}"
    ),
    "notify_command {program!r} could not start: {reason}": (
        "notify_command {program!r} 无法启动：{reason}"
    ),
    "{where}: the server refused the username, password or token (HTTP {status}); check the"
    " account's credentials": (
        "{where}：服务器拒绝了用户名、密码或令牌（HTTP {status}）；请检查账户的凭据"
    ),
    "{where}: server unreachable ({reason}); local changes stay queued": (
        "{where}：无法连接服务器（{reason}）；本地更改仍在队列中等待"
    ),
    "{where}: the server answered with an HTML page instead of JSON; check the account's url"
    " (FreshRSS: …/api/greader.php)": (
        "{where}：服务器返回的是 HTML 页面而不是 JSON；"
        "请检查账户的 url（FreshRSS：…/api/greader.php）"
    ),
    "{where}: the server sent truncated JSON ({reason})": (
        "{where}：服务器发来的 JSON 不完整（{reason}）"
    ),
    "{where}: the server sent invalid JSON ({reason})": (
        "{where}：服务器发来的 JSON 无效（{reason}）"
    ),
    "{where}: unexpected answer for {what} (not a {kind})": (
        "{where}：{what} 的回答不符合预期（不是 {kind}）"
    ),
    "{where}: no password or token configured": "{where}：没有配置密码或令牌",
    "{where}: the login gave no Auth token": "{where}：登录没有返回 Auth 令牌",
    "{where}: the server gave no write token": "{where}：服务器没有给出写入令牌",
    "{count} entries of feeds not subscribed were skipped": "跳过了 {count} 篇未订阅来源的文章",
    "offline: {count} local change(s) stay queued": "离线：{count} 项本地更改仍在队列中等待",
    "more than {count} new entries; the rest next time": "新文章超过 {count} 篇；其余的下次再取",
    "{where}: the environment variable {name} is not set or empty": (
        "{where}：环境变量 {name} 没有设置或为空"
    ),
    "{where}: password_command {program!r} was not found": (
        "{where}：找不到 password_command {program!r}"
    ),
    "{where}: password_command did not finish within {seconds:g} s": (
        "{where}：password_command 没有在 {seconds:g} 秒内结束"
    ),
    "{where}: password_command could not run ({reason})": (
        "{where}：password_command 无法运行（{reason}）"
    ),
    "{where}: password_command exited with status {status}": (
        "{where}：password_command 退出，状态为 {status}"
    ),
    "{where}: password_command printed nothing": "{where}：password_command 没有输出任何内容",
}

CORE: dict[str, str] = {
    **_FETCH,
    **_FEEDS,
    **_QUERY,
    **CONFIG,
    **_STORE,
    **_SYNC,
}
