"""Drafts are never written; hidden articles are reachable only by their own address."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import Build, copy_content, run_build, write_article

DRAFT_MARK = "Zanzibar-draft-marker"
HIDDEN_MARK = "Quokka-hidden-marker"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    workdir = tmp_path_factory.mktemp("drafts")
    content = copy_content(workdir / "content")
    write_article(
        content,
        "draft.md",
        f"Title: {DRAFT_MARK} title\nDate: 2012-06-20\nStatus: draft\nTags: secret-tag\n\n"
        f"{DRAFT_MARK} body.\n",
    )
    write_article(
        content,
        "hidden.md",
        f"Title: {HIDDEN_MARK} title\nDate: 2012-06-21\nStatus: hidden\n\n{HIDDEN_MARK} body.\n",
    )
    result = run_build(workdir, content=content, settings="publishconf.py")
    assert result.returncode == 0, result.log
    return result


def files_mentioning(output: Path, marker: str) -> list[str]:
    return sorted(
        str(path.relative_to(output))
        for path in output.rglob("*")
        if path.is_file() and marker in path.read_text(encoding="utf-8", errors="replace")
    )


def test_a_draft_stays_out_of_everything(build: Build) -> None:
    assert files_mentioning(build.output, DRAFT_MARK) == []
    assert not (build.output / "tag" / "secret-tag").exists()


def test_a_hidden_article_is_only_on_its_own_page(build: Build) -> None:
    assert files_mentioning(build.output, HIDDEN_MARK) == [
        "2012/06/quokka-hidden-marker-title/index.html"
    ]
    page = build.page("/2012/06/quokka-hidden-marker-title/")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
