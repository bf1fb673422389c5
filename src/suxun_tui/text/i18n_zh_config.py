"""The Simplified Chinese catalog of the config's problems (English template → 简体中文).

What :mod:`suxun_tui.config` says of a config it refuses or warns about: values of
``[settings]``, ``[[sources]]``, ``[[queries]]``, ``[[rules]]``, ``[keys]`` and
``[[accounts]]``, and the file itself. Part of the core's catalog
(:mod:`suxun_tui.text.i18n_zh_core`), read back the same way where a message is shown.
"""

from __future__ import annotations

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


CONFIG: dict[str, str] = {**_CONFIG, **_CONFIG_TABLES, **_CONFIG_FILE}
