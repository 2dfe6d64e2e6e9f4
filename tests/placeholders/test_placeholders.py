"""Placeholders cannot go live: make html lists each one and builds, make publish refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from declaration.yaml_source import read_source
from placeholders import EXAMPLE_VALUES, find_placeholders
from placeholders.scan import MARK, example_in, in_content, in_settings
from sitebuild import EXAMPLE_SITE, KIT_SETTINGS, OTHER_SITE, Build, run_build

EXAMPLE_DECLARATION = EXAMPLE_SITE / "privacy.yml"


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
    assert len(listed) == len(find_placeholders(EXAMPLE_DECLARATION)) + 1
    assert site.file_for("/privacy/").is_file()


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Build:
    workdir = tmp_path_factory.mktemp("refused")
    return run_build(workdir, settings="publishconf.py", overrides={"PLACEHOLDERS_REFUSE": True})


def test_publishing_refuses_and_names_every_one(refused: Build) -> None:
    assert refused.returncode == 1
    count = len(find_placeholders(EXAMPLE_DECLARATION)) + 1
    errors = [line for line in refused.stderr.splitlines() if line.startswith("ERROR: ")]
    assert len(errors) == count, refused.stderr
    assert all("is the kit's example" in line for line in errors)
    assert refused.stderr.rstrip().splitlines()[-1] == (
        f"error: build failed: placeholders: {count} values are still the kit's example; "
        "replace them with your own before publishing (listed above; make init asks for them)"
    )
    assert not refused.output.exists()
