"""Content hashes: how refresh tells a changed article or feed body from an unchanged one.

Feed parsing hashes entries where they are built and the store compares hashes before it
takes the write lock, so the function lives below both.
"""

from __future__ import annotations


def content_hash(*parts: str) -> str:
    """A short stable hash, used to tell changed articles and feed bodies from unchanged."""
    import hashlib  # OpenSSL's library: loaded with the first hash, not by list or search

    # Each part and a NUL after it, hashed as one text: the bytes of hashing them one by
    # one (UTF-8 of a concatenation is the concatenation of the UTF-8), one call instead
    # of two a part.
    text = "\x00".join(parts) + "\x00" if parts else ""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
