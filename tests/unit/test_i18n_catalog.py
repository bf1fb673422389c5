"""Every string the interface shows has a Simplified Chinese entry, and none is left bare.

The scan reads the source, not a running program: every literal passed to ``tr``, ``trn``
or ``N_`` anywhere in the package, the command table (footer, palette, help), and
Textual's own palette commands the reader shows. A second scan flags English literals
handed straight to ``notify``, ``Binding``, ``Label``, ``Button``, ``Static`` or the status
line's slots and pane titles in ``tui/`` — the way a new string would slip past the catalog.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from suxun_tui.text.i18n_zh import TEXTUAL_STRINGS, ZH_HANS
from suxun_tui.tui.commands import COMMANDS

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "suxun_tui"
MARKERS = {"tr": 1, "N_": 1, "trn": 2}  # function → how many leading string arguments
SHOWN = {"notify", "Binding", "Label", "Button", "Static", "Text", "Notice", "update"}
SHOWN_KEYWORDS = {"title", "placeholder", "message"}
TITLES = {"border_title", "border_subtitle", "activity"}  # and the status line's right slot


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def marked_strings() -> dict[str, str]:
    """Every literal given to tr/trn/N_ in the package → where it is."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (count := MARKERS.get(_name(node.func))):
                for arg in node.args[:count]:
                    if (text := _literal(arg)) is not None:
                        found.setdefault(text, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _english(text: str) -> bool:
    """Words a person reads: two letters running, and not a style or a CSS block."""
    words = [w for w in text.replace("\n", " ").split(" ") if w]
    styles = {"bold", "dim", "italic", "underline", "red", "cyan", "yellow", "reverse"}
    if not words or all(w in styles for w in words) or "{" in text and ";" in text:
        return False
    if "://" in text:  # an example address, not words
        return False
    return any(sum(c in string.ascii_letters for c in w) >= 2 for w in words)


def bare_literals(root: Path = PACKAGE / "tui") -> list[str]:
    """English literals shown without tr in tui/: ``notify("Done")``, ``Binding(…, "Quit")``."""
    bare = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):  # a pane's title: pane.border_title = "Sources"
                titled = any(_name(t) in TITLES for t in node.targets)
                if titled and (text := _literal(node.value)) is not None and _english(text):
                    bare.append(f"{path.name}:{node.lineno}: {text!r}")
                continue
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name == "Binding":
                candidates = node.args[2:3]  # the description; keys and action are names
            elif name in SHOWN:
                candidates = node.args[:1]
            else:
                candidates = []
            candidates += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            for arg in candidates:
                parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
                for part in parts:
                    text = _literal(part)
                    if text is not None and _english(text):
                        bare.append(f"{path.name}:{node.lineno}: {text!r}")
    return bare


def test_the_scan_finds_strings_across_the_package() -> None:
    found = marked_strings()
    assert "Press Esc, q or ? to close." in found  # help screen
    assert "{n}h ago" in found  # text/timefmt
    assert any(place.startswith("cli/") for place in found.values())
    assert len(found) > 150


def test_every_marked_string_has_a_simplified_entry() -> None:
    missing = [
        f"{place}: {text!r}" for text, place in marked_strings().items() if text not in ZH_HANS
    ]
    assert not missing, "no zh-Hans entry:\n" + "\n".join(missing)


@pytest.mark.parametrize("field", ["title", "help", "section"])
def test_every_command_is_translated(field: str) -> None:
    missing = [getattr(c, field) for c in COMMANDS if getattr(c, field) not in ZH_HANS]
    assert not missing


def test_textual_palette_commands_are_translated() -> None:
    assert all(text in ZH_HANS for text in TEXTUAL_STRINGS)


def test_entries_keep_their_fields() -> None:
    """A translation fills the same ``{fields}`` as its English, or tr() would raise."""
    formatter = string.Formatter()
    for english, chinese in ZH_HANS.items():
        fields = {f for _, f, _, _ in formatter.parse(english) if f is not None}
        assert fields == {f for _, f, _, _ in formatter.parse(chinese) if f is not None}, english


def test_no_english_literal_is_shown_bare_in_the_reader() -> None:
    bare = bare_literals()
    assert not bare, "shown without tr():\n" + "\n".join(bare)


def test_the_bare_scan_catches_bare_strings(tmp_path: Path) -> None:
    (tmp_path / "screen.py").write_text(
        "screen.notify('Refreshed everything', timeout=3)\n"
        "Binding('r', 'refresh', f'Refresh {name}')\n"
        "screen.notify(tr('Refreshed everything'))\n"
        "Text(message, style='bold dim')\n"
        "Input(placeholder='https://example.org/feed.xml')\n"
        "self.border_title = 'Sources'\n",
        encoding="utf-8",
    )
    assert sorted(bare_literals(tmp_path)) == [
        "screen.py:1: 'Refreshed everything'",
        "screen.py:2: 'Refresh '",
        "screen.py:6: 'Sources'",
    ]
