"""The theme's gettext catalogues: complete, compiled, and chosen by each page's language."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from jinja2 import DictLoader, Environment
from languages.catalogues import install, page_language
from languages.formats import FILTERS
from languages.maintenance import (
    CATALOGUES,
    SOURCES,
    languages,
    mo_bytes,
    po_bytes,
    po_path,
    problems,
    read,
    update,
)
from sitebuild import ROOT


def test_every_catalogue_has_every_theme_string_translated_and_compiled() -> None:
    found = [str(problem) for problem in problems(ROOT)]
    assert found == [], "\n".join(found)


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A copy of what `make translations` reads and writes, to change freely."""
    for folder, _, _ in (*SOURCES, (CATALOGUES, None, None)):
        shutil.copytree(ROOT / folder, tmp_path / folder, dirs_exist_ok=True)
    return tmp_path


def _add_string(kit: Path, text: str) -> None:
    index = kit / "theme" / "templates" / "index.html"
    index.write_text(index.read_text() + f'{{{{ _("{text}") }}}}\n', encoding="utf-8")


def test_a_new_theme_string_is_missing_until_make_translations_adds_it(kit: Path) -> None:
    _add_string(kit, "A string nobody translated")
    assert [str(p) for p in problems(kit)] == [
        f'{CATALOGUES}/{language}/LC_MESSAGES/messages.po: lacks "A string nobody translated"; '
        "run make translations and translate it"
        for language in languages(kit)
    ]
    update(kit)
    # English is the source language: its msgstr is the msgid, so it is complete at once;
    # every other language now has the string, still to be translated.
    assert read(po_path(kit, "en"), "en").get("A string nobody translated").string == (
        "A string nobody translated"
    )
    assert [str(p) for p in problems(kit)] == [
        f'{CATALOGUES}/{language}/LC_MESSAGES/messages.po: "A string nobody translated" is not '
        "translated; write its msgstr"
        for language in languages(kit)
        if language != "en"
    ]


def test_an_untranslated_or_uncompiled_catalogue_is_named(kit: Path) -> None:
    (kit / CATALOGUES / "xx" / "LC_MESSAGES").mkdir(parents=True)
    update(kit)  # a new language: every string is there, none translated
    found = [str(p) for p in problems(kit)]
    assert (
        f'{CATALOGUES}/xx/LC_MESSAGES/messages.po: "Read more" is not translated; write its msgstr'
        in found
    )
    assert all(p.language == "xx" for p in problems(kit))
    catalog = read(po_path(kit, "xx"), "xx")
    for message in catalog:
        if message.id:
            message.string = (
                tuple(f"xx {part}" for part in message.id)
                if isinstance(message.id, tuple)
                else f"xx {message.id}"
            )
    po_path(kit, "xx").write_bytes(po_bytes(catalog))
    assert [str(p) for p in problems(kit)] == [
        f"{CATALOGUES}/xx/LC_MESSAGES/messages.po: its .mo is not compiled from it; "
        "run make translations"
    ]
    update(kit)
    assert list(problems(kit)) == []


def _environment(tmp_path: Path) -> Environment:
    german = Catalog(locale="de", domain="messages")
    german.add("Read more", "Weiterlesen")
    german.add(
        ("%(number)s post.", "%(number)s posts."), ("%(number)s Beitrag.", "%(number)s Beiträge.")
    )
    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.mo").write_bytes(mo_bytes(german))
    templates = {
        "page.html": (
            '<html lang="{{ current_lang() }}">{{ _("Read more") }} '
            "{% trans count=n, number=n|number %}{{ number }} post.{% pluralize %}"
            "{{ number }} posts.{% endtrans %} {{ day|long_date }}</html>"
        )
    }
    environment = Environment(loader=DictLoader(templates))
    install(environment, tmp_path)
    environment.filters.update(FILTERS)
    return environment


class Item:
    def __init__(self, lang: str) -> None:
        self.lang = lang


def test_each_page_is_translated_into_its_own_language(tmp_path: Path) -> None:
    template = _environment(tmp_path).get_template("page.html")
    day = date(2012, 6, 12)
    assert template.render(article=Item("de"), n=1234, day=day) == (
        '<html lang="de">Weiterlesen 1.234 Beiträge. 12. Juni 2012</html>'
    )
    assert template.render(page=Item("en"), n=1, day=day) == (
        '<html lang="en">Read more 1 post. June 12, 2012</html>'
    )
    # A list page names its language; without one, the site's default language.
    assert template.render(lang="de", n=1, day=day).startswith('<html lang="de">Weiterlesen 1 ')
    assert template.render(DEFAULT_LANG="fr", n=2, day=day) == (
        '<html lang="fr">Read more 2 posts. 12 juin 2012</html>'
    )


def test_the_language_of_a_page_comes_from_what_it_renders() -> None:
    assert page_language({"lang": "fr", "article": Item("de")}) == "fr"
    assert page_language({"article": Item("de"), "DEFAULT_LANG": "en"}) == "de"
    assert page_language({"page": Item("en-GB")}) == "en-GB"
    assert page_language({"DEFAULT_LANG": "de"}) == "de"
    assert page_language({}) == "en"
