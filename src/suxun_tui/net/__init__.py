"""The network: one HTTP client with the fetch rules every caller shares, and bounded decoding.

``client`` owns requests (timeouts, retries, redirects, conditional GET) over a backend
(``exchange``): libcurl's multi interface (``curl``) when pycurl is installed, else httpx
(``httpx_backend``, ``transport``); ``urls`` the one form a URL is requested and stored
in; ``hints`` what a server's headers may ask (waits, lifetimes, validators), always
bounded; ``local`` the local-file rule; ``decoding`` decompression that never outgrows
its cap. Importing ``client`` loads no HTTP library: the backend is imported when the
first fetcher is made.
"""

import sys

# httpx imports its command-line tool (click, rich, pygments: 60-100 ms) at start-up
# whenever click is installed; nothing here runs it, and httpx falls back without it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
