"""Pelican glue: the furniture readers expect, computed once a build, rendered by the theme.

The sidebar (recent posts, categories with counts, the monthly archive list) is the same on
every page of a language, so it is rendered once per language here and every page inserts the
same HTML: 3,600 pages do not each render it again, and a page's fingerprint (fast_build)
changes only when the sidebar does. Reading time and related posts are attributes of each post.
"""

from __future__ import annotations

import difflib
import logging
from collections import defaultdict
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator

from .engine import Link, Post, reading_minutes, related, sidebar
from .tables import wrap_tables

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "FURNITURE_SIDEBAR": True,  # False: no sidebar at all
    "FURNITURE_RECENT": 5,  # posts in "Recent posts"; 0: none
    "FURNITURE_CATEGORIES": True,
    "FURNITURE_ARCHIVE": True,  # the monthly archive list
    "FURNITURE_ARCHIVE_MONTHS": 12,  # months listed one by one; older years get one line each
    "FURNITURE_READING_TIME": True,
    "FURNITURE_WORDS_PER_MINUTE": 200,
    "FURNITURE_RELATED": 3,  # related posts under a post; 0: none
    "FURNITURE_NEIGHBOURS": True,  # older and newer post links (pelican-neighbors)
    "FURNITURE_NAV_CURRENT": True,  # the navigation marks the section a page belongs to
    "FURNITURE_TABLES": True,  # a post's tables scroll in their own box on a narrow screen
}
FLAGS = ("FURNITURE_SIDEBAR", "FURNITURE_CATEGORIES", "FURNITURE_ARCHIVE",
         "FURNITURE_READING_TIME", "FURNITURE_NEIGHBOURS", "FURNITURE_NAV_CURRENT",
         "FURNITURE_TABLES")  # fmt: skip
COUNTS = ("FURNITURE_RECENT", "FURNITURE_ARCHIVE_MONTHS", "FURNITURE_RELATED")
TEMPLATE = "_furniture"
CONTEXT_NAME = "furniture_html"  # {language: Markup}, read by base.html


class FurnitureSettingsError(Exception):
    exitcode = 1


def register() -> None:
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(furnish)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    problems = settings_problems(settings)
    if problems:
        for problem in problems:
            log.error("furniture: %s", problem)
        raise FurnitureSettingsError(f"furniture: {len(problems)} problem(s) above")


def settings_problems(settings: dict[str, Any]) -> list[str]:
    problems = []
    for name in sorted(n for n in settings if n.startswith("FURNITURE_") and n not in DEFAULTS):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        known = f"did you mean {close[0]}?" if close else f"known: {', '.join(DEFAULTS)}"
        problems.append(f"{name}: unknown setting; {known}")
    for name in FLAGS:
        if not isinstance(settings[name], bool):
            problems.append(f"{name}: expected True or False, got {settings[name]!r}")
    for name in COUNTS:
        value = settings[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{name}: expected a whole number, 0 to turn it off, got {value!r}")
    pace = settings["FURNITURE_WORDS_PER_MINUTE"]
    if not isinstance(pace, int) or isinstance(pace, bool) or not 50 <= pace <= 1000:
        problems.append(f"FURNITURE_WORDS_PER_MINUTE: expected words a minute between 50 and "
                        f"1000 (200 is usual), got {pace!r}")  # fmt: skip
    return problems


def _post(article: Any) -> Post:
    category = getattr(article, "category", None)
    return Post(
        key=article.url,
        title=str(article.title),
        url=article.url,
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
        if settings["FURNITURE_READING_TIME"]:
            article.reading_minutes = reading_minutes(article._content or "", pace)
        article.related = ()
    if settings["FURNITURE_RELATED"]:
        for group in by_language.values():
            posts = [_post(a) for a in group]
            found = related(posts, settings["FURNITURE_RELATED"])
            for article, post in zip(group, posts, strict=True):
                article.related = tuple(Link(p.title, p.url) for p in found.get(post.key, ()))
    if settings["FURNITURE_TABLES"]:
        for generator in generators:
            for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                         "pages", "hidden_pages"):  # fmt: skip
                for document in getattr(generator, name, []):
                    if document._content and "<table" in document._content:
                        document._content = wrap_tables(document._content)
    articles.context[CONTEXT_NAME] = (
        _sidebars(articles, by_language, default) if settings["FURNITURE_SIDEBAR"] else {}
    )


def _sidebars(articles: Any, by_language: dict[str, list[Any]], default: str) -> dict[str, Markup]:
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
            [_post(a) for a in group],
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
