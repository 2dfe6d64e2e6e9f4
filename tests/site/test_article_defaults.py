"""What an article gets when its file leaves a field out, as the README's "Writing a post" says."""

from __future__ import annotations

from pathlib import Path

from sitebuild import copy_content, run_build, write_article


def test_an_article_without_a_category_is_filed_under_privacy(tmp_path: Path) -> None:
    """Not under its folder's name: the README suggests one folder per year."""
    content = copy_content(tmp_path / "content")
    write_article(content, "2013/plain.md", "Title: Plain\nDate: 2013-03-04\n\nText.\n")
    build = run_build(tmp_path, content=content)
    assert build.returncode == 0, build.log
    page = build.page("/2013/03/plain/")
    assert page.select_one('.meta a[href="/category/privacy/"]').get_text() == "Privacy"
    assert not (build.output / "category" / "2013").exists()
