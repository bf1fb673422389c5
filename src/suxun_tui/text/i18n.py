"""The interface's language: English source strings, Simplified Chinese by hand, Traditional
derived through OpenCC.

Every string the reader or the CLI shows a person is written in English in the code and
passed through :func:`tr` (or :func:`trn` when it counts something) where it is shown; the
English text is the key of the Simplified catalog (:mod:`suxun_tui.text.i18n_zh`), so a
string can never lose its translation by being renamed in one place only. Traditional
Chinese is not a second catalog to keep in step: the Simplified text goes through OpenCC
(Taiwan phrasing, ``s2twp``; Hong Kong's, ``s2hk``, for a zh_HK or zh_MO locale), once per
string. Machine-readable output (JSON keys, option names) is never translated.

The language is one process-wide value, set once the config is read (:func:`set_language`);
before that — a config error — it follows the locale. Importing this module loads neither
OpenCC nor the catalog.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache

__all__ = [
    "LANGUAGES",
    "N_",
    "current_language",
    "language_from_locale",
    "resolve_language",
    "set_language",
    "tr",
    "trn",
]

LANGUAGES: tuple[str, ...] = ("auto", "zh-Hans", "zh-Hant", "en")  # the config's values
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set wins
_TRADITIONAL_TAGS = ("zh_tw", "zh_hk", "zh_mo")
_HONG_KONG_TAGS = ("zh_hk", "zh_mo")
_OPENCC = {"zh-Hant": "s2twp", "zh-Hant-HK": "s2hk"}  # the shown languages beyond the two

_state = {"language": "en"}  # en, zh-Hans, zh-Hant (Taiwan phrasing) or zh-Hant-HK
_LOCK = threading.Lock()
_derived: dict[tuple[str, str], str] = {}
_CORNER_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language a locale asks for: ``zh_CN.UTF-8`` → zh-Hans, ``zh_TW`` → zh-Hant.

    Simplified for zh_CN, zh_SG and zh_Hans (and a bare ``zh``); Traditional for zh_TW,
    zh_HK, zh_MO and zh_Hant — Hong Kong phrasing (``zh-Hant-HK``) for zh_HK and zh_MO;
    English for everything else, C and POSIX included.
    """
    env = os.environ if environ is None else environ
    value = next((env[name] for name in _LOCALE_VARS if env.get(name)), "")
    tag = value.split(".")[0].split("@")[0].replace("-", "_").lower()
    if tag != "zh" and not tag.startswith("zh_"):
        return "en"
    if tag.startswith(_HONG_KONG_TAGS):
        return "zh-Hant-HK"
    if tag.startswith(_TRADITIONAL_TAGS) or "hant" in tag:
        return "zh-Hant"
    return "zh-Hans"


def resolve_language(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """The shown language for the config's ``language`` (``auto`` asks the locale).

    ``zh-Hant`` takes Hong Kong phrasing when the locale is Hong Kong's or Macau's.
    Anything unknown is English: the config has already refused it with its line.
    """
    if setting == "auto":
        return language_from_locale(environ)
    if setting == "zh-Hant" and language_from_locale(environ) == "zh-Hant-HK":
        return "zh-Hant-HK"
    return setting if setting in ("zh-Hans", "zh-Hant") else "en"


def set_language(language: str) -> None:
    """Show the interface in ``language`` (one of :func:`resolve_language`'s answers)."""
    _state["language"] = language if language in ("zh-Hans", *_OPENCC) else "en"


def current_language() -> str:
    return _state["language"]


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "translated where shown"
    """Mark ``message`` for the catalog where it is defined; :func:`tr` translates it
    where it is shown (module constants are made before the language is known)."""
    return message


def tr(message: str, /, **values: object) -> str:
    """``message`` in the current language, with ``{name}`` fields filled from ``values``.

    Values (a source's name, a count, an error from elsewhere) are inserted as they are,
    never translated. A message the catalog lacks is shown in English.
    """
    text = _translated(message)
    return text.format(**values) if values else text


def trn(singular: str, plural: str, count: int, /, **values: object) -> str:
    """A message that counts: English picks ``singular`` for 1; Chinese has one form, the
    plural's entry. ``count`` is also a field, ``{count}``."""
    if _state["language"] == "en":
        return (singular if count == 1 else plural).format(count=count, **values)
    return tr(plural, count=count, **values)


def _translated(message: str) -> str:
    language = _state["language"]
    if language == "en":
        return message
    from suxun_tui.text.i18n_zh import ZH_HANS

    simplified = ZH_HANS.get(message)
    if simplified is None or language == "zh-Hans":
        return simplified if simplified is not None else message
    key = (language, message)
    if (known := _derived.get(key)) is not None:
        return known
    with _LOCK:
        convert = _converter(_OPENCC[language])
    try:
        text = convert(simplified) if convert is not None else simplified
    except Exception:  # noqa: BLE001 - a native converter must never break the interface
        text = simplified
    text = text.translate(_CORNER_QUOTES)  # OpenCC keeps “”; Taiwan and Hong Kong write 「」
    _derived[key] = text
    return text


@lru_cache(maxsize=2)
def _converter(config: str) -> Callable[[str], str] | None:
    """One OpenCC converter per phrasing, built on first use (a few tenths of a second)."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - declared dependency
        return None
    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert
