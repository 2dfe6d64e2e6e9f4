"""Pelican glue: the search index and the results page, handed to the inbox in its bundle.

Once every generator has read its content, each published post is indexed (only the rows of
posts that changed are rewritten, in the cache's copy) and the copy goes to
`<output>/.contact-inbox/search/` with the theme's results template and the results page of
each language, built like every other page with slots for the query and the results.
With SEARCH_SERVER = False (static hosting: no inbox runs) nothing is indexed and the theme
shows a link to the archives where the form would be.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from contact_form.bundle import BUNDLE_DIR
from languages.formats import controller_country
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag

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


def _path(value: Any) -> bool:
    return (isinstance(value, str) and value.startswith("/") and bool(value.strip("/"))
            and "?" not in value and "#" not in value)  # fmt: skip


def _per_page(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100


SETTINGS: dict[str, Setting] = {
    "SEARCH_ENABLED": Setting(True, flag, "True or False"),
    # False on static hosting (no inbox runs): a link to the archives instead of the form.
    "SEARCH_SERVER": Setting(True, flag, "True or False"),
    "SEARCH_URL": Setting("/search", _path, "a path on the site such as '/search'"),
    "SEARCH_PER_PAGE": Setting(10, _per_page, "1 to 100 results a page"),
}
_STATE = "_site_search"


def register() -> None:
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(index_posts)
    signals.page_writer_finalized.connect(write_results_pages)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "SEARCH_", SETTINGS)
    if not problems and searching(settings) and (missing := fts5_missing()):
        problems.append(f"SEARCH_ENABLED: {missing}; set SEARCH_ENABLED = False")
    if not problems and searching(settings) and (elsewhere := inbox_elsewhere(settings)):
        problems.append(
            f"SEARCH_SERVER: the contact inbox answers the search, and it runs on {elsewhere[0]} "
            f"(CONTACT_FORM_ACTION), not on the site's host {elsewhere[1]}, where the search "
            f"form sends {settings['SEARCH_URL']}; set SEARCH_SERVER = False (the form becomes a "
            "link to the archives), or post the form to the site's own host"
        )
    if problems:
        fail(problems)


def inbox_elsewhere(settings: dict[str, Any]) -> tuple[str, str] | None:
    """(the inbox's host, the site's host) when the contact form posts to another host than
    the site's: the inbox runs there, and a search form on the site's pages would ask the
    site's own host, where nothing answers it (a static host, say)."""
    inbox = urlsplit(str(settings.get("CONTACT_FORM_ACTION") or "")).hostname
    if not inbox:
        return None  # a path on the site: the inbox answers beside the pages
    # SITEURL, or in a development build (and before policy_pages fills publishconf's marker)
    # the declaration's site.url.
    site = urlsplit(str(settings.get("SITEURL") or "")).hostname or _declared_host(settings)
    return (inbox, site or "of the pages") if inbox != site else None


def _declared_host(settings: dict[str, Any]) -> str | None:
    from contact_form.plugin import declaration_path
    from declaration import DeclarationError, load_declaration

    try:
        return urlsplit(str(load_declaration(declaration_path(settings)).site.url)).hostname
    except (DeclarationError, OSError):
        return None  # the policy pages plugin names the declaration's problems


def searching(settings: dict[str, Any]) -> bool:
    """Whether this build makes the search (the form, the index, the results page): the same
    answer before this plugin's `initialize` filled in its defaults (policy_pages asks first, and
    built its pages twice when the answer changed)."""
    return all(
        settings.get(name, SETTINGS[name].default) for name in ("SEARCH_ENABLED", "SEARCH_SERVER")
    )


def fail(problems: list[str]) -> NoReturn:
    stop_build(log, problems)


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
        country=controller_country(generator.context),
    )
    write_search_bundle(Path(settings["OUTPUT_PATH"]) / BUNDLE_DIR, manifest, source, shells)
