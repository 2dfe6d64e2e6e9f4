"""Publish a finished build by renaming folders, so readers never see a half-written site."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir_for(output: Path) -> Path:
    """A sibling of ``output`` (same file system, so the final rename is atomic)."""
    return output.with_name(f".{output.name}.staging")


def fresh_staging_dir(output: Path) -> Path:
    staging = staging_dir_for(output)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def publish(staging: Path, output: Path) -> None:
    """Replace ``output`` with ``staging``; the old site is removed only after the swap."""
    retired = output.with_name(f".{output.name}.retired")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
