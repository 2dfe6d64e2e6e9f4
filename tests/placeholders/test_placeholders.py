"""Placeholders cannot go live: make html lists each one and builds, make publish refuses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from declaration.yaml_source import read_source
from placeholders import EXAMPLE_VALUES, find_placeholders
from placeholders.scan import (
    KIT_EXAMPLES,
    MARK,
    example_in,
    in_content,
    in_settings,
    text_fingerprint,
)
from sitebuild import (
    EXAMPLE_SITE,
    KIT_SETTINGS,
    OTHER_SITE,
    ROOT,
    Build,
    build_command,
    copy_content,
    run_build,
)

EXAMPLE_DECLARATION = EXAMPLE_SITE / "privacy.yml"
POST = "what-your-customers-keep-telling.md"
# What a build of the example shop lists: its declaration's, the kit's tagline, its post and page.
ALL_OF_THE_EXAMPLE = find_placeholders(EXAMPLE_DECLARATION, [KIT_SETTINGS], EXAMPLE_SITE)


def test_every_marked_value_of_the_example_is_found_with_its_line() -> None:
    found = {p.field: p for p in find_placeholders(EXAMPLE_DECLARATION)}
    lines = EXAMPLE_DECLARATION.read_text(encoding="utf-8").splitlines()
    marked = [number for number, line in enumerate(lines, start=1) if MARK.search(line)]
    assert sorted(p.line for p in found.values()) == marked
    name = found["site.name"]
    assert (name.line, name.value) == (lines.index("site:") + 2, "Example Shop")
    assert str(found["controller.register.number"]).endswith(
        "controller.register.number: 'HRB 00000' is the kit's example"
    )


def test_the_example_values_are_those_of_the_example_declaration() -> None:
    """Every distinctive value of the example (its names, numbers, hosts) is known, and every
    known value is one of the example's."""
    source = read_source(EXAMPLE_DECLARATION)
    text = EXAMPLE_DECLARATION.read_text(encoding="utf-8")
    for value in EXAMPLE_VALUES:
        assert value.lower() in text.lower(), value
    for loc, line in source.lines.items():
        value = source.data
        for part in loc:
            value = value[part]
        distinctive = isinstance(value, str) and ("xample" in value or "0000" in value)
        if distinctive and MARK.search(text.splitlines()[line - 1]):
            assert example_in(value), f"{loc}: {value} is not among EXAMPLE_VALUES"


def test_another_business_has_none() -> None:
    assert find_placeholders(OTHER_SITE / "privacy.yml", [], OTHER_SITE) == []


def test_an_example_value_left_in_a_page_or_an_unmarked_line_is_found(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "about.md"
    page.parent.mkdir(parents=True)
    page.write_text("Title: About\n\nWe used to be example shop gmbh.\n", encoding="utf-8")
    [found] = in_content(tmp_path)
    assert (found.line, found.field, found.value) == (3, "text", "example shop")
    declaration = tmp_path / "privacy.yml"
    text = (OTHER_SITE / "privacy.yml").read_text(encoding="utf-8")
    declaration.write_text(text.replace("bread@harbourside-loaf.test", "x@example-shop.test"))
    assert {p.field for p in find_placeholders(declaration)} == {
        "controller.email",
        "rights.channels[0].value",
        "rights.complaint_procedure.channels[0].value",
    }


def test_every_example_value_of_a_line_is_listed(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "Title: A\n\nExample Shop GmbH · Examplestraße 1 · example-shop.test\n", encoding="utf-8"
    )
    assert [(p.line, p.value) for p in in_content(tmp_path)] == [
        (3, "Example Shop"),
        (3, "Examplestraße"),
        (3, "example-shop.test"),
    ]


def test_a_file_is_searched_alike_whether_ascii_or_not(tmp_path: Path) -> None:
    """ASCII text takes a plain lowered search; it finds what the case-insensitive regex finds."""
    lines = ["EXAMPLE SHOP", "hrb 00000", "Hosting.Example.TEST", "Exampel Shop", "HRB 0000"]
    for number, line in enumerate(lines):
        for text in (line, line + " café"):  # ASCII, then the same line with one accent
            (tmp_path / f"{number}-{len(text)}.md").write_text(f"Title: T\n\n{text}\n", "utf-8")
    found = sorted((Path(p.file).name, p.value) for p in in_content(tmp_path))
    assert found == [
        ("0-12.md", "EXAMPLE SHOP"),
        ("0-17.md", "EXAMPLE SHOP"),
        ("1-14.md", "hrb 00000"),
        ("1-9.md", "hrb 00000"),
        ("2-20.md", "Hosting.Example.TEST"),
        ("2-25.md", "Hosting.Example.TEST"),
    ]
    # "Example" with a long s, which only Unicode's case rules make an "s": still found.
    unicode = tmp_path / "long-s"
    unicode.mkdir()
    (unicode / "a.md").write_text("Title: T\n\nExample \u017fhop\n", "utf-8")
    assert [p.value for p in in_content(unicode)] == ["Example \u017fhop"]


def test_the_kits_example_post_and_about_page_left_unchanged_are_listed(tmp_path: Path) -> None:
    """Found by their text, wherever they are; one word of the owner's and they are theirs."""
    found = {str(p) for p in in_content(EXAMPLE_SITE, skip=[EXAMPLE_DECLARATION])}
    post = EXAMPLE_SITE / "articles" / "2012" / POST
    title = "What Your Customers Keep Telling Facebook, Google, and Am..."
    assert f"{post}:1 {title!r} is the kit's example post, unchanged: write your own" in found
    about = EXAMPLE_SITE / "pages" / "about.md"
    assert f"{about}:1 'About' is the kit's example page, unchanged: write your own" in found
    assert sorted(KIT_EXAMPLES) == sorted(text_fingerprint(p.read_text()) for p in (post, about))
    edited = tmp_path / "about.md"
    edited.write_text(about.read_text().replace("small business", "small bakery") + "\n  ")
    assert in_content(tmp_path) == []
    same = tmp_path / "moved" / "about-us.md"
    same.parent.mkdir()
    same.write_text(about.read_text().replace("\n", "\r\n") + "\n")
    assert [p.file for p in in_content(tmp_path)] == [str(same)]


def test_the_kits_tagline_is_a_marked_setting() -> None:
    [tagline] = in_settings(KIT_SETTINGS)
    assert (tagline.field, tagline.value) == ("SITESUBTITLE", "Small business, discreet by design")


def test_a_development_build_lists_each_one_and_builds(site: Build) -> None:
    assert site.returncode == 0
    listed = [line.strip() for line in site.stderr.splitlines() if "is the kit's example" in line]
    assert f"{site.content / 'privacy.yml'}:17 site.name: 'Example Shop' is the kit's example" in (
        listed
    )
    [tagline] = in_settings(KIT_SETTINGS)
    assert str(tagline) in listed
    assert len(listed) == len(ALL_OF_THE_EXAMPLE)
    assert site.file_for("/privacy/").is_file()


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Build:
    workdir = tmp_path_factory.mktemp("refused")
    return run_build(workdir, settings="publishconf.py", overrides={"PLACEHOLDERS_REFUSE": True})


def test_make_publish_writes_one_line_per_problem(tmp_path: Path) -> None:
    """As the Makefile runs it, with no --log-handler: no time column, no wrapped lines."""
    command = build_command(tmp_path, copy_content(tmp_path / "content"), tmp_path / "output",
                            "publishconf.py", {"PLACEHOLDERS_REFUSE": True})  # fmt: skip
    at = command.index("--log-handler")
    del command[at : at + 2]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if not line.startswith("<frozen ")]
    assert len(lines) > len(ALL_OF_THE_EXAMPLE)
    assert all(line.startswith(("ERROR: ", "error: build failed: ")) for line in lines), lines


def test_a_plugin_stopping_first_still_ends_with_what_to_replace(tmp_path: Path) -> None:
    """An untouched clone has no release either: the policy stops the build at its start, and
    the last line adds the placeholders' count and files to its own."""
    content = copy_content(tmp_path / "content")
    shutil.rmtree(content / "policy-versions")
    build = run_build(tmp_path, content=content, settings="publishconf.py",
                      overrides={"PLACEHOLDERS_REFUSE": True})  # fmt: skip
    assert build.returncode == 1
    last = build.stderr.rstrip().splitlines()[-1]
    assert last.startswith("error: build failed: policy_pages: 1 problem above to correct; "
                           f"placeholders: {len(ALL_OF_THE_EXAMPLE)} values are still")  # fmt: skip
    assert f"in {content / 'privacy.yml'} (" in last and last.endswith("from your answers")


def test_publishing_refuses_and_names_every_one(refused: Build) -> None:
    assert refused.returncode == 1
    count = len(ALL_OF_THE_EXAMPLE)
    errors = [line for line in refused.stderr.splitlines() if line.startswith("ERROR: ")]
    assert len(errors) == count, refused.stderr
    assert all("is the kit's example" in line for line in errors)
    assert "Traceback" not in refused.stderr
    declared = len(find_placeholders(EXAMPLE_DECLARATION))
    content = refused.content
    assert refused.stderr.rstrip().splitlines()[-1] == (
        f"error: build failed: placeholders: {count} values are still the kit's example; "
        f"replace them with your own before publishing, in {content / 'privacy.yml'} "
        f"({declared}), {KIT_SETTINGS} (1), {content / 'articles' / '2012' / POST} (1), "
        f"{content / 'pages' / 'about.md'} (1); make init writes the declaration from your answers"
    )
    assert not refused.output.exists()
