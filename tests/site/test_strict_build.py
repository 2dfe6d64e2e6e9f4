"""Warnings and errors fail the build, each with a readable line, and output/ is never half-done."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest
from sitebuild import ROOT, build_command, copy_content, run_build, start_build, write_article


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


def previous_site(tmp_path: Path) -> Path:
    """An output folder holding an earlier good build, which a failed build must not touch."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("earlier good build", encoding="utf-8")
    return output


# Notes that give a build more pages to write than its 4 KiB pipe holds lines of its verbose log
# (start_build): a build the test stops reading is held mid-way however fast the machine is.
NOTES = 100


def build_folders_left(folder: Path) -> list[Path]:
    """The staging and retired folders of a build (the lock file beside them stays)."""
    return [path for path in folder.glob(".output.*") if path.is_dir()]


def assert_named(log: str, expected: dict[str, str]) -> None:
    """Each case's line is in the log; a missing one is named by its case."""
    missing = [f"{case}: {line!r}" for case, line in expected.items() if line not in log]
    assert not missing, "not in the log: " + "; ".join(missing) + "\n" + log


def assert_only_these_problems(log: str, count: int) -> None:
    """strict-build counted exactly `count` problems: nothing else tripped on the bad files."""
    assert f"build failed: {count} warnings or errors above" in log, log


# One build reads all of these; each is one problem, named by its file (each was a build once).
SKIPPED_FILES = {  # case: (the file's text, the line that names it)
    "bad-date": (
        "Title: Broken\nDate: 2012-13-45\n\nText.\n",
        "articles/bad-date.md: '2012-13-45' is not a valid date",
    ),
    "no-title": ("Date: 2012-06-02\n\nText.\n", "no-title.md: no Title: line; add one at the top"),
    "no-date": ("Title: Undated\n\nText.\n", "no-date.md: no Date: line; add one at the top"),
    "empty": ("", "empty.md: no Title: line; add one at the top"),
    "unknown-status": (
        "Title: Broken\nDate: 2012-06-02\nStatus: garbage\n\nText.\n",
        "unknown-status.md: Status: 'garbage' is not one of published, hidden, draft; write one",
    ),
}


def test_a_skipped_file_is_the_only_problem_reported(tmp_path: Path, content: Path) -> None:
    """Pelican leaves a placeholder for a file it could not read; nothing else may trip on it,
    and the line says what to write. A bad date stops the build naming the file, and the
    earlier site stays."""
    for case, (text, _) in SKIPPED_FILES.items():
        write_article(content, f"{case}.md", text)
    output = previous_site(tmp_path)
    build = run_build(tmp_path, content=content, output=output)
    assert build.returncode == 1
    assert_named(build.log, {case: line for case, (_, line) in SKIPPED_FILES.items()})
    assert_only_these_problems(build.log, len(SKIPPED_FILES))
    assert "Traceback" not in build.log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"
    assert not build_folders_left(tmp_path)


def test_missing_plugin_stops_the_build(tmp_path: Path, content: Path) -> None:
    build = run_build(tmp_path, content=content, overrides={"PLUGINS": ["no_such_plugin"]})
    assert build.returncode == 1
    assert "no_such_plugin" in build.log
    assert not build.output.exists()


def test_a_clean_build_replaces_the_previous_output(tmp_path: Path, content: Path) -> None:
    output = previous_site(tmp_path)
    (output / "stale.html").write_text("gone after the next build", encoding="utf-8")
    build = run_build(tmp_path, content=content, output=output)
    assert build.returncode == 0, build.log
    assert "Latest posts" in (output / "index.html").read_text(encoding="utf-8")
    assert not (output / "stale.html").exists()


def broken_settings(tmp_path: Path, extra: str) -> Path:
    """pelicanconf.py with the owner's mistake appended; returns where it was written."""
    settings = tmp_path / "pelicanconf.py"
    original = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    settings.write_text(f"{original}\n{extra}\n", encoding="utf-8")
    return settings


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("import no_such_module", "No module named 'no_such_module'"),
        ("SITEURL = undefined_name", "name 'undefined_name' is not defined"),
        ("X = (", "'(' was never closed"),
    ],
    ids=["import", "name", "syntax"],
)
def test_a_mistake_in_the_settings_file_names_its_line(
    tmp_path: Path, content: Path, extra: str, reason: str
) -> None:
    settings = broken_settings(tmp_path, extra)
    line = len(settings.read_text(encoding="utf-8").splitlines())
    output = previous_site(tmp_path)
    build = run_build(tmp_path, content=content, output=output, settings=str(settings))
    assert build.returncode == 1
    assert f"{settings}:{line}:" in build.log and reason in build.log, build.log
    assert "Traceback" not in build.log and "-D for the full traceback" not in build.log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


def test_a_setting_of_the_wrong_type_is_named(tmp_path: Path, content: Path) -> None:
    settings = broken_settings(tmp_path, 'DEFAULT_PAGINATION = "ten"')
    output = previous_site(tmp_path)
    build = run_build(tmp_path, content=content, output=output, settings=str(settings))
    assert build.returncode == 1
    assert f"{settings}: DEFAULT_PAGINATION = 'ten'" in build.log, build.log
    assert "expected a number" in build.log
    assert "-D for the full traceback" not in build.log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


def test_an_interrupted_build_leaves_the_previous_site(tmp_path: Path, content: Path) -> None:
    """Ctrl-C while pages are being written: one line, the earlier site, no staging folder."""
    for number in range(NOTES):
        date = f"2013-{number % 12 + 1:02}-01"
        text = f"Title: Note {number}\nDate: {date}\nTags: t{number % 9}\n\nText.\n"
        write_article(content, f"notes/{number}.md", text)
    output = previous_site(tmp_path)
    command = build_command(tmp_path, content, output, arguments=("--verbose",))
    with start_build(command) as process:  # its small pipe holds it while the test is away
        assert process.stdout is not None
        for line in process.stdout:  # interrupt once the writing has started, no sooner
            if "Writing" in line:
                break
        process.send_signal(signal.SIGINT)
        log = process.stdout.read()
    assert process.returncode == 130, log
    assert "error: build interrupted" in log and "Traceback" not in log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"
    assert not build_folders_left(tmp_path)


@pytest.mark.parametrize("where", ["content", "parent", "theme"])
def test_an_output_folder_holding_the_sources_is_refused(
    tmp_path: Path, content: Path, where: str
) -> None:
    """Publishing swaps folders: into content/ or the project's own folder, it would move the
    owner's articles aside for the next build's sweep to delete."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    output = {"content": content, "parent": tmp_path, "theme": theme}[where]
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    build = run_build(tmp_path, content=content, output=output, overrides={"THEME": str(theme)})
    assert build.returncode == 1
    assert f"error: {output} cannot take the site: publishing there would replace " in build.log
    assert "choose another folder with -o" in build.log
    assert "Traceback" not in build.log
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path, content: Path) -> None:
    output = tmp_path / "output"
    output.write_text("the owner's notes", encoding="utf-8")
    build = run_build(tmp_path, content=content, output=output)
    assert build.returncode == 1
    assert f"error: {output} is a file, not a folder" in build.log, build.log
    assert output.read_text(encoding="utf-8") == "the owner's notes"
    assert not build_folders_left(tmp_path)


@pytest.mark.parametrize(
    ("files", "address", "named"),
    [
        (
            {"pages/mine.md": "Title: Our privacy\nSlug: privacy\n\nText.\n"},
            "privacy/index.html",
            ["pages/mine.md (slug 'privacy')", "a page the site generates"],
        ),
        (
            {"articles/dots.md": "Title: ?!...\nDate: 2012-06-02\n\nText.\n"},
            "2012/06/index.html",
            ["articles/dots.md (slug '')", "a page the site generates"],
        ),
        (
            {
                "articles/one.md": "Title: One\nDate: 2012-06-02\nSlug: same\n\nText.\n",
                "articles/two.md": "Title: Two\nDate: 2012-06-03\nSlug: same\n\nText.\n",
            },
            "2012/06/same/index.html",
            ["articles/one.md (slug 'same')", "articles/two.md (slug 'same')"],
        ),
    ],
    ids=["page-over-policy", "empty-slug-over-archive", "same-slug"],
)
def test_two_pages_at_one_address_are_both_named(
    tmp_path: Path, content: Path, files: dict[str, str], address: str, named: list[str]
) -> None:
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    output = previous_site(tmp_path)
    build = run_build(tmp_path, content=content, output=output)
    assert build.returncode == 1
    assert f"error: {address} is written twice, for " in build.log, build.log
    assert all(name in build.log for name in named), build.log
    assert "another Slug:" in build.log and "-D for the full traceback" not in build.log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


MISSING_FILE_LINKS = {  # case: (the link, as the line shows it)
    "filename": (
        "[the other post]({filename}/articles/nowhere.md)",
        "{filename}/articles/nowhere.md",
    ),
    "static": ("![a photo]({static}/images/nowhere.png)", "{static}/images/nowhere.png"),
    "static-relative": ("![a photo]({static}nowhere.png)", "{static}nowhere.png"),
}


def test_a_link_to_a_missing_file_names_the_page_it_is_in(tmp_path: Path, content: Path) -> None:
    for case, (link, _) in MISSING_FILE_LINKS.items():
        text = f"Title: Linking {case}\nDate: 2012-06-02\n\nSee {link}.\n"
        write_article(content, f"linking-{case}.md", text)
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    expected = {
        case: f"articles/linking-{case}.md: the link {shown} leads to no file"
        for case, (_, shown) in MISSING_FILE_LINKS.items()
    }
    assert_named(build.log, expected)
    assert_only_these_problems(build.log, len(MISSING_FILE_LINKS))


WITHOUT_LETTERS = {
    "category": ("Category: 🎉🎉", "Category: '🎉🎉'"),
    "tag": ("Tags: ok, ???", "Tags: '???'"),
}


def test_a_category_or_tag_without_letters_fails_every_build(tmp_path: Path, content: Path) -> None:
    """Its empty address is found when the file is first read; the content cache then keeps the
    parsed file, and a second build used to publish category/index.html without a word."""
    for case, (field, _) in WITHOUT_LETTERS.items():
        write_article(
            content,
            f"party-{case}.md",
            f"Title: Party {case}\nDate: 2012-06-02\n{field}\n\nText.\n",
        )
    output = previous_site(tmp_path)
    for _ in range(2):
        build = run_build(tmp_path, content=content, output=output)
        assert build.returncode == 1, build.log
        expected = {
            case: f"articles/party-{case}.md: {shown} has no letters or digits"
            for case, (_, shown) in WITHOUT_LETTERS.items()
        }
        assert_named(build.log, expected)
        assert_only_these_problems(build.log, len(WITHOUT_LETTERS))
        assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


def test_a_warning_met_while_reading_a_file_fails_the_next_build_too(
    tmp_path: Path, content: Path
) -> None:
    """Pelican caches what it read of a file; a failed build must not keep what hid a warning."""
    text = "Title: Twice dated\nDate: 2012-06-02\nDate: 2012-06-03\n\nText.\n"
    write_article(content, "twice.md", text)
    output = previous_site(tmp_path)
    for _ in range(2):
        build = run_build(tmp_path, content=content, output=output)
        assert build.returncode == 1, build.log
        assert "Duplicate definition of `date`" in build.log and "twice.md" in build.log
        assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


def test_a_missing_template_is_named_with_the_file_that_asks_for_it(
    tmp_path: Path, content: Path
) -> None:
    """It stops the build, writing nothing, with a line for each file that asks for it."""
    folders = ("articles", "pages")
    for folder in folders:
        (content / folder / "odd.md").write_text(
            f"Title: Odd {folder}\nDate: 2012-06-02\nTemplate: nowhere\n\nText.\n",
            encoding="utf-8",
        )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    expected = "odd.md: Template: 'nowhere': the theme has no nowhere.html"
    assert_named(build.log, {folder: f"{folder}/{expected}" for folder in folders})
    assert_only_these_problems(build.log, len(folders))
    assert "Traceback" not in build.log
    assert not build.output.exists()


FIELDS_GIVEN_TWICE = {
    "title": "Title: One\nTitle: Two",
    "template": "Title: Template twice\nTemplate: article\nTemplate: page",
    "lang": "Title: Lang twice\nLang: en\nLang: de",
}


def test_a_field_given_twice_is_named(tmp_path: Path, content: Path) -> None:
    """Pelican made a list of them: a published title of "['One', 'Two']", or a crash."""
    for name, fields in FIELDS_GIVEN_TWICE.items():
        write_article(content, f"{name}-twice.md", f"{fields}\nDate: 2012-06-02\n\nText.\n")
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    articles = content / "articles"
    assert_named(
        build.log,
        {
            n: f"Duplicate definition of `{n}` for {articles}/{n}-twice.md"
            for n in FIELDS_GIVEN_TWICE
        },
    )
    assert_only_these_problems(build.log, len(FIELDS_GIVEN_TWICE))


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path, content: Path) -> None:
    (content / "articles" / "latin.md").write_bytes(
        "Title: Cafe\nDate: 2012-06-02\n\nNaïve text.\n".encode("latin-1")
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    assert "articles/latin.md: line 4 is not UTF-8 (byte 0xef); save the file as UTF-8" in build.log
    assert "build failed: 1 warning or error above" in build.log, build.log


def test_a_second_build_into_the_same_folder_waits_its_turn(tmp_path: Path) -> None:
    """Two builds shared one staging folder: both said "Published" over a site missing pages."""
    content = copy_content(tmp_path / "content")
    for number in range(NOTES):
        date = f"2013-{number % 12 + 1:02}-01"
        write_article(content, f"notes/{number}.md", f"Title: Note {number}\nDate: {date}\n\nA.\n")
    output = tmp_path / "output"
    command = build_command(tmp_path, content, output, arguments=("--verbose",))
    with start_build(command) as first:  # held mid-build by its small pipe until read again
        assert first.stdout is not None
        for line in first.stdout:
            if "Writing" in line:
                break
        second = run_build(tmp_path / "second", content=content, output=output)
        log = first.stdout.read()
    assert second.returncode == 1
    assert f"error: another build into {output} is running; wait for it" in second.log
    assert first.returncode == 0, log
    assert len(list(output.glob("2013/*/note-*/index.html"))) == NOTES


@pytest.mark.parametrize(
    ("name", "mistake", "reason"),
    [
        ("article.html", "{% if %}", "Expected an expression"),
        ("article.html", "{{ article.title.nope() }}", "has no attribute 'nope'"),
        ("base.html", "{% if %}", "Expected an expression"),  # read first by fast_build
    ],
    ids=["syntax", "runtime", "syntax-in-base"],
)
def test_a_mistake_in_a_template_names_its_file_and_line(
    tmp_path: Path, content: Path, name: str, mistake: str, reason: str
) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / name
    lines = template.read_text(encoding="utf-8").splitlines()
    lines[3] = "{% block title %}" + mistake + "{% endblock %}"  # line 4, in every article
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = previous_site(tmp_path)
    build = run_build(tmp_path, content=content, output=output, overrides={"THEME": str(theme)})
    assert build.returncode == 1
    assert f"error: {template}:4: " in build.log and reason in build.log, build.log
    assert "-D for the full traceback" not in build.log
    assert (output / "index.html").read_text(encoding="utf-8") == "earlier good build"


def test_a_content_folder_that_does_not_exist_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "contnet"
    build = run_build(tmp_path, content=missing)
    assert build.returncode == 1
    assert f"error: {missing}: there is no such folder to read the content from" in build.log
    assert "settings file" not in build.log, build.log


IMAGES_NOT_IN_THE_SITE = {  # case: (the image, as the line shows it)
    "root": ("![a photo](/images/nowhere.png)", "/images/nowhere.png"),
    "relative": ("![a photo](nowhere.png)", "nowhere.png"),
}


def test_an_image_that_is_not_in_the_site_names_the_page_it_is_in(
    tmp_path: Path, content: Path
) -> None:
    """Written without {static}, Pelican does not look for it and the page shows a broken image."""
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "kept.png").write_bytes(b"\x89PNG\r\n")
    for case, (markdown, _) in IMAGES_NOT_IN_THE_SITE.items():
        text = f"Title: Pictures {case}\nDate: 2012-06-02\n\n![kept](/images/kept.png) {markdown}\n"
        write_article(content, f"pictures-{case}.md", text)
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    expected = {
        case: f"articles/pictures-{case}.md: the image {shown} is not in the site"
        for case, (_, shown) in IMAGES_NOT_IN_THE_SITE.items()
    }
    assert_named(build.log, expected)
    assert "kept.png" not in build.log
    assert_only_these_problems(build.log, len(IMAGES_NOT_IN_THE_SITE))


def test_an_output_folder_holding_other_files_is_refused(tmp_path: Path, content: Path) -> None:
    """Publishing swaps folders: the owner's files would go aside, and the next build's sweep
    would delete them."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "taxes.txt").write_text("keep me", encoding="utf-8")
    build = run_build(tmp_path, content=content, output=documents)
    assert build.returncode == 1
    assert f"error: {documents} holds files but no site" in build.log, build.log
    assert (documents / "taxes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(path.name for path in documents.iterdir()) == ["taxes.txt"]
    assert not build_folders_left(tmp_path)
