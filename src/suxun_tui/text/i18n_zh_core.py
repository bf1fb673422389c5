"""The Simplified Chinese catalog of the core's messages (English template → 简体中文).

Fetch failures, feed and page problems, the cache's troubles, config, query and sync
errors. The core makes these in English (they are stored, logged and put in JSON as
such); :func:`suxun_tui.text.i18n_said.tr_said` reads a shown one back against these
templates and fills in the translation. Each template needs words of its own besides its
fields, or it would match any text.
"""

from __future__ import annotations

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

_CONFIG: dict[str, str] = {
    # --- config.reading, config.checks ----------------------------------------------------
    "source '{name}'": "来源“{name}”",
    "source #{number}": "第 {number} 个来源",
    "{where}: TOML syntax error: {error}": "{where}：TOML 语法错误：{error}",
    "{where}: '{key}': arrays or inline tables nested too deeply; no setting needs more than"
    " a list of strings": (
        "{where}：“{key}”：数组或内联表嵌套太深；任何设置最多只需要一个字符串列表"
    ),
    "{where}: unknown key '{key}' (ignored)": "{where}：未知的键“{key}”（已忽略）",
    "{where}: 'settings' must be a table": "{where}：“settings”必须是一个表",
    "{where}: use [[sources]] tables for sources": "{where}：来源请用 [[sources]] 表",
    "{where}: each source must be a [[sources]] table": "{where}：每个来源都必须是 [[sources]] 表",
    "{where}: source '{name}': duplicate name (also source #{number}); give each source its"
    " own name": (
        "{where}：来源“{name}”：名称重复（与第 {number} 个来源相同）；请给每个来源起不同的名称"
    ),
    "{where}: {label} has no 'url'; add url = \"https://…\"": (
        '{where}：{label} 没有“url”；请添加 url = "https://…"'
    ),
    "{where}: '{key}' must be {kind}, not {value}": "{where}：“{key}”必须是{kind}，而不是 {value}",
    "a whole number": "整数",
    "a number": "数字",
    "a string": "字符串",
    "true or false": "true 或 false",
    "a list": "列表",
    "{where}: '{key}' must be {a} or {b}, not {value!r}": (
        "{where}：“{key}”必须是 {a} 或 {b}，而不是 {value!r}"
    ),
    "{where}: '{key}' must be one of {names}, not {value!r}": (
        "{where}：“{key}”必须是 {names} 之一，而不是 {value!r}"
    ),
    "{where}: '{key}' must be at least {bound}, not {value}": (
        "{where}：“{key}”至少为 {bound}，而不是 {value}"
    ),
    "{where}: '{key}' must be at most {bound}, not {value}": (
        "{where}：“{key}”最多为 {bound}，而不是 {value}"
    ),
    "{where}: '{key}' must be at least {bound} seconds, not {value!r}": (
        "{where}：“{key}”至少为 {bound} 秒，而不是 {value!r}"
    ),
    "{where}: '{key}' must be a finite number, not {value}": (
        "{where}：“{key}”必须是有限的数字，而不是 {value}"
    ),
    "{where}: '{key}' must not be negative": "{where}：“{key}”不能是负数",
    "{where}: 'keep_days' must be at most 36500 (a century), not {value}": (
        "{where}：“keep_days”最多为 36500（一个世纪），而不是 {value}"
    ),
    "{where}: 'text_width' must be between 20 and 1000 cells, not {value}": (
        "{where}：“text_width”必须在 20 到 1000 格之间，而不是 {value}"
    ),
    "{where}: '{key}' must be \"auto\", true or false": (
        '{where}：“{key}”必须是 "auto"、true 或 false'
    ),
    "{where}: '{key}' must be \"auto\", true or false, not {value!r}": (
        '{where}：“{key}”必须是 "auto"、true 或 false，而不是 {value!r}'
    ),
    '{where}: \'theme\' must be a theme\'s name ("dark", "light", "high-contrast" or a'
    ' Textual theme such as "nord"), not {value!r}': (
        '{where}：“theme”必须是主题名（"dark"、"light"、"high-contrast" 或 Textual 主题，'
        '如 "nord"），而不是 {value!r}'
    ),
    "{where}: unknown timezone {value!r}": "{where}：未知的时区 {value!r}",
    "{where}: unsupported URL scheme '{scheme}:' in {url!r}; use http://, https://, file:// or"
    " a local path": (
        "{where}：{url!r} 中的网址协议“{scheme}:”不受支持；"
        "请用 http://、https://、file:// 或本地路径"
    ),
    "{where}: 'user_agent' must be printable ASCII on one line (no line breaks, no other"
    " scripts: HTTP headers carry ASCII), not {value}": (
        "{where}：“user_agent”必须是单行的可打印 ASCII（不能换行，不能有其他文字：HTTP 头只能是"
        " ASCII），而不是 {value}"
    ),
    "{where}: '{key}' is not a CSS selector this reader understands ({error}): {value}": (
        "{where}：“{key}”不是本阅读器能理解的 CSS 选择器（{error}）：{value}"
    ),
    "{where}: 'url' holds spaces or control characters; write a space as %20: {url}": (
        "{where}：“url”含有空格或控制字符；空格请写成 %20：{url}"
    ),
    "{where}: 'url' is not a valid URL ({error}): {url}": (
        "{where}：“url”不是有效的网址（{error}）：{url}"
    ),
    "{where}: 'url' has no host name: {url}": "{where}：“url”没有主机名：{url}",
}

_CONFIG_TABLES: dict[str, str] = {
    # --- config.queries, config.keys ------------------------------------------------------
    "query #{number}": "第 {number} 个查询",
    "query '{name}'": "查询“{name}”",
    "rule #{number}": "第 {number} 条规则",
    "rule '{name}'": "规则“{name}”",
    "{where}: use [[{name}]] tables for {name}": "{where}：{name} 请用 [[{name}]] 表",
    "{where}: each entry must be a [[{name}]] table": "{where}：每一项都必须是 [[{name}]] 表",
    "{where}: {label} needs a 'query', such as query = \"is:unread\"": (
        '{where}：{label} 需要“query”，例如 query = "is:unread"'
    ),
    "{where}: {label}: query {query!r}: {error}": "{where}：{label}：查询 {query!r}：{error}",
    "{where}: {label} needs a 'name'": "{where}：{label} 需要“name”",
    "{where}: {label}: duplicate name": "{where}：{label}：名称重复",
    '{where}: {label}: \'action\' must be "hide", "read", "star" or "tag:NAME", not {action!r}': (
        '{where}：{label}：“action”必须是 "hide"、"read"、"star" 或 "tag:NAME"，而不是 {action!r}'
    ),
    "the command palette": "命令面板",
    "quitting (Textual's own key)": "退出（Textual 自己的键）",
    "a key is one character or a name such as ctrl+r, f5 or pageup": (
        "键是一个字符，或 ctrl+r、f5、pageup 这样的名称"
    ),
    "{modifier!r} is not a modifier; use ctrl, alt or shift": (
        "{modifier!r} 不是修饰键；请用 ctrl、alt 或 shift"
    ),
    "a modifier is given twice": "修饰键重复了",
    'write "{upper}" for Shift+{key}, not "shift+{key}"': (
        'Shift+{key} 请写成 "{upper}"，不要写 "shift+{key}"'
    ),
    "{character!r} is not a key a terminal sends alone; use an ASCII letter, digit or sign": (
        "{character!r} 不是终端能单独发送的键；请用 ASCII 字母、数字或符号"
    ),
    "{base!r} is not a key name; use a character or one of up, down, left, right, home, end,"
    " pageup, pagedown, enter, escape, tab, space, backspace, delete, insert, f1-f24": (
        "{base!r} 不是键名；请用一个字符，或 up、down、left、right、home、end、pageup、"
        "pagedown、enter、escape、tab、space、backspace、delete、insert、f1-f24 之一"
    ),
    "{where}: 'keys' must be a table: [keys] then refresh = \"r\"": (
        '{where}：“keys”必须是一个表：先写 [keys]，再写 refresh = "r"'
    ),
    '{where}: keys.{command} must be a key ("R") or a list of keys (["q", "ctrl+c"]), not'
    " {value}": (
        '{where}：keys.{command} 必须是一个键（"R"）或键的列表（["q", "ctrl+c"]），而不是 {value}'
    ),
    "{where}: keys.{command}: at most {count} keys": "{where}：keys.{command}：最多 {count} 个键",
    "{where}: keys.{command}: {key!r} is kept for {use}; choose another": (
        "{where}：keys.{command}：{key!r} 留给了{use}；请另选一个"
    ),
    "{where}: keys.{command}: {key!r} is also given to {other} ({there}); one key runs one"
    " command": (
        "{where}：keys.{command}：{key!r} 也分配给了 {other}（{there}）；一个键只能运行一个命令"
    ),
    "unknown command {command!r} in [keys]; write it {guess!r}": (
        "[keys] 中有未知的命令 {command!r}；请写成 {guess!r}"
    ),
    "unknown command {command!r} in [keys]; did you mean {guess!r}? (config.example.toml lists"
    " them)": (
        "[keys] 中有未知的命令 {command!r}；您是指 {guess!r} 吗？"
        "（config.example.toml 列出了所有命令）"
    ),
    "unknown command {command!r} in [keys] (config.example.toml lists them)": (
        "[keys] 中有未知的命令 {command!r}（config.example.toml 列出了所有命令）"
    ),
}

_CONFIG_FILE: dict[str, str] = {
    # --- config.accounts, config.paths ----------------------------------------------------
    "account #{number}": "第 {number} 个账户",
    "none": "一个也没有",
    "{where}: use [[accounts]] tables for accounts": "{where}：账户请用 [[accounts]] 表",
    "{where}: each account must be an [[accounts]] table": (
        "{where}：每个账户都必须是 [[accounts]] 表"
    ),
    "{where}: {label} needs a 'name' without '/'": "{where}：{label} 需要不含“/”的“name”",
    "{where}: {label}: duplicate name; give each account its own": (
        "{where}：{label}：名称重复；请给每个账户起不同的名称"
    ),
    '{where}: {label}: \'type\' must be "miniflux" or "greader"': (
        '{where}：{label}：“type”必须是 "miniflux" 或 "greader"'
    ),
    "{where}: {label}: 'url' must be an http:// or https:// address": (
        "{where}：{label}：“url”必须是 http:// 或 https:// 地址"
    ),
    "{where}: {label}: 'password_command' must be a list of strings (an argv such as"
    ' ["pass", "show", "rss"]; it never runs in a shell)': (
        "{where}：{label}：“password_command”必须是字符串列表"
        '（一个 argv，例如 ["pass", "show", "rss"]；它从不在 shell 中运行）'
    ),
    "{where}: {label}: give exactly one of password_command, password_env, token_env or"
    " password (found {found})": (
        "{where}：{label}：password_command、password_env、token_env 和 password 只能给一个"
        "（现在是 {found}）"
    ),
    "{where}: {label}: a password needs a 'username'": "{where}：{label}：密码需要配上“username”",
    "{where}: {label}: a plain-text password in a file others can read; use password_command"
    " or password_env, or chmod 600 {path}": (
        "{where}：{label}：明文密码写在别人可读的文件里；请改用 password_command 或"
        " password_env，或者 chmod 600 {path}"
    ),
    "{where}: '{key}' must be a list of strings, such as {example} (it never runs in a shell),"
    " not the line {value}; as a list: {words}": (
        "{where}：“{key}”必须是字符串列表，例如 {example}（它从不在 shell 中运行），"
        "而不是一行文字 {value}；写成列表是：{words}"
    ),
    "{where}: '{key}' must be a list of strings, such as {example}": (
        "{where}：“{key}”必须是字符串列表，例如 {example}"
    ),
    "{where}: '{key}' has {count} words; at most {limit}": (
        "{where}：“{key}”有 {count} 个词；最多 {limit} 个"
    ),
    "{where}: '{key}' must start with a program's name and hold no NUL characters": (
        "{where}：“{key}”必须以程序名开头，且不能含有 NUL 字符"
    ),
    "{where}: 'save_dir' must be a directory's path, not {value}": (
        "{where}：“save_dir”必须是目录路径，而不是 {value}"
    ),
    "{path}: no such config file": "{path}：配置文件不存在",
    "{path}: not a regular file (a directory, FIFO or device); point --config or"
    " $SUXUN_TUI_CONFIG at a TOML file": (
        "{path}：不是普通文件（是目录、FIFO 或设备）；请让 --config 或 $SUXUN_TUI_CONFIG"
        " 指向一个 TOML 文件"
    ),
    "{path}: cannot read the config file ({reason})": "{path}：无法读取配置文件（{reason}）",
    "{path}: the config file is over {size} MB; is it one?": (
        "{path}：配置文件超过 {size} MB；它真的是配置文件吗？"
    ),
    "{path}: the config file is not UTF-8 text ({reason})": (
        "{path}：配置文件不是 UTF-8 文本（{reason}）"
    ),
}

_STORE: dict[str, str] = {
    # --- store.connection, store.recovery -------------------------------------------------
    "{path}: cannot open the cache ({problem}); check that {folder} and the file are readable"
    " and writable, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR": (
        "{path}：无法打开缓存（{problem}）；请确认 {folder} 和这个文件可读可写，"
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
    **_CONFIG,
    **_CONFIG_TABLES,
    **_CONFIG_FILE,
    **_STORE,
    **_SYNC,
}
