"""The hashed name of each theme file (no Pelican here): name.<hash>.ext, from its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

DIGITS = 10  # hex digits of the content hash: enough that two versions never share a name


def hashed_name(relative: str, data: bytes) -> str:
    """'css/site.css' -> 'css/site.3f9a1c2e5b.css'; a name without a suffix gets it at the end."""
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()[:DIGITS]
    path = PurePosixPath(relative)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_files(folders: list[Path]) -> dict[str, Path]:
    """Every file of the theme's static folders by its path below them, as Pelican copies it
    (a later folder's file wins, as in Pelican)."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found[path.relative_to(folder).as_posix()] = path
    return found
