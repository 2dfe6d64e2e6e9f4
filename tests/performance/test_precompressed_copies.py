"""The build writes .gz and .br copies beside every text file, identical once decompressed."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
from precompressed.compress import TEXT_SUFFIXES
from sitebuild import ROOT, Build, copy_content, run_build
from warmpython import run_module


def text_files(build: Build) -> list[Path]:
    return sorted(p for p in build.output.rglob("*") if p.suffix in TEXT_SUFFIXES)


def assert_current_copies(build: Build, leave_out: tuple[str, ...] = ()) -> None:
    for path in text_files(build):
        if path.name in leave_out:
            continue
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path


def copies(build: Build) -> list[Path]:
    return list(build.output.rglob("*.gz")) + list(build.output.rglob("*.br"))


def test_every_text_file_has_both_copies_with_the_same_bytes(busy_site: Build) -> None:
    suffixes = {p.suffix for p in text_files(busy_site)}
    assert {".html", ".css", ".xml", ".txt", ".svg"} <= suffixes  # pages, CSS, feeds, robots
    assert_current_copies(busy_site)


def test_development_builds_make_no_copies_and_drop_those_left_before(tmp_path: Path) -> None:
    """pelicanconf.py turns copies off: no stale copy may survive beside a page that changed."""
    content = copy_content(tmp_path / "content")

    def build(**overrides: object) -> Build:
        done = run_build(tmp_path, content=content, overrides=overrides)
        assert done.returncode == 0, done.log
        return done

    assert copies(build(PRECOMPRESSED=True))
    # Twice: the second development build goes into the half that the first build filled.
    for _ in range(2):
        assert not copies(build(SITESUBTITLE="Every page changes"))
    assert_current_copies(build(PRECOMPRESSED=True))


def test_copies_are_smaller_and_only_of_text(busy_site: Build) -> None:
    page = busy_site.output / "index.html"
    assert page.with_name("index.html.br").stat().st_size < page.stat().st_size / 2
    for copy in copies(busy_site):
        assert Path(copy.name[:-3]).suffix in TEXT_SUFFIXES, copy
    assert not list(busy_site.output.rglob("*.gz.gz")) and not list(
        busy_site.output.rglob("*.br.br")
    )


def test_a_plain_pelican_build_makes_current_copies_too(tmp_path: Path) -> None:
    """No strict-build: the copies are made on Pelican's own `finalized` signal, after the redirect
    pages and the guard's report page are written (`python -m pelican`, forked warm)."""
    content = copy_content(tmp_path / "content")
    output = tmp_path / "output"
    # The example shop is all placeholders: publishing it is refused unless a test says so.
    overrides = [f'CACHE_PATH="{tmp_path / "cache"}"', "PLACEHOLDERS_REFUSE=false"]
    settings = ["-s", str(ROOT / "publishconf.py"), "-e", *overrides]
    done = run_module("pelican", [str(content), "-o", str(output), *settings], cwd=ROOT)
    build = Build(done.returncode, done.stdout, done.stderr, content, output)
    assert build.returncode == 0, build.log
    assert (output / "privacy" / "report" / "index.html.br").is_file()
    # pelican-sitemap writes sitemap.xml on `finalized` too, in blinker's order: only strict
    # builds, which check every file again before publishing, promise its copies.
    assert_current_copies(build, leave_out=("sitemap.xml",))
