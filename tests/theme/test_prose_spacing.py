"""No two sentences run together in what the build writes ("contact form.We delete it"): a
template tag that eats a newline joins them silently, and no other test reads the words."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sitebuild import Build

# A sentence's last word, its full stop (or ! ?), and the next sentence's first word with no
# space between: "form.We", "sent!Thank". Lower case before the stop leaves out "ASP.NET".
JOINED = re.compile(r"\b[a-z]{2,}[.!?][A-Z][a-z]+\b")
NOT_PROSE = ("script", "style", "code", "pre", "kbd", "samp")


def joined_sentences(html: str) -> list[str]:
    """Each run-together pair in one text node (text split across elements is no join)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for text in soup.find_all(string=True):
        if text.find_parent(NOT_PROSE) is None:
            found += [match.group(0) for match in JOINED.finditer(str(text))]
    return found


def test_the_check_finds_a_join_and_passes_spaced_sentences() -> None:
    assert joined_sentences("<p>the contact form.We delete it</p>") == ["form.We"]
    assert joined_sentences("<p>the contact form. We delete it</p>") == []
    assert joined_sentences("<li>one form.</li><li>We</li><code>a.B</code>") == []


@pytest.mark.parametrize("build", ["site", "published_site"])
def test_no_page_runs_two_sentences_together(build: str, request: pytest.FixtureRequest) -> None:
    built: Build = request.getfixturevalue(build)
    pages = sorted(built.output.rglob("*.html"))
    assert any(p.parts[-2:] == ("contact", "index.html") for p in pages)
    joins = [
        f"{page.relative_to(built.output)}: {join}"
        for page in pages
        for join in joined_sentences(page.read_text(encoding="utf-8"))
    ]
    assert not joins, "\n".join(joins)
