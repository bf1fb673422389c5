"""Small presentation helpers shared by the CLI and the TUI, so both say things alike."""

from __future__ import annotations

from datetime import tzinfo

from suxun_tui.models import ArticleDetail
from suxun_tui.timefmt import format_full

META_LABELS = (
    ("来源", "origin"),
    ("作者", "author"),
    ("编辑", "editor"),
    ("责任编辑", "responsible_editor"),
)


def meta_line(article: ArticleDetail, zone: tzinfo | None = None) -> str:
    """``time · source · 来源 … · 作者 … · 编辑 … · 责任编辑 …`` with the fields that are known."""
    parts = [format_full(article.published, zone), article.source_name]
    for label, attribute in META_LABELS:
        value = getattr(article, attribute)
        if value:
            parts.append(f"{label} {value}")
    return " · ".join(p for p in parts if p)
