"""The questions `make init` asks, and the checked answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from declaration.countries import country_problem

YES = ("y", "yes", "true", "1")
NO = ("n", "no", "false", "0")


class AnswersError(ValueError):
    """One line per answer that cannot be used."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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
    "director": ("ltd", "limited", "private limited company", "plc", "public limited company"),
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
        """The laws whose disclosures the policy makes, from where the business is."""
        if self.country == "GB":
            return ["uk_gdpr", "eprivacy"]
        if self.country == "US":
            return ["us_ca_caloppa"]
        if self.country == "CA":
            return ["ca_pipeda"]
        return ["eu_gdpr", "eprivacy"]

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
    def check(cls, raw: dict[str, Any], where: str) -> Answers:
        """Check every answer at once; AnswersError names each one that cannot be used."""
        problems: list[str] = []
        values: dict[str, str] = {}
        flags: dict[str, bool] = {}
        known = {q.key for q in QUESTIONS}
        for key in sorted(set(raw) - known):
            problems.append(
                f"{where}: {key}: not a question make init asks; known: {', '.join(sorted(known))}"
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
                    problems.append(f"{where}: {question.key}: answer yes or no, not {text!r}")
                flags[question.key] = text.lower() in YES
                continue
            if not text:
                if question.required:
                    problems.append(f"{where}: {question.key}: required ({question.prompt})")
                continue
            values[question.key] = text
        problems += _check_values(values, where)
        if problems:
            raise AnswersError(problems)
        return cls(values, flags)


def _check_values(values: dict[str, str], where: str) -> list[str]:
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
                problems.append(f"{where}: {key}: {problem}")
            elif key.endswith("country"):
                values[key] = values[key].upper()
    return problems


def _country_problem(value: str) -> str | None:
    """None for a code in either case (gb, GB); otherwise the problem with the value as written."""
    return country_problem(value) if country_problem(value.upper()) else None
