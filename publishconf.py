"""Production settings: everything in pelicanconf.py, with the site's real origin.

Used by `make publish`. Keep overrides here few; a difference between development and production
is a difference nobody sees until it breaks.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Pelican runs this file with its own folder off sys.path; pelicanconf sits beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_pages.conf import DECLARED_SITE_URL

from pelicanconf import *  # noqa: F403

# The site's public origin is written in one place: site.url in content/privacy.yml. The
# policy_pages plugin puts it here from the declaration of the content being built.
SITEURL = DECLARED_SITE_URL
FEED_DOMAIN = SITEURL
# Feeds for the whole site and per category, Atom and RSS.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# The .gz and .br copies that static hosts serve as they are (precompressed plugin).
PRECOMPRESSED = True
# Nothing of the kit's example business goes live: every PLACEHOLDER must be replaced first.
PLACEHOLDERS_REFUSE = True
# The policy that goes live is a released one (make policy-release), never a draft.
POLICY_DRAFTS = False
# Theme files named by their content's hash, which the deploy configs cache for a year.
HASHED_ASSETS = True
# A published embed card must show its poster: run `make fetch-media` first.
EMBEDS_REQUIRE_POSTERS = True
