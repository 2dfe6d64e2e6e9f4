"""Country codes and the few legal facts about countries that the checks need.

Codes and names come from pycountry (ISO 3166-1). The EU/EEA membership and
the list of EU adequacy decisions are short legal facts kept here by hand; they
change rarely and every change is a deliberate edit (last checked 2025).
"""

from __future__ import annotations

from functools import cache

import pycountry

from .errors import closest, quoted

EU = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
EEA = EU | {"IS", "LI", "NO"}
UK = "GB"
US = "US"

# Countries with a general EU adequacy decision (GDPR Art. 45). The United States is
# adequate only for organisations certified under the EU-US Data Privacy Framework,
# which the declaration names separately as eu_us_dpf.
EU_ADEQUATE = frozenset(
    ["AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"]
)

# Codes people write that ISO 3166-1 spells differently.
_COMMON_MISTAKES = {"UK": "GB", "EL": "GR", "EN": "GB"}


@cache
def codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


def country_name(code: str) -> str:
    """Short English name for a code: 'US' -> 'United States', 'KR' -> 'South Korea'."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def country_in_sentence(code: str) -> str:
    """The name as it reads inside a sentence: 'the United States', 'Germany'."""
    name = country_name(code)
    plural = name.endswith(("Islands", "lands", "pines", "Bahamas", "Gambia", "Maldives"))
    if name.startswith(("United ", "Republic ")) or "Republic" in name or plural:
        return f"the {name}"
    return name


def country_problem(value: object) -> str | None:
    """Why `value` is not an ISO 3166-1 alpha-2 code, with the code meant; None if valid."""
    if isinstance(value, str) and value in codes():
        return None
    guess = _guess(value)
    hint = f"write {guess}" if guess else "write the two-letter code, e.g. DE, FR, GB or US"
    return f"{quoted(value)} is not an ISO 3166-1 alpha-2 country code; {hint}"


def _guess(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.upper() in _COMMON_MISTAKES:
        return _COMMON_MISTAKES[text.upper()]
    if text.upper() in codes():
        return text.upper()
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        pass
    names = {country_name(code): code for code in codes()}
    name = closest(text, sorted(names), cutoff=0.8)
    return names[name] if name else None
