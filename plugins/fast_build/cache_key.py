"""Give Pelican's content cache one folder per set of settings, theme and plugin code.

Pelican's content cache (on in pelicanconf.py, keyed by each source file's MD5) knows nothing of
settings: change the Markdown extensions, a URL pattern or a plugin, and it keeps serving HTML and
metadata parsed the old way (the categories and tags it stores even carry a pickled copy of the
old settings). Keying the folder on everything that can change what is read avoids that, and lets
`make html` and `make publish` keep a warm cache each. The three most recent folders are kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fast_build.fingerprint import Fingerprinter

KEEP = 3


def key_cache_folder(pelican) -> None:
    """Runs on ``get_generators``: after every ``initialized`` handler, before any generator."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    root = Path(settings["CACHE_PATH"])
    folder = root / Fingerprinter(settings).site.hex()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    folder.touch()  # most recently used
    settings["CACHE_PATH"] = str(folder)
    siblings = sorted(
        (p for p in root.iterdir() if p.is_dir() and len(p.name) == 16 and p != folder),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in siblings[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
