"""Feed documents: RSS, Atom, RDF and JSON Feed bytes become ``ParsedFeed`` values.

``parse`` chooses the route (``fastfeed`` for well-formed UTF-8, feedparser otherwise),
``fastblocks`` and ``fragments`` turn HTML fragments into blocks, ``opml`` reads and writes
subscription lists. Nothing here fetches or writes the store.
"""
