"""precompressed's Pelican glue: .gz and .br copies of every text file (HTML, CSS, XML, SVG...).

It runs in strict builds (make html, make publish). Compression overlaps the build: each file
Pelican writes is named to a worker process
(``precompressed.worker``) that compresses it on another core while the next pages render. The
final pass runs on strict-build's ``ready_to_publish`` signal, after every plugin's ``finalized``
handler, so files written or changed late (sitemap.xml, anything a later plugin rewrites) get
current copies too, and no ``finalized`` handler that scans the folder meets half-written binary
copies of this build. Under plain ``pelican`` (make regenerate/serve) no copies are made.

Settings: ``PRECOMPRESSED`` (default True) turns it off. pelicanconf.py turns it off and
publishconf.py on: the copies are for the host, and compressing 3,600 files twice cost a
development build of 2,000 articles about 4 s of CPU. With it off, strict-build's sweep drops the
copies an earlier build left, so no stale copy outlives the page it was made from.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import blinker
from pelican import signals

from precompressed.compress import is_current, is_text_asset, text_assets

logger = logging.getLogger(__name__)


class Compressor:
    """The worker process of one build, and the paths it was given."""

    def __init__(self) -> None:
        self.worker: subprocess.Popen[bytes] | None = None

    def start(self, staging: Path, settings: dict, **_: object) -> None:
        self.stop()
        if settings.get("PRECOMPRESSED", True):
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "precompressed.worker"],
                stdin=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )

    def hand_over(self, path: str | Path) -> None:
        assert self.worker is not None and self.worker.stdin is not None
        self.worker.stdin.write(os.fsencode(path) + b"\0")

    def written(self, path: str, **_: object) -> None:
        if self.worker is not None and is_text_asset(path):
            self.hand_over(path)

    def finish(self, folder: Path, **_: object) -> None:
        if self.worker is None:
            return
        for path in text_assets(folder):
            if not is_current(path, path.stat().st_mtime_ns):
                self.hand_over(path)
        errors = self.worker.communicate()[1]
        for line in errors.decode("utf-8", "replace").splitlines():
            logger.error("%s", line)
        if self.worker.returncode and not errors:
            logger.error("precompressed: the compression worker exited %s", self.worker.returncode)
        self.worker = None

    def stop(self, *_: object, **__: object) -> None:
        """End the worker of a failed build before its staging folder is deleted."""
        if self.worker is not None:
            self.worker.kill()
            self.worker.wait()
            self.worker = None


compressor = Compressor()


def set_default(pelican) -> None:
    """Make the setting explicit: strict-build's sweep reads it to keep or drop old copies."""
    pelican.settings.setdefault("PRECOMPRESSED", True)


def register() -> None:
    signals.initialized.connect(set_default)
    blinker.signal("strict_build.started").connect(compressor.start)
    signals.content_written.connect(compressor.written)
    signals.feed_written.connect(compressor.written)
    blinker.signal("strict_build.ready_to_publish").connect(compressor.finish)
    blinker.signal("strict_build.abandoned").connect(compressor.stop)
