"""The session-wide real Miniflux for the sync tests (import ``miniflux`` into a module).

Without Go or PostgreSQL the tests skip with the reason; with ``CI`` set (``.ci/run``) the
same situation — or a failed build — fails them, so CI can never pass by skipping.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest

from tests.support.miniflux_server import MinifluxServer, ServerUnavailable, start_server
from tests.support.server import LoopbackServer


@pytest.fixture(scope="session")
def miniflux() -> Iterator[MinifluxServer]:
    try:
        # Building takes minutes the first time: longer than a test may take, so the
        # fixture only uses a build that `miniflux_server.py --build` (or .ci/run) made.
        server = start_server(build=False)
    except ServerUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the real Miniflux: {exc}")
        pytest.skip(f"no real Miniflux for the sync tests: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def feed_server() -> Iterator[LoopbackServer]:
    """The loopback HTTP server whose feeds Miniflux itself fetches."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def clean_miniflux(miniflux: MinifluxServer) -> MinifluxServer:
    """The server with no subscriptions left by an earlier test (entries go with them)."""
    miniflux.remove_all_feeds()
    for category in miniflux.api("GET", "/v1/categories"):
        if category["title"] != "All":
            with contextlib.suppress(OSError):
                miniflux.api("DELETE", f"/v1/categories/{category['id']}")
    return miniflux
