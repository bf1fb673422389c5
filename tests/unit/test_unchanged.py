"""Which setting changes make an unchanged document parse again."""

from __future__ import annotations

from dataclasses import replace

from suxun_tui.config import SourceSpec
from suxun_tui.refresh.unchanged import document_hash, validators_apply


def test_every_setting_that_shapes_parsing_voids_the_stored_hash() -> None:
    spec = SourceSpec("Alpha", "https://example.org/feed.xml")
    stored = document_hash(spec, b"<rss/>")
    assert validators_apply(spec, stored)
    assert document_hash(replace(spec), b"<rss/>") == stored
    for changed in (
        replace(spec, kind="page"),
        replace(spec, link_selector="a.item"),
        replace(spec, body_selector="div.text"),
        replace(spec, pages=3),
        replace(spec, timezone="UTC"),
        replace(spec, max_items=50),
    ):
        assert document_hash(changed, b"<rss/>") != stored, changed
        assert not validators_apply(changed, stored)
