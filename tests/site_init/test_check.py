"""make check: the owner's own site, checked as make publish would build it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from kitclone import ANSWERS, fresh_clone, init, write_own_posts
from policybuild import TODAY_ENV, release


def check(project: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "site_check.cli"]
    env = {**os.environ, **TODAY_ENV}
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=300, env=env
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
    assert lines[-1].startswith("make check: ") and "make publish would not publish" in lines[-1]


def test_a_link_that_leads_nowhere_is_named(owners_site: Path) -> None:
    """The build stops at a missing image or {filename} target; a plain link the build cannot
    know is checked against the built site."""
    post = owners_site / "content" / "articles" / "2026" / "oven.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(
        "Title: The new oven\nDate: 2026-02-01 08:00\n\n"
        "See [our prices](/prices/) and [the shop](/about/#hours).\n",
        encoding="utf-8",
    )
    try:
        done = check(owners_site)
    finally:
        post.unlink()
    assert done.returncode == 1
    page = "2026/02/the-new-oven/index.html"
    [line] = done.stderr.splitlines()[:-1]
    assert line.startswith(f"{page}: link /prices/ goes nowhere in the built site (and on ")
