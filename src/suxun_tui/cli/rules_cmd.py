"""``suxun-tui rules apply``: run every ``[[rules]]`` over the whole cache and say what
each rule matched and changed (text, or ``--json``). New articles get the rules as a
refresh or a sync stores them; this is for rules just written and for older articles.
A rule never deletes: ``hide`` keeps the article, shown only by ``is:hidden``."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from suxun_tui.cli.codes import EXIT_OK
from suxun_tui.text.i18n import tr
from suxun_tui.text.sanitize import clean_line


def run(args: argparse.Namespace) -> int:
    from suxun_tui.cli.context import open_context
    from suxun_tui.store.rules import apply_rules

    context = open_context(args)
    if isinstance(context, int):
        return context
    with contextlib.closing(context.store):  # a clean close, as in list and search
        results = apply_rules(context.store, context.config.rules)
    if getattr(args, "json", False):
        rows = [
            {
                "name": r.name,
                "action": r.action,
                "matched": r.matched,
                "changed": r.changed,
                "applied": r.applied,
            }
            for r in results
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    if not results:
        print(tr("no [[rules]] in the config"))
    for r in results:
        counts = tr("{matched} matched, {changed} changed", matched=r.matched, changed=r.changed)
        print(f"{clean_line(r.name)}: {r.action}: {counts}")
    return EXIT_OK
