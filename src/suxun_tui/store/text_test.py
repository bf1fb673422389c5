"""A search's substring test on the index's folded copy of an article's text.

A short term (or a long one read on the newest articles, or one left out) is confirmed
on the candidates' text in SQL, as exactly as the index would find it: a plain substring
test on the folded text. Two ways, by the term's first character:

- one that is ASCII: ``GLOB '*term*'`` (:func:`glob_pattern`). SQLite skips to that
  character with a byte search, about 4,000 instructions for an article of 2,000 bytes;
- any other (Chinese, mostly): SQLite's GLOB and ``instr`` read such text a character at
  a time, some 25,000 instructions an article; Python finds the term's UTF-8 bytes in the
  text's bytes (``suxun_holds``, below) in about a third of that, call included. A
  substring of the bytes is a substring of the text, since UTF-8 never starts a
  character inside another.
"""

from __future__ import annotations

import sqlite3

HOLDS = "suxun_holds"


def holds(term: bytes, *texts: bytes | None) -> bool:
    """Whether one of ``texts`` (UTF-8 bytes; NULL for none) holds ``term``."""
    for text in texts:  # noqa: SIM110 - a loop: any() on a generator costs more a call
        if text is not None and term in text:
            return True
    return False


def register(conn: sqlite3.Connection) -> None:
    """``suxun_holds(term, text, ...)`` on ``conn`` (every connection of the store)."""
    conn.create_function(HOLDS, -1, holds, deterministic=True)


def substring_sql(folded: str, columns: list[str], params: list[object]) -> str:
    """SQL that holds when one of ``columns`` (SQL expressions of folded text) contains
    ``folded`` (not empty); its parameters are appended to ``params``."""
    if folded[0].isascii():
        params.extend([glob_pattern(folded)] * len(columns))
        return "(" + " OR ".join(f"{c} GLOB ?" for c in columns) + ")"
    params.append(folded.encode())
    texts = ", ".join(f"CAST({c} AS BLOB)" for c in columns)
    return f"{HOLDS}(?, {texts})"


def glob_pattern(folded: str) -> str:
    """A GLOB that holds for text containing ``folded``, its wildcards made literal.

    A substring test, as ``instr`` would be, and as exact (GLOB compares case and all);
    SQLite runs it about twice as fast for a Latin term (it skips to the first character
    with a byte search)."""
    literal = "".join(f"[{c}]" if c in "*?[" else c for c in folded)
    return f"*{literal}*"
