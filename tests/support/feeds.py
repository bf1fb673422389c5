"""Small feed documents for tests, built from parameters."""

from __future__ import annotations

from html import escape


def rss(title: str, items: list[dict[str, str]], ttl: int | None = None) -> str:
    parts = [f"<title>{escape(title)}</title>", "<link>http://example.org/</link>"]
    if ttl:
        parts.append(f"<ttl>{ttl}</ttl>")
    for item in items:
        fields = "".join(
            f"<{k}>{escape(v)}</{k}>"
            for k, v in item.items()
            if k in ("title", "link", "guid", "pubDate", "description", "author")
        )
        parts.append(f"<item>{fields}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        + "".join(parts)
        + "</channel></rss>"
    )


def items(n: int, prefix: str = "Item", day: int = 1) -> list[dict[str, str]]:
    return [
        {
            "title": f"{prefix} {i}",
            "link": f"http://example.org/{prefix.lower()}/{i}",
            "guid": f"{prefix}-{i}",
            "pubDate": f"Mon, {day:02d} Dec 2025 {i % 24:02d}:00:00 +0000",
            "description": f"<p>Body of {prefix} {i}.</p>",
        }
        for i in range(n)
    ]
