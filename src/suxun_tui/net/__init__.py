"""The network: one HTTP client with the fetch rules every caller shares, and bounded decoding.

``client`` owns requests (timeouts, retries, redirects, conditional GET); ``hints`` what a
server's headers may ask (waits, lifetimes, validators), always bounded; ``local`` the
local-file rule; ``decoding`` decompression that never outgrows its cap. Importing
``client`` or ``decoding`` loads httpx, so only refresh and fetching import them; ``hints``
and ``local`` load no HTTP client.
"""

import sys

# httpx imports its command-line tool (click, rich, pygments: 60-100 ms) at start-up
# whenever click is installed; nothing here runs it, and httpx falls back without it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
