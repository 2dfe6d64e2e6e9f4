"""Pelican glue: the site in each of its declared languages.

The languages are the declaration's site.languages (the first is the default: DEFAULT_LANG comes
from it, as SITENAME comes from site.name). At `initialized` the catalogues' digest joins the
settings (fast_build hashes every setting, so a changed translation re-renders the pages that
use it); at `generator_init` each generator's Jinja environment gets `_()`, `{% trans %}`,
`current_lang()`, `language_versions()` and the Babel filters. On a site of several languages,
each language gets its own lists (lists.py) under its home, and every page its versions.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import path_or_none

from .catalogues import install, page_language, tree_digest
from .formats import FILTERS
from .lists import (
    LanguageLists,
    by_language,
    every_article,
    keep_default_language,
    list_addresses,
    set_neighbours,
    write_language_feeds,
)
from .provision import KIT, missing
from .sitemap import alternates_of, record, take_over
from .sites import SiteLanguages, Version, content_translations, version_in

logger = logging.getLogger(__name__)

CATALOGUES_DIGEST = "LANGUAGES_CATALOGUES_DIGEST"  # set by the plugin, read by nobody
SETTINGS: dict[str, Setting] = {
    # None: <PATH>/privacy.yml, whose site.languages lists the site's languages.
    "LANGUAGES_DECLARATION": Setting(
        None, path_or_none, 'a path as text, e.g. "content/privacy.yml"'
    ),
    CATALOGUES_DIGEST: Setting("", lambda value: isinstance(value, str), "text"),
}
_CONTENT = ("article", "page", "document")
_SITES: dict[int, SiteLanguages] = {}  # by id(settings): this build's languages
_LISTS: dict[int, list[LanguageLists]] = {}


def register() -> None:
    signals.initialized.connect(initialize)
    signals.generator_init.connect(install_translations)
    signals.article_generator_pretaxonomy.connect(default_language_lists)
    signals.all_generators_finalized.connect(prepare_lists)
    signals.article_writer_finalized.connect(write_lists)
    signals.content_written.connect(remember_versions)


def catalogue_folder(settings: dict[str, Any]) -> Path:
    """The theme's catalogues: <THEME>/translations."""
    return Path(settings["THEME"], "translations")


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "LANGUAGES_", SETTINGS)
    if problems:
        stop_build(logger, problems)
    settings[CATALOGUES_DIGEST] = tree_digest(catalogue_folder(settings))
    declared = declared_languages(settings)
    if declared is None:  # no declaration, or one policy_pages will explain: one language
        declared = (str(settings.get("DEFAULT_LANG") or "en"),)
    elif settings.get("DEFAULT_LANG") not in (None, "en", declared[0]):
        stop_build(
            logger,
            [
                f"DEFAULT_LANG: the settings say {settings['DEFAULT_LANG']}, but site.languages "
                f"in {declaration_path(settings)} starts with {declared[0]}; remove DEFAULT_LANG "
                "from the settings file (the declaration's first language is the default)"
            ],
        )
    wording = "policy_pages" in settings.get("PLUGINS", [])
    lacking = unprovided(settings, declared)
    if lacking:
        stop_build(logger, lacking)
    settings["DEFAULT_LANG"] = declared[0]
    _SITES[id(settings)] = SiteLanguages(declared, policy_pages=wording)
    if len(declared) > 1:
        take_over(settings)


def unprovided(settings: dict[str, Any], declared: tuple[str, ...]) -> list[str]:
    """What the kit lacks for a declared language (provision.py), one line each."""
    wording = "policy_pages" in settings.get("PLUGINS", [])
    folder = catalogue_folder(settings)
    return [
        f"{declaration_path(settings)} site.languages: {line}"
        for lang in declared
        for line in missing(KIT, folder, lang, wording=wording)
    ]


def declaration_path(settings: dict[str, Any]) -> Path:
    return Path(settings.get("LANGUAGES_DECLARATION") or Path(settings["PATH"]) / "privacy.yml")


def declared_languages(settings: dict[str, Any]) -> tuple[str, ...] | None:
    """site.languages of the declaration, or None when there is no valid one (the policy
    pages plugin names every problem of the file)."""
    path = declaration_path(settings)
    if not path.is_file():
        return None
    from declaration import DeclarationError, load_declaration

    try:
        return tuple(str(lang) for lang in load_declaration(path).site.languages)
    except DeclarationError:
        return None


def site_languages(settings: dict[str, Any]) -> SiteLanguages:
    return _SITES.get(id(settings)) or SiteLanguages((str(settings.get("DEFAULT_LANG", "en")),))


def install_translations(generator: Any) -> None:
    install(generator.env, catalogue_folder(generator.settings))
    generator.env.filters.update(FILTERS)
    site = site_languages(generator.settings)
    generator.env.filters["in_language"] = in_language
    generator.env.globals["language_versions"] = language_versions
    generator.env.globals["language_home"] = language_home
    generator.env.globals["hreflang_alternates"] = hreflang_alternates
    generator.env.globals["language_url"] = language_url
    generator.context["site_languages"] = site.languages
    generator.context["language_homes"] = site.homes()
    generator.context["languages_site"] = site


def default_language_lists(generator: ArticlesGenerator) -> None:
    """Before Pelican sorts the posts into categories, tags and dates: the default language's
    lists hold its own posts; a post in an undeclared language stops the build."""
    site = site_languages(generator.settings)
    stray = [
        f"{article.source_path}: Lang: {article.lang} is not one of the site's languages "
        f"({', '.join(site.languages)}, site.languages in {declaration_path(generator.settings)});"
        " correct the Lang: line or declare the language"
        for article in every_article(generator) + list(generator.hidden_articles)
        if site.declared(article.lang) is None
    ]
    if stray:
        stop_build(logger, stray)
    if site.several:
        keep_default_language(generator, site)


def prepare_lists(generators: list[Any]) -> None:
    """Once every generator has read its content: each other language's lists, the list pages
    each language has (for the versions of a list page), neighbours within each language."""
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if articles is None:
        return
    settings = articles.settings
    site = site_languages(settings)
    _check_pages(pages, site)
    if not site.several:
        return
    grouped = by_language(every_article(articles), site)
    views = [LanguageLists(articles, lang, grouped.get(lang, []), site)
             for lang in site.languages[1:]]  # fmt: skip
    lists = {site.default: list_addresses(articles, site, site.default)}
    lists |= {view.lang: view.addresses(site) for view in views}
    site = replace(site, lists=lists, content=_content_versions(generators, site))
    _SITES[id(settings)] = site
    articles.context["languages_site"] = site
    _LISTS[id(settings)] = views
    if "pelican.plugins.neighbors" in settings.get("PLUGINS", []):
        set_neighbours([articles.articles, *(view.view.articles for view in views)])


def _content_versions(generators: list[Any], site: SiteLanguages) -> dict[str, dict[str, str]]:
    """Each page's and post's versions by its address, so that a link set in the settings (the
    footer's "contact/") leads to the version in the reader's language."""
    found: dict[str, dict[str, str]] = {}
    for generator in generators:
        # Pelican's pages and posts; the policy pages' documents (policy_pages' generator keeps
        # them on its PolicySite).
        policy = getattr(getattr(generator, "site", None), "documents", None) or ()
        items = [*(item for name in ("pages", "hidden_pages", "articles")
                   for item in getattr(generator, name, None) or ()), *policy]  # fmt: skip
        for item in items:
            if getattr(item, "url", None) and getattr(item, "translations", None):
                found[str(item.url)] = content_translations(item, site)
    return found


def _check_pages(pages: Any, site: SiteLanguages) -> None:
    if pages is None:
        return
    every = [*pages.pages, *pages.translations, *pages.hidden_pages, *pages.hidden_translations]
    stray = [
        f"{page.source_path}: Lang: {page.lang} is not one of the site's languages "
        f"({', '.join(site.languages)}); correct the Lang: line or declare the language"
        for page in every
        if site.declared(page.lang) is None
    ]
    if stray:
        stop_build(logger, stray)


def write_lists(generator: ArticlesGenerator, writer: Any) -> None:
    """After Pelican wrote the default language's lists: every other language's."""
    views = _LISTS.pop(id(generator.settings), [])
    if not views:
        return
    site = site_languages(generator.settings)
    generator.context.pop("lang", None)
    write_language_feeds(generator, writer, site.default, rewrite=True)
    for view in views:
        view.write(writer, generator.context)


@pass_context
def language_versions(context: Context) -> list[Version]:
    """The page in each of the site's languages (none on a one-language site): the language
    switcher's links, and the hreflang alternates where `exists`."""
    site = context.get("languages_site")
    if not isinstance(site, SiteLanguages) or not site.several:
        return []
    return versions_of(context, site)


# The last page's versions, with what they were worked out from: the switcher, the hreflang
# links and the sitemap's record ask for the same page's versions one after the other.
_LAST_VERSIONS: list[tuple[tuple[Any, ...], list[Version]]] = []


def versions_of(context: Any, site: SiteLanguages) -> list[Version]:
    lang = site.declared(page_language(context)) or site.default
    own = str(context.get("output_file") or "").removesuffix("index.html")
    content = next((context.get(n) for n in _CONTENT if context.get(n) is not None), None)
    paginated = context.get("articles_page")
    url = context.get("url")
    inputs = (site, content, paginated, lang, own, url)
    if _LAST_VERSIONS and _same(_LAST_VERSIONS[0][0], inputs):
        return _LAST_VERSIONS[0][1]
    if content is not None and getattr(content, "url", None) is not None:
        versions = site.versions(lang, {lang: own, **content_translations(content, site)})
    elif paginated is not None and getattr(paginated, "number", 1) > 1:
        versions = site.versions(lang, {lang: own})  # no other language has this page of the list
    else:
        versions = site.versions(lang, url=own if url is None else str(url), own=own)
    _LAST_VERSIONS[:] = [(inputs, versions)]
    return versions


def _same(before: tuple[Any, ...], now: tuple[Any, ...]) -> bool:
    """The same objects (site, content, list page: compared by identity) and the same texts."""
    return all(a is b for a, b in zip(before[:3], now[:3], strict=True)) and before[3:] == now[3:]


@pass_context
def hreflang_alternates(context: Context) -> list[tuple[str, str]]:
    """(hreflang, address) of each version of the page, x-default included; none when the
    page exists in one language only."""
    site = context.get("languages_site")
    if not isinstance(site, SiteLanguages) or not site.several:
        return []
    return alternates_of(versions_of(context, site), site)


def remember_versions(path: str, context: Any) -> None:
    """Each written page's versions, for the sitemap's alternates."""
    site = context.get("languages_site")
    output_file = str(context.get("output_file") or "")
    if isinstance(site, SiteLanguages) and site.several and output_file.endswith(".html"):
        record(output_file, alternates_of(versions_of(context, site), site))


@pass_context
def language_url(context: Context, url: str) -> str:
    """`url` (a page's address, as the settings write it) in the page's language: the address
    of that page's version in it, or `url` itself."""
    site = context.get("languages_site")
    if not isinstance(site, SiteLanguages):
        return url
    return site.address(url, page_language(context))


@pass_context
def language_home(context: Context) -> str:
    """The home of the page's language, relative to the site: "" or "en/"."""
    homes = context.get("language_homes") or {}
    return str(homes.get(page_language(context), ""))


@pass_context
def in_language(context: Context, items: list[Any]) -> list[Any]:
    """The pages (the menu's) in the page's language: each one's version in it; a page with
    none is left out of that language's menu."""
    lang = page_language(context)
    return [version for item in items if (version := version_in(item, lang)) is not None]
