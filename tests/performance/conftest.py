"""A realistic small site for the performance tests: the site's content plus synthetic articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import Build, copy_content, run_build

from bench.corpus import generate


def content_with_articles(destination: Path, count: int, seed: int = 2012) -> Path:
    content = copy_content(destination)
    for article in generate(count, seed=seed):
        path = content / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Production settings (absolute URLs, feeds: the heaviest pages) over 60 articles, so that
    every list is paginated and full."""
    workdir = tmp_path_factory.mktemp("busy")
    content = content_with_articles(workdir / "content", 60)
    build = run_build(workdir, settings="publishconf.py", content=content)
    assert build.returncode == 0, build.log
    return build
