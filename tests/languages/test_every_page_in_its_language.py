"""Every page of each non-English site reads in its language: no text node on a German or
French page is still the kit's English (a msgid of the English catalogue that the language
writes otherwise, or a sentence of the English legal wording, plugins/policy_pages/lang/en.py).
The German site's /en/ pages are English on purpose and are left out."""

from __future__ import annotations

import pytest
from languagesites import english_left, page_language, served_pages
from sitebuild import Build


@pytest.mark.parametrize(
    ("fixture", "homes"),
    [("german_site", {"de": "", "en": "en/"}), ("french_site", {"fr": ""})],
)
def test_no_page_of_a_non_english_language_is_left_in_english(
    fixture: str, homes: dict[str, str], request: pytest.FixtureRequest
) -> None:
    build: Build = request.getfixturevalue(fixture)
    walked, left = 0, []
    for path in served_pages(build):
        lang = page_language(build, path, homes)
        if lang == "en":
            continue
        walked += 1
        left += english_left(build, path, lang)
    assert walked > 10
    assert left == [], "\n".join(map(str, left))


def test_the_check_finds_english_left_on_a_german_page(german_site: Build, tmp_path) -> None:
    """The walk can fail: a German page with an English button and sentence is caught."""
    page = german_site.output / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = html.replace("Nachricht senden", "Send message").replace(
        "</main>", "<p>We use what you send for one purpose only: x.</p></main>"
    )
    copy = tmp_path / "about" / "index.html"
    copy.parent.mkdir(parents=True)
    copy.write_text(broken.replace("Über uns</h1>", "Skip to content</h1>"), encoding="utf-8")
    fake = Build(0, "", "", german_site.content, tmp_path)
    found = {leftover.english for leftover in english_left(fake, copy, "de")}
    assert "Skip to content" in found
    assert "We use what you send for one purpose only: %(purpose)s." in found
