"""precompressed's Pelican glue: .gz and .br copies of every text file (HTML, CSS, XML, SVG...).

It works in any Pelican build. Compression overlaps the build: each file Pelican writes is named
to a worker process (``precompressed.worker``) that compresses it on another core while the next
pages render. The final pass runs on Pelican's ``finalized`` signal, in the last of the steps
plugin_support orders there ("compress", after the redirect pages are written and the guard has
audited and written its report), so copies are made of the final bytes and no audit meets
half-written binary copies. A file another plugin writes later still gets current copies when
the plugin announces it (``content_written``), and strict builds check every file once more just
before publishing (``strict_build.ready_to_publish``), since a plugin outside Discreet's order may
rewrite one (the sitemap).

Settings: ``PRECOMPRESSED`` (default True) turns it off. pelicanconf.py turns it off and
publishconf.py on: the copies are for the host, and compressing every file twice would cost a
development build as much CPU again. With it off, strict-build's sweep drops the copies an
earlier build left, so no stale copy outlives the page it was made from.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import blinker
from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import flag

from precompressed.compress import compress, is_current, is_text_asset, text_assets

logger = logging.getLogger(__name__)

SETTINGS = {"PRECOMPRESSED": Setting(True, flag, "True or False")}


class Compressor:
    """The worker process of one build; once the build is settled, compression in process."""

    def __init__(self) -> None:
        self.worker: subprocess.Popen[bytes] | None = None
        self.enabled = False
        self.settled = False

    def begin(self, pelican: Any) -> None:
        """At the start of each build (`make regenerate` runs many in one process)."""
        self.stop()
        self.enabled = bool(pelican.settings.get("PRECOMPRESSED", True))
        self.settled = False

    def hand_over(self, path: str | Path) -> None:
        if self.worker is None:
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "precompressed.worker"],
                stdin=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        assert self.worker.stdin is not None
        self.worker.stdin.write(os.fsencode(path) + b"\0")

    def written(self, path: str, **_: object) -> None:
        if not self.enabled or not is_text_asset(path):
            return
        if self.settled:  # written after the final pass: no worker any more
            self.compress_now([Path(path)])
        else:
            self.hand_over(path)

    def finish(self, pelican: Any) -> None:
        """Every text file without current copies goes to the worker; wait for it."""
        if not self.enabled:
            return
        for path in text_assets(Path(pelican.output_path)):
            if not is_current(path, path.stat().st_mtime_ns):
                self.hand_over(path)
        self.settled = True
        if self.worker is None:
            return
        errors = self.worker.communicate()[1]
        for line in errors.decode("utf-8", "replace").splitlines():
            logger.error("%s", line)
        if self.worker.returncode and not errors:
            logger.error("precompressed: the compression worker exited %s", self.worker.returncode)
        self.worker = None

    def check_again(self, folder: Path, **_: object) -> None:
        """Strict builds: just before publishing, whatever changed after the final pass."""
        if self.enabled:
            self.compress_now(path for path in text_assets(folder)
                              if not is_current(path, path.stat().st_mtime_ns))  # fmt: skip

    def compress_now(self, paths: Any) -> None:
        for path in paths:
            try:
                if path.exists():
                    compress(path)
            except OSError as error:
                logger.error("precompressed: cannot compress %s: %s", path, error)

    def stop(self, *_: object, **__: object) -> None:
        """End the worker of a failed build before its staging folder is deleted."""
        if self.worker is not None:
            self.worker.kill()
            self.worker.wait()
            self.worker = None


compressor = Compressor()


def set_default(pelican: Any) -> None:
    """Make the setting explicit: strict-build's sweep reads it to keep or drop old copies."""
    with_defaults(pelican.settings, SETTINGS)
    # A prefix shorter than the one name, so that a near miss (PRECOMPRESS) is named too.
    problems = setting_problems(pelican.settings, "PRECOMPRESS", SETTINGS)
    if problems:
        stop_build(logger, problems, "precompressed: correct the setting above")


def _begin(pelican: Any) -> None:
    compressor.begin(pelican)  # returns no generator class: get_generators ignores it


def register() -> None:
    signals.initialized.connect(set_default)
    signals.get_generators.connect(_begin)
    signals.content_written.connect(compressor.written)
    signals.feed_written.connect(compressor.written)
    on_finalized("compress", compressor.finish)
    blinker.signal("strict_build.ready_to_publish").connect(compressor.check_again)
    blinker.signal("strict_build.abandoned").connect(compressor.stop)
