"""The French catalogue, through the theme's own strings: archive titles, plurals, dates.

French counts 0 and 1 as singular ("0 article"), and CLDR gives it a third form for exact
millions ("1 000 000 d’articles"); Babel writes the catalogue's Plural-Forms from CLDR.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from jinja2 import DictLoader, Environment
from languages.catalogues import install
from languages.formats import FILTERS
from languages.maintenance import po_path, read
from sitebuild import ROOT

# The theme's own msgids (theme/templates/period_archives.html, archives.html, _macros.html).
TEMPLATES = {
    "month": (
        "{% set period = period_num|period_name %}"
        '{% trans "month" %}Archive for {{ period }}{% endtrans %}'
    ),
    "year": (
        "{% set period = period_num|period_name %}"
        '{% trans "year" %}Archive for {{ period }}{% endtrans %}'
    ),
    "posts": (
        "{% trans count=n, number=n|number %}{{ number }} post.{% pluralize %}"
        "{{ number }} posts.{% endtrans %}"
    ),
    "posted": "{% trans date=day|long_date %}Posted on {{ date }}{% endtrans %}",
}


@pytest.fixture(scope="module")
def french() -> Environment:
    environment = Environment(loader=DictLoader(TEMPLATES))
    install(environment, ROOT / "theme" / "translations")
    environment.filters.update(FILTERS)
    return environment


def test_archive_titles_read_as_french_writes_them(french: Environment) -> None:
    assert french.get_template("month").render(lang="fr", period_num=(2012, 6)) == (
        "Archives de juin 2012"
    )
    assert french.get_template("year").render(lang="fr", period_num=(2012,)) == (
        "Archives de l’année 2012"
    )
    assert french.get_template("posted").render(lang="fr", day=date(2012, 6, 12)) == (
        "Publié le 12 juin 2012"
    )
    assert french.get_template("posted").render(lang="fr", day=date(2026, 11, 1)) == (
        "Publié le 1er novembre 2026"
    )


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0 article."),
        (1, "1 article."),
        (2, "2 articles."),
        (1234, "1\u202f234 articles."),
        (1_000_000, "1\u202f000\u202f000 d’articles."),
    ],
)
def test_counts_take_french_plural_forms(french: Environment, count: int, text: str) -> None:
    assert french.get_template("posts").render(lang="fr", n=count) == text


def test_french_strings_keep_french_typography() -> None:
    """French sets a no-break space before : and a narrow one before ; ! ? (and inside « »);
    a plain space there lets the line break before the sign. Typed entries often miss it."""
    catalog = read(po_path(ROOT, "fr"), "fr")
    wrong = [
        text
        for message in catalog
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if re.search(r" [:;!?»]|« ", text)
    ]
    assert wrong == [], "write \\u00a0 before : and \\u202f before ; ! ? in:\n" + "\n".join(wrong)
