"""The kit built for another business (a UK bakery, tests/sites/bakery): its own formats."""

from __future__ import annotations

import pytest
from sitebuild import OTHER_SITE, Build, copy_content, run_build


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Build:
    workdir = tmp_path_factory.mktemp("bakery")
    build = run_build(workdir, content=copy_content(workdir / "content", OTHER_SITE))
    assert build.returncode == 0, build.log
    return build


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
