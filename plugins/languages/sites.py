"""The site's languages and where each one lives: the default at the root, every other under
/<lang>/ (Pelican's convention for translations, ARTICLE_LANG_URL and PAGE_LANG_URL).

From these, every page gets its versions in the other languages: the links of the language
switcher and the hreflang alternates (in the page's head and in the sitemap). No Pelican import:
what a page is comes in as plain values (its language, its content's translations, its address).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class Version:
    """A page in one language: the switcher's entry, and an hreflang alternate when it exists."""

    lang: str
    name: str  # the language's own name for itself: "Deutsch", "English", "Français"
    url: str  # the page's translation, or that language's home when there is none
    exists: bool  # False: `url` is the language's home, no alternate of this page
    current: bool


@dataclass(frozen=True)
class SiteLanguages:
    """`languages`: the site's language tags, the first one the default (site.languages)."""

    languages: tuple[str, ...]
    # Per language, the addresses of the list pages written in it ("", "archives/",
    # "category/bikes/"...), without the language's home: a list page's version in another
    # language is the same address there, when that language has it.
    lists: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per page or post with translations, by its address: its address in each language.
    content: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The policy_pages plugin writes the policy pages, at addresses of each language's own.
    policy_pages: bool = False

    @property
    def default(self) -> str:
        return self.languages[0]

    @property
    def several(self) -> bool:
        return len(self.languages) > 1

    def declared(self, lang: str | None) -> str | None:
        """The site's own spelling of a language tag (Pelican lower-cases en-GB to en-gb), or
        None when the site does not declare it."""
        wanted = str(lang or "").lower()
        return next((tag for tag in self.languages if tag.lower() == wanted), None)

    def home(self, lang: str) -> str:
        """The language's home, relative to the site: "" for the default, "en/" for others."""
        lang = self.declared(lang) or lang
        return "" if lang == self.default else f"{lang}/"

    def address(self, url: str, lang: str) -> str:
        """`url` (a page's address, as the settings write it: "privacy/", "contact/") in `lang`:
        the address of that page's version in it ("datenschutz/", "en/contact/"), or `url`."""
        lang = self.declared(lang) or self.default
        if self.policy_pages:  # the policy pages' own addresses in each language
            from policy_pages.wording import localized_url

            policy = localized_url(url, lang, self.default)
            if policy is not None:
                return policy
        return self.content.get(url, {}).get(lang, url)

    def homes(self) -> dict[str, str]:
        return {lang: self.home(lang) for lang in self.languages}

    def without_home(self, url: str, lang: str) -> str:
        """A list page's address in its language, without that language's home."""
        home = self.home(lang)
        return url[len(home) :] if home and url.startswith(home) else url

    def versions(
        self,
        lang: str,
        translations: Mapping[str, str] | None = None,
        url: str | None = None,
        own: str | None = None,
    ) -> list[Version]:
        """The page in each language, in the site's order.

        `translations`: a content page's versions by language (itself included); otherwise
        `url` is a list page's address, whose versions are the same list in each language
        that has it, and `own` the page's own address (itself, whatever else it is).
        """
        found = dict(translations or {})
        if not translations and url is not None:
            key = self.without_home(_page_one(url), lang)
            for other in self.languages:
                if key in self.lists.get(other, ()):
                    found[other] = self.home(other) + key
            found[lang] = found.get(lang, _page_one(url)) if own is None else own
        return [
            Version(
                other,
                native_name(other),
                found.get(other, self.home(other)),
                other in found,
                other == lang,
            )
            for other in self.languages
        ]


def _page_one(url: str) -> str:
    """A list's own address for any address of it: "" for "index.html"."""
    return "" if url in ("index.html", "") else url.removesuffix("index.html")


@cache
def native_name(lang: str) -> str:
    """The language's name in itself, as a switcher shows it: Deutsch, English, Français.

    Cached: every page's switcher and hreflang ask for each language's name again."""
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return lang
    return (name or lang)[:1].upper() + (name or lang)[1:]


def version_in(item: Any, lang: str) -> Any | None:
    """`item` (a page, a post) in `lang`: itself, or its translation in it; None when it has none.
    An item without a language counts as in every one."""
    wanted = lang.lower()
    if str(getattr(item, "lang", lang)).lower() == wanted:
        return item
    translations = getattr(item, "translations", None) or ()
    return next((t for t in translations if str(t.lang).lower() == wanted), None)


def content_translations(content: Any, site: SiteLanguages) -> dict[str, str]:
    """A content object's versions by language (Pelican's `translations`, itself included),
    only in the site's languages."""
    found = {}
    for other in [*(getattr(content, "translations", None) or ()), content]:
        lang = site.declared(getattr(other, "lang", None))
        if lang is not None:
            found[lang] = str(other.url)
    return found
