"""asyncio imported without ``ssl``, and ``ssl`` still there for whoever asks next.

Each case runs in a fresh interpreter (the test process has asyncio and ssl already).
"""

from __future__ import annotations

import json
import subprocess
import sys

CHECK = (
    "import json, sys\n"
    "{before}"
    "from suxun_tui.net.eventloop import import_asyncio\n"
    "import_asyncio()\n"
    "import asyncio.selector_events as events\n"
    "loaded = 'ssl' in sys.modules\n"
    "import ssl\n"  # raises ImportError if the module was left marked unimportable
    "print(json.dumps([loaded, events.ssl is ssl, ssl.OPENSSL_VERSION != '']))\n"
)


def run(before: str = "") -> list[bool]:
    program = CHECK.format(before=before)
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    result: list[bool] = json.loads(out)
    return result


def test_asyncio_comes_without_ssl_and_ssl_stays_importable() -> None:
    loaded, asyncio_has_ssl, usable = run()
    assert not loaded and not asyncio_has_ssl  # asyncio took ssl = None, as without OpenSSL
    assert usable  # a later "import ssl" (httpx over TLS) gets the real module


def test_a_process_that_has_ssl_already_keeps_asyncio_with_it() -> None:
    loaded, asyncio_has_ssl, _ = run(before="import ssl\n")
    assert loaded and asyncio_has_ssl
