"""A fixed split of the evaluation corpora into ``dev`` and ``held`` pages.

Why: extraction rules are written by looking at pages. A score on pages that shaped the rules
says how well the rules fit those pages, not how well they do on the next site. So every page
of every corpus is put, once and for all, on one side:

* ``dev`` - look at these, print their worst cases, write rules for them;
* ``held`` - measure only; nobody opens these pages while developing.

How: a page's *group* is hashed with BLAKE2b (8-byte digest of the text
``suxun-split-v10|<group>``); an odd digest puts the group on ``held``, an even one on ``dev``.
That depends on no random seed, no library version and no other page, so adding pages never
moves an existing one. The salt ``v10`` is the first of ``v1``, ``v2``, ... for which every
corpus and every WCXB page type has 40-60 % of its pages on ``held`` (``v1`` left cwced with
15 of 53 held); it was chosen from page counts alone, before any extractor was scored, and is
fixed from now on. The group is what a rule could overfit to:

* ``wcxb`` - the site: ``metadata.json``'s domain (else the host of the truth's ``url``, else a
  canonical / og:url link in the page, else the page ID), reduced to its registrable part
  (``cloud.google.com`` -> ``google.com``, ``bbc.co.uk`` stays) because subdomains of one site
  share templates;
* ``gne`` - the ``SITE`` folder (one folder is one site);
* ``cwced`` - the site the page came from, read from the page itself: the dataset's
  ``<text id="URL">`` wrapper, a canonical, og:url, ``<base href>`` or alternate link; pages
  naming no address are grouped by their own ID;
* ``cx`` - every page is from 163.com, so the page ID (splitting by domain would put all on one
  side). A rule tuned on the dev half still sees the same site's template: the cx figure says
  little about other sites, which the other sets are for.

The lists live in ``benchmarks/split/<corpus>-<side>.txt``, one ID a line, and are checked in;
``extraction.py`` reads them rather than recomputing, and this script checks them.

Usage: ``python benchmarks/split.py`` (verify; exit 1 on any difference) or ``--write``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SPLIT_DIR = Path(__file__).resolve().parent / "split"
SIDES = ("dev", "held")
CORPORA = ("cwced", "cx", "wcxb", "gne")
_SALT = "suxun-split-v10|"  # fixed: see the module docstring

# Second-level labels under a two-letter country code that are not a site of their own.
_SECOND_LEVEL = frozenset(  # e.g. pku.edu.cn, bbc.co.uk
    ["ac", "co", "com", "edu", "go", "gob", "gov", "govt", "mil", "ne", "net", "nic", "or", "org"]
)
# Where a saved page says its own address (bytes read as latin-1: hosts are ASCII).
_ADDRESS = (
    re.compile(r'<text\s+id="(https?://[^"]+)"', re.I),
    re.compile(
        r"<link[^>]+rel=[\"']?canonical[\"']?[^>]+href=[\"']?((?:https?:)?//[^\"'\s>]+)", re.I
    ),
    re.compile(r"<link[^>]+href=[\"']?((?:https?:)?//[^\"'\s>]+)[^>]+rel=[\"']?canonical", re.I),
    re.compile(r"og:url[\"'][^>]*content=[\"']((?:https?:)?//[^\"'\s>]+)", re.I),
    re.compile(r"<base[^>]+href=[\"']?((?:https?:)?//[^\"'\s>]+)", re.I),
    re.compile(
        r"<link[^>]+rel=[\"']?alternate[\"']?[^>]+href=[\"']?((?:https?:)?//[^\"'\s>]+)", re.I
    ),
)


def side_of(group: str) -> str:
    """``held`` or ``dev`` for a group key; fixed forever by the hash of the key."""
    digest = hashlib.blake2b((_SALT + group).encode("utf-8"), digest_size=8).digest()
    return SIDES[int.from_bytes(digest, "big") % 2]


def site_of(host: str) -> str:
    """The registrable part of a host name, without a public-suffix list that could change."""
    host = host.strip().lower().rstrip(".").split(":")[0].removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2 or host.replace(".", "").isdigit():
        return host
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def address_in(data: bytes) -> str | None:
    """The host a saved page names as its own address, if it names one."""
    text = data.decode("latin-1")
    for pattern in _ADDRESS:
        for match in pattern.finditer(text):
            url = match.group(1)
            host = urlsplit(url if "://" in url else "http:" + url).hostname
            if host and "." in host:
                return host
    return None


def _groups_cwced(corpus: Path) -> dict[str, str]:
    groups = {}
    for path in sorted((corpus / "cwced-dev" / "original").glob("*.html")):
        host = address_in(path.read_bytes())
        groups[path.stem] = "site:" + site_of(host) if host else "id:cwced:" + path.stem
    return groups


def _groups_cx(corpus: Path) -> dict[str, str]:
    paths = sorted((corpus / "cx-netease" / "original").glob("*.html"))
    return {p.stem: "id:cx:" + p.stem for p in paths}


def _groups_gne(corpus: Path) -> dict[str, str]:
    paths = sorted((corpus / "gne-pages").glob("*/*.html"))
    return {f"{p.parent.name}/{p.stem}": "gne-site:" + p.parent.name for p in paths}


def wcxb_types(corpus: Path) -> dict[str, str]:
    """Page ID -> primary page type, from the ground truth files."""
    types = {}
    for path in sorted((corpus / "wcxb-dev" / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        types[path.stem] = truth.get("_internal", {}).get("page_type", {}).get("primary", "?")
    return types


def _groups_wcxb(corpus: Path) -> dict[str, str]:
    base = corpus / "wcxb-dev"
    meta = json.loads((base / "metadata.json").read_text("utf-8")).get("files", {})
    groups = {}
    for path in sorted((base / "ground-truth").glob("*.json")):
        page_id = path.stem
        host = (meta.get(page_id) or {}).get("domain") or ""
        if not host:
            url = json.loads(path.read_text("utf-8")).get("url") or ""
            host = urlsplit(url).hostname or ""
        if not host:
            html = base / "html" / f"{page_id}.html.gz"
            host = address_in(gzip.decompress(html.read_bytes())) if html.exists() else None
            host = host or ""
        groups[page_id] = "site:" + site_of(host) if host else "id:wcxb:" + page_id
    return groups


GROUPERS = {"cwced": _groups_cwced, "cx": _groups_cx, "wcxb": _groups_wcxb, "gne": _groups_gne}


def compute(corpus: Path, name: str) -> dict[str, list[str]]:
    """The split of one corpus computed from its pages: side -> sorted IDs."""
    result: dict[str, list[str]] = {side: [] for side in SIDES}
    for page_id, group in GROUPERS[name](corpus).items():
        result[side_of(group)].append(page_id)
    return {side: sorted(ids) for side, ids in result.items()}


def list_path(name: str, side: str) -> Path:
    return SPLIT_DIR / f"{name}-{side}.txt"


def load(name: str, side: str) -> set[str]:
    """The checked-in IDs of one side of one corpus (what the benchmark uses)."""
    path = list_path(name, side)
    return {line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()}


def _summary(corpus: Path, name: str, split: dict[str, list[str]]) -> str:
    text = f"{name:6} dev {len(split['dev']):5}  held {len(split['held']):5}"
    if name == "wcxb":
        types = wcxb_types(corpus)
        per = {side: Counter(types[i] for i in split[side]) for side in SIDES}
        names = sorted(set(types.values()))
        text += "\n" + "\n".join(
            f"       {t:14} dev {per['dev'][t]:4}  held {per['held'][t]:4}" for t in names
        )
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="(re)write the ID lists")
    args = parser.parse_args(argv)
    bad = 0
    for name in CORPORA:
        split = compute(args.corpus, name)
        if not any(split.values()):
            print(f"{name}: no pages under {args.corpus}, skipped", file=sys.stderr)
            continue
        if name == "wcxb":
            types = wcxb_types(args.corpus)
            for side in SIDES:
                missing = set(types.values()) - {types[i] for i in split[side]}
                if missing:
                    print(f"wcxb {side}: no pages of type {sorted(missing)}", file=sys.stderr)
                    bad += 1
        print(_summary(args.corpus, name, split))
        for side in SIDES:
            path = list_path(name, side)
            if args.write:
                path.parent.mkdir(exist_ok=True)
                path.write_text("".join(i + "\n" for i in split[side]), "utf-8")
            elif not path.exists() or load(name, side) != set(split[side]):
                have = load(name, side) if path.exists() else set()
                print(
                    f"{path.name}: differs ({len(set(split[side]) - have)} missing, "
                    f"{len(have - set(split[side]))} extra)",
                    file=sys.stderr,
                )
                bad += 1
    if not args.write:
        print("split lists verified" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
