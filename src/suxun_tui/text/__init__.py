"""Text in, text out: sanitizing, time formats, link rules, script conversion, hashes.

The lowest layer beside ``models``: nothing here fetches, parses HTML or touches the store,
so every other layer may use it. Importing the package loads nothing heavy (OpenCC is
loaded on first conversion).
"""
