"""Pelican plugin: keep old addresses working with redirect pages and server rules.

Reads `content/redirects.yml` (written by `wp-import`, or by hand) and, after the build, writes
a first-party redirect page at every old path plus `_redirects`, `nginx-redirects.conf` and a
block in `.htaccess`. Settings (prefix REDIRECTS_) are listed in plugin.SETTINGS.
"""

from __future__ import annotations

from typing import Any

NGINX_DEFAULT = "nginx-redirects.conf"


def nginx_rules_file(settings: dict[str, Any]) -> str | None:
    """Where in the output the nginx rules are written (REDIRECTS_NGINX_FILE), None when they are
    not: for the deploy plugin, which moves them out of the web root, without its guessing this
    plugin's setting."""
    return settings.get("REDIRECTS_NGINX_FILE", NGINX_DEFAULT) or None


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()
