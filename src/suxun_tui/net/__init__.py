"""The network: one HTTP client with the fetch rules every caller shares, and bounded decoding.

``client`` owns requests (timeouts, retries, redirects, conditional GET, the local-file
rule); ``decoding`` owns decompression that never outgrows its cap. Importing a module
here loads httpx, so only refresh and full-text fetching import it.
"""
