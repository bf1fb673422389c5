"""The Textual reader: three panes over the store; nothing here parses, fetches or runs SQL."""
