"""The core's messages — a fetch's failure, the cache's problem, a config or query error —
shown in the interface's language.

The core says what went wrong in English, always: its exceptions, the error a source keeps
in the cache, and every JSON output carry that text, so a script reads the same words in
any locale and a stored error does not keep the language it was made in. Each message is
built from a template marked with ``N_`` (``N_("{url}: no such file").format(url=url)``),
and the templates are the keys of the core's catalog (:mod:`suxun_tui.text.i18n_zh_core`).
Where a message is shown, :func:`tr_said` reads the English back against those templates —
each a pattern whose fields match anything — and fills the translation with the values it
found, themselves translated when they are messages too (``{message} at column {column}
({hint})`` holds a message and a hint). Text no template matches (a library's own error,
a name) is shown as it is.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from suxun_tui.text.i18n import current_language, tr

__all__ = ["tr_said"]

_DEPTH = 4  # messages inside messages: a query's hint inside its column note inside a line
_FORMATTER = string.Formatter()


def tr_said(message: str) -> str:
    """``message`` (English, made by the core from a marked template) in the current language.

    English is returned unchanged; so is anything no template of the core's catalog matches.
    """
    if not message or current_language() == "en":
        return message
    return _translated(current_language(), message)


@lru_cache(maxsize=4096)
def _translated(language: str, message: str, depth: int = 0) -> str:  # noqa: ARG001 - cache key
    from suxun_tui.text.i18n_zh import ZH_HANS

    if message in ZH_HANS:  # a message without fields: "no article text found"
        return tr(message)
    for pattern, template in _patterns():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        if depth < _DEPTH:
            values = {k: _translated(language, v, depth + 1) for k, v in values.items()}
        return _fill(tr(template), values)
    head, colon, rest = message.partition(": ")  # "name: message", a prefix no template has
    if colon and depth < _DEPTH:
        return f"{_translated(language, head, depth + 1)}: {_translated(language, rest, depth + 1)}"
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each field replaced by its text (format specs were applied already,
    in English: ``{seconds:g}`` found ``20``, which is put back as it is)."""
    parts = []
    for literal, field, _spec, _conversion in _FORMATTER.parse(template):
        parts.append(literal)
        if field is not None:
            parts.append(values.get(field, ""))
    return "".join(parts)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """One pattern per template with fields, the most literal text first, so that
    ``{message} at column {column} ({hint})`` is tried before ``{message} at column {column}``."""
    from suxun_tui.text.i18n_zh_core import CORE

    made = [(pattern, key) for key in CORE if (pattern := template_pattern(key)) is not None]
    made.sort(key=lambda item: -_literal_length(item[1]))
    return tuple(made)


def template_pattern(template: str) -> re.Pattern[str] | None:
    """The pattern of the messages ``template`` makes; None when it has no named field."""
    parts: list[str] = []
    seen: set[str] = set()
    for literal, field, _spec, _conversion in _FORMATTER.parse(template):
        parts.append(re.escape(literal))
        if field is None:
            continue
        if not field.isidentifier():
            return None
        parts.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
        seen.add(field)
    return re.compile("".join(parts), re.DOTALL) if seen else None


def _literal_length(template: str) -> int:
    return sum(len(literal) for literal, *_ in _FORMATTER.parse(template))
