"""``[keys]``: the user's own key for any command of the reader.

``refresh-all = "R"`` or ``quit = ["q", "ctrl+c"]``; an empty list leaves a command to the
command palette. Key names are checked here, against a table of our own (the core never
imports Textual), and written the way Textual names keys (``?`` → ``question_mark``,
``ctrl+shift+up`` with modifiers in Textual's order), so the reader can bind them as
they are. Which commands exist is the reader's table, so :func:`resolve_keys` takes it
as an argument: unknown commands are reported there, with the line they stand on.

A key given here is taken from the command that has it by default (as newsboat's
``bind-key`` does); the same key given to two commands here is an error, because only
one of them could ever run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from suxun_tui.config.checks import shown
from suxun_tui.config.model import ConfigError, KeyOverride
from suxun_tui.text.i18n import N_

# Named keys a terminal sends, as Textual names them; a few common spellings map onto them.
_NAMED = frozenset(
    {
        "up",
        "down",
        "left",
        "right",
        "home",
        "end",
        "pageup",
        "pagedown",
        "enter",
        "escape",
        "tab",
        "space",
        "backspace",
        "delete",
        "insert",
    }
    | {f"f{n}" for n in range(1, 25)}
)
_ALIASES = {
    "esc": "escape",
    "return": "enter",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "page_up": "pageup",
    "page_down": "pagedown",
    "del": "delete",
    "ins": "insert",
    "bs": "backspace",
}
# Textual's own names for the punctuation keys (how it spells the Unicode name).
_RENAMED = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_MODIFIERS = ("alt", "ctrl", "shift")  # sorted: the order Textual reports them in
# Keys the reader does not own: the command palette, and Textual's own quit.
RESERVED = {"ctrl+p": N_("the command palette"), "ctrl+q": N_("quitting (Textual's own key)")}
MAX_KEYS_PER_COMMAND = 8


def _punctuation_name(character: str) -> str:
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _RENAMED.get(name, name)


_PUNCTUATION = {c: _punctuation_name(c) for c in map(chr, range(0x21, 0x7F)) if not c.isalnum()}
_PUNCTUATION_NAMES = frozenset(_PUNCTUATION.values())


class KeyNameError(ValueError):
    """A key name that no terminal sends; the message says how to write it."""


def normalize_key(name: str) -> str:
    """``name`` as Textual names the key: ``?`` → ``question_mark``, ``Ctrl+R`` → ``ctrl+r``.

    Raises :class:`KeyNameError` for anything else.
    """
    text = name.strip()
    if len(text) == 1:
        return _single(text)
    if not text or not re.fullmatch(r"[\x21-\x7e]+", text):
        raise KeyNameError(N_("a key is one character or a name such as ctrl+r, f5 or pageup"))
    *modifiers, base = re.split(r"\+(?=.)", text)
    lowered = [m.lower() for m in modifiers]
    for modifier in lowered:
        if modifier not in _MODIFIERS:
            message = N_("{modifier!r} is not a modifier; use ctrl, alt or shift")
            raise KeyNameError(message.format(modifier=modifier))
    if len(set(lowered)) != len(lowered):
        raise KeyNameError(N_("a modifier is given twice"))
    key = _base(base, bool(lowered))
    if "shift" in lowered and len(key) == 1:
        message = N_('write "{upper}" for Shift+{key}, not "shift+{key}"')
        raise KeyNameError(message.format(upper=key.upper(), key=key))
    return "+".join([*sorted(lowered), key])


def _single(character: str) -> str:
    if character.isascii() and character.isalnum():
        return character
    if character in _PUNCTUATION:
        return _PUNCTUATION[character]
    message = N_(
        "{character!r} is not a key a terminal sends alone; use an ASCII letter, digit or sign"
    )
    raise KeyNameError(message.format(character=character))


def _base(base: str, modified: bool) -> str:
    if len(base) == 1:
        # Under ctrl or alt a letter is the same key in either case: ctrl+R is ctrl+r.
        return _single(base.lower() if modified else base)
    lowered = base.lower()
    key = _ALIASES.get(lowered, lowered)
    if key in _NAMED or key in _PUNCTUATION_NAMES:
        return key
    message = N_(
        "{base!r} is not a key name; use a character or one of up, down, left, right, home,"
        " end, pageup, pagedown, enter, escape, tab, space, backspace, delete, insert, f1-f24"
    )
    raise KeyNameError(message.format(base=base))


def command_name(action: str) -> str:
    """An action as the config writes it: ``refresh_all`` → ``refresh-all``."""
    return action.replace("_", "-")


_KEYS = re.compile(r"\s*\[\s*keys\s*\]")


class _KeysTable:
    """Where the ``[keys]`` table and each of its keys are in the file."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.start = next((i for i, line in enumerate(self.lines) if _KEYS.match(line)), None)

    def where(self, key: str | None = None) -> str:
        if self.start is None:
            return str(self.path)
        if key is not None:
            pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for i in range(self.start + 1, len(self.lines)):
                if re.match(r"\s*\[", self.lines[i]):
                    break
                if pattern.match(self.lines[i]):
                    return f"{self.path}:{i + 1}"
        return f"{self.path}:{self.start + 1}"


def parse_keys(raw: Any, text: str, path: Path) -> tuple[KeyOverride, ...]:
    """``[keys]`` → overrides with canonical key names; each remembers its file and line.

    Checked here: the table's shape, every key name, reserved keys and one key given to
    two commands. Whether each command exists is checked by :func:`resolve_keys`.
    """
    table = _KeysTable(text, path)
    if not isinstance(raw, dict):
        message = N_("{where}: 'keys' must be a table: [keys] then refresh = \"r\"")
        raise ConfigError(message.format(where=table.where()))
    overrides: list[KeyOverride] = []
    owner: dict[str, str] = {}
    for command, value in raw.items():
        where = table.where(command)
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            message = N_(
                '{where}: keys.{command} must be a key ("R") or a list of keys (["q", "ctrl+c"]),'
                " not {value}"
            )
            raise ConfigError(message.format(where=where, command=command, value=shown(value)))
        if len(names) > MAX_KEYS_PER_COMMAND:
            message = N_("{where}: keys.{command}: at most {count} keys")
            raise ConfigError(
                message.format(where=where, command=command, count=MAX_KEYS_PER_COMMAND)
            )
        keys: list[str] = []
        for name in names:
            try:
                key = normalize_key(name)
            except KeyNameError as exc:
                raise ConfigError(f"{where}: keys.{command}: {shown(name)}: {exc}") from exc
            if key in RESERVED:
                message = N_("{where}: keys.{command}: {key!r} is kept for {use}; choose another")
                use = RESERVED[key]
                raise ConfigError(message.format(where=where, command=command, key=name, use=use))
            if key in owner and owner[key] != command:
                message = N_(
                    "{where}: keys.{command}: {key!r} is also given to {other} ({there}); one key"
                    " runs one command"
                )
                there = table.where(owner[key])
                said = message.format(
                    where=where, command=command, key=name, other=owner[key], there=there
                )
                raise ConfigError(said)
            owner[key] = command
            if key not in keys:
                keys.append(key)
        overrides.append(KeyOverride(command, tuple(keys), where))
    return tuple(overrides)


class ResolvedKeys(NamedTuple):
    """Every command's keys after the overrides: action → Textual key names, in order."""

    keys: Mapping[str, tuple[str, ...]]
    changed: frozenset[str]  # actions whose keys the config set


def resolve_keys(
    overrides: tuple[KeyOverride, ...], defaults: Mapping[str, tuple[str, ...]]
) -> ResolvedKeys:
    """The defaults (action → keys) with ``overrides`` applied.

    Raises :class:`ConfigError` naming file and line for a command that does not exist.
    A key an override takes is removed from whichever command had it by default.
    """
    by_name = {command_name(action): action for action in defaults}
    chosen: dict[str, tuple[str, ...]] = {}
    for override in overrides:
        action = by_name.get(override.command)
        if action is None:
            raise ConfigError(f"{override.where}: {_unknown(override.command, by_name)}")
        chosen[action] = override.keys
    taken = {key for keys in chosen.values() for key in keys}
    keys = {
        action: chosen[action] if action in chosen else tuple(k for k in default if k not in taken)
        for action, default in defaults.items()
    }
    return ResolvedKeys(keys, frozenset(chosen))


def _unknown(command: str, by_name: Mapping[str, str]) -> str:
    guess = command_name(command.strip().lower())
    if guess in by_name:
        message = N_("unknown command {command!r} in [keys]; write it {guess!r}")
        return message.format(command=command, guess=guess)
    import difflib  # only to suggest a name for a mistyped one

    close = difflib.get_close_matches(guess, list(by_name), n=1)
    if close:
        message = N_(
            "unknown command {command!r} in [keys]; did you mean {guess!r}? (config.example.toml"
            " lists them)"
        )
        return message.format(command=command, guess=close[0])
    message = N_("unknown command {command!r} in [keys] (config.example.toml lists them)")
    return message.format(command=command)


_CHARACTERS = {name: c for c, name in _PUNCTUATION.items()}
_SHOWN = {"pageup": "PgUp", "pagedown": "PgDn", "escape": "Esc"}


def key_label(key: str) -> str:
    """A Textual key name as people write it: ``question_mark`` → ``?``, ``ctrl+r`` → ``Ctrl+R``."""
    *modifiers, base = re.split(r"\+(?=.)", key)
    shown_base = _CHARACTERS.get(base) or _SHOWN.get(base)
    if shown_base is None:
        shown_base = base.upper() if modifiers and len(base) == 1 else base
        if len(base) > 1:
            shown_base = base[:1].upper() + base[1:]
    return "+".join([*(m.capitalize() for m in modifiers), shown_base])
