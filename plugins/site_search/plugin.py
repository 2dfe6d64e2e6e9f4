"""Pelican glue: the search index and the results page, handed to the inbox in its bundle.

Once every generator has read its content, each published post is indexed (only the rows of
posts that changed are rewritten, in the cache's copy) and the copy goes to
`<output>/.contact-inbox/search/` with the theme's results template and the results page of
each language, built like every other page with slots for the query and the results.
With SEARCH_SERVER = False (static hosting: no inbox runs) nothing is indexed and the theme
shows a link to the archives where the form would be.
"""

from __future__ import annotations

import difflib
import logging
from pathlib import Path
from typing import Any

from contact_form.bundle import BUNDLE_DIR
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator

from .index import Document, SearchIndexError, fts5_missing, publish_index, update_index
from .serve import (
    INDEX,
    QUERY_SLOT,
    RESULTS_SLOT,
    SEARCH_DIR,
    SearchManifest,
    write_search_bundle,
)

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "SEARCH_ENABLED": True,
    "SEARCH_SERVER": True,  # False on static hosting: a link to the archives instead of the form
    "SEARCH_URL": "/search",  # where the form sends its GET; the inbox answers there
    "SEARCH_PER_PAGE": 10,
}
_STATE = "_site_search"


class SearchFailed(Exception):
    exitcode = 1


def register() -> None:
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(index_posts)
    signals.page_writer_finalized.connect(write_results_pages)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    problems = settings_problems(settings)
    if searching(settings) and (missing := fts5_missing()):
        problems.append(f"SEARCH_ENABLED: {missing}; set SEARCH_ENABLED = False")
    if problems:
        fail(problems)


def searching(settings: dict[str, Any]) -> bool:
    """Whether this build makes the search (the form, the index, the results page)."""
    return bool(settings.get("SEARCH_ENABLED") and settings.get("SEARCH_SERVER"))


def settings_problems(settings: dict[str, Any]) -> list[str]:
    problems = []
    for name in sorted(n for n in settings if n.startswith("SEARCH_") and n not in DEFAULTS):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        known = f"did you mean {close[0]}?" if close else f"known: {', '.join(DEFAULTS)}"
        problems.append(f"{name}: unknown setting; {known}")
    for name in ("SEARCH_ENABLED", "SEARCH_SERVER"):
        if not isinstance(settings[name], bool):
            problems.append(f"{name}: expected True or False, got {settings[name]!r}")
    url = settings["SEARCH_URL"]
    if not (isinstance(url, str) and url.startswith("/") and url.strip("/")
            and "?" not in url and "#" not in url):  # fmt: skip
        problems.append(f"SEARCH_URL: expected a path on the site such as '/search', got {url!r}")
    per_page = settings["SEARCH_PER_PAGE"]
    if not isinstance(per_page, int) or isinstance(per_page, bool) or not 1 <= per_page <= 100:
        problems.append(f"SEARCH_PER_PAGE: expected 1 to 100 results a page, got {per_page!r}")
    return problems


def fail(problems: list[str]) -> None:
    for problem in problems:
        log.error("site_search: %s", problem)
    raise SearchFailed(f"site_search: {len(problems)} problem(s) above")


def _document(article: Any, default: str) -> Document:
    return Document(
        title=str(article.title),
        url=article.url,
        lang=getattr(article, "lang", default) or default,
        date=article.date.date().isoformat(),
        summary_html=str(article.metadata.get("summary") or ""),
        body_html=article._content or "",
        tags=tuple(str(tag) for tag in getattr(article, "tags", None) or ()),
    )


def index_posts(generators: list) -> None:
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None or not searching(articles.settings):
        return
    settings = articles.settings
    default = settings.get("DEFAULT_LANG", "en")
    posts = [*articles.articles, *articles.translations]
    documents = [_document(article, default) for article in posts]
    cached = Path(settings["CACHE_PATH"]) / "search" / INDEX
    folder = Path(settings["OUTPUT_PATH"]) / BUNDLE_DIR / SEARCH_DIR
    try:
        update_index(cached, documents)
        publish_index(cached, folder / INDEX)
    except SearchIndexError as error:
        fail([str(error)])
    languages = sorted({doc.lang for doc in documents} | {default}, key=lambda c: c != default)
    articles.context[_STATE] = languages


def write_results_pages(generator: Any, writer: Any) -> None:
    """The results page of each language, as built, with its slots: the inbox fills them."""
    languages = generator.context.get(_STATE)
    if not languages:
        return
    settings = generator.settings
    template = generator.get_template("search")
    shells = {}
    for language in languages:
        context = {
            **generator.context,
            "lang": language,
            "output_file": "",
            "search_page": {
                "query_slot": Markup(QUERY_SLOT),
                "results_slot": Markup(RESULTS_SLOT),
            },
        }
        shells[language] = template.render(context)
    source, _, _ = generator.env.loader.get_source(generator.env, "search_results.html")
    manifest = SearchManifest(
        path=settings["SEARCH_URL"],
        per_page=settings["SEARCH_PER_PAGE"],
        languages=tuple(languages),
        siteurl=settings.get("SITEURL", ""),
    )
    write_search_bundle(Path(settings["OUTPUT_PATH"]) / BUNDLE_DIR, manifest, source, shells)
