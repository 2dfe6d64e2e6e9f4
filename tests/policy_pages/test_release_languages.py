"""A release records every language's texts, and a text changed in one language alone is a change.

The site is the example in English and German ([en, de]): its English pages stay the same when
only a German text changes, which is exactly the change a check of the English pages misses.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bilingual import bilingual
from declaration import load_declaration, load_release
from policy_pages.changes import change_list
from policy_pages.errors import PolicyError
from policy_pages.releases import publishes_the_same
from policy_pages.site import build_policy_site
from policybuild import EXAMPLE, RELEASED, TODAY, release, without_caloppa

SNAPSHOT = f"{RELEASED.isoformat()}.yml"
GERMAN_PURPOSE = "Die Fragen beantworten, die Sie uns über das Kontaktformular senden"
NEW_GERMAN_PURPOSE = "Ihre Fragen zu unseren Produkten beantworten"
GERMAN_EDIT = "In the German version: Kontaktformular is now described as: " + NEW_GERMAN_PURPOSE


def _released(tmp_path: Path, text: str, by_command: bool = False) -> Path:
    """A content folder whose privacy.yml is `text`, released on RELEASED by `make
    policy-release`'s command or, where the command is not the point, as its verbatim copy."""
    content = tmp_path / "content"
    (content / "policy-versions").mkdir(parents=True)
    (content / "privacy.yml").write_text(text, encoding="utf-8")
    if by_command:
        done = release(content, RELEASED)
        assert done.returncode == 0, done.stderr
    else:
        shutil.copyfile(content / "privacy.yml", content / "policy-versions" / SNAPSHOT)
    return content


def test_a_release_records_both_languages_and_a_german_edit_is_a_change(tmp_path: Path) -> None:
    content = _released(
        tmp_path, without_caloppa(bilingual(EXAMPLE.read_text("utf-8"), "[en, de]")), True
    )
    declaration = content / "privacy.yml"
    snapshot = content / "policy-versions" / SNAPSHOT
    assert snapshot.read_bytes() == declaration.read_bytes()
    released = load_release(snapshot)
    assert released.processing_by_id("contact_form").purpose.startswith("Answer the questions")
    assert released.in_language("de").processing_by_id("contact_form").purpose == GERMAN_PURPOSE

    text = declaration.read_text("utf-8")
    declaration.write_text(text.replace(GERMAN_PURPOSE, NEW_GERMAN_PURPOSE), encoding="utf-8")
    current = load_declaration(declaration)
    assert current.processing_by_id("contact_form") == released.processing_by_id("contact_form")
    assert not publishes_the_same(current, released, RELEASED)
    assert change_list(released, current) == [GERMAN_EDIT]

    preview = release(content, TODAY, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert f"  - {GERMAN_EDIT}\n" in preview.stdout
    with pytest.raises(PolicyError) as refused:
        build_policy_site(declaration, content / "policy-versions")
    assert (
        f"unreleased policy changes since {RELEASED.isoformat()} (the latest release): "
        f"{GERMAN_EDIT}; run make policy-release" in refused.value.problems
    )


def test_an_edit_in_both_languages_is_said_once_in_the_default_language(tmp_path: Path) -> None:
    content = _released(
        tmp_path, without_caloppa(bilingual(EXAMPLE.read_text("utf-8"), "[en, de]"))
    )
    declaration = content / "privacy.yml"
    released = load_release(content / "policy-versions" / SNAPSHOT)
    text = declaration.read_text("utf-8").replace("{duration: P6M}", "{duration: P3M}")
    declaration.write_text(text.replace("We cannot reply", "We cannot answer"), encoding="utf-8")
    assert change_list(released, load_declaration(declaration)) == [
        "Contact form: if you do not give the data: We cannot answer",
        "Contact form data is now kept 3 months instead of 6",
    ]  # the period changed for every language: not repeated "In the German version"


def test_an_english_release_still_loads_and_a_new_language_is_a_change(tmp_path: Path) -> None:
    content = _released(tmp_path, without_caloppa(EXAMPLE.read_text("utf-8")))
    released = load_release(content / "policy-versions" / SNAPSHOT)
    assert released.site.languages == ("en",) and released.in_language("en") is released
    declaration = content / "privacy.yml"
    declaration.write_text(
        without_caloppa(bilingual(EXAMPLE.read_text("utf-8"), "[en, de]")), encoding="utf-8"
    )
    current = load_declaration(declaration)
    assert not publishes_the_same(current, released, RELEASED)
    assert change_list(released, current) == ["The policy is now also published in German"]


def test_a_german_title_alone_is_a_change_too(tmp_path: Path) -> None:
    content = _released(
        tmp_path, without_caloppa(bilingual(EXAMPLE.read_text("utf-8"), "[en, de]"))
    )
    released = load_release(content / "policy-versions" / SNAPSHOT)
    declaration = content / "privacy.yml"
    text = declaration.read_text("utf-8").replace('de: "Server-Protokolle"', 'de: "Serverlogs"')
    declaration.write_text(text, encoding="utf-8")
    current = load_declaration(declaration)
    assert change_list(released, current) == ["The German version is reworded"]
    assert not publishes_the_same(current, released, RELEASED)
