"""The build writes .gz and .br copies beside every text file, identical once decompressed."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
from precompressed.compress import TEXT_SUFFIXES
from sitebuild import Build


def text_files(build: Build) -> list[Path]:
    return sorted(p for p in build.output.rglob("*") if p.suffix in TEXT_SUFFIXES)


def test_every_text_file_has_both_copies_with_the_same_bytes(busy_site: Build) -> None:
    files = text_files(busy_site)
    suffixes = {p.suffix for p in files}
    assert {".html", ".css", ".xml", ".txt", ".svg"} <= suffixes  # pages, CSS, feeds, robots
    for path in files:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path


def test_copies_are_smaller_and_only_of_text(busy_site: Build) -> None:
    page = busy_site.output / "index.html"
    assert page.with_name("index.html.br").stat().st_size < page.stat().st_size / 2
    copies = list(busy_site.output.rglob("*.gz")) + list(busy_site.output.rglob("*.br"))
    for copy in copies:
        assert Path(copy.name[:-3]).suffix in TEXT_SUFFIXES, copy
    assert not list(busy_site.output.rglob("*.gz.gz")) and not list(
        busy_site.output.rglob("*.br.br")
    )
