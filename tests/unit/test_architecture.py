"""The layering rule, checked from the source: only suxun_tui/tui/ may import Textual."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "suxun_tui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_textual_or_the_tui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "tui" or relative.name in ("entry.py", "__main__.py"):
            continue
        for name in imported_modules(path):
            if name.split(".")[0] in ("textual",) or name.startswith("suxun_tui.tui"):
                offenders.append(f"{relative}: {name}")
    assert offenders == []


def test_tui_never_runs_sql_or_fetches() -> None:
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        for name in imported_modules(path):
            if name.split(".")[0] in ("sqlite3", "httpx", "feedparser", "lxml", "selectolax"):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
