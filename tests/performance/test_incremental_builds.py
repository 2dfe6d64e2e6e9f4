"""A rebuild that skips unchanged pages writes exactly what a clean build writes.

fast_build skips renders by fingerprint and strict-build keeps its staging folder between builds
and sweeps stale files; each change below is built both ways and the two sites compared file by
file, byte for byte (the search index by its rows).
"""

from __future__ import annotations

import gzip
import re
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import brotli
import pytest
from sitebuild import ROOT, Build, copy_content, run_build

from bench.corpus import generate

# The privacy report page states when it was built unless SOURCE_DATE_EPOCH says otherwise; the
# sitemap stamps index pages with the time of the build: the only expected difference.
REPRODUCIBLE = {"SOURCE_DATE_EPOCH": str(int(time.time()))}  # one "now" for every build here
BUILD_TIME = re.compile(rb"<lastmod>[^<]*</lastmod>")
DECOMPRESS = {".gz": gzip.decompress, ".br": brotli.decompress}
PROGRESS = re.compile(r"fast_build: (\d+) pages rendered, (\d+) unchanged")


def index_rows(path: Path) -> bytes:
    """The search index's rows (site_search), in address order: an index updated row by row
    and one written at once answer alike, though SQLite lays out their pages differently."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as index:
        rows = index.execute(
            "SELECT url, title, summary, body, tags, lang, date FROM posts ORDER BY url"
        ).fetchall()
    return repr(rows).encode()


def site_files(output: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(output.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name.startswith("sitemap.xml"):
                data = BUILD_TIME.sub(b"", DECOMPRESS.get(path.suffix, bytes)(data))
            if path.suffix == ".sqlite3":  # the search index: the same rows, whatever the pages
                data = index_rows(path)
            files[str(path.relative_to(output))] = data
    return files


def rendered_and_reused(build: Build) -> tuple[int, int]:
    match = PROGRESS.search(build.log)
    assert match, build.log
    return int(match[1]), int(match[2])


class Site:
    """One content folder built over and over, with a reference clean build after every change."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.content = copy_content(workdir / "content")
        for article in generate(24, seed=7):
            path = self.content / article.relative_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article.text, encoding="utf-8")
        self.theme = workdir / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        # With the compressed copies `make publish` writes: they too must match a clean build.
        self.overrides: dict[str, object] = {"THEME": str(self.theme), "PRECOMPRESSED": True}
        self.references = 0

    def build(self) -> Build:
        build = run_build(
            self.workdir / "incremental",
            content=self.content,
            output=self.workdir / "incremental" / "output",
            overrides=self.overrides,
            arguments=("-v",),
            env=REPRODUCIBLE,
        )
        assert build.returncode == 0, build.log
        return build

    def assert_same_as_clean_build(self, build: Build) -> None:
        self.references += 1
        reference = run_build(
            self.workdir / f"clean-{self.references}",
            content=self.content,
            overrides={**self.overrides, "FAST_BUILD": False},
            env=REPRODUCIBLE,
        )
        assert reference.returncode == 0, reference.log
        assert site_files(build.output) == site_files(reference.output)

    def article(self, number: int) -> Path:
        return sorted((self.content / "articles").rglob("bench-*.md"))[number]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("incremental"))
    for _ in range(3):  # both folders of strict-build's double buffer hold a build
        build = site.build()
    site.assert_same_as_clean_build(build)
    return site


def test_nothing_changed_renders_nothing(site: Site) -> None:
    build = site.build()
    rendered, reused = rendered_and_reused(build)
    assert rendered == 0 and reused > 30
    site.assert_same_as_clean_build(build)


def test_edited_article_rerenders_only_its_own_pages(site: Site) -> None:
    target = site.article(10)
    target.write_text(target.read_text(encoding="utf-8") + "\nA new closing line.\n", "utf-8")
    build = site.build()
    rendered, reused = rendered_and_reused(build)
    assert 0 < rendered < reused
    assert "A new closing line." in "".join(
        p.read_text(encoding="utf-8") for p in build.output.rglob("index.html")
    )
    site.assert_same_as_clean_build(build)


def test_new_title_reaches_neighbours_and_lists(site: Site) -> None:
    target = site.article(5)
    text = re.sub(r"^Title: .*$", "Title: A brand new title", target.read_text("utf-8"), flags=re.M)
    target.write_text(text, encoding="utf-8")
    site.assert_same_as_clean_build(site.build())


def test_added_and_removed_articles(site: Site) -> None:
    site.article(-1).unlink()  # the newest: no other article links to it
    extra = site.content / "articles" / "2024" / "brand-new.md"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text(
        "Title: Brand new post\nDate: 2024-12-30 10:00\nCategory: Guides\nTags: email\n\nHello.\n",
        encoding="utf-8",
    )
    build = site.build()
    assert (build.output / "2024" / "12" / "brand-new-post" / "index.html").exists()
    site.assert_same_as_clean_build(build)


def test_a_link_follows_the_article_it_names_to_its_new_address(site: Site) -> None:
    """Resolved links are remembered between builds: not once the target has moved."""
    target = site.article(3)
    source = target.relative_to(site.content).as_posix()
    linker = site.content / "articles" / "2024" / "linker.md"
    linker.write_text(
        "Title: Linker\nDate: 2024-12-29 10:00\nCategory: Guides\n\n"
        f"Read [the other post]({{filename}}/{source}).\n",
        encoding="utf-8",
    )
    site.assert_same_as_clean_build(site.build())
    text = re.sub(r"^Title: .*$", "Title: A moved post", target.read_text("utf-8"), flags=re.M)
    target.write_text(text, encoding="utf-8")
    build = site.build()
    page = (build.output / "2024" / "12" / "linker" / "index.html").read_text("utf-8")
    assert "/a-moved-post/" in page
    site.assert_same_as_clean_build(build)


def test_page_title_in_navigation_changes_every_page(site: Site) -> None:
    about = site.content / "pages" / "about.md"
    about.write_text(about.read_text("utf-8").replace("Title: About", "Title: About us"), "utf-8")
    build = site.build()
    rendered, reused = rendered_and_reused(build)
    assert rendered > 30 and reused == 1  # the navigation is on every page but robots.txt
    site.assert_same_as_clean_build(build)


def test_template_change_rerenders(site: Site) -> None:
    base = site.theme / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace("Skip to content", "Skip to the text"), "utf-8")
    build = site.build()
    assert "Skip to the text" in (build.output / "index.html").read_text("utf-8")
    site.assert_same_as_clean_build(build)


def test_setting_change_rerenders(site: Site) -> None:
    site.overrides["SITESUBTITLE"] = "A different tagline"
    build = site.build()
    assert "A different tagline" in (build.output / "index.html").read_text("utf-8")
    site.assert_same_as_clean_build(build)


def test_stale_files_of_earlier_builds_are_gone(site: Site) -> None:
    build = site.build()
    staging = build.output.with_name(".output.staging")
    assert staging.is_dir()  # the double buffer's other half, the next build's starting point
    (staging / "left-over.html").write_text("stale", encoding="utf-8")
    build = site.build()
    assert not (build.output / "left-over.html").exists()
    site.assert_same_as_clean_build(build)


def test_markdown_setting_change_is_not_served_from_the_content_cache(site: Site) -> None:
    """Pelican's content cache ignores settings; fast_build gives each set of settings its own."""
    markdown = {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.toc": {"permalink": "#"},
        },
        "output_format": "html5",
    }
    site.overrides["MARKDOWN"] = markdown
    build = site.build()
    pages = [page.read_text("utf-8") for page in build.output.rglob("index.html")]
    assert any('class="headerlink"' in page for page in pages)
    site.assert_same_as_clean_build(build)


def test_failed_build_leaves_the_site_and_drops_the_staging_folder(site: Site) -> None:
    good = site.build()
    before = site_files(good.output)
    broken = site.content / "articles" / "broken.md"
    broken.write_text("Title: Broken\nDate: 2012-13-45\n\nText.\n", encoding="utf-8")
    failed = run_build(
        site.workdir / "incremental",
        content=site.content,
        output=site.workdir / "incremental" / "output",
        overrides=site.overrides,
        env=REPRODUCIBLE,
    )
    assert failed.returncode == 1
    assert site_files(good.output) == before
    assert not good.output.with_name(".output.staging").exists()
    broken.unlink()
    site.assert_same_as_clean_build(site.build())
