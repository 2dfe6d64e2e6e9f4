"""The addresses this kit's site writes for itself (pelicanconf.py's URL settings), which an
imported post or page cannot have: the import renames such pages and names every old address
that the site's own page now answers."""

from __future__ import annotations

import re

# WordPress pages that this site replaces with its own (generated) page, by the old slug.
SITE_PAGES = {
    "privacy": "/privacy/",
    "privacy-policy": "/privacy/",
    "cookies": "/cookies/",
    "cookie-policy": "/cookies/",
    "legal-notice": "/legal-notice/",
    "impressum": "/legal-notice/",
    "imprint": "/legal-notice/",
    "contact": "/contact/",
    "contact-us": "/contact/",
}
# The site's own pages and folders at its top level, and what each one shows.
_OWN_TOP_LEVEL = {
    "archives": "the site's archive of all posts",
    "categories": "the site's list of categories",
    "tags": "the site's list of tags",
    "authors": "the site's list of authors",
    "category": "the site's category pages",
    "tag": "the site's tag pages",
    "author": "the site's author pages",
    "page": "the site's pages of older posts",
    "feeds": "the site's feeds",
    "theme": "the site's stylesheet and pictures",
    "drafts": "the site's draft previews",
    "privacy": "the site's privacy policy",
    "cookies": "the site's cookie statement",
    "legal-notice": "the site's legal notice",
    "contact": "the site's contact page",
    "robots.txt": "the site's robots.txt",
    "sitemap.xml": "the site's sitemap",
    "index.html": "the site's home page",
    "404.html": "the site's page for missing addresses",
}
# Slugs a page may not take (nor a year, /2012/ being that year's archive, nor a name with a
# dot, index.html and robots.txt being files).
RESERVED_SLUGS = frozenset(
    {*_OWN_TOP_LEVEL, "wp-content"} - {"privacy", "cookies", "legal-notice", "contact"}
)
# Folders of the site's pages that have no page of their own (/tag/ itself is nothing).
_FOLDERS_ONLY = frozenset({"category", "tag", "author", "page", "feeds", "theme", "drafts"})
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{2}$")


def site_page_at(path: str) -> str | None:
    """What the site itself shows at an old address (a path from the root), if anything."""
    parts = [part for part in path.partition("?")[0].split("/") if part]
    if not parts:
        return "the site's home page"
    if parts[0] in _OWN_TOP_LEVEL and (len(parts) > 1 or parts[0] not in _FOLDERS_ONLY):
        return _OWN_TOP_LEVEL[parts[0]]
    if _YEAR.match(parts[0]) and len(parts) == 1:
        return f"the site's archive of {parts[0]}"
    if _YEAR.match(parts[0]) and len(parts) == 2 and _MONTH.match(parts[1]):
        return f"the site's archive of {parts[0]}-{parts[1]}"
    return None
