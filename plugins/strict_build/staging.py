"""Publish a finished build by renaming folders, so readers never see a half-written site.

Two folders take turns: ``output/`` holds the last good build, and the sibling
``.output.staging/`` holds the build before it, which the next build updates in place instead of
writing every file anew (Pelican's writer, or fast_build's, rewrites what changed). Publishing
swaps them with renames, so the old site becomes the next build's starting point and nothing is
deleted file by file. What makes this safe is the sweep: every file the build wrote, or vouched
for by "touching" it, has an inode change time after the build started; every other file in the
staging folder is left from an earlier build and is deleted before anything reads the new site.
A failed build discards the staging folder entirely.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

# Compressed copies (written after the build, see the precompressed plugin) stay while the file
# they copy stays, if the build makes copies (the compressor then checks that they still match
# it); a build without copies drops those an earlier build left.
COMPRESSED_SUFFIXES = (".gz", ".br")


def staging_dir_for(output: Path) -> Path:
    """A sibling of ``output`` (same file system, so the final rename is atomic)."""
    return output.with_name(f".{output.name}.staging")


def lock_file_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.lock")


def holds_foreign_files(output: Path) -> bool:
    """``output`` has files, but no site and no sign of a build: publishing would move them into
    the staging folder, whose sweep deletes what a build did not write."""
    if not output.is_dir() or (output / "index.html").exists():
        return False
    if staging_dir_for(output).exists() or lock_file_for(output).exists():
        return False
    return any(output.iterdir())


def claim(output: Path) -> IO[bytes] | None:
    """Hold the lock on ``output`` for one build, or None when another build holds it.

    Two builds share the staging folder: each would sweep the other's files and delete the
    folder it failed in, and both would publish whatever was left. The lock (a sibling file,
    ``.output.lock``) is the operating system's: it ends with its process, however it ends.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_file_for(output), "ab")  # noqa: SIM115 (held by caller)
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def retired_dir_for(output: Path) -> Path:
    return output.with_name(f".{output.name}.retired")


def held_source(output: Path, sources: list[Path]) -> Path | None:
    """The first of ``sources`` that ``output`` is or contains: publishing would move it aside
    (and the next build's sweep would delete what the build did not write)."""
    for source in sources:
        if source == output or output in source.parents:
            return source
    return None


def prepare_staging(output: Path) -> Path:
    """The staging folder, kept from the last publish when there is one."""
    staging = staging_dir_for(output)
    staging.mkdir(parents=True, exist_ok=True)
    return staging


def file_system_now(folder: Path) -> int:
    """The file system's clock, in the unit and resolution it stamps files with."""
    with tempfile.NamedTemporaryFile(dir=folder) as probe:
        return os.fstat(probe.fileno()).st_ctime_ns


def touch(path: Path) -> None:
    """Vouch for ``path`` as part of this build, keeping its modification time."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def sweep(staging: Path, started_ns: int, keep_compressed: bool = True) -> int:
    """Delete what this build neither wrote nor vouched for; returns how many files went."""
    removed = 0
    for folder, _, files in os.walk(staging, topdown=False):
        kept = {
            name for name in files if os.lstat(os.path.join(folder, name)).st_ctime_ns >= started_ns
        }
        remaining = 0
        for name in files:
            if name in kept or (
                keep_compressed and name.endswith(COMPRESSED_SUFFIXES) and name[:-3] in kept
            ):
                remaining += 1
            else:
                os.unlink(os.path.join(folder, name))
                removed += 1
        if not remaining and folder != str(staging):
            with contextlib.suppress(OSError):  # a subfolder is still in use
                os.rmdir(folder)
    return removed


def publish(staging: Path, output: Path) -> None:
    """Make ``staging`` the new ``output``; the old output becomes the next staging folder.

    On Linux the two folders trade places in one step, so there is no moment without
    ``output/`` for a web server or an upload to meet; elsewhere it takes two renames."""
    retired = retired_dir_for(output)
    shutil.rmtree(retired, ignore_errors=True)  # left by a publish that was interrupted
    if output.is_dir() and _exchange(staging, output):
        return
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    if retired.exists():
        retired.rename(staging)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where the C library,
    the kernel or the file system does not offer it (the caller then renames twice)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return done == 0


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
