"""Cached bytecode for the package before anything is timed.

A fresh install compiles every module once (pip does it at install time, an editable
install on the first import). Where ``PYTHONDONTWRITEBYTECODE`` is set, or a file changed
since its ``.pyc`` was written, each child process would compile those modules from
source again, and a start-up figure would count tens of milliseconds that no installed
reader pays. Benchmarks that time whole processes call :func:`compile_package` first.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "suxun_tui"


def compile_package() -> None:
    """Write (or refresh) the ``.pyc`` of every module of the package."""
    compileall.compile_dir(PACKAGE, quiet=1)
