"""fast_build: rebuilds that redo only what changed, from our side of Pelican.

Pelican 4.12 renders and rewrites every page on every build. This plugin installs a Writer
(through Pelican's ``get_writer`` signal) that skips the render of a page whose fingerprint (its
template, the values the template reads, the settings, the theme and plugins' code) is the one
the last build recorded for that file, and skips the write of a page whose bytes did not change.
Output is byte for byte what a clean build writes; tests/performance proves it on edits, new and
removed articles, title, template and settings changes.

Settings: ``FAST_BUILD`` (default True) turns it off.
"""

from __future__ import annotations

from pelican import signals

from fast_build.writer import IncrementalWriter


def choose_writer(pelican) -> type[IncrementalWriter] | None:
    return IncrementalWriter if pelican.settings.get("FAST_BUILD", True) else None


def save_fingerprints(pelican) -> None:
    writer = IncrementalWriter.active
    if writer is not None and writer.output_path == pelican.output_path:
        writer.save()
        IncrementalWriter.active = None


def register() -> None:
    signals.get_writer.connect(choose_writer)
    signals.finalized.connect(save_fingerprints)
