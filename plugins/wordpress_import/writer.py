"""Write all files or none: stage them beside content/, then move each into place.

A failed or refused import must leave content/ exactly as it was, so every file is first
written to a staging folder on its target's disk; only when all are written are they renamed into
place, and a failure while renaming puts back what was there before.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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


def write_all(files: dict[Path, str], staging_parent: Path, *, force: bool) -> None:
    check_free(list(files), force=force)
    try:
        staging_parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # the folder beside content/ (for the report and the staging)
        raise _not_written(str(staging_parent.absolute()), exc) from None
    stagings: dict[int, Path] = {}  # by device: a rename cannot cross disks or mounts
    try:
        staged: dict[Path, Path] = {}
        for number, (target, text) in enumerate(files.items()):
            staged[target] = _staging_for(target, staging_parent, stagings) / f"{number}.new"
            staged[target].write_text(text, encoding="utf-8")
        _move_into_place(staged)
    except OSError as exc:
        raise _not_written(str(exc.filename or staging_parent), exc) from None
    finally:
        for staging in stagings.values():
            shutil.rmtree(staging, ignore_errors=True)


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
    except OSError:
        for target, backup in reversed(done):
            target.unlink(missing_ok=True)
            if backup is not None:
                os.replace(backup, target)
        for folder in reversed(made_dirs):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
        raise
