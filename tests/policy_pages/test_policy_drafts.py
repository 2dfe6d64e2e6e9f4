"""Preview before release: make html shows an unreleased declaration as drafts that claim no
date; make publish keeps refusing it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from policybuild import RELEASED, TODAY_ENV, release
from sitebuild import Build, copy_content, run_build, write_article

DRAFT_PAGES = ("/privacy/", "/cookies/", "/legal-notice/", "/privacy/history/")
DRAFT_POST = "Title: Unfinished thoughts\nDate: 2026-02-01\nStatus: draft\n\nNot yet.\n"
SHORTER = ("retention: {duration: P6M}", "retention: {duration: P3M}")


def _unreleased(workdir: Path) -> Path:
    content = copy_content(workdir / "content")
    shutil.rmtree(content / "policy-versions")
    return content


@pytest.fixture(scope="module")
def first_draft(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A site whose declaration has never been released, built by make html."""
    workdir = tmp_path_factory.mktemp("first-draft")
    content = _unreleased(workdir)
    write_article(content, "unfinished.md", DRAFT_POST)
    build = run_build(workdir, content=content, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize("url", DRAFT_PAGES)
def test_each_policy_page_says_it_is_a_draft_and_is_not_indexed(first_draft: Build, url) -> None:
    page = first_draft.page(url)
    notice = page.find(class_="draft-notice")
    assert notice is not None and notice.get_text().startswith("Draft: not yet released.")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("time") is None, "a draft claims no date"


def test_the_draft_history_says_what_the_first_release_will_be(first_draft: Build) -> None:
    section = first_draft.page("/privacy/history/").find("section", id="draft")
    assert section.h2.get_text() == "Draft: not yet released (preview)"
    assert "The first published version of this policy, once it is released." in section.text
    assert not (first_draft.output / "privacy" / "versions").exists()


def test_the_build_says_the_pages_are_drafts(first_draft: Build) -> None:
    assert "policy: the declaration is not released yet, so the policy pages are drafts" in (
        first_draft.stderr
    )


def test_no_draft_is_in_the_sitemap(first_draft: Build) -> None:
    """Neither a draft policy page (noindex) nor a post with Status: draft."""
    sitemap = (first_draft.output / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]*)</loc>", sitemap))
    assert "/privacy/report/" in listed and "/contact/" in listed
    assert not listed & set(DRAFT_PAGES)
    assert not [url for url in listed if "unfinished" in url or "/drafts/" in url]
    assert "1 draft" in first_draft.stdout  # read, and written nowhere (DRAFT_SAVE_AS)


def test_other_pages_are_not_drafts(first_draft: Build) -> None:
    assert first_draft.page("/").find(class_="draft-notice") is None
    robots = first_draft.page("/").find("meta", attrs={"name": "robots"})
    assert robots is None


def test_changes_since_the_release_are_previewed_and_the_release_stays(tmp_path: Path) -> None:
    content = _unreleased(tmp_path)
    assert release(content, RELEASED).returncode == 0
    declaration = content / "privacy.yml"
    declaration.write_text(declaration.read_text("utf-8").replace(*SHORTER), "utf-8")
    build = run_build(tmp_path, content=content, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    draft = build.page("/privacy/history/").find("section", id="draft")
    assert [li.get_text() for li in draft.find_all("li")] == [
        "Contact form data is now kept 3 months instead of 6"
    ]
    released = build.page(f"/privacy/versions/{RELEASED.isoformat()}/")
    assert released.find(class_="draft-notice") is None
    assert "6 months" in released.get_text()
    assert "3 months" in build.page("/privacy/").get_text()
    assert build.page("/privacy/").find("time") is None
    refused = run_build(tmp_path, content=content, env=TODAY_ENV, settings="publishconf.py",
                        output=tmp_path / "published")  # fmt: skip
    assert refused.returncode == 1
    since = f"since {RELEASED.isoformat()} (the latest release)"
    assert f"ERROR: unreleased policy changes {since}: Contact form data is now kept 3 m" in (
        refused.stderr
    )
    assert f"policy: the declaration has unreleased changes {since}, so the policy" in build.stderr
    assert "run make policy-release" in build.stderr and "run make policy-release" in refused.stderr


def test_publishing_an_unreleased_declaration_is_refused(tmp_path: Path) -> None:
    content = _unreleased(tmp_path)
    build = run_build(tmp_path, content=content, settings="publishconf.py")
    assert build.returncode == 1
    assert "so the privacy policy has no release yet; run make policy-release" in build.stderr
    assert not build.output.exists()
