"""suxun-tui: a terminal news reader for feeds and Chinese news pages."""

__version__ = "0.1.0"
