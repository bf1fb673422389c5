"""The bundled demo: a small site shipped inside the package.

With no config file anywhere, the reader opens on these sources so that a first run
shows real content without any network: every URL is a ``file://`` path into the
installed package.
"""

from __future__ import annotations

from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec

SITE = Path(__file__).resolve().parent / "site"


def demo_sources() -> tuple[SourceSpec, ...]:
    """The demo's sources: two feeds, a JSON Feed and a Suxun-style column page."""
    group = "江苏苏讯网"
    return (
        SourceSpec(
            name="苏讯网 · 要闻", url=(SITE / "suxun-news.xml").as_uri(), kind="feed", group=group
        ),
        SourceSpec(
            name="苏讯网 · 快讯", url=(SITE / "suxun-flash.json").as_uri(), kind="feed", group=group
        ),
        SourceSpec(
            name="苏讯网 · 本地新闻",
            url=(SITE / "suxun" / "column.html").as_uri(),
            kind="page",
            group=group,
            pages=2,
        ),
        SourceSpec(
            name="Terminal Weekly",
            url=(SITE / "terminal-weekly.atom").as_uri(),
            kind="feed",
            group="Tech",
        ),
    )


def demo_config() -> Config:
    """The configuration used when no config file exists."""
    return Config(settings=Settings(), sources=demo_sources(), path=None, is_demo=True)
