"""Time one build in a child process and read that child's own peak memory.

Each build runs as a fresh process, as `make html` does, so nothing is shared between the runs
being compared. The child's resources come from os.wait4() for that one child: RUSAGE_CHILDREN
would give the largest child of the whole benchmark, so one heavy build would hide the others.
The wait happens in bench/launch.py, a small process of its own, whose size, not the
benchmark's, is where Linux starts counting a child's peak memory (see its docstring).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = Path(__file__).with_name("launch.py")


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
    with tempfile.TemporaryFile() as log, tempfile.TemporaryDirectory() as folder:
        result_file = Path(folder) / "result.json"
        launcher = [sys.executable, "-I", "-S", str(LAUNCHER), str(result_file), *command]
        subprocess.run(launcher, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env, check=True)
        result = json.loads(result_file.read_text(encoding="utf-8"))
        if result["exit_code"] not in ok_codes:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-3000:]
            raise BuildError(f"{' '.join(command)} exited {result['exit_code']}:\n{tail}")
    return Sample(result["seconds"], result["cpu_seconds"], result["max_rss_kib"] / 1024)
