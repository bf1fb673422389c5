"""The layering rule, checked from the source: only suxun_tui/tui/ may import Textual."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "suxun_tui"


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything ``path`` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["suxun_tui", *path.relative_to(PACKAGE).parent.parts]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_core_never_imports_textual_or_the_tui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "tui" or relative.name in ("entry.py", "__main__.py"):
            continue
        for name in imported_modules(path):
            if name.split(".")[0] == "textual" or name.startswith("suxun_tui.tui"):
                offenders.append(f"{relative}: {name}")
    assert offenders == []


def test_tui_never_runs_sql_or_fetches() -> None:
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        for name in imported_modules(path):
            if name.split(".")[0] in ("sqlite3", "httpx", "feedparser", "lxml", "selectolax"):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
