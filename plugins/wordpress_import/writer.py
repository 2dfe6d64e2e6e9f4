"""Write all files or none: stage them beside content/, then move each into place.

A failed, refused or interrupted import must leave content/ exactly as it was, so every file is
first written to a staging folder on its target's disk; only when all are written are they
renamed into place, and a failure or a Ctrl-C while renaming puts back what was there before.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import WxrImportError


def check_free(targets: list[Path], *, force: bool) -> None:
    """Refuse, before any work is written, to replace existing files unless forced."""
    existing = [t for t in targets if _exists(t)]
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise WxrImportError(
            str(existing[0]),
            f"already exists{more}; nothing was written. Move it away, or run again with "
            "--force to replace the existing files",
        )


def _exists(target: Path) -> bool:
    try:
        return target.exists()
    except OSError as exc:  # a name too long for the disk, a folder that may not be searched
        raise WxrImportError(
            str(target),
            f"cannot be written there ({exc.strerror}); nothing was written: choose another path",
        ) from None


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C (or a kill) came while the import was being written; all of it was undone."""


# What stops a program from the terminal or the system: Ctrl-C, a kill, a closed terminal.
_STOPS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


@contextmanager
def stops_held() -> Iterator[None]:
    """Hold Ctrl-C, kill and hang-up while files are written: each then acts once the import is
    either all in place or all undone, never half-way through moving files."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop_asked() -> bool:
    return not _STOPS.isdisjoint(signal.sigpending())


def write_all(files: dict[Path, str], staging_parent: Path, *, force: bool) -> None:
    check_free(list(files), force=force)
    with stops_held():
        made = _missing_folders(staging_parent)
        stagings: dict[int, Path] = {}  # by device: a rename cannot cross disks or mounts
        try:
            staging_parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # the folder beside content/ (for the report and the staging)
            _remove_empty(made)
            raise _not_written(str(staging_parent.absolute()), exc) from None
        try:
            staged: dict[Path, Path] = {}
            for number, (target, text) in enumerate(files.items()):
                if _stop_asked():
                    raise ImportInterrupted
                staged[target] = _staging_for(target, staging_parent, stagings) / f"{number}.new"
                staged[target].write_text(text, encoding="utf-8")
            _move_into_place(staged)
        except OSError as exc:
            _remove_empty(made)
            raise _not_written(str(exc.filename or staging_parent), exc) from None
        except ImportInterrupted:
            _remove_empty(made)
            raise
        finally:
            for staging in stagings.values():
                shutil.rmtree(staging, ignore_errors=True)


def _missing_folders(folder: Path) -> list[Path]:
    """The folders that making `folder` would create, outermost first."""
    return [f for f in reversed([folder, *folder.parents]) if not f.exists()]


def _remove_empty(folders: list[Path]) -> None:
    for folder in reversed(folders):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _staging_for(target: Path, staging_parent: Path, stagings: dict[int, Path]) -> Path:
    """A staging folder on the target's own disk, so that moving into place is a rename: beside
    content/ as a rule, else (content/ mounted as a volume, a --report in a tmpfs /tmp) in the
    nearest folder above the target that exists."""
    anchor = next(folder for folder in target.parents if folder.exists())
    device = anchor.stat().st_dev
    if device not in stagings:
        home = staging_parent if staging_parent.stat().st_dev == device else anchor
        try:
            stagings[device] = Path(tempfile.mkdtemp(prefix=".wp-import-", dir=home))
        except OSError as exc:  # name the folder, not the temporary name inside it
            raise OSError(exc.errno, exc.strerror, str(home.absolute())) from None
    return stagings[device]


def _not_written(where: str, exc: OSError) -> WxrImportError:
    return WxrImportError(
        where,
        f"could not write the import ({exc.strerror}); nothing was changed",
    )


def _move_into_place(staged: dict[Path, Path]) -> None:
    """Rename every staged file into place; on a failure or a stop, put everything back."""
    done: list[tuple[Path, Path | None]] = []
    made_dirs: list[Path] = []
    try:
        for target, source in staged.items():
            for parent in reversed(target.parents):
                if not parent.exists():
                    parent.mkdir()
                    made_dirs.append(parent)
            backup = None
            if target.exists():
                backup = source.with_suffix(".old")  # in the staging on the target's disk
                os.replace(target, backup)
            os.replace(source, target)
            done.append((target, backup))
            if _stop_asked():
                raise ImportInterrupted
    except (OSError, ImportInterrupted):
        for target, backup in reversed(done):
            target.unlink(missing_ok=True)
            if backup is not None:
                os.replace(backup, target)
        _remove_empty(made_dirs)
        raise
