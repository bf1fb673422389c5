"""The configuration as values: frozen settings, sources and accounts every layer reads.

Parsing and validation live in ``reading``; these classes carry no behaviour beyond
lookups, so the refresh engine, the reader and the CLI can share them freely.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from suxun_tui import __version__
from suxun_tui.text.sanitize import clean_line

if TYPE_CHECKING:  # the classes are dataclasses; suxun_tui.record makes them cheaply
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

APP_NAME = "suxun-tui"
HOMEPAGE = "https://github.com/suxun-tui/suxun-tui"
DEFAULT_USER_AGENT = f"suxun-tui/{__version__} (+{HOMEPAGE})"

SourceKind = Literal["feed", "page"]
AccountType = Literal["miniflux", "greader"]
Script = Literal["original", "simplified", "traditional"]
FullText = Literal["auto", "always", "never"]
MarkRead = Literal["open", "preview"]
Language = Literal["auto", "zh-Hans", "zh-Hant", "en"]


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names file, line and key.

    The message quotes the file's own text (keys, values, its path), so it is cleaned like
    any stranger's text before anyone prints it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(clean_line(message))


@dataclass(frozen=True)
class Settings:
    """Global settings (``[settings]``); defaults are what a first-time user gets."""

    concurrency: int = 16
    per_host: int = 4
    timeout: float = 20.0
    connect_timeout: float = 10.0
    retries: int = 2
    user_agent: str = DEFAULT_USER_AGENT
    refresh_minutes: int = 60
    max_bytes: int = 20 * 1024 * 1024
    max_items: int = 1000  # items read per feed document, the newest kept
    max_redirects: int = 10
    script: Script = "original"
    timezone: str = "Asia/Shanghai"
    full_text: FullText = "auto"
    refresh_on_start: bool = False
    browser: str = ""
    theme: str = "dark"  # ours (dark, light, high-contrast) or any Textual theme's name
    text_width: int = 80  # cells of article text per line (40 Chinese characters)
    mark_read: MarkRead = "open"  # or "preview": read after being shown for a few seconds
    language: Language = "auto"  # the interface's: from the locale, or zh-Hans, zh-Hant, en
    keep_days: int = 90  # read articles older than this are removed by `gc` (0: never)
    max_articles: int = 0  # per source, the newest kept by `gc` (0: no limit)
    notify_command: tuple[str, ...] = ()  # argv run after a refresh brought new articles
    pipe_command: tuple[str, ...] = ()  # argv that gets an article's text on stdin (|)
    save_dir: str = ""  # where S and W save articles; "" is the XDG download dir or ~
    player: tuple[str, ...] = ()  # argv that plays an enclosure (e); %u is its address
    images: str = "auto"  # pictures drawn in articles: "auto" (a terminal, the extra), on, off
    image_max_bytes: int = 5 * 1024 * 1024  # largest picture fetched, also after decompression


@dataclass(frozen=True)
class SourceSpec:
    """One ``[[sources]]`` entry, with per-source overrides already resolved."""

    name: str
    url: str
    kind: SourceKind | None = None
    group: str | None = None
    refresh_minutes: int = 60
    script: Script = "original"
    timezone: str = "Asia/Shanghai"
    full_text: FullText = "auto"
    link_selector: str | None = None
    body_selector: str | None = None
    pages: int = 1
    max_items: int = 1000
    keep_days: int = 90
    max_articles: int = 0


@dataclass(frozen=True)
class AccountSpec:
    """One ``[[accounts]]`` entry: a feed server whose feeds and read/star state we sync.

    The secret itself is not read here: ``password_command`` runs and the environment is
    read only when a sync needs them (``sync.secrets``), so ``list`` never runs a command.
    A plain ``password`` is kept out of ``repr`` so no log or traceback shows it.
    """

    name: str
    type: AccountType
    url: str
    username: str = ""
    password_command: tuple[str, ...] = ()
    password_env: str = ""
    token_env: str = ""
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class QuerySpec:
    """One ``[[queries]]`` entry: a saved search shown in the sources pane as a feed."""

    name: str
    query: str
    group: str | None = None


@dataclass(frozen=True)
class RuleSpec:
    """One ``[[rules]]`` entry: ``action`` (hide, read, star or tag:NAME) for ``query``."""

    name: str
    query: str
    action: str


@dataclass(frozen=True)
class KeyOverride:
    """One line of ``[keys]``: a command (``refresh-all``), its keys in Textual's names, and
    ``where`` it stands (file:line), for the reader to name when the command is unknown."""

    command: str
    keys: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Config:
    """The whole configuration; ``path`` is None for the bundled demo."""

    settings: Settings = field(default_factory=Settings)
    sources: tuple[SourceSpec, ...] = ()
    path: Path | None = None
    is_demo: bool = False
    warnings: tuple[str, ...] = ()
    accounts: tuple[AccountSpec, ...] = ()
    queries: tuple[QuerySpec, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    keys: tuple[KeyOverride, ...] = ()  # [keys]: the user's own keys for commands

    def source(self, name: str) -> SourceSpec | None:
        return next((s for s in self.sources if s.name == name), None)

    def account(self, name: str) -> AccountSpec | None:
        return next((a for a in self.accounts if a.name == name), None)
