"""The test Miniflux's users and how its start can fail: shared by its server and settings."""

from __future__ import annotations

ADMIN_USER = "admin"
ADMIN_PASSWORD = "sync-test-password"
GREADER_USER = "greader"
GREADER_PASSWORD = "greader-test-password"


class ServerUnavailable(Exception):
    """Go, PostgreSQL or the build is missing; the message says which and how it failed."""
