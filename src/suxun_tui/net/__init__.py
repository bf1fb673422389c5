"""The network: one HTTP client with the fetch rules every caller shares, and bounded decoding.

``client`` owns requests (timeouts, retries, redirects, conditional GET, the local-file
rule); ``decoding`` owns decompression that never outgrows its cap. Importing a module
here loads httpx, so only refresh and full-text fetching import it.
"""

import sys

# httpx imports its command-line tool (click, rich, pygments: 60-100 ms) at start-up
# whenever click is installed; nothing here runs it, and httpx falls back without it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
