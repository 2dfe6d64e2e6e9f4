"""Time one build in a child process and read that child's own peak memory.

Each build runs as a fresh process, as `make html` does, so nothing is shared between the runs
being compared. The child's resources come from os.wait4() for that one child: RUSAGE_CHILDREN
would give the largest child of the whole benchmark, so one heavy build would hide the others.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """What one build cost: wall-clock seconds, CPU seconds (user + system) and peak memory."""

    seconds: float
    cpu_seconds: float
    max_rss_mib: float


class BuildError(Exception):
    """A benchmarked build failed: the numbers would mean nothing."""


def measure(
    command: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> Sample:
    """Run ``command`` to completion and return its cost; raise BuildError when it fails.

    ``ok_codes`` lists the exit codes that still mean a completed run (an audit that found
    problems exits 1 and still did all its work).
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in ok_codes:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise BuildError(f"{' '.join(command)} exited {process.returncode}:\n{tail}")
    # Linux reports ru_maxrss in KiB.
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
