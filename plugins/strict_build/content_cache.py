"""Forget what a failed build put in Pelican's content cache.

Pelican caches each file as it read it and, on the next build, does not read it again: a warning
it gave while reading (a duplicate ``Date:``, say) is not given again, and the build that failed
on it passes unchanged the second time. A build that fails therefore deletes the cache files its
generators use; the next build reads every file afresh and meets the same problems.
"""

from __future__ import annotations

import contextlib
import os


class ContentCaches:
    """The content cache files of this build's generators (``*_generator_init`` signals)."""

    def __init__(self) -> None:
        self.paths: set[str] = set()

    def __call__(self, generator) -> None:
        for cacher in (generator, getattr(generator, "readers", None)):
            path = getattr(cacher, "_cache_path", None)  # Pelican's FileDataCacher keeps it here
            if path:
                self.paths.add(path)

    def forget(self) -> None:
        for path in self.paths:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
