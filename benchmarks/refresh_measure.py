"""How the refresh benchmark measures a command: wall time, CPU and memory of its whole tree.

On a shared, loaded machine wall time says little, so every run also reports CPU-seconds
summed over the command and all its descendants (parse workers, the forkserver): each
process's ``utime + stime`` from ``/proc`` sampled every 20 ms, or the kernel's own
account of the children reaped (``RUSAGE_CHILDREN``), whichever is larger. Memory is
PSS summed over the tree (shared pages split between the processes sharing them, so
forked workers are not counted twice), RSS where PSS is not offered.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Run:
    """One finished command."""

    wall: float  # seconds
    cpu: float  # CPU-seconds over the whole process tree
    memory: float  # peak MB summed over the tree
    last_line: str


def _tree(root: int) -> set[int]:
    tree, frontier = {root}, [root]
    while frontier:  # /proc/PID/task/TID/children lists direct children, cheaply
        pid = frontier.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as kids:
                    found = [int(k) for k in kids.read().split()]
            except (OSError, ValueError):
                continue
            frontier.extend(k for k in found if k not in tree)
            tree.update(found)
    return tree


def _memory_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as info:
                return next(int(x.split()[1]) for x in info if x.startswith(key))
        except (OSError, StopIteration):
            continue
    return 0


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to completion and measure it (memory and CPU 0 where /proc is missing)."""
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set() and os.path.isdir("/proc"):
            pids = _tree(proc.pid)
            peak = max(peak, sum(_memory_kb(pid) for pid in pids))
            for pid in pids:
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{err[-2000:]}")
    lines = (out + err).strip().splitlines()
    used = max(sum(cpu.values()), _children_cpu() - before)
    return Run(elapsed, used, peak / 1024, lines[-1] if lines else "")
