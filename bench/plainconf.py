"""Settings of the baseline build: plain Pelican 4.12, its bundled "simple" theme, no plugins.

Only the settings that decide WHAT gets built are taken from the site's pelicanconf.py: which
files are read and how (paths, Markdown, dates, summaries), which pages exist at which addresses
(URLs, pagination, period archives, feeds) and the content cache. Both builds then do the same
work, so the ratio measures what our theme, plugins and strict-build cost, nothing else.
Everything else is Pelican's default.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pelicanconf

SHAPE_PREFIXES = ("ARTICLE_", "PAGE_", "DRAFT_", "YEAR_", "MONTH_", "DAY_", "CATEGORY_", "TAG_")
SHAPE_PREFIXES += ("AUTHOR_", "ARCHIVES_", "CATEGORIES_", "TAGS_", "AUTHORS_", "FEED_")
SHAPE_PREFIXES += ("TRANSLATION_FEED_", "PAGINAT", "CACHE_", "LOAD_CONTENT_CACHE")
SHAPE_PREFIXES += ("CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER", "GZIP_CACHE")
SHAPE_NAMES = {
    "STATIC_PATHS", "TIMEZONE", "DEFAULT_LANG", "LOCALE", "DEFAULT_DATE_FORMAT",
    "DEFAULT_CATEGORY", "DEFAULT_METADATA", "SLUGIFY_SOURCE", "MARKDOWN", "SUMMARY_MAX_LENGTH",
    "TYPOGRIFY", "DEFAULT_PAGINATION", "RELATIVE_URLS", "USE_FOLDER_AS_CATEGORY",
}  # fmt: skip

globals().update(
    {
        name: value
        for name, value in vars(pelicanconf).items()
        if name.isupper()
        and name != "CACHE_PATH"  # the bench gives each build its own cache folder
        and (name in SHAPE_NAMES or name.startswith(SHAPE_PREFIXES))
    }
)

SITENAME = "Plain Pelican"
THEME = "simple"
PLUGINS: list[str] = []
