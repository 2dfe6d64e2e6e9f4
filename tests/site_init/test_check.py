"""make check: the owner's own site, checked as make publish would build it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from kitclone import ANSWERS, fresh_clone, init, write_own_posts
from policybuild import TODAY_ENV, release
from warmpython import run_module


def check(project: Path) -> subprocess.CompletedProcess[str]:
    """make check's command in `project`, forked from the warm interpreter (tests/warmpython.py)."""
    return run_module(
        "site_check.cli", [], cwd=project, env={**os.environ, **TODAY_ENV}, timeout=300
    )


@pytest.fixture(scope="module")
def owners_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone made the bakery's with make init, its policy released."""
    project = fresh_clone(tmp_path_factory.mktemp("owner"))
    assert init(project, "--answers", str(ANSWERS)).returncode == 0
    write_own_posts(project)
    assert release(project / "content").returncode == 0
    return project


def test_a_site_ready_to_publish_passes(owners_site: Path) -> None:
    done = check(owners_site)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("make check: no problem found in ")
    assert "checking internal links and images..." in done.stdout


def test_the_kits_example_fails_naming_each_placeholder_and_the_missing_release(
    tmp_path: Path,
) -> None:
    done = check(fresh_clone(tmp_path))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert "content/privacy.yml:17 site.name: 'Example Shop' is the kit's example" in lines
    assert any("SITESUBTITLE" in line for line in lines)
    assert any("so the privacy policy has no release yet" in line for line in lines)
    assert (
        lines[-1].startswith("make check: ")
        and "problems above make publish would refuse" in (lines[-1])
    )


def test_a_link_that_leads_nowhere_is_named_where_it_is_written(owners_site: Path) -> None:
    """A plain link the build cannot know is checked against the built site, and named at the
    source line that writes it; the last line says make publish would publish it as it is."""
    done, published = check_and_publish_with(
        owners_site,
        "oven.md",
        "See [our prices](/prices/) and [the shop](/about/#hours).",
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "content/articles/2026/oven.md:4: link /prices/ goes nowhere in the built site",
        "make check: 1 address above leading nowhere, which make publish would publish as it "
        f"is: correct it first ({done.stderr.rsplit('(', 1)[1].strip()}",
    ]
    assert published.returncode == 0, published.stderr  # make publish agrees: it publishes


def test_a_broken_file_link_is_one_problem_at_its_source_file(owners_site: Path) -> None:
    """The build refuses {filename} and {static} links to no file: each is one problem, named
    by its file as the owner opens it, counted once, with no temporary folder in sight."""
    done, published = check_and_publish_with(
        owners_site,
        "menu.md",
        "The [menu]({filename}/pages/menu.md) and ![bread]({static}/images/none.png).",
    )
    assert done.returncode == published.returncode == 1
    lines = done.stderr.splitlines()
    assert [line.split(": the link ")[0] for line in lines[:-1]] == [
        "content/articles/2026/menu.md",
        "content/articles/2026/menu.md",
    ]
    assert lines[-1].startswith("make check: 2 problems above make publish would refuse (")
    assert "/tmp" not in done.stderr and "discreet-check-" not in done.stderr
    assert published.stderr.count("leads to no file in the content folder") == 2


def check_and_publish_with(
    project: Path, name: str, body: str
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """make check and make publish's build, with one more post whose text is `body` (on line
    4 of content/articles/2026/<name>), removed again after."""
    post = project / "content" / "articles" / "2026" / name
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(f"Title: {name}\nDate: 2026-02-01 08:00\n\n{body}\n", encoding="utf-8")
    try:
        return check(project), publish(project)
    finally:
        post.unlink()


def publish(project: Path) -> subprocess.CompletedProcess[str]:
    """make publish's build of the project, into a folder of its own (output/ stays as it is)."""
    arguments = ["content", "-o", str(project / "pub"), "-s", "publishconf.py"]
    env = {**os.environ, **TODAY_ENV}
    try:
        return run_module(
            "strict_build.cli", [*arguments, "--log-handler", "plain"], cwd=project, env=env
        )
    finally:
        shutil.rmtree(project / "pub", ignore_errors=True)
