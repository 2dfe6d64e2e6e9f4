"""The theme's gettext catalogues, and the Jinja callables that pick one per page.

One Jinja environment renders pages in every language of the site, so `_()` and `{% trans %}`
cannot be bound to one catalogue: they are context functions that ask the page which language
it is in (`page_language`) and translate with that language's catalogue. No Pelican import:
the contact inbox renders the form with the same callables.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the theme's msgids are written in
_CONTENT_VARIABLES = ("article", "page", "document")
# Each render's language, for as long as its context lives (default language, language).
_LANGUAGES: weakref.WeakKeyDictionary[Context, tuple[str, str]] = weakref.WeakKeyDictionary()


def folder_names(language: str) -> list[str]:
    """Catalogue folders for a language tag, most specific first: en-GB -> en_GB, en."""
    parts = language.split("-")
    names = ["_".join(parts[: n + 1]) for n in range(len(parts))]
    return list(reversed(names))


def catalogue_file(folder: Path, language: str, suffix: str = ".mo") -> Path | None:
    """The compiled (or source) catalogue that serves `language`, or None when none does."""
    for name in folder_names(language):
        path = folder / name / "LC_MESSAGES" / f"{DOMAIN}{suffix}"
        if path.is_file():
            return path
    return None


def translations(folder: Path, language: str) -> NullTranslations:
    """The catalogue for `language` under `folder` (no catalogue: the msgids themselves)."""
    path = catalogue_file(folder, language)
    if path is None:
        return NullTranslations()
    with path.open("rb") as stream:
        return Translations(stream, domain=DOMAIN)


def tree_digest(folder: Path) -> str:
    """The compiled catalogues under `folder`, hashed (empty when there are none)."""
    hasher = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(folder.rglob("*.mo")):
            hasher.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def page_language(context: Mapping[str, Any] | Context, default: str = SOURCE_LANGUAGE) -> str:
    """The language a page is rendered in.

    A `lang` variable given to the render wins (list pages of one language, the inbox's form);
    otherwise the language of the article, page or policy document being rendered; otherwise
    the site's default language. Worked out once per Jinja context: every `_()`, date and link
    of a page asks (about 110 times a page), and each miss is a KeyError inside Jinja's
    Context.get; the variables it reads are the render's own, which no template reassigns.
    """
    if not isinstance(context, Context):
        return _language_of(context, default)
    known = _LANGUAGES.get(context)
    if known is None or known[0] != default:
        known = _LANGUAGES[context] = (default, _language_of(context, default))
    return known[1]


def _language_of(context: Mapping[str, Any] | Context, default: str) -> str:
    explicit = context.get("lang")
    if isinstance(explicit, str) and explicit:
        return explicit
    for name in _CONTENT_VARIABLES:
        language = getattr(context.get(name), "lang", None)
        if isinstance(language, str) and language:
            return language
    fallback = context.get("DEFAULT_LANG")
    return fallback if isinstance(fallback, str) and fallback else default


def install(environment: Environment, folder: Path) -> None:
    """Give `environment` the i18n extension and gettext callables that follow each page.

    Multi-line {% trans %} blocks are trimmed (the extraction uses the same policy), so line
    breaks in templates never reach the catalogues.
    """
    environment.add_extension("jinja2.ext.i18n")
    environment.policies["ext.i18n.trimmed"] = True
    loaded: dict[str, NullTranslations] = {}  # read once per environment, i.e. once a build

    def catalogue(context: Context) -> NullTranslations:
        language = page_language(context)
        if language not in loaded:
            loaded[language] = translations(folder, language)
        return loaded[language]

    @pass_context
    def gettext(context: Context, message: str) -> str:
        return catalogue(context).gettext(message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, count: int) -> str:
        return catalogue(context).ngettext(singular, plural, count)

    @pass_context
    def pgettext(context: Context, where: str, message: str) -> str:
        return str(catalogue(context).pgettext(where, message))

    @pass_context
    def npgettext(context: Context, where: str, singular: str, plural: str, count: int) -> str:
        return catalogue(context).npgettext(where, singular, plural, count)

    @pass_context
    def current_lang(context: Context) -> str:
        return page_language(context)

    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    environment.globals["current_lang"] = current_lang


def gettext_for(folder: Path, language: str) -> Callable[[str], str]:
    """Plain gettext in one language, for Python code that speaks to visitors (the inbox)."""
    return translations(folder, language).gettext
