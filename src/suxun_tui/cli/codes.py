"""Exit codes, a public contract for scripts: 0 ok, 1 some sources or inputs failed, 2 usage
or config error; 130, as shells report it, when Ctrl-C stopped the command."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
