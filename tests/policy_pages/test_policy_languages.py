"""The policy pages in every language of site.languages: what a language module must provide,
and a German-first site (German at the root, English under /en/) that reads in German."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from bilingual import bilingual
from policy_pages.lang import en, languages_with_wording, words_for
from policybuild import build_variant, example, without_caloppa, words
from sitebuild import Build

OTHER_LANGUAGES = [code for code in languages_with_wording() if code != "en"]


def _provided(module: ModuleType) -> dict[str, object]:
    """The public names a language module defines itself (imports left out)."""
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (name.isupper() or getattr(value, "__module__", None) == module.__name__)
    }


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_a_language_module_provides_everything_en_does(code: str) -> None:
    """Every function and constant of en.py, with the same parameters and the same keys: the
    builders call each of them with facts, whatever the page language."""
    module = words_for(code)
    theirs = _provided(module)
    missing = sorted(set(_provided(en)) - set(theirs))
    assert not missing, f"lang/{code}.py lacks {', '.join(missing)}"
    for name, value in _provided(en).items():
        other = theirs[name]
        if inspect.isfunction(value):
            expected = list(inspect.signature(value).parameters)
            assert list(inspect.signature(other).parameters) == expected, f"{code}.{name}()"  # type: ignore[arg-type]
        elif isinstance(value, dict):
            assert set(value) <= set(other), f"{code}.{name} lacks keys {set(value) - set(other)}"  # type: ignore[arg-type]
        elif isinstance(value, tuple):
            assert len(other) == len(value), f"{code}.{name} has {len(other)} items"  # type: ignore[arg-type]


def test_german_is_among_the_languages() -> None:
    assert "de" in OTHER_LANGUAGES


# A German shop that also sells to the Netherlands: German first, English second; no CalOPPA
# (its notices are written in English only, and a German page cannot carry them).
def _german_first() -> str:
    return without_caloppa(bilingual(example()))


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_variant(tmp_path_factory.mktemp("german"), _german_first())


def _english_sentences() -> set[str]:
    """en.py's words as the pages would show them: every literal, split at its {places}, of
    three words or more."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.extend(re.split(r"\{\w*\}", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    for name, value in vars(en).items():
        if name.isupper() and not name.endswith(("_URL", "_LIST", "_MEMBERS", "_COMPLAINTS")):
            walk(value)
    for function in (en.erasure, en.provision, en.complain_eu, en.hosting, en.portability):
        walk(tuple(re.findall(r'"([^"]+)"', inspect.getsource(function))))
    return {" ".join(t.split()) for t in texts if len(t.split()) >= 3}


PAGES = {
    "de": ["/datenschutz/", "/cookies/", "/impressum/", "/datenschutz/historie/"],
    "en": ["/en/privacy/", "/en/cookies/", "/en/legal-notice/", "/en/privacy/history/"],
}


def test_german_at_the_root_and_english_under_en(german_site: Build) -> None:
    for language, paths in PAGES.items():
        for path in paths:
            page = german_site.page(path)
            assert page.html is not None and page.html["lang"] == language, path
    assert not german_site.file_for("/privacy/").exists()


def test_the_german_pages_use_the_german_law_s_own_terms(german_site: Build) -> None:
    policy = " ".join(german_site.page("/datenschutz/").get_text().split())
    for term in (
        "Datenschutzerklärung",
        "Verantwortlicher",
        "Art. 6 Abs. 1 lit. f DSGVO",
        "Betroffenenrechte",
        "Beschwerderecht bei einer Aufsichtsbehörde",
        "Art. 77 DSGVO",
        "Stand: 1. November 2026",  # the release's date in German (Babel's long format)
    ):
        assert term in policy, term
    notice = " ".join(german_site.page("/impressum/").get_text().split())
    for term in ("§ 5 DDG", "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV", "§ 36 VSBG"):
        assert term in notice, term
    assert "TMG" not in notice  # § 5 TMG gave way to § 5 DDG on 14 May 2024


def test_no_english_sentence_is_left_on_the_german_pages(german_site: Build) -> None:
    english = _english_sentences()
    assert len(english) > 100  # the comparison has something to compare with
    for path in PAGES["de"]:
        main = german_site.page(path).find("main")
        assert main is not None
        text = words(main)
        left = sorted(sentence for sentence in english if sentence in text)
        assert not left, f"{path}: {left[:5]}"


def test_coverage_is_complete_in_every_language(german_site: Build) -> None:
    for folder in ("datenschutz", "en/privacy"):
        report = json.loads((german_site.output / folder / "coverage.json").read_text("utf-8"))
        unmet = [requirement for requirement, where in report.items() if not where]
        assert not unmet, f"{folder}: {unmet}"
        assert report["meta.languages"].startswith(f"/{folder}/")
        assert report["gdpr.legal_basis"].startswith(f"/{folder}/")


def test_each_page_links_its_translation(german_site: Build) -> None:
    links = german_site.page("/datenschutz/").find_all("link", rel="alternate", hreflang=True)
    assert any(str(link["href"]).endswith("/en/privacy/") for link in links), links


def test_a_language_without_wording_is_named_with_those_that_have_it(tmp_path: Path) -> None:
    from policy_pages.errors import PolicyError
    from policy_pages.site import build_policy_site

    declaration = tmp_path / "privacy.yml"
    declaration.write_text(example(("languages: [en]", "languages: [es]")), encoding="utf-8")
    with pytest.raises(PolicyError) as refused:
        build_policy_site(declaration, tmp_path / "versions", drafts=True)
    lines = [line for line in refused.value.problems if "site.languages" in line]
    assert lines[:1] == [
        f"{declaration} site.languages: the policy pages have no legal wording in es; the "
        f"languages with wording are {', '.join(languages_with_wording())}; remove es, or add "
        "plugins/policy_pages/lang/es.py (docs/languages.md says how)"
    ]


def test_the_change_list_speaks_the_page_s_language(tmp_path: Path) -> None:
    """A German history says what changed in German; the English one, in English."""
    from declaration import load_declaration
    from policy_pages.changes import change_list

    text = _german_first()
    (tmp_path / "old.yml").write_text(text, encoding="utf-8")
    changed = text.replace("duration: P6M", "duration: P3M")
    (tmp_path / "new.yml").write_text(changed, encoding="utf-8")
    old, new = (load_declaration(tmp_path / name) for name in ("old.yml", "new.yml"))
    assert change_list(old, new) == ["Kontaktformular: Speicherdauer jetzt 3 Monate (vorher: 6)"]
    assert change_list(old.in_language("en"), new.in_language("en")) == [
        "Contact form data is now kept 3 months instead of 6"
    ]


def test_the_transparency_report_links_the_policy_in_its_language(german_site: Build) -> None:
    """A German-first site has no /privacy/: the report links /datenschutz/."""
    report = german_site.page("/privacy/report/")
    hrefs = [str(a["href"]) for a in report.select("main a[href]")]
    assert any(href.endswith("/datenschutz/") for href in hrefs), hrefs
    assert not any(href.endswith("/privacy/") for href in hrefs), hrefs


def test_history_and_versions_are_german_too(german_site: Build) -> None:
    history = words(german_site.page("/datenschutz/historie/"))
    assert "Die erste veröffentlichte Fassung dieser Datenschutzerklärung." in history
    version = german_site.page("/datenschutz/historie/2026-11-01/")
    assert version.html is not None and version.html["lang"] == "de"
    assert "Dies ist die am 1. November 2026 veröffentlichte Fassung" in words(version)
    english = german_site.page("/en/privacy/versions/2026-11-01/")
    assert "This is the version of our privacy policy released on" in words(english)
