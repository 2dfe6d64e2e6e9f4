"""Pelican plugin: keep old addresses working with redirect pages and server rules.

Reads `content/redirects.yml` (written by `wp-import`, or by hand) and, after the build, writes
a first-party redirect page at every old path plus `_redirects`, `nginx-redirects.conf` and a
block in `.htaccess`. Settings (prefix REDIRECTS_) are listed in plugin.SETTINGS.
"""

from __future__ import annotations


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()
