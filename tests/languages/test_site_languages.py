"""Where each language lives and which versions a page has (the switcher's links, hreflang)."""

from __future__ import annotations

from types import SimpleNamespace

from languages.lists import localized_settings
from languages.sites import SiteLanguages, content_translations, native_name

SITE = SiteLanguages(
    ("de", "en"),
    {"de": frozenset({"", "archives/", "category/werkstatt/"}), "en": frozenset({"", "archives/"})},
)


def _links(versions: list) -> dict[str, tuple[str, bool, bool]]:
    return {v.lang: (v.url, v.exists, v.current) for v in versions}


def test_the_default_language_lives_at_the_root_and_every_other_under_its_code() -> None:
    assert SITE.homes() == {"de": "", "en": "en/"}
    assert SITE.without_home("en/archives/", "en") == "archives/"
    assert SITE.without_home("archives/", "de") == "archives/"


def test_a_post_links_its_translation_and_a_post_without_one_links_the_other_home() -> None:
    post = SimpleNamespace(lang="de", url="2012/06/inspektion/", translations=[])
    post.translations = [SimpleNamespace(lang="en", url="en/2012/06/inspektion/")]
    assert _links(SITE.versions("de", content_translations(post, SITE))) == {
        "de": ("2012/06/inspektion/", True, True),
        "en": ("en/2012/06/inspektion/", True, False),
    }
    alone = SimpleNamespace(lang="de", url="2012/07/tour/", translations=[])
    assert _links(SITE.versions("de", content_translations(alone, SITE))) == {
        "de": ("2012/07/tour/", True, True),
        "en": ("en/", False, False),  # never a broken link: that language's home
    }


def test_a_list_page_links_the_same_list_where_that_language_has_it() -> None:
    assert _links(SITE.versions("en", url="en/archives/", own="en/archives/")) == {
        "de": ("archives/", True, False),
        "en": ("en/archives/", True, True),
    }
    assert _links(SITE.versions("en", url="en/index.html", own="en/")) == {
        "de": ("", True, False),
        "en": ("en/", True, True),
    }
    # A German category with no English post in it: the switcher goes to the English home.
    assert _links(SITE.versions("de", url="category/werkstatt/", own="category/werkstatt/")) == {
        "de": ("category/werkstatt/", True, True),
        "en": ("en/", False, False),
    }


def test_each_language_is_named_in_itself() -> None:
    assert [native_name(code) for code in ("de", "en", "fr", "nl")] == [
        "Deutsch",
        "English",
        "Français",
        "Nederlands",
    ]


def test_a_languages_lists_and_feeds_are_written_under_its_home() -> None:
    settings = {
        "DIRECT_TEMPLATES": ["index", "archives", "robots"],
        "ARCHIVES_URL": "archives/",
        "ARCHIVES_SAVE_AS": "archives/index.html",
        "CATEGORY_URL": "category/{slug}/",
        "CATEGORY_SAVE_AS": "category/{slug}/index.html",
        "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
        "DAY_ARCHIVE_SAVE_AS": "",
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
    }
    local = localized_settings(settings, "en/")
    assert local["DIRECT_TEMPLATES"] == ["index", "archives"]  # robots.txt: one per site
    assert local["ARCHIVES_SAVE_AS"] == "en/archives/index.html"
    assert local["CATEGORY_URL"] == "en/category/{slug}/"
    assert local["MONTH_ARCHIVE_SAVE_AS"] == "en/{date:%Y}/{date:%m}/index.html"
    assert local["DAY_ARCHIVE_SAVE_AS"] == ""  # not written stays not written
    assert local["INDEX_SAVE_AS"] == "en/index.html"
    # The language's feed holds its own posts only (Pelican's "all" feeds hold every language).
    assert (local["FEED_ATOM"], local["FEED_ALL_ATOM"]) == ("en/feeds/all.atom.xml", None)
    assert local["CATEGORY_FEED_ATOM"] == "en/feeds/{slug}.atom.xml"
