"""Pelican plugin: keep old addresses working with redirect pages and server rules.

Reads `content/redirects.yml` (written by `wp-import`, or by hand) and, after the build, writes
a first-party redirect page at every old path plus `_redirects`, `nginx-redirects.conf` and a
block in `.htaccess`. Settings (prefix REDIRECTS_) are listed in glue.DEFAULTS.
"""

from __future__ import annotations

from pelican import signals

from .glue import remember_generators, write_redirects


def register() -> None:
    signals.all_generators_finalized.connect(remember_generators)
    signals.finalized.connect(write_redirects)
