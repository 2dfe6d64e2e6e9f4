"""Each language's own lists: its index, archives, category, tag and author pages and feeds.

Pelican writes one set of lists, holding every post that is no translation, whatever its
language; and its "all" feeds hold every language. On a site of several languages a post belongs
in its own language's lists only: the default language's at the root, every other's under its
home (/en/). The ArticlesGenerator's list-writing methods are reused on a view of it per
language (its posts, its taxonomy, its addresses), so the pages come out as Pelican writes them.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import Any

from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import order_content

from .sites import SiteLanguages, native_name

# The direct templates that list posts; the others (robots.txt, say) exist once per site.
LIST_TEMPLATES = ("index", "archives", "categories", "tags", "authors")
_ADDRESSES = (
    "CATEGORY",
    "TAG",
    "AUTHOR",
    "YEAR_ARCHIVE",
    "MONTH_ARCHIVE",
    "DAY_ARCHIVE",
    *(name.upper() for name in LIST_TEMPLATES),
)
_FEEDS = ("FEED_ATOM", "FEED_RSS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS", "AUTHOR_FEED_ATOM",
          "AUTHOR_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS")  # fmt: skip


def localized_settings(settings: dict[str, Any], home: str) -> dict[str, Any]:
    """The settings with every list's and feed's address under `home` ("en/"), and the
    whole-site feeds as this language's feed of its own posts (FEED_ATOM, FEED_RSS)."""
    local = dict(settings)
    local["DIRECT_TEMPLATES"] = [t for t in settings["DIRECT_TEMPLATES"] if t in LIST_TEMPLATES]
    local["INDEX_URL"] = home or settings.get("INDEX_URL", "index.html")
    for name in _ADDRESSES:
        for suffix in ("_URL", "_SAVE_AS"):
            value = settings.get(name + suffix)
            if value and not (name == "INDEX" and suffix == "_URL"):
                local[name + suffix] = home + value
    if not settings.get("INDEX_SAVE_AS"):
        local["INDEX_SAVE_AS"] = home + "index.html"
    for kind in ("ATOM", "RSS"):
        local[f"FEED_{kind}"] = settings.get(f"FEED_ALL_{kind}") or settings.get(f"FEED_{kind}")
        local[f"FEED_ALL_{kind}"] = None
        local.pop(f"FEED_{kind}_URL", None)
    for name in _FEEDS:
        if local.get(name):
            local[name] = home + local[name]
    return local


def by_language(articles: Iterable[Any], site: SiteLanguages) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        grouped[site.declared(getattr(article, "lang", None)) or site.default].append(article)
    return grouped


def keep_default_language(generator: Any, site: SiteLanguages) -> None:
    """Pelican lists a post with no version in the default language as an original; it belongs
    in its own language's lists, so it joins the translations (which are written all the same).
    Runs before Pelican groups the posts by category, tag, author and date."""
    for names in (("articles", "translations"), ("hidden_articles", "hidden_translations")):
        originals, translations = (getattr(generator, name) for name in names)
        moved = [a for a in originals if site.home(a.lang or site.default)]
        if moved:
            setattr(generator, names[0], [a for a in originals if a not in moved])
            translations.extend(moved)


class LanguageLists:
    """One language's lists, written by the ArticlesGenerator's own methods on a view of it."""

    def __init__(self, generator: Any, lang: str, articles: list[Any], site: SiteLanguages):
        self.lang = lang
        self.view = view = copy.copy(generator)
        view.settings = settings = localized_settings(generator.settings, site.home(lang))
        view.articles = order_content(articles, settings["ARTICLE_ORDER_BY"])
        view.translations, view.hidden_articles, view.hidden_translations = [], [], []
        view.drafts, view.drafts_translations = [], []
        _local_taxonomy(view.articles, settings)
        categories, tags, authors = defaultdict(list), defaultdict(list), defaultdict(list)
        for article in view.articles:
            if getattr(article, "category", None) is not None:
                categories[article.category].append(article)
            for tag in getattr(article, "tags", None) or ():
                tags[tag].append(article)
            for author in getattr(article, "authors", None) or ():
                authors[author].append(article)
        view.categories = sorted(categories.items(), reverse=settings["REVERSE_CATEGORY_ORDER"])
        view.tags = tags
        view.authors = sorted(authors.items())
        view.dates = sorted(
            view.articles,
            key=attrgetter("date"),
            reverse=generator.context["NEWEST_FIRST_ARCHIVES"],
        )
        view.period_archives = view._build_period_archives(view.dates, view.articles, settings)

    def addresses(self, site: SiteLanguages) -> frozenset[str]:
        """The list pages this language will have, without its home."""
        return list_addresses(self.view, site, self.lang)

    def write(self, writer: Any, shared: dict[str, Any]) -> None:
        """Feeds and lists, with the shared context as it is when pages are written."""
        view = self.view
        view.context = {
            **shared,
            "lang": self.lang,
            "articles": view.articles,
            "dates": view.dates,
            "categories": view.categories,
            "tags": list(view.tags.items()),
            "authors": view.authors,
            "period_archives": view.period_archives,
        }
        write_language_feeds(view, writer, self.lang)
        write = partial(writer.write_file, relative_urls=view.settings["RELATIVE_URLS"])
        view.generate_period_archives(write)
        view.generate_direct_templates(write)
        view.generate_tags(write)
        view.generate_categories(write)
        view.generate_authors(write)


def write_language_feeds(view: Any, writer: Any, lang: str, *, rewrite: bool = False) -> None:
    """The language's own feeds; `rewrite`: Pelican's "all" feeds at the root, which it wrote
    with every language, written again with the default language's posts only."""
    settings = view.settings
    if rewrite:
        for kind in ("atom", "rss"):
            path = settings.get(f"FEED_ALL_{kind.upper()}")
            if path:
                url = settings.get(f"FEED_ALL_{kind.upper()}_URL", path)
                writer.write_feed(view.articles, view.context, path, url, feed_type=kind,
                                  override_output=True, feed_title=native_name(lang))  # fmt: skip
        return
    for kind in ("atom", "rss"):
        path = settings.get(f"FEED_{kind.upper()}")
        if path:
            writer.write_feed(view.articles, view.context, path, path, feed_type=kind,
                              feed_title=native_name(lang))  # fmt: skip
    categories_only = {**settings, "FEED_ATOM": None, "FEED_RSS": None}
    saved, view.settings = view.settings, categories_only
    try:
        view.generate_feeds(writer)
    finally:
        view.settings = saved


def _local_taxonomy(articles: list[Any], settings: dict[str, Any]) -> None:
    """The language's posts link their category, tags and authors in that language's lists."""
    for article in articles:
        category = getattr(article, "category", None)
        if category is not None:
            article.category = Category(category.name, settings)
        if getattr(article, "tags", None):
            article.tags = [Tag(tag.name, settings) for tag in article.tags]
        if getattr(article, "authors", None):
            article.authors = [Author(author.name, settings) for author in article.authors]
            article.author = article.authors[0]


def list_addresses(generator: Any, site: SiteLanguages, lang: str) -> frozenset[str]:
    """The addresses of the list pages `generator` writes, without the language's home."""
    settings = generator.settings
    urls = [
        settings.get(f"{name.upper()}_URL", f"{name}.html")
        for name in settings["DIRECT_TEMPLATES"]
        if name in LIST_TEMPLATES and settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
    ]
    urls += [c.url for c, _ in generator.categories]
    urls += [t.url for t in dict(generator.tags)]
    urls += [a.url for a, _ in generator.authors]
    for archives in generator.period_archives.values():
        urls += [archive["url"] for archive in archives]
    home = site.home(lang)
    found = set()
    for url in urls:
        url = "" if url in ("index.html", home) else url
        found.add(site.without_home(url, lang))
    return frozenset(found)


def set_neighbours(groups: Iterable[list[Any]]) -> None:
    """Newer and older post within each language (the neighbors plugin's names), so that an
    English post's "Older post" is the older English post, never a German one."""
    for articles in groups:
        for index, article in enumerate(articles):
            article.next_article = articles[index - 1] if index else None
            article.prev_article = articles[index + 1] if index + 1 < len(articles) else None


def every_article(generator: Any) -> list[Any]:
    return list(chain(generator.articles, generator.translations))
