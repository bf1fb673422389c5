"""Loading the four evaluation sets as decoded pages with their truth, one split side at a time.

Every page is decoded once here, with suxun-tui's charset detection, and the same string is
handed to every extractor: the benchmark measures extraction, not decoding. Only the pages of
the requested side (see ``split.py``) are read, so a held run never opens a dev page's truth
and a dev run never opens a held page.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import split
from suxun_tui.pages.charset import decode_html

_WRAPPER_URL = re.compile(r'<text\s+id="([^"]+)"')
_UNKNOWN = ("UNKNOWN", "UNKNWON")
SETS = ("cwced", "cx", "wcxb", "gne")
CHINESE = frozenset({"cwced", "cx", "gne"})


@dataclass
class Page:
    """One page and whatever truth its set has (``None``: the set does not say)."""

    set: str
    id: str
    url: str
    html: str
    size: int
    kind: str = ""
    body: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    path: Path | None = None

    @property
    def chinese(self) -> bool:
        return self.set in CHINESE


def _truth_file(path: Path) -> str | None:
    if not path.exists():
        return None
    text = path.read_text("utf-8", errors="replace").strip()
    return None if not text or text.upper() in _UNKNOWN else text


def _load_cwced(corpus: Path, ids: set[str]) -> list[Page]:
    base = corpus / "cwced-dev"
    pages = []
    for path in sorted((base / "original").glob("*.html")):
        if path.stem not in ids:
            continue
        data = path.read_bytes()
        html = decode_html(data)
        m = _WRAPPER_URL.search(html[:2000])
        truth = {
            k: _truth_file(base / k / f"{path.stem}.txt") for k in ("cleaned", "date", "author")
        }
        url = m.group(1) if m else f"http://example.invalid/cwced/{path.name}"
        pages.append(
            Page(
                "cwced",
                path.stem,
                url,
                html,
                len(data),
                body=truth["cleaned"],
                author=truth["author"],
                date=truth["date"],
                path=path,
            )
        )
    return pages


def _load_cx(corpus: Path, ids: set[str]) -> list[Page]:
    base = corpus / "cx-netease"
    pages = []
    for path in sorted((base / "original").glob("*.html")):
        if path.stem not in ids:
            continue
        data = path.read_bytes()
        url = f"http://example.invalid/cx-netease/{path.name}"  # the pages name no address
        body = _truth_file(base / "cleaned" / f"{path.stem}.txt")
        pages.append(Page("cx", path.stem, url, decode_html(data), len(data), body=body, path=path))
    return pages


def _load_wcxb(corpus: Path, ids: set[str]) -> list[Page]:
    base = corpus / "wcxb-dev"
    pages = []
    for path in sorted((base / "ground-truth").glob("*.json")):
        if path.stem not in ids:
            continue
        record = json.loads(path.read_text("utf-8"))
        truth = record.get("ground_truth") or {}
        html_path = base / "html" / f"{path.stem}.html.gz"
        data = gzip.decompress(html_path.read_bytes())
        pages.append(
            Page(
                "wcxb",
                path.stem,
                record.get("url") or f"http://example.invalid/wcxb/{path.stem}.html",
                decode_html(data),
                len(data),
                kind=record.get("_internal", {}).get("page_type", {}).get("primary", "?"),
                body=truth.get("main_content") or None,
                title=truth.get("title") or None,
                author=truth.get("author") or None,
                date=truth.get("publish_date") or None,
                with_=[s for s in truth.get("with") or [] if s],
                without=[s for s in truth.get("without") or [] if s],
                path=html_path,
            )
        )
    return pages


def _load_gne(corpus: Path, ids: set[str]) -> list[Page]:
    pages = []
    for path in sorted((corpus / "gne-pages").glob("*/*.html")):
        page_id = f"{path.parent.name}/{path.stem}"
        if page_id not in ids:
            continue
        data = path.read_bytes()
        url = f"https://{path.parent.name}.example/{path.name}"
        pages.append(Page("gne", page_id, url, decode_html(data), len(data), path=path))
    return pages


_LOADERS = {"cwced": _load_cwced, "cx": _load_cx, "wcxb": _load_wcxb, "gne": _load_gne}


def load_set(corpus: Path, name: str, side: str) -> list[Page]:
    """The pages of one set on one side of the checked-in split."""
    return _LOADERS[name](corpus, split.load(name, side))


def present(corpus: Path, name: str) -> bool:
    folder = {"cwced": "cwced-dev", "cx": "cx-netease", "wcxb": "wcxb-dev", "gne": "gne-pages"}
    return (corpus / folder[name]).is_dir()
