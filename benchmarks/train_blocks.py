"""Train the block classifier that decides which blocks of a non-Chinese page are content.

Why: rules written while looking at pages fit those pages; a linear model over shallow
features (:mod:`suxun_tui.pages.block_features`) learned from many sites carries over to
sites nobody looked at. It is trained on the DEV split of WCXB only (``split/wcxb-dev.txt``),
cross-validated by site (no domain is in both a training and a test fold), and shipped as
a small JSON file that the extractor reads with no numerical library.

A block is labelled content when its words are the ground truth's: a short block must
appear verbatim in the truth, a longer one must have most of its words there. Samples
weigh by their length, as word-F1 does.

Needs scikit-learn (training only)::

    python benchmarks/train_blocks.py [--corpus ../shared/corpus] [--out FILE] [--folds 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from suxun_tui.pages.block_features import Features  # noqa: E402
from suxun_tui.pages.block_model import WEIGHTS_PATH  # noqa: E402
from suxun_tui.pages.charset import decode_html  # noqa: E402
from suxun_tui.pages.html_blocks import RawBlock  # noqa: E402
from suxun_tui.pages.learned_body import page_features  # noqa: E402

_WORD = re.compile(r"\w+")
MIN_PAGES = 50  # a class/id word seen on fewer training pages is a site's, and dropped
# The model's body replaces the rules' only when it holds this many times more words.
GATE = 1.3


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _label(text: str, truth_words: set[str], truth_line: str) -> int:
    words = _words(text)
    if not words:
        return 0
    if len(words) <= 5:
        return int(f" {' '.join(words)} " in truth_line)
    return int(sum(w in truth_words for w in words) / len(words) >= 0.7)


def load_pages(corpus: Path) -> list[tuple[str, str, str, str, str]]:
    """(id, url, html, truth, page type) of the WCXB dev pages."""
    ids = (ROOT / "benchmarks" / "split" / "wcxb-dev.txt").read_text().split()
    base = corpus / "wcxb-dev"
    out = []
    for pid in ids:
        record = json.loads((base / "ground-truth" / f"{pid}.json").read_text("utf-8"))
        truth = (record.get("ground_truth") or {}).get("main_content") or ""
        if not truth.strip():
            continue
        html = decode_html(gzip.decompress((base / "html" / f"{pid}.html.gz").read_bytes()))
        kind = record.get("_internal", {}).get("page_type", {}).get("primary", "?")
        out.append((pid, record.get("url") or "", html, truth, kind))
    return out


def _read_cache(path: Path | None) -> list[list[tuple[RawBlock, Features]]] | None:
    if path is None or not path.exists():
        return None
    return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]  # noqa: S301 - own file


def _f1(got: Counter[str], want: Counter[str]) -> float:
    common = sum((got & want).values())
    if not common:
        return 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return 2 * p * r / (p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation")
    parser.add_argument("--cache", type=Path, help="keep the pages' features in this file")
    args = parser.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows: list[Features] = []
    labels: list[int] = []
    weights: list[float] = []
    groups: list[str] = []
    page_of: list[int] = []
    texts: list[str] = []
    pages = load_pages(args.corpus)
    truths: list[Counter[str]] = []
    kinds: list[str] = []
    cached = _read_cache(args.cache)
    computed: list[list[tuple[RawBlock, Features]]] = []
    for k, (_pid, url, html, truth, kind) in enumerate(pages):
        found = cached[k] if cached is not None else page_features(html, url)
        computed.append(found)
        truth_words = _words(truth)
        truths.append(Counter(truth_words))
        kinds.append(kind)
        line = f" {' '.join(truth_words)} "
        for block, feats in found:
            if block.kind == "image":
                continue
            rows.append(feats)
            labels.append(_label(block.text, set(truth_words), line))
            weights.append(1.0 + len(_words(block.text)) ** 0.5)
            groups.append(urlsplit(url).netloc.lower().removeprefix("www."))
            page_of.append(k)
            texts.append(block.text)
    if args.cache is not None and cached is None:
        args.cache.write_bytes(pickle.dumps(computed))
    # Class/id words seen on few pages are site names, not vocabulary.
    seen: Counter[str] = Counter()
    per_page: dict[int, set[str]] = {}
    for f, k in zip(rows, page_of, strict=True):
        per_page.setdefault(k, set()).update(n for n in f if n.startswith(("own:", "up:")))
    for names in per_page.values():
        seen.update(names)
    rows = [
        {n: v for n, v in f.items() if not n.startswith(("own:", "up:")) or seen[n] >= MIN_PAGES}
        for f in rows
    ]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    print(f"{len(pages)} pages, {x.shape[0]} blocks, {x.shape[1]} features", file=sys.stderr)

    # Cross-validation by site: page-level word-F1 of the kept blocks, per page type.
    predicted = [0] * len(labels)
    for train, test in GroupKFold(n_splits=args.folds).split(x, labels, groups):
        model = LogisticRegression(C=args.c, max_iter=3000)
        model.fit(x[train], [labels[i] for i in train], sample_weight=[weights[i] for i in train])
        for i, p in zip(test, model.predict_proba(x[test])[:, 1], strict=True):
            predicted[i] = int(p >= 0.5)
    rule = [bool(f.get("rule_kept")) for f in rows]
    got: dict[int, Counter[str]] = {k: Counter() for k in range(len(pages))}
    ruled: dict[int, Counter[str]] = {k: Counter() for k in range(len(pages))}
    for i in range(len(labels)):
        if predicted[i]:
            got[page_of[i]].update(_words(texts[i]))
        if rule[i]:
            ruled[page_of[i]].update(_words(texts[i]))
    cv = {}
    for name, choose in (
        ("rules", lambda k: ruled[k]),
        ("model", lambda k: got[k]),
        ("gated", lambda k: got[k] if got[k].total() > GATE * ruled[k].total() else ruled[k]),
    ):
        by_kind: dict[str, list[float]] = {}
        for k in range(len(pages)):
            by_kind.setdefault(kinds[k], []).append(_f1(choose(k), truths[k]))
        everything = [f for v in by_kind.values() for f in v]
        row = {kind: round(sum(v) / len(v), 4) for kind, v in sorted(by_kind.items())}
        row["all"] = round(sum(everything) / len(everything), 4)
        cv[name] = row
        print(f"cross-validated word-F1, {name} (blocks only):", row, file=sys.stderr)

    model = LogisticRegression(C=args.c, max_iter=3000)
    model.fit(x, labels, sample_weight=weights)
    coef = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 5e-3
    }
    data = {
        "about": "Block classifier for non-Chinese pages; benchmarks/train_blocks.py, WCXB dev",
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": 0.5,
        "gate": GATE,
        "cross_validated_word_f1": cv,
        "weights": dict(sorted(coef.items())),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(coef)} weights written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
