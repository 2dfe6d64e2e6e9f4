"""Time the privacy guard's audit engine alone on the full site's output.

The guard's command line (`privacy-guard OUTPUT_DIR --site-url URL --format json`) runs the same
engine the plugin runs after every build; timing it alone shows what the audit adds to a build.
Until the guard is installed the benchmark says "n/a" instead of a number.
"""

from __future__ import annotations

import runpy
import shutil
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.runs import BuildError, measure
from bench.sites import ROOT


@dataclass(frozen=True)
class Audit:
    """The audit's median time over ``pages`` HTML pages, or why there is no figure."""

    seconds: float | None
    pages: int
    missing: str = ""

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds else None


def guard_command() -> str | None:
    """The installed ``privacy-guard`` script of this environment, if there is one."""
    beside_python = Path(sys.executable).parent / "privacy-guard"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("privacy-guard")


def production_site_url() -> str:
    return str(runpy.run_path(str(ROOT / "publishconf.py"))["SITEURL"])


def time_audit(output: Path, rounds: int, declaration: Path | None = None) -> Audit:
    pages = sum(1 for _ in output.rglob("*.html"))
    command = guard_command()
    if command is None:
        return Audit(None, pages, "privacy-guard is not installed yet")
    argv = [command, str(output), "--site-url", production_site_url(), "--format", "json"]
    if declaration is not None and declaration.is_file():
        argv += ["--declaration", str(declaration)]  # what the plugin audits against
    try:
        seconds = [measure(argv, cwd=ROOT, ok_codes=(0, 1)).seconds for _ in range(rounds)]
    except BuildError as error:
        return Audit(None, pages, f"privacy-guard failed: {str(error).splitlines()[-1]}")
    return Audit(statistics.median(seconds), pages)
