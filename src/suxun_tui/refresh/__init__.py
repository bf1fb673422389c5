"""Bringing the cache up to date: the refresh engine, its parse pool and schedule, full text.

``engine.refresh_sources`` fetches due sources and stores their rows; ``parse_pool`` runs the
CPU-bound parsing in threads or processes; ``schedule`` decides when a source is due;
``fulltext`` fetches and stores one article's page. The package itself imports nothing, so
asking ``fulltext.should_fetch_full_text`` does not load the HTTP client.
"""
