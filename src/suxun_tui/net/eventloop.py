"""asyncio, imported without the TLS transports nothing here uses.

asyncio imports ``ssl`` — OpenSSL's libraries, 9–14 ms of CPU — for TLS connections it
would make itself (``create_connection(ssl=...)``, ``start_tls``). No fetch of ours asks
it for one: libcurl does its own TLS, and httpx's transport (anyio) wraps its sockets
with ``ssl`` itself, importing it then. So the commands that start the loop only to fetch
import asyncio as a Python built without OpenSSL does, with ``ssl`` unimportable for that
moment; ``ssl`` itself stays importable for anyone who asks later. A process that has
imported asyncio (the reader: Textual) or ``ssl`` already is left as it is.
"""

from __future__ import annotations

import sys


def import_asyncio() -> None:
    """Import asyncio now, without loading ``ssl`` for it (see the module's note)."""
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # "import ssl" raises ImportError
    try:
        import asyncio  # noqa: F401  # its modules take ssl = None, as without OpenSSL
    finally:
        del sys.modules["ssl"]
