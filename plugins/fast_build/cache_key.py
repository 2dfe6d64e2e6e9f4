"""Give Pelican's content cache one folder per set of settings, theme and plugin code.

Pelican's content cache (on in pelicanconf.py, keyed by each source file's MD5) knows nothing of
settings: change the Markdown extensions, a URL pattern or a plugin, and it keeps serving HTML and
metadata parsed the old way (the categories and tags it stores even carry a pickled copy of the
old settings). Keying the folder on everything that can change what is read avoids that, and lets
`make html` and `make publish` keep a warm cache each. The three most recent folders are kept.

Only Pelican's own cache moves: each generator fixes its cache file's path when it is created, so
CACHE_PATH is pointed at the keyed folder just before the generators are created (the
``get_generators`` signal) and set back once the last one, the StaticGenerator, exists; other
plugins' caches (the privacy guard's) stay where their settings say.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fast_build.fingerprint import Fingerprinter

KEEP = 3


_original: dict[int, str] = {}  # CACHE_PATH to restore, by id(settings)


def restore_cache_path(generator) -> None:
    """Runs on ``static_generator_init``: every generator has its cache path by then."""
    original = _original.pop(id(generator.settings), None)
    if original is not None:
        generator.settings["CACHE_PATH"] = original


def key_cache_folder(pelican) -> None:
    """Runs on ``get_generators``: after every ``initialized`` handler, before any generator."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    root = Path(settings["CACHE_PATH"])
    folder = root / Fingerprinter(settings).site.hex()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    folder.touch()  # most recently used
    _original[id(settings)] = settings["CACHE_PATH"]
    settings["CACHE_PATH"] = str(folder)
    siblings = sorted(
        (p for p in root.iterdir() if p.is_dir() and len(p.name) == 16 and p != folder),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in siblings[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
