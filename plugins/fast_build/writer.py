"""A Pelican Writer that neither renders nor rewrites a page whose inputs did not change.

Pelican renders every page and rewrites every file on every build, even when one article
changed. On a 2,000-article site that is about 3,600 renders and as many file writes, most of a
cached rebuild. This writer asks the Fingerprinter for each page's fingerprint: when the last
build into this folder recorded the same fingerprint and the file is still as it left it, the
render is skipped; when a page is rendered, the file is written only if its bytes changed.
Either way the file is "touched" (its inode change time set to now, its modification time kept),
which is how strict-build tells this build's files from stale ones.

Everything else is Pelican's Writer: the same paths, the same overwrite rules, the same
``content_written`` signal for every page, rendered or not.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from fast_build import manifest
from fast_build.fingerprint import Fingerprinter

logger = logging.getLogger(__name__)


def touch(path: str) -> os.stat_result:
    """Mark ``path`` as part of this build without changing its modification time."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return stat


class IncrementalWriter(Writer):
    """Pelican's Writer, minus the renders and writes that would change nothing."""

    active: IncrementalWriter | None = None

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.cache = Path(self.settings["CACHE_PATH"])
        Path(output_path).mkdir(parents=True, exist_ok=True)
        self.previous = manifest.load(self.cache, Path(output_path))
        self.current: dict[str, manifest.Entry] = {}
        self.fingerprints = Fingerprinter(self.settings, self.cache)
        self._pending: dict[str, bytes | None] = {}  # path -> fingerprint of its render
        self._skipped: set[str] = set()
        self.rendered = self.reused = 0
        self._shared_context: dict[str, Any] | None = None
        IncrementalWriter.active = self

    def write_file(self, name, template, context, *args, **kwargs):
        stand_in = _RenderUnlessUnchanged(template, self)
        self._shared_context = context
        return super().write_file(name, stand_in, context, *args, **kwargs)

    def decide(self, template: Any, localcontext: dict[str, Any]) -> bool:
        """True when the page must be rendered; records what the writer needs either way."""
        path = sanitised_join(self.output_path, localcontext["output_file"])  # as Pelican does
        fingerprint = self.fingerprints.page(template, localcontext, self._shared_context)
        entry = self.previous.get(path)
        unchanged = (
            fingerprint is not None
            and entry is not None
            and entry.fingerprint == fingerprint
            and entry.matches(path)
        )
        if unchanged:
            self._skipped.add(path)
            self.reused += 1
            return False
        self._pending[path] = fingerprint
        self.rendered += 1
        return True

    def _open_w(self, filename, encoding, override=False):
        """Pelican's overwrite rules, then a file that writes only what changed."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            self._skipped.discard(filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it '
                    "previously (set `override=True` if intended)"
                )
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        if filename in self._skipped:
            self._skipped.discard(filename)
            self.current[filename] = self.previous[filename]
            touch(filename)
            return io.StringIO()
        return _WriteIfChanged(filename, encoding, self, self._pending.pop(filename, None))

    def record(self, path: str, fingerprint: bytes | None, stat: os.stat_result) -> None:
        if fingerprint is None:
            self.current.pop(path, None)
        else:
            self.current[path] = manifest.Entry(fingerprint, stat.st_size, stat.st_mtime_ns)

    def save(self) -> None:
        """Keep this build's fingerprints for the next build into the same folder."""
        manifest.save(self.cache, Path(self.output_path), self.current)
        self.fingerprints.resolved.save()
        logger.info("fast_build: %d pages rendered, %d unchanged", self.rendered, self.reused)


class _RenderUnlessUnchanged:
    """Stands in for a template: renders only when the writer says the page may have changed."""

    def __init__(self, template: Any, writer: IncrementalWriter) -> None:
        self.template = template
        self.writer = writer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)

    def render(self, localcontext: dict[str, Any]) -> str:
        if self.writer.decide(self.template, localcontext):
            return self.template.render(localcontext)
        return ""


class _WriteIfChanged(io.StringIO):
    """Collects the text, then writes it only when it differs from the file already there."""

    def __init__(
        self, path: str, encoding: str, writer: IncrementalWriter, fingerprint: bytes | None
    ) -> None:
        super().__init__()
        self.path, self.encoding_name = path, encoding
        self.writer, self.fingerprint = writer, fingerprint

    def close(self) -> None:
        if not self.closed:
            data = self.getvalue().encode(self.encoding_name)
            if _same_bytes(self.path, data):
                stat = touch(self.path)
            else:
                with open(self.path, "wb") as handle:
                    handle.write(data)
                stat = os.stat(self.path)
            self.writer.record(self.path, self.fingerprint, stat)
        super().close()


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False
