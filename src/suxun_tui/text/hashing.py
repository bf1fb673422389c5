"""Content hashes: how refresh tells a changed article or feed body from an unchanged one.

Feed parsing hashes entries where they are built and the store compares hashes before it
takes the write lock, so the function lives below both.
"""

from __future__ import annotations


def content_hash(*parts: str) -> str:
    """A short stable hash, used to tell changed articles and feed bodies from unchanged."""
    import hashlib  # OpenSSL's library: loaded with the first hash, not by list or search

    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
