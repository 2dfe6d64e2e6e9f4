"""Development settings for the Discreet site (production overrides live in publishconf.py).

Pelican reads this file as plain Python. Who the business is (name, address, e-mail, the site's
address) is declared once, in content/privacy.yml: the policy_pages plugin sets SITENAME and
AUTHOR from its site.name (set them here only to override it), and templates read the rest from
`declaration`.
"""

from __future__ import annotations

SITESUBTITLE = "Small business, discreet by design"  # PLACEHOLDER: your tagline, or None
SITEURL = ""  # root-relative links in development; publishconf.py sets the real origin
PATH = "content"
OUTPUT_PATH = "output"
# None: the time zone of the controller's address in content/privacy.yml: its region's in a
# country of several (Australia/Perth for WA), else its country's (Europe/London for GB);
# name one to choose another, e.g. TIMEZONE = "America/Los_Angeles".
TIMEZONE = None
# The site's languages are site.languages in content/privacy.yml: the first is the default
# (the languages plugin sets DEFAULT_LANG from it), served at the root; the others under /<lang>/.
# Dates and addresses are written for the controller's country and the page's language by the
# theme's format_date, format_month and format_address filters (Babel's locale data), whatever
# the machine's locale; Pelican's own strftime uses the C locale, the same on every machine.
LOCALE = ("C.UTF-8", "C")

# --- Content -------------------------------------------------------------------------------------
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# wp-content/ holds an imported WordPress blog's uploads, at their old addresses (see wp-import).
STATIC_PATHS = ["images", "wp-content"]
DEFAULT_CATEGORY = "Privacy"
USE_FOLDER_AS_CATEGORY = False  # articles/2013/x.md is in Privacy, not in a category "2013"
DEFAULT_METADATA = {"status": "published"}
SLUGIFY_SOURCE = "title"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        # A list numbered from 4 starts at 4, and a numbered list is not run into a bulleted one
        # (imported WordPress posts rely on both).
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 50
TYPOGRIFY = False

# --- URLs: WordPress style, so an old blog's links keep working ----------------------------------
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{date:%Y}/{date:%m}/{slug}/index.html"
DRAFT_URL = ""
DRAFT_SAVE_AS = ""  # drafts are never written
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_PAGE_URL = ""
DRAFT_PAGE_SAVE_AS = ""
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
# robots.txt is rendered from the theme so it can name the sitemap's absolute URL.
DIRECT_TEMPLATES = ["index", "archives", "categories", "tags", "authors", "robots"]
ROBOTS_SAVE_AS = "robots.txt"
ROBOTS_URL = "robots.txt"

# --- Lists and pagination ------------------------------------------------------------------------
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "index": None,
    "category": None,
    "tag": None,
    "author": None,
    "period_archives": None,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- Feeds: off in development (they need absolute URLs); publishconf.py turns them on -----------
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# --- Theme ---------------------------------------------------------------------------------------
THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False
# Footer links on every page: the addresses the policy pages and the contact form are written at.
# policy_pages drops the legal notice when the declaration has no legal-notice data, and adds the
# CCPA's "Do Not Sell or Share" link when the declaration sells or shares personal information.
FOOTER_LINKS = [
    ("Privacy policy", "privacy/"),
    ("Cookie statement", "cookies/"),
    ("Legal notice", "legal-notice/"),
    ("Contact", "contact/"),
]

# --- Plugins -------------------------------------------------------------------------------------
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "languages",  # the theme's strings in each page's language (gettext catalogues, Babel)
    "pelican.plugins.sitemap",
    "pelican.plugins.neighbors",
    "placeholders",  # first: lists the kit's example values still in the site (publishconf refuses)
    "policy_pages",
    "contact_form",
    "redirects",
    "brand",  # logo, accent colour, font, icons; see plugins/brand/README.md
    "pictures",  # covers (Image:) and responsive AVIF/WebP variants of every picture
    "furniture",  # sidebar, reading time, related posts, "you are here"
    "site_search",  # the search index and results page the inbox serves at /search
    "embeds",  # a provider's link alone on a line becomes a card; see plugins/embeds/README.md
    "share",  # plain share links and link-preview tags with the site's own images
    "fast_build",  # rebuilds render and write only the pages whose inputs changed
    "precompressed",  # .gz and .br beside every text file in `make publish` (see PRECOMPRESSED)
    "hashed_assets",  # theme files named by their hash in `make publish` (see HASHED_ASSETS)
    "privacy_guard",  # last: it audits what the others wrote
    "deploy",  # server configs from what the guard, redirects and contact_form published
]
# make publish refuses a site that still holds the kit's example values (publishconf.py).
PLACEHOLDERS_REFUSE = False
# An unreleased declaration is previewed as draft policy pages; make publish refuses it.
POLICY_DRAFTS = True
# .gz and .br copies are for the host that serves the site: `make publish` writes them
# (publishconf.py). A development build skips them: a copy of every text file, twice, for nobody.
PRECOMPRESSED = False
# Theme files under names carrying their hash (site.3f9a1c2e5b.css), so servers may cache them for
# a year: `make publish` only (publishconf.py), like the compressed copies.
HASHED_ASSETS = False
# policy_pages reads content/privacy.yml and content/policy-versions/ (POLICY_DECLARATION and
# POLICY_VERSIONS_PATH change where); see docs/policy-pages.md.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^robots\.txt$", r"^404\.html$"],
    "priorities": {"articles": 0.6, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
}

# --- Caching (content hashes, so a fresh clone's cache is still valid) ---------------------------
# Pelican keeps each source file's parsed Markdown in cache/, keyed by the file's MD5 rather than
# its modification time (a fresh clone or a copy changes every mtime); fast_build (a plugin above)
# skips re-rendering pages whose inputs did not change. Measured: bench/README.md.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
# Uncompressed: gzip made every build recompress a cache that had not changed.
GZIP_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
