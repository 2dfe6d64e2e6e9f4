"""For the settings files: values that come from the declaration of the content being built.

A settings file is read before Pelican knows which content folder it builds (the Makefile and
the tests pass it on the command line), so publishconf.py cannot read that folder's privacy.yml
itself. It writes `SITEURL = DECLARED_SITE_URL` instead, and the policy_pages plugin replaces the
marker with site.url of the declaration it loads, before any page is written.
"""

from __future__ import annotations

DECLARED_SITE_URL = "declared:site.url"
# The settings that may hold the marker: the site's origin, and the origin feeds link to.
FROM_DECLARATION = ("SITEURL", "FEED_DOMAIN")


def fill_declared_site_url(settings: dict, site_url: str) -> None:
    """Replace the marker in SITEURL and FEED_DOMAIN with `site_url`, without a trailing slash."""
    for name in FROM_DECLARATION:
        if settings.get(name) == DECLARED_SITE_URL:
            settings[name] = site_url.rstrip("/")
