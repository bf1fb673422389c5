"""When an article's page is fetched: the ``full_text`` setting as one predicate.

Kept apart from ``fulltext`` (which fetches) so that the reader can ask on every cursor
move without importing the HTTP client; the CLI's ``show`` asks the same question.
"""

from __future__ import annotations

from suxun_tui.config import Config
from suxun_tui.models import ArticleDetail
from suxun_tui.store import Store


def should_fetch_full_text(config: Config, store: Store, detail: ArticleDetail) -> bool:
    """Whether showing ``detail`` should fetch its page (the ``full_text`` setting).

    A page source has no body without its article page, so it is always fetched; feeds
    are fetched when they carry only a summary (``auto``), for any missing body
    (``always``), or never. Nothing is fetched twice: a stored full text is final.
    """
    spec = config.source(detail.source_name)
    mode = spec.full_text if spec is not None else "auto"
    is_page = detail.source_kind == "page" or (spec is not None and spec.kind == "page")
    if not (is_page or mode == "always" or (mode == "auto" and not detail.has_full_text)):
        return False
    return store.needs_full_text(detail.id)
