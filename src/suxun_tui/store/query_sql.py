"""A parsed query (:mod:`suxun_tui.query`) as SQL over the cache and its full-text index.

Every condition is exact, so a LIMIT in SQL is safe and nothing is confirmed in Python:
- a term of three or more (folded) characters is an FTS5 phrase of trigrams, which is
  exactly a substring test within one column;
- a term of one or two characters cannot be a trigram: when no long term drives the
  query, its articles come from the trigram vocabulary — every occurrence starts some
  trigram, because the index pads each value (store.fts.PAD) — which is exact; otherwise
  (or for a term too common to be worth collecting) it is a substring test
  (:mod:`~suxun_tui.store.text_test`) on the index's folded copy of the text, for the
  candidates only — as is a common long term left out of such candidates;
- names (``source:``, ``group:``) are folded and resolved to ids before the query runs
  (:mod:`~suxun_tui.store.query_names`).

A view never shows what a rule hid (unless the query asks for ``is:hidden``) nor the
later copies of a story another source carried first (:data:`SHOWN`); rules see every
article (``every=True``).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from suxun_tui.query.model import Age, Atom, DateBound, Field, Item, Query, State, Text
from suxun_tui.store.fold import fold
from suxun_tui.store.fts import CONTENT_TABLE, FTS_TABLE
from suxun_tui.store.query_names import Names
from suxun_tui.store.text_test import glob_pattern, substring_sql
from suxun_tui.text.timefmt import to_stored

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

IDX = FTS_TABLE
# The index's own copy of its text (FTS5's content table: c0 title, c1 text, c2 author):
# a short term is confirmed there, a plain row read by id, far cheaper than a lookup
# through the index table itself.
CONTENT = CONTENT_TABLE
_CONTENT_COLUMNS = {"title": "c0", "text": "c1", "author": "c2", "source": "c3"}
TEXT_COLUMNS = ("title", "text")
# A short term with more occurrences than this is confirmed with ``instr`` on the
# candidates of a rarer one rather than collected from the vocabulary itself.
VOCAB_LIMIT = 20_000
# When only the newest page is wanted, reading the newest articles and confirming each
# (a walk) finds the page sooner than collecting the rarest term's articles once that
# term is common enough: a walk reads page / share articles, collecting reads share × N,
# and a walked article costs about WALK_COST times a collected one — so the walk wins
# past sqrt(page × N × WALK_COST) occurrences (about 6,900 for 300 rows of 100,000).
WALK_COST = 1.6
# Below that, a newest page of a collected term is read by date, each article tested
# against the collected set, once the term has more than sqrt(page × N × SET_COST)
# articles (about 1,300 for 300 rows of 100,000): reading every collected article to sort
# them costs about 1 / SET_COST times testing one more article of the date order.
SET_COST = 1 / 18
# A term left out when short terms give the candidates: listing its articles (NOT IN)
# costs some 1,900 instructions each, testing a candidate's text some 20,000, so the text
# is tested when the term is in this many times as many articles as there are candidates.
LEFT_OUT_RATIO = 10
_NOT_LISTED = f"a.id NOT IN (SELECT rowid FROM {IDX} WHERE {IDX} MATCH ?)"
_TOP = "\U0010ffff"
# What every view shows: not hidden by a rule, not a later copy of another source's story.
NOT_HIDDEN = "a.hidden = 0"
ROOTS = "a.dup_of IS NULL"
SHOWN = f"{NOT_HIDDEN} AND {ROOTS}"


@dataclass
class Compiled:
    """SQL pieces for one query: an FTS5 expression that drives it (if any), and
    conditions over ``a`` (articles), ``s`` (sources) and the index row."""

    match: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    short: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # Set by narrowing(): the newest page is found by reading the newest articles and
    # confirming every short term on each (store.search bounds that walk).
    walk: bool = False
    # Conditions (and their parameters) to test before all others: the collected sets
    # a newest page is read against in date order (narrowing()).
    first: list[str] = field(default_factory=list)
    first_params: list[object] = field(default_factory=list)
    # The terms left out when nothing drives the query, as (folded text, columns): each
    # is an ``a.id NOT IN`` condition at the end of ``where`` (one parameter each), which
    # narrowing() may turn into a test of the candidates' text.
    left_out: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def expression(self) -> str | None:
        """The one MATCH expression, or None when no long term can drive the query."""
        if not self.match:
            return None
        expr = " AND ".join(f"({m})" for m in self.match)
        if self.excluded:
            expr = f"({expr}) NOT ({' OR '.join(self.excluded)})"
        return expr


def phrase(text: str, columns: tuple[str, ...]) -> str:
    """An FTS5 phrase limited to ``columns``; quotes inside are doubled."""
    return "{" + " ".join(columns) + '} : "' + text.replace('"', '""') + '"'


class Compiler:
    """Turns a :class:`Query` into :class:`Compiled` against one connection (names are
    resolved to ids there, and short terms' frequencies read from the vocabulary)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        now: datetime | None = None,
        scan: str | None = None,
        *,
        content: bool = False,
        contains: Callable[[str, tuple[str, ...]], str | None] | None = None,
    ) -> None:
        self.conn = conn
        self.now = now or datetime.now(UTC)
        # ``scan``: the alias of a row holding the folded columns (articles still queued
        # for the index, store.search): every text term is then ``instr`` on that row.
        self.scan = scan
        # ``content``: that row is the index's content table (:data:`CONTENT`), whose
        # columns are numbered.
        self.content = content
        # ``contains``: how a scan tests a folded term in those columns instead (SQL, or
        # None for ``instr``; store.pending_fold's test of the text it keeps).
        self.contains = contains
        self.names = Names(conn)

    def compile(self, query: Query, *, every: bool = False) -> Compiled:
        """``query`` as SQL pieces; ``every`` keeps hidden articles and later copies in."""
        out = Compiled()
        if not every:
            out.where.append(ROOTS)
            if not _asks_hidden(query):
                out.where.append(NOT_HIDDEN)
        for group in query.groups:
            if len(group) == 1:
                self._single(group[0], out)
            elif self.scan is None and all(_is_long_text(i) and not i.negated for i in group):
                out.match.append(" OR ".join(self._long(i.atom) for i in group))
            else:
                parts = [self._condition(item, out) for item in group]
                out.where.append("(" + " OR ".join(parts) + ")")
        if not out.match:
            # Nothing drives the query: excluded long terms become NOT IN conditions.
            for expr in out.excluded:
                out.where.append(_NOT_LISTED)
                out.params.append(expr)
            out.excluded = []
        else:
            out.left_out = []
        return out

    # --- items ---------------------------------------------------------------------------

    def _single(self, item: Item, out: Compiled) -> None:
        if self.scan is not None:
            out.where.append(self._condition(item, out))
            return
        if _is_long_text(item):
            if item.negated:
                folded, columns = _text_of(item.atom)
                assert folded is not None
                out.excluded.append(phrase(folded, columns))
                out.left_out.append((folded, columns))
            else:
                out.match.append(self._long(item.atom))
            return
        folded, columns = _text_of(item.atom)
        if folded and not item.negated:
            out.short.append((folded, columns))  # placed by narrowing(): vocabulary or instr
            return
        out.where.append(self._condition(item, out))

    def _long(self, atom: Atom) -> str:
        folded, columns = _text_of(atom)
        assert folded is not None
        return phrase(folded, columns)

    def _condition(self, item: Item, out: Compiled) -> str:
        """One item as an SQL condition (parameters appended to ``out``)."""
        sql = self._atom_sql(item.atom, out)
        return f"NOT ({sql})" if item.negated else sql

    def _atom_sql(self, atom: Atom, out: Compiled) -> str:
        folded, columns = _text_of(atom)
        if folded is not None:
            if not folded:
                return "1"
            if len(folded) >= 3 and self.scan is None:
                out.params.append(phrase(folded, columns))
                return f"a.id IN (SELECT rowid FROM {IDX} WHERE {IDX} MATCH ?)"
            return self._contains(folded, columns, out)
        if isinstance(atom, Field):
            return self.names.sql(atom, out.params)
        if isinstance(atom, State):
            return {
                "unread": "a.read = 0",
                "read": "a.read = 1",
                "starred": "a.starred = 1",
                "hidden": "a.hidden = 1",
            }[atom.name]
        if isinstance(atom, DateBound):
            moment = datetime.combine(atom.day, time(), UTC)
            out.params.append(to_stored(moment))
            return "a.published >= ?" if atom.after else "a.published < ?"
        assert isinstance(atom, Age)
        out.params.append(to_stored(self.now - timedelta(seconds=atom.seconds)))
        return "a.published >= ?" if atom.newer else "a.published < ?"

    def _contains(self, folded: str, columns: tuple[str, ...], out: Compiled) -> str:
        """A substring test on the article's index row (one rowid lookup per candidate)."""
        tested = None if self.contains is None else self.contains(folded, columns)
        if tested is not None:
            return tested
        if self.scan is not None and self.content:
            named = [f"{self.scan}.{_CONTENT_COLUMNS[c]}" for c in columns]
            return substring_sql(folded, named, out.params)
        if self.scan is not None:
            out.params.extend([glob_pattern(folded)] * len(columns))
            return "(" + " OR ".join(f"{self.scan}.{c} GLOB ?" for c in columns) + ")"
        return self._contains_all([(folded, columns)], out)

    def _contains_all(
        self,
        terms: list[tuple[str, tuple[str, ...]]],
        out: Compiled,
        without: list[tuple[str, tuple[str, ...]]] | None = None,
    ) -> str:
        """Every one of ``terms`` found (:mod:`~suxun_tui.store.text_test`) in the
        article's copy of the index's text, and none of ``without``: one row read for them
        all, tested in the order given (the likeliest to fail first)."""
        tests = [self._in_content(folded, columns, out) for folded, columns in terms]
        if not tests:  # ``without`` alone: an article without a copy has none of them
            left = " OR ".join(self._in_content(f, c, out) for f, c in without or ())
            return f"NOT EXISTS (SELECT 1 FROM {CONTENT} x WHERE x.id = a.id AND ({left}))"
        tests += [f"NOT {self._in_content(f, c, out)}" for f, c in without or ()]
        return f"EXISTS (SELECT 1 FROM {CONTENT} x WHERE x.id = a.id AND {' AND '.join(tests)})"

    def _in_content(self, folded: str, columns: tuple[str, ...], out: Compiled) -> str:
        named = [f"x.{_CONTENT_COLUMNS[c]}" for c in columns]
        return substring_sql(folded, named, out.params)

    # --- short terms -----------------------------------------------------------------------

    def narrowing(self, out: Compiled, page: int | None = None, *, scoped: bool = False) -> None:
        """Place the positive short terms: each one's articles from the trigram vocabulary
        when nothing else drives the query (the rarest always; the others unless they are
        common and the rarest is not), the rest confirmed with a substring test on the candidates
        (rarest first, all on one read of the article's text).

        When only the newest ``page`` is wanted and even the rarest is common (see
        :data:`WALK_COST`), every term is confirmed while reading the newest articles
        first (``out.walk``): a page of matches is found long before all of them could
        be collected. ``scoped``: the caller adds conditions of its own (a source).
        """
        terms = out.short
        if not terms:
            return  # terms left out stay listed: nothing here bounds the candidates
        if out.match:
            # Longer terms first: they fail more often, so the others are rarely tested.
            out.where.append(self._contains_all(sorted(terms, key=lambda t: -len(t[0])), out))
            return
        cap = VOCAB_LIMIT if page is None else self._break_even(page, WALK_COST)
        # Rarest first; among terms past the count, the longer first.
        counted = sorted(
            (self._occurrences(t, c, cap), -len(t), index) for index, (t, c) in enumerate(terms)
        )
        rarest = counted[0][0]
        left_out = out.left_out
        if left_out:  # their NOT IN conditions, placed again below (or tested on the text)
            assert out.where[-len(left_out) :] == [_NOT_LISTED] * len(left_out)
            del out.where[-len(left_out) :]
            del out.params[-len(left_out) :]
        # A walk reads fewer articles than collecting the rarest term would (``cap``).
        by_text = self._left_out_by_text(left_out, min(rarest, cap), out)
        if page is not None and rarest >= cap:
            ordered = [terms[i] for _, _, i in counted]
            test = self._contains_all(ordered, out, by_text)
            # Most articles a walk reads fail the test: what every view leaves out (a
            # column at the end of the article's row) is read only for those that pass.
            # (In a CASE: SQLite tests a correlated subquery after any other condition.)
            shown = [w for w in out.where if w in (ROOTS, NOT_HIDDEN)]
            if shown:
                out.where = [w for w in out.where if w not in (ROOTS, NOT_HIDDEN)]
                test = f"CASE WHEN {test} THEN {' AND '.join(shown)} ELSE 0 END"
            out.where.append(test)
            out.walk = True
            return
        # A newest page of a common collected term: read in date order, each article
        # tested against the sets ("+" keeps SQLite from reading the set's articles
        # first; tested before anything else, the set is built once). Only for terms
        # alone: with other conditions (a field, a state, a term left out) the matches
        # may be far fewer than the term's articles, and a read in date order that never
        # fills the page reads every article (130 million instructions at 100,000 for
        # ``is:unread group:组1 万长 -本色干``, against a few million collected).
        alone = not scoped and not left_out and all(w in (ROOTS, NOT_HIDDEN) for w in out.where)
        by_date = alone and page is not None and rarest >= self._break_even(page, SET_COST)
        confirmed = []
        for rank, (count, _, index) in enumerate(counted):
            term, columns = terms[index]
            if rank == 0 or count < cap or rarest >= cap:
                marks = ",".join("?" * len(columns))
                condition = (
                    f"{'+' if by_date else ''}a.id IN (SELECT doc FROM {IDX}_terms"
                    f" WHERE term >= ? AND term <= ? AND col IN ({marks}))"
                )
                values = [term, term + _TOP * (3 - len(term)), *columns]
                (out.first if by_date else out.where).append(condition)
                (out.first_params if by_date else out.params).extend(values)
            else:
                confirmed.append((term, columns))
        if confirmed or by_text:
            out.where.append(self._contains_all(confirmed, out, by_text))

    def _left_out_by_text(
        self, left_out: list[tuple[str, tuple[str, ...]]], candidates: int, out: Compiled
    ) -> list[tuple[str, tuple[str, ...]]]:
        """The terms left out that are better tested on the text of the ``candidates``
        articles (at most) the short terms give: those the index finds in at least
        :data:`LEFT_OUT_RATIO` times as many. The others are listed again (NOT IN) in
        ``out``: a rare term's list costs less than testing every candidate."""
        by_text = []
        enough = LEFT_OUT_RATIO * candidates
        common = enough < article_span(self.conn)
        for folded, columns in left_out:
            expr = phrase(folded, columns)
            if common and self._matches_at_least(expr, enough):
                by_text.append((folded, columns))
            else:
                out.where.append(_NOT_LISTED)
                out.params.append(expr)
        return by_text

    def _matches_at_least(self, expr: str, count: int) -> bool:
        """Whether the index finds ``expr`` in ``count`` articles or more (read no further)."""
        row = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {IDX} WHERE {IDX} MATCH ? LIMIT ?)",
            (expr, count),
        ).fetchone()
        return int(row[0]) >= count

    def _break_even(self, page: int, cost: float) -> int:
        """Occurrences past which reading the newest articles in date order (each costing
        ``cost`` times a collected one: :data:`WALK_COST`, :data:`SET_COST`) finds a
        newest ``page`` sooner than collecting the term's articles."""
        return math.ceil(math.sqrt(page * article_span(self.conn) * cost))

    def _occurrences(self, term: str, columns: tuple[str, ...], cap: int) -> int:
        """How often ``term`` starts a trigram, counted up to ``cap``."""
        row = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {IDX}_terms WHERE term >= ? AND term <= ?"
            f" AND col IN ({','.join('?' * len(columns))}) LIMIT ?)",
            (term, term + _TOP * (3 - len(term)), *columns, cap),
        ).fetchone()
        return int(row[0])


def article_span(conn: sqlite3.Connection) -> int:
    """How many ids the articles span (at least 1): their number, give or take the
    deleted ones. Two lookups at the ends of the rowid tree, not a count."""
    row = conn.execute(
        "SELECT (SELECT max(id) FROM articles) - (SELECT min(id) FROM articles) + 1"
    ).fetchone()
    return max(1, int(row[0] or 0))


def _text_of(atom: Atom) -> tuple[str | None, tuple[str, ...]]:
    """The folded text an atom looks for and the index columns it looks in; None if none."""
    if isinstance(atom, Text):
        return fold(atom.text), TEXT_COLUMNS
    if isinstance(atom, Field) and atom.name == "author":
        return fold(atom.value), ("author",)
    return None, ()


def _is_long_text(item: Item) -> bool:
    folded, _ = _text_of(item.atom)
    return folded is not None and len(folded) >= 3


def _asks_hidden(query: Query) -> bool:
    """Whether ``query`` names ``is:hidden`` anywhere: then hidden articles may match."""
    return any(
        isinstance(item.atom, State) and item.atom.name == "hidden"
        for group in query.groups
        for item in group
    )
