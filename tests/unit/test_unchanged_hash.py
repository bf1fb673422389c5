"""A body's hash (the body-hash skip) is hashlib's blake2b, without the OpenSSL library
that ``import hashlib`` loads: a refresh of unchanged feeds never needs it."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from suxun_tui.config import SourceSpec
from suxun_tui.refresh.unchanged import document_hash, settings_fingerprint


def test_the_hash_is_blake2b_of_the_settings_and_the_bytes() -> None:
    spec = SourceSpec("S", "http://example.org/f.xml")
    digest = hashlib.blake2b(b"body", digest_size=12).hexdigest()
    assert document_hash(spec, b"body") == f"{settings_fingerprint(spec)}:{digest}"
    parts = (spec.kind, spec.link_selector, spec.body_selector, spec.pages, spec.timezone)
    settings = repr(parts).encode()
    assert settings_fingerprint(spec) == hashlib.blake2b(settings, digest_size=4).hexdigest()


def test_hashing_a_body_loads_no_openssl() -> None:
    code = (
        "import sys\n"
        "from suxun_tui.config import SourceSpec\n"
        "from suxun_tui.refresh.unchanged import document_hash\n"
        "document_hash(SourceSpec('S', 'http://example.org/f.xml'), b'body')\n"
        "print('_hashlib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]
