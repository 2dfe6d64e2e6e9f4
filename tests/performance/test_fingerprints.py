"""The fingerprint's shortcuts lose nothing: what a template can read still changes it."""

from __future__ import annotations

import copy
from datetime import datetime

from fast_build.fingerprint import Fingerprinter, digest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category


def article(**metadata: object) -> Article:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    base = {
        "title": "Hello",
        "date": datetime(2012, 6, 1, 10, 0),
        "category": Category("Shop news", settings),
    }
    return Article(
        "<p>Text.</p>",
        metadata={**base, **metadata},
        settings=settings,
        source_path="articles/hello.md",
        context={},
    )


def fingerprint(value: object) -> bytes:
    return Fingerprinter(DEFAULT_CONFIG).value(value)


def test_equal_articles_have_equal_fingerprints() -> None:
    assert fingerprint(article()) == fingerprint(article())


def test_metadata_that_differs_from_its_attribute_still_counts() -> None:
    """Metadata values that are their attribute are hashed once; any other value is hashed."""
    plain, changed = article(), article()
    changed.metadata["title"] = "Changed in the metadata only"
    assert changed.title == plain.title
    assert fingerprint(changed) != fingerprint(plain)


def test_category_with_another_name_counts() -> None:
    moved = article(category=Category("Guides", copy.deepcopy(DEFAULT_CONFIG)))
    assert fingerprint(moved) != fingerprint(article())


def test_digest_keeps_the_parts_apart() -> None:
    assert digest(b"ab", b"c") != digest(b"a", b"bc")
    assert digest(b"a") != digest(b"a", b"")
