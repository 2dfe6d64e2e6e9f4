"""The proof of issue 14 for a German-first site: a bike shop in Kleve that also sells to the
Netherlands, `languages: [de, en]`. German at the root, English under /en/, each page linking
its other version, every list holding its own language's posts, and no link that leads nowhere.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from languagesites import page_language, served_pages
from sitebuild import Build

HOMES = {"de": "", "en": "en/"}
SUMMER = ("/2012/06/sommerinspektion/", "/en/2012/06/sommerinspektion/")
GERMAN_ONLY = "/2012/07/reichswald/"


def _alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


def _switcher(page: BeautifulSoup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in page.select("nav.language-switcher a")}


def test_root_pages_are_german_and_en_pages_english(german_site: Build) -> None:
    pages = served_pages(german_site)
    assert len(pages) > 30
    wrong = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        expected = page_language(german_site, path, HOMES)
        if soup.html.get("lang") != expected:
            wrong.append(f"{path.relative_to(german_site.output)}: lang={soup.html.get('lang')}")
    assert wrong == []
    assert german_site.page("/").find("h2") is not None


def test_a_post_and_its_translation_link_each_other_with_hreflang(german_site: Build) -> None:
    german, english = (german_site.page(url) for url in SUMMER)
    expected = {"de": SUMMER[0], "en": SUMMER[1], "x-default": SUMMER[0]}
    assert _alternates(german) == expected
    assert _alternates(english) == expected
    assert german.h1.get_text() == "Sommerinspektion: so kommt Ihr Rad durch die Saison"
    assert english.h1.get_text() == "Summer service: getting your bike through the season"


def test_lists_link_their_other_language_too(german_site: Build) -> None:
    assert _alternates(german_site.page("/en/archives/")) == {
        "de": "/archives/", "en": "/en/archives/", "x-default": "/archives/",
    }  # fmt: skip
    assert _alternates(german_site.page("/")) == {"de": "/", "en": "/en/", "x-default": "/"}
    # The policy pages, at each language's own address.
    assert _alternates(german_site.page("/datenschutz/")) == {
        "de": "/datenschutz/", "en": "/en/privacy/", "x-default": "/datenschutz/",
    }  # fmt: skip
    assert _alternates(german_site.page("/en/legal-notice/")) == {
        "de": "/impressum/", "en": "/en/legal-notice/", "x-default": "/impressum/",
    }  # fmt: skip


def test_archive_titles_read_in_each_language(german_site: Build) -> None:
    assert german_site.page("/2012/06/").h1.get_text() == "Archiv für Juni 2012"
    assert german_site.page("/en/2012/06/").h1.get_text() == "Archive for June 2012"
    assert german_site.page("/2012/").h1.get_text() == "Archiv für 2012"


def test_each_language_lists_its_own_posts_only(german_site: Build) -> None:
    def titles(url: str) -> set[str]:
        return {a.get_text(strip=True) for a in german_site.page(url).select("main h2 a")}

    assert titles("/") == {
        "Feierabendtour durch den Reichswald",
        "Neue Lastenräder aus den Niederlanden",
        "Sommerinspektion: so kommt Ihr Rad durch die Saison",
    }
    assert titles("/en/") == {
        "New cargo bikes from the Netherlands",
        "Summer service: getting your bike through the season",
    }
    assert titles("/en/category/workshop/") == {
        "Summer service: getting your bike through the season"
    }
    # The German-only post's month has no English archive: July 2012 exists in German only.
    assert (german_site.output / "2012" / "07" / "index.html").is_file()
    assert not (german_site.output / "en" / "2012" / "07").exists()


def test_a_german_only_post_has_no_broken_english_link(german_site: Build) -> None:
    page = german_site.page(GERMAN_ONLY)
    assert _alternates(page) == {}  # no other version: nothing to announce
    assert _switcher(page) == {"de": GERMAN_ONLY, "en": "/en/"}  # the English home


def test_every_switcher_link_leads_to_a_page_in_that_language(german_site: Build) -> None:
    broken = []
    for path in served_pages(german_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = _switcher(soup)
        assert set(links) == {"de", "en"}, path
        for lang, href in links.items():
            target = german_site.file_for(href)
            if not target.is_file():
                broken.append(f"{path.relative_to(german_site.output)} -> {href}")
                continue
            target_lang = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            if target_lang.html.get("lang") != lang:
                broken.append(f"{path.relative_to(german_site.output)} -> {href} is not {lang}")
    assert broken == []


def test_the_menu_footer_and_contact_form_speak_the_pages_language(german_site: Build) -> None:
    german, english = german_site.page("/contact/"), german_site.page("/en/contact/")
    footer = [(a.get_text(), a["href"]) for a in german.select("footer nav a")]
    assert footer[:2] == [
        ("Datenschutzerklärung", "/datenschutz/"),
        ("Cookie-Richtlinie", "/cookies/"),
    ]
    assert ("Impressum", "/impressum/") in footer and footer[-1] == ("Kontakt", "/contact/")
    footer = [(a.get_text(), a["href"]) for a in english.select("footer nav a")]
    assert footer[:2] == [("Privacy policy", "/en/privacy/"), ("Cookie statement", "/en/cookies/")]
    assert footer[-1] == ("Contact", "/en/contact/")
    assert german.select_one(".contact-notice a")["href"] == "/datenschutz/#purpose-enquiries"
    assert english.select_one(".contact-notice a")["href"] == "/en/privacy/#purpose-enquiries"
    assert german.select_one("label[for=contact-email]").get_text() == "Ihre E-Mail-Adresse"
    assert english.select_one("label[for=contact-email]").get_text() == "Your e-mail address"
    assert german.select_one("input[name=lang]")["value"] == "de"
    assert english.select_one("input[name=lang]")["value"] == "en"
    notice = " ".join(german.select_one(".contact-notice").get_text().split())
    assert "Wir löschen sie 3 Monate nach Eingang Ihrer Nachricht." in notice
    thanks = german_site.page("/en/contact/thanks/")
    assert thanks.html["lang"] == "en" and thanks.h1.get_text().startswith("Thank you")
    assert german_site.page("/en/404.html").html["lang"] == "en"


def test_the_sitemap_lists_each_version_of_a_page(german_site: Build) -> None:
    sitemap = (german_site.output / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>([^<]*)</loc>(.*?)</url>", sitemap, re.S))
    for url in SUMMER:
        links = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entries[url])
        assert links == [("de", SUMMER[0]), ("en", SUMMER[1]), ("x-default", SUMMER[0])]
    assert "hreflang" not in entries[GERMAN_ONLY]


def test_a_post_in_an_undeclared_language_stops_the_build(tmp_path: Path) -> None:
    from languagesites import GERMAN_SITE
    from sitebuild import copy_content, run_build

    content = copy_content(tmp_path / "content", GERMAN_SITE)
    post = content / "articles" / "2012" / "reichswald.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Lang: de", "Lang: nl"), "utf-8")
    build = run_build(tmp_path, content=content)
    assert build.returncode != 0 and "Traceback" not in build.log
    assert "reichswald.md: Lang: nl is not one of the site's languages (de, en" in build.log


def test_each_language_has_its_own_feeds(german_site: Build) -> None:
    def titles(path: str) -> list[str]:
        feed = BeautifulSoup((german_site.output / path).read_text("utf-8"), "xml")
        return [title.get_text() for title in feed.find_all("title")]

    assert titles("feeds/all.atom.xml") == [
        "Grenzrad Kleve - Deutsch",
        "Feierabendtour durch den Reichswald",
        "Neue Lastenräder aus den Niederlanden",
        "Sommerinspektion: so kommt Ihr Rad durch die Saison",
    ]
    assert titles("en/feeds/all.atom.xml") == [
        "Grenzrad Kleve - English",
        "New cargo bikes from the Netherlands",
        "Summer service: getting your bike through the season",
    ]
    assert titles("en/feeds/workshop.atom.xml")[1:] == [
        "Summer service: getting your bike through the season"
    ]
    feeds = {a["href"] for a in german_site.page("/en/").select("a[type='application/atom+xml']")}
    assert feeds == {"https://feeds.test/en/feeds/all.atom.xml"}


def test_the_inbox_answers_in_the_language_of_the_page_that_posted(
    german_site: Build, tmp_path: Path
) -> None:
    """The real inbox on the German site's bundle: an empty message from the German form is
    refused in German, from the English form in English, and each is sent to its own thanks."""
    from inbox_harness import start_inbox

    inbox = start_inbox(tmp_path / "inbox.sqlite3", german_site.output / ".contact-inbox")
    origin = "https://grenzrad-kleve.test"
    try:
        german = inbox.post({"lang": "de", "email": "", "message": ""}, origin=origin)
        english = inbox.post({"lang": "en", "email": "", "message": ""}, origin=origin)
        refused = inbox.post({"email": "x@example.com"}, origin="https://elsewhere.test",
                             headers={"Referer": "https://elsewhere.test/en/contact/"})  # fmt: skip
        sent = inbox.post({"lang": "en", "email": "kim@example.com", "message": "Hello"},
                          origin=origin)  # fmt: skip
    finally:
        inbox.stop()
    assert german.status == english.status == 400
    page = BeautifulSoup(german.body, "html.parser")
    assert page.html["lang"] == "de"
    assert page.select_one(".contact-reason").get_text() == (
        "Ihre Nachricht wurde noch nicht gesendet: Bitte prüfen Sie die unten markierten Felder."
    )
    assert page.select_one("#contact-email-error").get_text() == (
        "Ihre E-Mail-Adresse: Bitte füllen Sie dieses Feld aus."
    )
    assert page.select_one("input[name=lang]")["value"] == "de"
    page = BeautifulSoup(english.body, "html.parser")
    assert page.html["lang"] == "en"
    assert page.select_one("#contact-email-error").get_text() == (
        "Your e-mail address: please fill this in."
    )
    # Refused before the form is read: the Referer's /en/ says which language answers.
    assert refused.status == 403
    assert BeautifulSoup(refused.body, "html.parser").html["lang"] == "en"
    assert "only accepts messages sent from our own contact page" in refused.body
    assert (sent.status, sent.headers["location"]) == (303, "/en/contact/thanks/")
