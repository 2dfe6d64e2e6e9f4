"""fast_build: rebuilds that redo only what changed, from our side of Pelican.

Pelican 4.12 renders and rewrites every page on every build. This plugin installs a Writer
(through Pelican's ``get_writer`` signal) that skips the render of a page whose fingerprint (its
template, the values the template reads, the settings, the theme and plugins' code) is the one
the last build recorded for that file, and skips the write of a page whose bytes did not change.
Output is byte for byte what a clean build writes; tests/performance proves it on edits, new and
removed articles, title, template and settings changes.

It also computes each article's and page's URL once (urls.py) instead of on every use, lets go
of Pelican's in-memory content cache once it is saved (memory.py), keeps the cycle collector off
the objects that live for the whole build (collector.py), and keeps that cache in one folder per
settings, theme and plugin code, so a changed setting never meets stale HTML (cache_key.py).

Settings: ``FAST_BUILD`` (default True) turns it off.
"""


def register() -> None:
    from fast_build.plugin import register as connect_signals

    connect_signals()
