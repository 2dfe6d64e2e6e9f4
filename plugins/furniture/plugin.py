"""Pelican glue: the furniture readers expect, computed once a build, rendered by the theme.

The sidebar (recent posts, categories with counts, the monthly archive list) is the same on
every page of a language, so it is rendered once per language here and every page inserts the
same HTML: 3,600 pages do not each render it again, and a page's fingerprint (fast_build)
changes only when the sidebar does. Reading time and related posts are attributes of each post.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag

from .engine import Link, Post, reading_minutes, related, sidebar
from .tables import wrap_tables

log = logging.getLogger(__name__)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _pace(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 50 <= value <= 1000


SWITCH = "True or False"
SETTINGS: dict[str, Setting] = {
    "FURNITURE_SIDEBAR": Setting(True, flag, SWITCH),  # False: no sidebar at all
    "FURNITURE_RECENT": Setting(5, _whole, "a whole number, 0 to turn it off"),
    "FURNITURE_CATEGORIES": Setting(True, flag, SWITCH),
    "FURNITURE_ARCHIVE": Setting(True, flag, SWITCH),  # the monthly archive list
    # Months listed one by one (to the end of the last year begun); older years get a line each.
    "FURNITURE_ARCHIVE_MONTHS": Setting(12, _whole, "a whole number of months, 0 for years only"),
    "FURNITURE_READING_TIME": Setting(True, flag, SWITCH),
    "FURNITURE_WORDS_PER_MINUTE": Setting(200, _pace, "words a minute, 50 to 1000 (200 is usual)"),
    "FURNITURE_RELATED": Setting(3, _whole, "a whole number, 0 to turn it off"),
    "FURNITURE_NEIGHBOURS": Setting(True, flag, SWITCH),  # older/newer links (pelican-neighbors)
    "FURNITURE_NAV_CURRENT": Setting(True, flag, SWITCH),  # the navigation marks where one is
    "FURNITURE_TABLES": Setting(True, flag, SWITCH),  # a post's tables scroll in their own box
}
TEMPLATE = "_furniture"
CONTEXT_NAME = "furniture_html"  # {language: Markup}, read by base.html


def register() -> None:
    signals.initialized.connect(initialize)
    signals.content_object_init.connect(time_to_read)
    signals.all_generators_finalized.connect(furnish)


def time_to_read(instance: Any) -> None:
    """When a post is read from its file: Pelican's content cache keeps the result, so a
    rebuild counts no words again."""
    settings = instance.settings
    if settings.get("FURNITURE_READING_TIME", True) and getattr(instance, "_content", None):
        pace = settings.get("FURNITURE_WORDS_PER_MINUTE", 200)
        instance.reading_minutes = reading_minutes(instance._content, pace)
        instance.reading_pace = pace


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "FURNITURE_", SETTINGS)
    if problems:
        stop_build(log, problems)


def _post(article: Any) -> Post:
    category = getattr(article, "category", None)
    url = article.url  # formatted anew by Pelican on every read until fast_build freezes it
    return Post(
        key=url,
        title=str(article.title),
        url=url,
        date=article.date,
        tags=tuple(str(tag) for tag in getattr(article, "tags", None) or ()),
        category=(str(category), category.url) if category else None,
    )


def furnish(generators: list) -> None:
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None:
        return
    settings = articles.settings
    default = settings.get("DEFAULT_LANG", "en")
    published = [*articles.articles, *articles.translations]
    by_language: dict[str, list[Any]] = defaultdict(list)
    for article in published:
        by_language[getattr(article, "lang", default) or default].append(article)
    pace = settings["FURNITURE_WORDS_PER_MINUTE"]
    shown = [*published, *articles.hidden_articles, *getattr(articles, "hidden_translations", [])]
    for article in shown:
        if not settings["FURNITURE_READING_TIME"]:
            article.reading_minutes = None
        elif getattr(article, "reading_pace", None) != pace:  # cached under another pace
            article.reading_minutes = reading_minutes(article._content or "", pace)
            article.reading_pace = pace
        article.related = ()
    # Each post's address, once: Pelican formats a URL anew on every read.
    posts = {language: [_post(a) for a in group] for language, group in by_language.items()}
    if settings["FURNITURE_RELATED"]:
        for language, group in by_language.items():
            found = related(posts[language], settings["FURNITURE_RELATED"])
            for article, post in zip(group, posts[language], strict=True):
                article.related = tuple(Link(p.title, p.url) for p in found.get(post.key, ()))
    if settings["FURNITURE_TABLES"]:
        for generator in generators:
            for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                         "pages", "hidden_pages"):  # fmt: skip
                for document in getattr(generator, name, []):
                    if document._content and "<table" in document._content:
                        document._content = wrap_tables(document._content)
    articles.context[CONTEXT_NAME] = (
        _sidebars(articles, posts, default) if settings["FURNITURE_SIDEBAR"] else {}
    )


def _sidebars(articles: Any, by_language: dict[str, list[Post]], default: str) -> dict[str, Markup]:
    """The sidebar's HTML in each language. With the languages plugin's lists per language
    (`language_homes`), a language's archive addresses start with its home ("de/")."""
    settings = articles.settings
    context = articles.context
    homes = context.get("language_homes") or {}
    template = articles.get_template(TEMPLATE)
    rendered = {}
    languages = by_language if homes else {default: by_language.get(default, [])}
    for language, group in languages.items():
        home = homes.get(language, "")
        data = sidebar(
            group,
            recent=settings["FURNITURE_RECENT"],
            categories=settings["FURNITURE_CATEGORIES"],
            months=settings["FURNITURE_ARCHIVE_MONTHS"] if settings["FURNITURE_ARCHIVE"] else 0,
            month_url=home + (settings.get("MONTH_ARCHIVE_URL") or ""),
            year_url=home + (settings.get("YEAR_ARCHIVE_URL") or ""),
        )
        archives = settings.get("MONTH_ARCHIVE_SAVE_AS") and settings.get("YEAR_ARCHIVE_SAVE_AS")
        if not (settings["FURNITURE_ARCHIVE"] and archives):  # no list of pages that are not
            data = type(data)(recent=data.recent, categories=data.categories)
        html = template.render({**context, "furniture": data, "lang": language})
        rendered[language] = Markup(html.strip())
    return rendered
