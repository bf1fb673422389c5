"""Reading web pages: column pages become headlines, article pages become clean text.

Most Chinese regional news sites publish no feed, and many feeds carry only a summary, so the
reader reads pages themselves. The package is pure Python on top of lxml; nothing here does
network I/O except :mod:`suxun_tui.pages.reader`, which takes a fetch function.

* :mod:`.charset` - bytes to text without mojibake;
* :mod:`.cleanup` - pinyin repair and whitespace;
* :mod:`.dates`, :mod:`.metadata`, :mod:`.boilerplate` - the Chinese info bar and the lines
  that are not article text;
* :mod:`.extract` - an article page to :class:`~suxun_tui.models.ArticleText`, as steps:
  :mod:`.dom` (parse, clean), :mod:`.scoring` (candidates), :mod:`.region` (the content
  region), :mod:`.html_blocks` (blocks), :mod:`.title` and :mod:`.fields` (fields),
  :mod:`.body_filter` and :mod:`.edges` (filter);
* :mod:`.vocabulary` - every word, label and class name the rules recognise;
* :mod:`.listing` - a column page to :class:`~suxun_tui.models.ListedArticle` rows;
* :mod:`.reader` - multi-page articles and paginated columns through a fetch function.
"""

from __future__ import annotations

__all__ = ["ExtractionError"]


class ExtractionError(Exception):
    """A page holds no article text (or no article links, for a column page).

    ``str(error)`` is a short human message suitable for the CLI and the sources pane.
    """
