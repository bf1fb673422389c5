"""Small presentation helpers shared by the CLI and the TUI, so both say things alike."""

from __future__ import annotations

from collections.abc import Callable

from suxun_tui.models import ArticleDetail
from suxun_tui.text.timefmt import format_full


def _same(text: str) -> str:
    return text


def meta_line(article: ArticleDetail, convert: Callable[[str], str] = _same) -> str:
    """``2025-12-29 12:34 · 来源 供稿 · 作者 王帅 · 编辑 玖柒六 · 责任编辑 陆超``.

    The Chinese labels appear when the page gave Chinese newsroom fields (origin, editor);
    a plain feed just shows its author, because ``作者 Ada Park`` would read oddly.
    ``convert`` puts names into the script the user reads (labels are Simplified).
    """
    fields: list[str] = []
    when = format_full(article.published)
    if when:
        fields.append(when)
    if article.origin or article.editor or article.responsible_editor:
        labelled = (
            ("来源", article.origin),
            ("作者", article.author),
            ("编辑", article.editor),
            ("责任编辑", article.responsible_editor),
        )
        fields.extend(f"{label} {convert(value)}" for label, value in labelled if value)
    elif article.author:
        fields.append(convert(article.author))
    return " · ".join(fields)
