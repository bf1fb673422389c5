"""The one error of reading feeds, apart from the readers themselves.

The refresh engine catches it on every refresh, but reading a feed loads lxml, feedparser
and their tables (~50 ms): a refresh whose sources all answer "not modified", or one that
only syncs accounts, imports this module and never the readers.
"""

from __future__ import annotations


class FeedError(Exception):
    """The bytes are not a feed we can read; the message says why and what to try."""
