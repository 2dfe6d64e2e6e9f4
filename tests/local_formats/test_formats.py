"""Dates, addresses and time zones follow the controller's country and the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from local_formats import (
    address_layout,
    default_timezone,
    format_address,
    format_date,
    format_month,
    locale_for,
)

DAY = date(2026, 12, 3)


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    country: str
    region: str | None = None


BRISTOL = Address("12 Narrow Quay", "BS1 4AA", "Bristol", "GB")
SAN_FRANCISCO = Address("1 Valencia St", "94110", "San Francisco", "US", region="CA")
BERLIN = Address("Examplestraße 1", "10115", "Berlin", "DE")


@pytest.mark.parametrize(
    ("country", "language", "expected"),
    [
        ("GB", "en", "3 December 2026"),
        ("US", "en", "December 3, 2026"),
        ("DE", "de", "3. Dezember 2026"),
        ("DE", "en", "3 December 2026"),  # an English page of a German business
        ("US", "de", "3. Dezember 2026"),  # no de_US in CLDR: German as Germans write it
        ("FR", "fr", "3 décembre 2026"),
        ("GB", "en-US", "December 3, 2026"),  # a language tag's own region wins
    ],
)
def test_dates_follow_country_and_language(country: str, language: str, expected: str) -> None:
    assert format_date(DAY, country=country, language=language) == expected


def test_a_datetime_is_written_as_its_day_and_months_have_their_names() -> None:
    assert format_date(datetime(2026, 12, 3, 23, 59), country="GB") == "3 December 2026"
    assert format_month(DAY, country="DE", language="de") == "Dezember 2026"
    assert format_month(date(2012, 6, 1), country="US") == "June 2012"


def test_an_unknown_language_is_named() -> None:
    with pytest.raises(ValueError, match="'xx-nope' is not a language"):
        locale_for("GB", "xx-nope")


@pytest.mark.parametrize(
    ("address", "one_line", "block"),
    [
        (
            BRISTOL,
            "12 Narrow Quay, Bristol BS1 4AA",
            "12 Narrow Quay\nBristol\nBS1 4AA\nUnited Kingdom",
        ),
        (
            SAN_FRANCISCO,
            "1 Valencia St, San Francisco, CA 94110",
            "1 Valencia St\nSan Francisco, CA 94110\nUnited States",
        ),
        (BERLIN, "Examplestraße 1, 10115 Berlin", "Examplestraße 1\n10115 Berlin\nGermany"),
    ],
)
def test_addresses_follow_their_countrys_format(address, one_line: str, block: str) -> None:
    assert format_address(address, one_line=True, with_country=False) == one_line
    assert format_address(address) == block


def test_the_country_is_named_in_the_pages_language_and_values_keep_their_case() -> None:
    assert format_address(BRISTOL, language="de", one_line=True) == (
        "12 Narrow Quay, Bristol BS1 4AA, Vereinigtes Königreich"
    )


def test_a_missing_optional_field_leaves_no_stray_separator() -> None:
    no_state = Address("1 Valencia St", "94110", "San Francisco", "US")
    assert format_address(no_state, with_country=False) == "1 Valencia St\nSan Francisco, 94110"


def test_the_layout_comes_from_the_table() -> None:
    assert address_layout("US") == [["street"], ["city", ", ", "region", " ", "postal_code"]]
    assert address_layout("CH") == [["street"], ["CH-", "postal_code", " ", "city"]]


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("GB", "Europe/London"),
        ("DE", "Europe/Berlin"),
        ("US", "America/New_York"),
    ],
)
def test_the_default_time_zone_is_the_countrys(country: str, zone: str) -> None:
    assert default_timezone(country) == zone


def test_a_country_without_a_zone_defaults_to_utc() -> None:
    assert default_timezone("ZZ") == "UTC"


@pytest.mark.parametrize(
    ("country", "region", "zone"),
    [
        ("AU", "NSW", "Australia/Sydney"),
        ("AU", "Western Australia", "Australia/Perth"),
        ("CA", "BC", "America/Vancouver"),
        ("CA", "Québec", "America/Toronto"),
        ("US", "CA", "America/Los_Angeles"),
        ("US", "az", "America/Phoenix"),
        ("DE", "BY", "Europe/Berlin"),
        ("US", "Atlantis", "America/New_York"),  # no such state: the country's
    ],
)
def test_the_default_time_zone_is_the_regions_where_the_address_names_one(
    country: str, region: str, zone: str
) -> None:
    assert default_timezone(country, region) == zone
