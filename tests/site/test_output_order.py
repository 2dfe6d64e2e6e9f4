"""Honest output order: a failed build ends with its errors and the one "build failed" line, and
nothing before them says "passed" or "Done"; a good build says them, then that it published."""

from __future__ import annotations

from pathlib import Path

from sitebuild import Build, copy_content, run_build, write_article


def test_a_failed_build_says_nothing_good_before_its_errors(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    # Found at the very end of the build, after the guard has judged the pages.
    write_article(
        content, "2024/cup.md", "Title: Cup\nDate: 2024-01-02\n\n![A cup](/images/x.png)\n"
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    lines = build.log.splitlines()
    assert not [line for line in lines if "passed" in line or line.startswith("Done")], build.log
    assert build.stderr.rstrip().splitlines()[-1].startswith("error: build failed")
    assert "the image /images/x.png is not in the site" in build.stderr
    assert not [line for line in lines if "placeholders:" in line or line.startswith("policy:")]


def test_a_good_build_says_passed_and_done_then_where_it_published(site: Build) -> None:
    err = site.stderr
    assert "privacy guard passed: 0 errors" in err
    assert site.stdout.index("Done: Processed") < site.stdout.index("Published the build to")
    assert site.stdout.rstrip().splitlines()[-1].startswith("Published the build to")
