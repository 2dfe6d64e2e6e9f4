"""The kit published for another business (a UK bakery, tests/sites/bakery): nothing of the
example shop in it, and its own country's formats."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
from declaration.yaml_source import read_source
from placeholders import EXAMPLE_VALUES
from sitebuild import EXAMPLE_SITE, OTHER_SITE, Build, copy_content, run_build

TAGLINE = "Bread from the harbour"


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """`make publish` of the bakery, placeholders refused, with its own tagline."""
    workdir = tmp_path_factory.mktemp("bakery")
    build = run_build(
        workdir,
        settings="publishconf.py",
        content=copy_content(workdir / "content", OTHER_SITE),
        overrides={"PLACEHOLDERS_REFUSE": True, "SITESUBTITLE": TAGLINE},
    )
    assert build.returncode == 0, build.log
    return build


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str):
        yield data


def example_values() -> set[str]:
    """Every text of the example declaration that the bakery's does not say itself, and the
    values that name the example business. Short codes (DE, P6M), identifiers (message,
    eu_gdpr: the kit's own vocabulary, also the form's field names) and the purposes' short
    titles (Server logs, Contact form: what make init writes for every business, and the
    heading the policy gives a purpose whose id says it) are not the example's."""
    data = read_source(EXAMPLE_SITE / "privacy.yml").data
    purposes = [{k: v for k, v in p.items() if k != "title"} for p in data["processing"]]
    example = set(_strings({**data, "processing": purposes}))
    own = set(_strings(read_source(OTHER_SITE / "privacy.yml").data))
    texts = {v for v in example - own if len(v) >= 6 and not re.fullmatch(r"[a-z_]+", v)}
    return texts | set(EXAMPLE_VALUES)


def _text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    elif path.suffix == ".br":
        data = brotli.decompress(data)
    return data.decode("utf-8", errors="replace")


def test_no_output_file_holds_a_value_of_the_example(bakery: Build) -> None:
    values = example_values()
    assert "Example Shop GmbH" in values and "Examplestraße 1" in values
    files = [path for path in bakery.output.rglob("*") if path.is_file()]
    assert len(files) > 50
    leaks = [
        f"{path.relative_to(bakery.output)}: {value}"
        for path in files
        for value in values
        if value in _text(path)
    ]
    assert not leaks, "\n".join(leaks)


def test_its_history_starts_with_its_own_first_release(bakery: Build) -> None:
    history = bakery.page("/privacy/history/")
    assert [s["id"] for s in history.find_all("section")] == ["release-2026-01-15"]
    assert "The first published version of this policy." in history.get_text()
    assert [p.name for p in (bakery.output / "privacy" / "versions").iterdir()] == ["2026-01-15"]


def test_its_tagline_is_its_own_and_no_placeholder_is_left(bakery: Build) -> None:
    """The kit's tagline is marked PLACEHOLDER; a build that sets its own has none left."""
    assert bakery.page("/").find(class_="site-tagline").get_text() == TAGLINE
    assert "placeholders:" not in bakery.log


def test_dates_are_british(bakery: Build) -> None:
    times = [t.get_text() for t in bakery.page("/").find_all("time")]
    assert times == ["3 February 2026", "20 January 2026"]
    assert bakery.page("/2026/01/").h1.get_text() == "Archive for January 2026"
    updated = bakery.page("/privacy/").find("time")
    assert (updated["datetime"], updated.get_text()) == ("2026-01-15", "15 January 2026")


def test_the_time_zone_defaults_from_the_country(bakery: Build) -> None:
    """Europe/London: +01:00 in summer would betray a Berlin clock in winter too (+01:00)."""
    [stamp] = bakery.page("/2026/01/feeding-a-sourdough-starter/").find_all("time")[:1]
    assert stamp["datetime"] == "2026-01-20T08:30:00+00:00"


def test_addresses_are_in_british_order(bakery: Build) -> None:
    footer = bakery.page("/").find("footer").find("p").get_text()
    assert footer == "Harbourside Loaf Ltd · 12 Narrow Quay, Bristol BS1 4AA"
    contact = bakery.page("/contact/").find("address").get_text("|", strip=True)
    assert contact.startswith("Harbourside Loaf Ltd|12 Narrow Quay|Bristol|BS1 4AA|United Kingdom")
    policy = bakery.page("/privacy/").find("address").get_text("|", strip=True)
    assert "12 Narrow Quay|Bristol|BS1 4AA|United Kingdom" in policy
