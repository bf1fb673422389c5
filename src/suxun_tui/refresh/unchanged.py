"""When a source counts as unchanged: stored validators and body hashes, and what voids them.

A 304 or a body with the stored hash skips parsing. Both were earned under the source's
parse settings at the time, so the hash carries a fingerprint of those settings: editing
a source's kind, selectors, pages, zone or item limit makes the next refresh parse afresh.
"""

from __future__ import annotations

try:  # hashlib's own blake2b, without the OpenSSL library ``import hashlib`` loads first
    from _blake2 import blake2b
except ImportError:  # another interpreter: the public name
    from hashlib import blake2b

from suxun_tui import __version__ as _VERSION
from suxun_tui.config import SourceSpec


def settings_fingerprint(spec: SourceSpec) -> str:
    """A short id of the source settings that shape parsing (kind, selectors, pages, zone,
    and ``max_items`` when it is not the default, so caches made before it stay valid)."""
    parse_settings: tuple[object, ...] = (
        spec.kind,
        spec.link_selector,
        spec.body_selector,
        spec.pages,
        spec.timezone,
    )
    if spec.max_items != SourceSpec.max_items:
        parse_settings += (spec.max_items,)
    known = _FINGERPRINTS.get(parse_settings)
    if known is None:  # sources mostly share their settings: each set is hashed once
        known = blake2b(repr(parse_settings).encode(), digest_size=4).hexdigest()
        if len(_FINGERPRINTS) < 1024:
            _FINGERPRINTS[parse_settings] = known
    return known


_FINGERPRINTS: dict[tuple[object, ...], str] = {}


def document_hash(spec: SourceSpec, content: bytes) -> str:
    """Identifies what parsing would produce: the settings *and* the bytes.

    Editing a source's kind, selectors or page count must re-parse an unchanged page: the
    fingerprint prefix differs, so the body-hash skip does not apply, and neither does
    conditional GET (see :func:`validators_apply`), which would answer 304.
    """
    digest = blake2b(content, digest_size=12).hexdigest()
    return f"{settings_fingerprint(spec)}:{digest}"


def validators_apply(spec: SourceSpec, stored_hash: str | None) -> bool:
    """Whether the stored ETag/Last-Modified were earned under the current settings."""
    return bool(stored_hash) and str(stored_hash).startswith(settings_fingerprint(spec) + ":")


def item_seed(spec: SourceSpec, url: str) -> str:
    """What shapes an item's stored row besides the item: the source's parse settings, the
    address its links are joined with, and the code (a new version rebuilds every item)."""
    return f"{settings_fingerprint(spec)}:{_VERSION}:{url}"
