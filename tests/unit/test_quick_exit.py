"""The command's exit: output flushed and exit handlers run, the interpreter's teardown
skipped — unless a thread still runs, which the normal exit waits for."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import atexit, sys, threading, time
from suxun_tui.entry import quick_exit

class Teardown:
    def __del__(self):
        print("torn down", flush=True)

kept = Teardown()  # freed only by the interpreter's teardown
atexit.register(lambda: print("handler ran", flush=True))
if sys.argv[1] == "thread":
    threading.Thread(target=lambda: (time.sleep(0.3), print("thread done"))).start()
print("output", end="")  # not flushed yet
quick_exit(3)
"""


@pytest.mark.parametrize("case", ["alone", "thread"])
def test_the_exit_keeps_output_code_and_handlers(case: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, case], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3
    assert done.stdout.startswith("output") and "handler ran" in done.stdout
    if case == "alone":
        assert "torn down" not in done.stdout  # the teardown was skipped
    else:
        assert "thread done" in done.stdout  # a running thread is waited for
