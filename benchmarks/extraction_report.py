"""Per-page records of the extraction benchmark summed up per set, and printed as tables.

Kept apart from the runner so the summary rules (what is averaged over which pages) sit in one
short place: F1 figures are means over the pages that have body truth; field accuracies are
over the pages whose truth gives that field; snippet rates are over all snippets of the set.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

Record = dict[str, Any]
Summary = dict[str, Any]
WCXB_TYPES = ("article", "collection", "documentation", "forum", "listing", "product", "service")


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _share(values: list[bool]) -> list[int]:
    return [sum(values), len(values)]


def summarise(records: list[Record]) -> Summary:
    """One extractor's figures on one set."""
    scored = [r for r in records if r.get("f1") is not None]
    seconds = sum(r["seconds"] for r in records)
    cpu = sum(r["cpu_seconds"] for r in records)
    out: Summary = {
        "pages": len(records),
        "scored": len(scored),
        "f1": _mean([r["f1"] for r in scored]),
        "failed": sum(r["failed"] for r in records),
        "empty": sum(1 for r in records if r["empty"]),
        "seconds": seconds,
        "wall_pages_per_s": len(records) / seconds if seconds else None,
        "cpu_seconds": cpu,
        "pages_per_s": len(records) / cpu if cpu else None,
    }
    recalls = [r["recall"] for r in scored if r.get("recall") is not None]
    if recalls:
        out["recall"] = _mean(recalls)
    for key in ("date", "author", "title"):
        values = [r[key] for r in records if r.get(key) is not None]
        if values:
            out[key] = _share(values)
    if any("with" in r for r in records):
        out["with"] = [sum(r["with"][0] for r in records), sum(r["with"][1] for r in records)]
        out["without"] = [
            sum(r["without"][0] for r in records),
            sum(r["without"][1] for r in records),
        ]
    if any("kind" in r and r["kind"] for r in records):
        by_kind: dict[str, list[float]] = defaultdict(list)
        for r in scored:
            by_kind[r["kind"]].append(r["f1"])
        out["by_type"] = {k: [_mean(v), len(v)] for k, v in sorted(by_kind.items())}
    if any("furniture" in r for r in records):
        out["furniture"] = sum(r.get("furniture", 0) for r in records)
    return out


def _f(value: float | None, width: int = 6) -> str:
    return f"{value:{width}.3f}" if value is not None else f"{'n/a':>{width}}"


def _pct(pair: list[int] | None, width: int = 13) -> str:
    if not pair or not pair[1]:
        return f"{'n/a':>{width}}"
    return f"{100 * pair[0] / pair[1]:5.1f}% {pair[0]:>3}/{pair[1]:<3}".rjust(width)


def _speed(s: Summary) -> str:
    return f"{s['pages_per_s']:11.1f}" if s.get("pages_per_s") else f"{'n/a':>11}"


def _table(title: str, header: str, rows: list[str]) -> str:
    line = "-" * max(len(header), len(title))
    return "\n".join([title, header, line, *rows, ""])


def format_set(set_name: str, results: dict[str, Summary]) -> str:
    """The table(s) for one set, one row per extractor that ran on it."""
    any_s = next(iter(results.values()))
    n = any_s["pages"]
    if set_name == "cwced":
        header = (
            f"{'extractor':17} {'char-F1':>7} {'date (day)':>13} {'author':>13} fail pages/CPU-s"
        )
        rows = [
            f"{name:17} {_f(s['f1'], 7)} {_pct(s.get('date'))} {_pct(s.get('author'))} "
            f"{s['failed']:4} {_speed(s)}"
            for name, s in results.items()
        ]
        return _table(f"cwced: {n} Chinese pages, hand truth", header, rows)
    if set_name == "cx":
        header = f"{'extractor':17} {'char-F1':>7} {'recall':>7} fail pages/CPU-s"
        rows = [
            f"{name:17} {_f(s['f1'], 7)} {_f(s.get('recall'), 7)} {s['failed']:4} {_speed(s)}"
            for name, s in results.items()
        ]
        return _table(f"cx-netease: {n} GBK pages, silver truth (F1 understates)", header, rows)
    if set_name == "gne":
        header = f"{'extractor':17} {'furniture lines':>15} {'empty':>5} fail pages/CPU-s"
        rows = [
            f"{name:17} {s.get('furniture', 0):15} {s['empty']:5} {s['failed']:4} {_speed(s)}"
            for name, s in results.items()
        ]
        return _table(f"gne: {n} Chinese news pages, no truth", header, rows)
    return _format_wcxb(results)


def _format_wcxb(results: dict[str, Summary]) -> str:
    any_s = next(iter(results.values()))
    counts = {k: v[1] for k, v in any_s.get("by_type", {}).items()}
    types = [t for t in WCXB_TYPES if t in counts] + sorted(set(counts) - set(WCXB_TYPES))
    heads = " ".join(f"{t[:6]:>6}" for t in types)
    header = f"{'extractor':17} {'all':>6} {heads}"
    rows = [
        f"{name:17} {_f(s['f1'])} "
        + " ".join(_f(s.get("by_type", {}).get(t, [None])[0]) for t in types)
        for name, s in results.items()
    ]
    ns = " ".join(f"{counts[t]:>6}" for t in types)
    rows.append(f"{'(pages)':17} {any_s['scored']:>6} {ns}")
    first = _table(
        f"wcxb: {any_s['pages']} English pages, word-F1 by page type ('article' = article-only)",
        header,
        rows,
    )
    header = (
        f"{'extractor':17} {'title':>13} {'author':>13} {'date':>13} {'with':>15} "
        f"{'without':>15} fail pages/CPU-s"
    )
    rows = [
        f"{name:17} {_pct(s.get('title'))} {_pct(s.get('author'))} {_pct(s.get('date'))} "
        f"{_pct(s.get('with'), 15)} {_pct(s.get('without'), 15)} {s['failed']:4} {_speed(s)}"
        for name, s in results.items()
    ]
    second = _table("wcxb: fields and snippets (with: found; without: absent)", header, rows)
    return first + "\n" + second
