"""make init: from the kit's example to another business's own site, without a terminal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from declaration import load_declaration
from kitclone import (
    ANSWERS,
    fresh_clone,
    init,
    init_on_a_terminal,
    terminal_answers,
    write_own_posts,
)
from placeholders import EXAMPLE_VALUES, find_placeholders
from policybuild import TODAY_ENV, release
from sitebuild import Build, run_build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.md")}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fresh_clone(tmp_path_factory.mktemp("clone"))


@pytest.fixture(scope="module")
def initialised(project: Path) -> tuple[Path, subprocess.CompletedProcess, dict[str, bytes]]:
    posts = snapshot(project / "content")
    done = init(project, "--answers", str(ANSWERS))
    return project, done, posts


def test_it_writes_a_declaration_that_loads_with_no_placeholder(initialised) -> None:
    project, done, _ = initialised
    assert done.returncode == 0, done.stderr
    declaration = project / "content" / "privacy.yml"
    loaded = load_declaration(declaration)
    assert loaded.controller.legal_name == "Harbourside Loaf Ltd"
    assert [str(j) for j in loaded.jurisdictions] == ["uk_gdpr", "eprivacy"]
    assert find_placeholders(declaration) == []
    text = declaration.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "\n# Read it through" in text


def test_it_sets_the_time_zone_and_tagline_from_the_answers(initialised) -> None:
    project, _, _ = initialised
    settings = (project / "pelicanconf.py").read_text(encoding="utf-8")
    assert '\nTIMEZONE = "Europe/London"\n' in settings
    assert '\nSITESUBTITLE = "Harbourside Loaf in Bristol"\n' in settings
    assert "# PLACEHOLDER" not in settings


def test_it_prints_the_checklist_and_keeps_every_post(initialised) -> None:
    project, done, posts = initialised
    assert "Left to do by hand:" in done.stdout
    assert "make policy-release" in done.stdout and "make publish" in done.stdout
    assert snapshot(project / "content") == posts


@pytest.fixture(scope="module")
def published(initialised, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The checklist's own posts and About page, make policy-release, then make publish, in
    the initialised clone."""
    project, _, _ = initialised
    write_own_posts(project)
    assert release(project / "content").returncode == 0
    workdir = tmp_path_factory.mktemp("published")
    build = run_build(
        workdir,
        settings=str(project / "publishconf.py"),
        content=project / "content",
        overrides={"PLACEHOLDERS_REFUSE": True},
        env=TODAY_ENV,
    )
    assert build.returncode == 0, build.log
    return build


def test_the_published_site_is_the_new_business_s_alone(published: Build) -> None:
    history = published.page("/privacy/history/")
    assert len(history.find_all("section")) == 1
    assert "The first published version of this policy." in history.get_text()
    assert (
        published.page("/").find(class_="site-tagline").get_text() == "Harbourside Loaf in Bristol"
    )
    for path in published.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt", ".j2", ".yml"):
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            found = [value for value in EXAMPLE_VALUES if value.lower() in text]
            assert not found, f"{path}: {found}"


def test_an_owners_declaration_is_never_replaced(tmp_path: Path) -> None:
    project = fresh_clone(tmp_path)
    assert init(project, "--answers", str(ANSWERS)).returncode == 0
    mine = (project / "content" / "privacy.yml").read_bytes()
    again = init(project, "--answers", str(ANSWERS))
    assert again.returncode == 2
    assert "content/privacy.yml: is already yours (no placeholder left)" in again.stderr
    assert (project / "content" / "privacy.yml").read_bytes() == mine


def test_every_unusable_answer_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    project = fresh_clone(tmp_path)
    before = (project / "content" / "privacy.yml").read_bytes()
    answers = tmp_path / "answers.yml"
    text = ANSWERS.read_text(encoding="utf-8").replace("country: gb", "country: United Kingdom")
    answers.write_text(text.replace("email: bread@harbourside-loaf.test\n", "colour: red\n"))
    done = init(project, "--answers", str(answers))
    assert done.returncode == 2
    problems = done.stderr.strip().splitlines()
    assert problems[-1] == "make init: nothing was written."
    assert any("colour: not a question make init asks" in p for p in problems)
    assert any("email: required" in p for p in problems)
    assert any(
        'country: "United Kingdom" is not an ISO 3166-1 alpha-2 country code; write GB' in p
        for p in problems
    )
    assert (project / "content" / "privacy.yml").read_bytes() == before


def test_without_a_terminal_or_answers_it_says_how(tmp_path: Path) -> None:
    done = init(fresh_clone(tmp_path), stdin="")
    assert done.returncode == 2
    assert "no terminal to ask on; put the answers in a file: make init ANSWERS=answers.yml" in (
        done.stderr
    )


def test_on_a_terminal_it_asks_in_plain_words(tmp_path: Path) -> None:
    """Answered through a pseudo-terminal, one answer per question, as an owner would."""
    project = fresh_clone(tmp_path)
    status, text = init_on_a_terminal(project, terminal_answers(ANSWERS))
    assert status == 0, text
    assert "Your business's full legal name" in text and "Left to do by hand:" in text
    assert find_placeholders(project / "content" / "privacy.yml") == []
