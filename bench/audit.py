"""Time the privacy guard's audit engine alone on the full site's output.

The guard's command line (`privacy-guard OUTPUT_DIR --site-url URL --format json`) runs the same
engine the plugin runs after every build; timing it alone shows what the audit adds to a build.
Until the guard is installed the benchmark says "n/a" instead of a number.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.sites import ROOT, publish_shape


@dataclass(frozen=True)
class Audit:
    """The audit's median time over ``pages`` HTML pages, or why there is no figure.

    ``seconds`` is the audit engine's own time as the guard reports it (summary.seconds in its
    JSON); ``process_seconds`` adds starting the command (Python and its imports).
    """

    seconds: float | None
    pages: int
    missing: str = ""
    process_seconds: float | None = None

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds else None


def guard_command() -> str | None:
    """The installed ``privacy-guard`` script of this environment, if there is one."""
    beside_python = Path(sys.executable).parent / "privacy-guard"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("privacy-guard")


def production_site_url(declaration: Path) -> str:
    """publishconf.py's SITEURL, its `declared:site.url` filled as policy_pages fills it."""
    return str(publish_shape(declaration)["SITEURL"])


def time_audit(output: Path, rounds: int, declaration: Path | None = None) -> Audit:
    pages = sum(1 for _ in output.rglob("*.html"))
    command = guard_command()
    if command is None:
        return Audit(None, pages, "privacy-guard is not installed yet")
    declaration = declaration or ROOT / "content" / "privacy.yml"
    argv = [command, str(output), "--site-url", production_site_url(declaration)]
    argv += ["--format", "json"]
    if declaration.is_file():
        argv += ["--declaration", str(declaration)]  # what the plugin audits against
    engine, process = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        run = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
        process.append(time.perf_counter() - started)
        if run.returncode not in (0, 1):
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            return Audit(None, pages, f"privacy-guard exited {run.returncode}: {last}")
        try:
            engine.append(float(json.loads(run.stdout)["summary"]["seconds"]))
        except (ValueError, KeyError, TypeError):
            engine.append(process[-1])  # a guard that does not say: count the whole process
    return Audit(statistics.median(engine), pages, "", statistics.median(process))
