"""A damaged export gets one clear line with its line number, and content/ is left untouched."""

from __future__ import annotations

import gzip
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from redirects.table import load_redirects
from sitebuild import Build, copy_content, run_build
from wxrtools import FIXTURE, minimal_wxr, post, run_import, snapshot


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder whose content/ already holds the owner's work."""
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "mine.md").write_text("Title: Mine\nDate: 2020-01-01\n\nMy own post.\n")
    return tmp_path


def assert_refused(result, site: Path, before: dict[str, bytes], *expected: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0]
    assert snapshot(site / "content") == before
    assert not (site / "wordpress-import-report.md").exists()
    assert not list(site.glob(".wp-import-*")), "the staging folder was left behind"
    return lines[0]


def test_truncated_export_names_its_line_and_writes_nothing(site: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    cut = text[: text.index("<title><![CDATA[The week in video]]>") + 40]
    export = site / "cut.xml"
    export.write_text(cut, encoding="utf-8")
    before = snapshot(site / "content")
    last_line = cut.count("\n") + 1  # where the text stops
    assert_refused(run_import(export, cwd=site), site, before, f"cut.xml:{last_line}:", "cut short")


def test_broken_markup_names_its_line(site: Path) -> None:
    items = post(1) + post(2).replace("</title>", "</titel>", 1)
    export = site / "broken.xml"
    export.write_text(minimal_wxr(items), encoding="utf-8")
    before = snapshot(site / "content")
    line = assert_refused(run_import(export, cwd=site), site, before, "not well-formed")
    broken_line = (
        minimal_wxr(items)
        .splitlines()
        .index(next(ln for ln in minimal_wxr(items).splitlines() if "</titel>" in ln))
    )
    assert f"broken.xml:{broken_line + 1}:" in line


def test_undefined_html_entity_outside_cdata_is_named(site: Path) -> None:
    export = site / "entity.xml"
    export.write_text(minimal_wxr(post(1)).replace("<title>Test blog", "<title>Caf&eacute;"))
    before = snapshot(site / "content")
    assert_refused(run_import(export, cwd=site), site, before, "eacute", "entity.xml:")


def test_a_bad_date_names_the_post_and_line(site: Path) -> None:
    text = minimal_wxr(post(1) + post(2, title="Broken date", date="2012-13-45 10:00:00"))
    export = site / "date.xml"
    export.write_text(text)
    before = snapshot(site / "content")
    line_no = next(i for i, ln in enumerate(text.splitlines(), 1) if "2012-13-45" in ln)
    assert_refused(
        run_import(export, cwd=site),
        site,
        before,
        f"date.xml:{line_no}:",
        "“Broken date”",
        "YYYY-MM-DD HH:MM:SS",
    )


def test_a_post_id_that_is_not_a_number_is_named(site: Path) -> None:
    text = minimal_wxr(post(1).replace("<wp:post_id>1<", "<wp:post_id>one<"))
    export = site / "id.xml"
    export.write_text(text)
    before = snapshot(site / "content")
    line_no = next(i for i, ln in enumerate(text.splitlines(), 1) if "<item>" in ln)
    assert_refused(run_import(export, cwd=site), site, before, f"id.xml:{line_no}:", "“one”")


def test_a_plain_rss_feed_is_not_taken_for_an_export(site: Path) -> None:
    export = site / "feed.xml"
    export.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>y</title></item></channel></rss>"
    )
    before = snapshot(site / "content")
    assert_refused(run_import(export, cwd=site), site, before, "not a WordPress export")


def test_a_doctype_with_entities_is_refused(site: Path) -> None:
    text = minimal_wxr(post(1, content="&boom;")).replace(
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE rss [<!ENTITY boom "x">]>',
    )
    export = site / "dtd.xml"
    export.write_text(text)
    before = snapshot(site / "content")
    assert_refused(run_import(export, cwd=site), site, before, "DOCTYPE")


def test_a_missing_export_is_one_line(site: Path) -> None:
    before = snapshot(site / "content")
    assert_refused(run_import(site / "nope.xml", cwd=site), site, before, "nope.xml", "cannot read")


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    first = run_import(FIXTURE, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    article = tmp_path / "content" / "articles" / "the-week-in-video.md"
    article.write_text("Title: Edited by the owner\n\nKeep me.\n")
    before = snapshot(tmp_path / "content")
    again = run_import(FIXTURE, cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr and "already exists" in again.stderr
    assert snapshot(tmp_path / "content") == before
    forced = run_import(FIXTURE, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "Three videos we liked" in article.read_text()


def test_a_failure_while_moving_into_place_puts_everything_back(tmp_path: Path) -> None:
    """articles/ is a file here, so writing an article fails after the pages were moved in."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "articles").write_text("not a folder")
    before = snapshot(content)
    result = run_import(FIXTURE, cwd=tmp_path)
    assert result.returncode == 2
    assert "nothing was changed" in result.stderr
    assert snapshot(content) == before
    assert not (content / "pages").exists()


def test_slugs_that_are_paths_stay_inside_content(tmp_path: Path) -> None:
    """A hand-edited or hostile wp:post_name may not write outside content/articles or pages."""
    site = tmp_path / "site"
    site.mkdir()
    export = tmp_path / "paths.xml"
    items = (
        post(1, title="Escape", slug="../../escape")
        + post(2, title="Encoded", slug="..%2F..%2Fencoded")
        + post(3, title="Nested", slug="/nested/page", post_type="page")
        + post(4, title="Back slash", slug="back\\slash")
        + post(5, title="Dots", slug="..")
    )
    export.write_text(minimal_wxr(items), encoding="utf-8")
    result = run_import(export, cwd=site)
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert written == [
        "content/articles/back-slash.md",
        "content/articles/dots.md",
        "content/articles/encoded.md",
        "content/articles/escape.md",
        "content/pages/nested-page.md",
        "content/redirects.yml",
        "wordpress-import-report.md",
    ]
    report = (site / "wordpress-import-report.md").read_text(encoding="utf-8")
    assert "“../../escape” cannot be a file name here; it is “escape” now" in report
    # The table of old addresses is one the redirects plugin accepts.
    sources = [r.source for r in load_redirects(site / "content" / "redirects.yml")]
    assert "/?p=1" in sources and not any(".." in s or "\\" in s for s in sources)


def test_a_content_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    """The staging folder goes beside content/; when that place is unusable, say so."""
    (tmp_path / "notes.txt").write_text("the owner's file\n")
    before = snapshot(tmp_path)
    result = run_import(FIXTURE, "--content", "notes.txt/content", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"wp-import: error: {tmp_path / 'notes.txt'}: could not write the import (File exists); "
        "nothing was changed"
    ]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "report", ["content/redirects.yml", "content/pages/about.md", "export.xml"]
)
def test_a_report_path_that_is_one_of_the_import_files_is_refused(
    tmp_path: Path, report: str
) -> None:
    """Otherwise the report silently takes the place of the redirect table, a page or the export."""
    export = tmp_path / "export.xml"
    export.write_bytes(FIXTURE.read_bytes())
    before = snapshot(tmp_path)
    result = run_import(export, "--report", report, "--force", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"wp-import: error: --report {report}: ")
    assert snapshot(tmp_path) == before


def test_old_addresses_with_and_without_a_final_slash_are_one_entry(tmp_path: Path) -> None:
    """/x and /x/ are one page to the redirects plugin, so the table lists the address once."""
    sources = imported_sources(tmp_path, post(1, slug="no-slash"), "2012/06/28/no-slash")
    assert "/2012/06/28/no-slash" in sources and "/2012/06/28/no-slash/" not in sources


def imported_sources(tmp_path: Path, item: str, old_path: str) -> list[str]:
    """The old addresses wp-import lists for `item`, its permalink replaced by `old_path`."""
    permalink = "<link>https://blog.example/2012/06/"
    item = re.sub(f"{permalink}[^<]*</link>", f"{permalink[:-8]}{old_path}</link>", item)
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(item), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return [r.source for r in load_redirects(tmp_path / "content" / "redirects.yml")]


def test_a_post_without_a_known_status_is_a_draft_and_the_report_says_why(tmp_path: Path) -> None:
    no_status = post(1, title="No status").replace("<wp:status><![CDATA[publish]]></wp:status>", "")
    items = no_status + post(2, title="Pitched", status="pitch")
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(items), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("post-1", "post-2"):
        text = (tmp_path / "content" / "articles" / f"{name}.md").read_text(encoding="utf-8")
        assert "\nStatus: draft\n" in text
    report = (tmp_path / "wordpress-import-report.md").read_text(encoding="utf-8")
    assert "### “No status” → content/articles/post-1.md\n- had no wp:status" in report
    assert "### “Pitched” → content/articles/post-2.md\n- had WordPress status “pitch”" in report


def test_blank_lines_before_the_xml_declaration_are_tolerated(tmp_path: Path) -> None:
    """A theme or plugin that prints blank lines puts them before <?xml in every export WordPress
    writes, so exporting again cannot help; the lines of later complaints stay right."""
    text = "\n\n  \r\n" + minimal_wxr(post(1) + post(2, title="Broken date", date="2012-13-45"))
    export = tmp_path / "blank.xml"
    export.write_text(text, encoding="utf-8", newline="")
    line_no = next(i for i, ln in enumerate(text.splitlines(), 1) if "2012-13-45" in ln)
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 2
    assert f"blank.xml:{line_no}: “Broken date” has wp:post_date" in result.stderr
    export.write_text(text.replace("2012-13-45", "2012-12-24 10:00:00"), "utf-8", newline="")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content" / "articles" / "post-2.md").is_file()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b" \n\n", "the file is empty"),
        (gzip.compress(FIXTURE.read_bytes()), "gzip-compressed; unpack it"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip archive; unzip it"),
        (b"<!DOCTYPE html>\n<html><body><form>Log in<br></form></body></html>", "web page"),
        (b"\n<HTML><head><title>Error</title></head><body><p>Oops</body></HTML>", "web page"),
    ],
    ids=["empty", "blank", "gzip", "zip", "login-page", "error-page"],
)
def test_a_file_that_is_no_xml_at_all_says_what_it_is(site: Path, data: bytes, words: str) -> None:
    """'Not well-formed XML; export again' does not help with these: say what to do instead."""
    export = site / "export.xml"
    export.write_bytes(data)
    before = snapshot(site / "content")
    line = assert_refused(run_import(export, cwd=site), site, before, words)
    assert line.startswith(f"wp-import: error: {export}: ")


def test_utf8_text_declared_as_latin1_is_not_imported_garbled(site: Path) -> None:
    """WordPress writes its blog_charset setting into the declaration; when that says ISO-8859-1
    but the database holds UTF-8, every accent would arrive as mojibake (Café as CafÃ©)."""
    text = minimal_wxr(post(1, title="Café")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    export = site / "charset.xml"
    export.write_bytes(text.encode("utf-8"))
    before = snapshot(site / "content")
    line = assert_refused(run_import(export, cwd=site), site, before, "charset.xml:1: ")
    assert 'encoding="ISO-8859-1"' in line and 'encoding="UTF-8"' in line
    export.write_bytes(text.encode("latin-1"))  # the same export, truly in ISO-8859-1
    result = run_import(export, cwd=site)
    assert result.returncode == 0, result.stderr
    assert "Title: Café\n" in (site / "content" / "articles" / "post-1.md").read_text("utf-8")


def test_a_name_too_long_for_the_disk_is_one_line(site: Path) -> None:
    before = snapshot(site / "content")
    result = run_import(FIXTURE, "--report", "r" * 300 + ".md", cwd=site)
    line = assert_refused(result, site, before, "File name too long")
    assert line.startswith("wp-import: error: rrrr")


def test_an_overlong_slug_or_title_still_gives_a_file(tmp_path: Path) -> None:
    """WordPress keeps slugs to 200 bytes; a hand-made export may not, and a file name on disk
    may have 255 at most, so a longer slug is shortened (and the report says so)."""
    items = post(1, title="Long slug", slug="word-" * 60) + post(2, title="x" * 400, slug="")
    items += post(3, title="Cyrillic", slug="%d0%bf" * 150)
    export = tmp_path / "long.xml"
    export.write_text(minimal_wxr(items), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = [p.name for p in (tmp_path / "content" / "articles").iterdir()]
    assert len(names) == 3 and all(len(n.encode()) <= 203 for n in names), names
    report = (tmp_path / "wordpress-import-report.md").read_text(encoding="utf-8")
    assert "“" + "word-" * 60 + "” cannot be a file name here; it is “word-word" in report


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "the following arguments are required: export"),
        ((FIXTURE, "--posts-per-page", "x"), "--posts-per-page: invalid int value: 'x'"),
        ((FIXTURE, "--format", "json"), "unrecognized arguments: --format json"),
        (("",), "argument export: expected a path, got nothing"),
        ((FIXTURE, "--content", ""), "argument --content: expected a path, got nothing"),
        ((FIXTURE, "--report", " "), "argument --report: expected a path, got nothing"),
    ],
    ids=["no-export", "bad-number", "unknown-option", "empty-export", "empty-content", "blank"],
)
def test_bad_usage_is_one_line(site: Path, args: tuple, words: str) -> None:
    """An empty path (an unset variable in a script) would mean the current folder."""
    before = snapshot(site)
    result = run_import(*args, cwd=site)
    line = assert_refused(result, site, snapshot(site / "content"), words)
    assert line.startswith("wp-import: error: ") and line.endswith("(see wp-import --help)")
    assert snapshot(site) == before


def test_a_post_over_ten_megabytes_is_imported(tmp_path: Path) -> None:
    """An image pasted into the classic editor stays in the post as a data: URI; libxml2's
    default 10 MB limit on one text refused the export as 'damaged', and exporting again gives
    the same file."""
    pasted = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 1_000_000 + '" alt="Shop">'
    export = tmp_path / "big.xml"
    export.write_text(minimal_wxr(post(1, content=pasted)), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "content" / "articles" / "post-1.md").read_text(encoding="utf-8")
    assert "iVBORw0KGgo" * 1_000_000 in text


def test_an_unknown_wxr_version_is_named_as_such(site: Path) -> None:
    export = site / "v2.xml"
    export.write_text(minimal_wxr(post(1)).replace("/export/1.2/", "/export/2.0/"), "utf-8")
    before = snapshot(site / "content")
    line = assert_refused(run_import(export, cwd=site), site, before, "WXR 2.0", "reads WXR 1.x")
    assert "not a WordPress export" not in line


NEWS = '<category domain="category" nicename="news"><![CDATA[News]]></category>'
# Names Pelican makes no address from ('???', '!!!', '🙂'): the build failed on an import that had
# gone through.
NO_LETTERS = (
    '<category domain="category" nicename="questions"><![CDATA[???]]></category>'
    '<category domain="post_tag" nicename="bang"><![CDATA[!!!]]></category>'
)
SMILING_ADMIN = (
    "<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login>"
    "<wp:author_display_name><![CDATA[🙂]]></wp:author_display_name></wp:author>"
)
# Pelican splits Tags: on commas, so 'Smith, John' became two tags and the redirect from
# /tag/smith-john/ named a tag page the site did not have: the build failed.
SMITH = '<category domain="post_tag" nicename="smith-john"><![CDATA[Smith, John]]></category>'
IDEAS = '<category domain="post_tag" nicename="ideas"><![CDATA[Ideas]]></category>'
# WordPress lets an administrator put HTML in a title; the theme prints a title as it is, so a
# script in one ran on every page listing the post (the guard then failed the build).
HTML_TITLE = (
    "&lt;script src=&quot;https://t.example/x.js&quot;&gt;&lt;/script&gt;"
    "Fish &amp; Chips &lt;b&gt;bold&lt;/b&gt;"
)
# A WordPress page at /2012/, /tags/ or /authors/ (or a hand-made index.html) took the address of
# the site's own year archive, list or file, and the build failed after import.
SITE_ADDRESSES = [
    "2012",
    "categories",
    "tags",
    "authors",
    "index.html",
    "robots.txt",
    "sitemap.xml",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    """Every case below in one export, imported into a copy of the kit's content and built as
    `make html` does (one build for the module): the build passes, and the report."""
    items = (
        post(1).replace(NEWS, NO_LETTERS)
        + post(2).replace(NEWS, NEWS + SMITH + IDEAS)
        + post(3).replace(NEWS, NEWS + SMITH)
        + post(4, slug="").replace(
            "<title><![CDATA[A post]]></title>", f"<title>{HTML_TITLE}</title>"
        )
        + "".join(
            post(number, slug=slug, title=f"Old {slug}", post_type="page").replace(
                f"/2012/06/{slug}/</link>",
                f"/?page_id={number}</link>",  # plain permalinks: a page is /?page_id=N
            )
            for number, slug in enumerate(SITE_ADDRESSES, 10)
        )
    )
    folder = tmp_path_factory.mktemp("imported")
    content = copy_content(folder / "content")
    export = folder / "export.xml"
    export.write_text(minimal_wxr(items, channel_extra=SMILING_ADMIN), encoding="utf-8")
    result = run_import(export, "--content", content, cwd=folder)
    assert result.returncode == 0, result.stderr
    build = run_build(folder, content=content)
    assert build.returncode == 0, build.log
    return build, (folder / "wordpress-import-report.md").read_text(encoding="utf-8")


def test_names_without_a_letter_or_digit_take_the_wordpress_slug(built: tuple[Build, str]) -> None:
    build, report = built
    assert build.page("/category/questions/") and build.page("/tag/bang/")
    assert build.page("/author/admin/")
    assert "category “???” has no letter or digit for an address; it is “questions” here" in report
    assert "author “🙂” has no letter or digit for an address; it is “admin” here" in report


def test_a_tag_with_a_comma_stays_one_tag(built: tuple[Build, str]) -> None:
    build, _ = built
    assert build.page("/tag/smith-john/") and build.page("/tag/ideas/")
    assert not build.file_for("/tag/smith/").exists()


def test_html_in_a_title_becomes_text(built: tuple[Build, str]) -> None:
    build, report = built
    article = build.content / "articles" / "fish-chips-bold.md"
    assert article.read_text(encoding="utf-8").startswith("Title: Fish & Chips bold\n")
    assert "its title held HTML, which a title here does not render" in report
    assert "t.example" not in "".join(p.read_text() for p in build.html_files())


def test_pages_do_not_take_the_addresses_the_site_writes(built: tuple[Build, str]) -> None:
    build, report = built
    assert build.page("/2012-page/").h1.get_text() == "Old 2012"
    assert build.page("/authors-page/").h1.get_text() == "Old authors"
    assert "its address “tags” is taken here; it is “tags-page” now" in report


def test_a_report_on_another_disk_is_written(tmp_path: Path) -> None:
    """A rename cannot cross disks or mounts (a tmpfs /tmp, content/ as a Docker volume), and all
    files were staged beside content/: the import failed naming its own staging file."""
    other_disk = Path("/dev/shm")
    if not other_disk.is_dir() or other_disk.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("needs /dev/shm on another file system than the test's folder")
    report = Path(tempfile.mkdtemp(dir=other_disk)) / "report.md"
    try:
        result = run_import(FIXTURE, "--report", report, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert report.read_text(encoding="utf-8").startswith("# WordPress import report")
        assert (tmp_path / "content" / "articles" / "the-week-in-video.md").is_file()
        assert not list(tmp_path.glob(".wp-import-*")) and not list(report.parent.glob(".wp-*"))
    finally:
        shutil.rmtree(report.parent)


def test_a_content_path_that_is_a_file_is_named_as_such(site: Path) -> None:
    (site / "notes.md").write_text("the owner's notes\n")
    before = snapshot(site)
    result = run_import(FIXTURE, "--content", "notes.md", cwd=site)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "wp-import: error: --content notes.md: is a file; expected the site's content folder"
    ]
    assert snapshot(site) == before


def test_files_to_copy_stay_inside_content(tmp_path: Path) -> None:
    """The report tells the owner where to copy each file a post uses; an image URL with ..
    in it (plain, %-encoded or with backslashes, which browsers read as slashes) named a place
    outside content/."""
    images = "".join(
        f'<img src="https://blog.example/wp-content/uploads/{climb}x{n}.png" alt="">'
        for n, climb in enumerate(["../../../../", "%2e%2e/%2E%2E/%2e%2e/", "..\\..\\..\\"])
    )
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(post(1, content=images)), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    content = (tmp_path / "content").resolve()
    destinations = [
        Path(line.split(" → ")[1].split(" (used by")[0])
        for line in result.stdout.splitlines()
        if line.startswith("- https://") and " → " in line
    ]
    assert len(destinations) == 3
    for destination in destinations:
        assert (tmp_path / destination).resolve().is_relative_to(content), destination


def test_old_addresses_with_control_characters_are_left_out(tmp_path: Path) -> None:
    """A browser sends %0A as it is; a redirect page or server rule cannot hold a line break."""
    sources = imported_sources(tmp_path, post(1), "2012/06/post%0A1/")
    assert "/?p=1" in sources and not any("\n" in source for source in sources)


def test_an_entity_bomb_is_refused_for_its_doctype(site: Path) -> None:
    """libxml2 stops the 'billion laughs' itself; the owner should read why the file is refused,
    not that it may be cut short and should be exported again."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdef", "bcdefg", strict=True)
    )
    export = site / "bomb.xml"
    export.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [{entities}]>\n<rss><channel><title>&g;</title>'
        "</channel></rss>\n"
    )
    before = snapshot(site / "content")
    line = assert_refused(run_import(export, cwd=site), site, before, "DOCTYPE")
    assert "cut short" not in line


def test_a_creator_who_is_no_author_is_matched_or_named(tmp_path: Path) -> None:
    """The Theme Unit Test has a post by “>themereviewteam”: its own author page took the old
    address of the real author's archive, /author/themereviewteam/."""
    author = (
        "<wp:author><wp:author_login>admin</wp:author_login>"
        "<wp:author_display_name>Ana Lima</wp:author_display_name></wp:author>"
    )
    items = post(1).replace("[admin]", "[>admin]") + post(2).replace("[admin]", "[ghost]")
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(items, channel_extra=author), encoding="utf-8")
    result = run_import(export, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    articles = tmp_path / "content" / "articles"
    assert "\nAuthor: Ana Lima\n" in (articles / "post-1.md").read_text(encoding="utf-8")
    assert "\nAuthor: ghost\n" in (articles / "post-2.md").read_text(encoding="utf-8")
    assert "its author “>admin” is no author of the export; it is “admin”" in result.stdout
    assert "its author “ghost” is none of the export's authors; kept as written" in result.stdout
