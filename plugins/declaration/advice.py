"""Warnings: declarations that load, but whose words and legal choices disagree.

These are the obvious cases a lawyer spots at once, found by plain words in a
purpose; they warn (they never stop a build) because words can mislead a check:
- orders, repairs, bookings and other contracts rely on GDPR Art. 6(1)(b), not on
  consent or legitimate interests; general questions rely on Art. 6(1)(f), not on a
  contract that does not exist yet (EDPB Guidelines 2/2019 on Art. 6(1)(b), paras. 22-25);
- a business that takes orders keeps commercial records for years (§257 HGB, §147 AO;
  VAT Act 1994 Sch. 11 para. 6; NL: art. 52(4) AWR, 7 years), under Art. 6(1)(c): a purpose
  that does is expected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import Loc, Problem
from .raw import entries, mapping, member, text
from .statutory import RECORD_ADVICE
from .translations import language_views
from .vocab import LegalBasis
from .yaml_source import read_source

_THINGS = r"(orders?|purchases?|repairs?|bookings?|appointments?|contracts?|invoices?|commissions?)"
# "your cake orders", "the repairs you order": a contract with the reader, not a word in passing.
_CONTRACT_WORDS = re.compile(
    rf"\b(your|you)\s+(\w+\s+){{0,3}}{_THINGS}\b|\b{_THINGS}\s+(that\s+)?you\b", re.IGNORECASE
)
_QUESTION_WORDS = re.compile(r"\b(questions?|enquir(y|ies)|inquir(y|ies))\b", re.IGNORECASE)


def declaration_warnings(path: Path | str) -> list[Problem]:
    """Warnings for the declaration at `path`, which must already load without problems."""
    source = read_source(Path(path))
    return list(
        dict.fromkeys(  # each warning once, though read in every language
            source.problem(loc, message)
            for view in language_views(source.data)
            for loc, message in advice(view)
        )
    )


def advice(data: dict[str, Any]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    contract_purposes = []
    records = False
    for index, entry in entries(data, "processing"):
        words = " ".join(filter(None, (text(entry.get("title")), text(entry.get("purpose")))))
        basis = member(entry.get("legal_basis"), LegalBasis)
        if mapping(entry.get("retention")).get("statutory"):
            records = True
            continue
        if basis is LegalBasis.LEGAL_OBLIGATION and _country(data) in RECORD_ADVICE:
            records = True  # the records a law keeps, with the period the owner wrote (NL)
        contract = bool(_CONTRACT_WORDS.search(words))
        question = bool(_QUESTION_WORDS.search(words))
        if (
            contract
            and not question
            and basis in (LegalBasis.CONSENT, LegalBasis.LEGITIMATE_INTERESTS)
        ):
            found.append(
                (
                    ("processing", index, "legal_basis"),
                    f'"{words}" reads like a contract with the person, which relies on contract '
                    f"(GDPR Art. 6(1)(b)), not {basis}; check the legal basis",
                )
            )
        elif question and not contract and basis is LegalBasis.CONTRACT:
            found.append(
                (
                    ("processing", index, "legal_basis"),
                    f'"{words}" reads like general questions, which rely on legitimate_interests '
                    "(GDPR Art. 6(1)(f)) until there is a contract; check the legal basis",
                )
            )
        if basis is LegalBasis.CONTRACT and contract:
            contract_purposes.append(index)
    if contract_purposes and not records:
        found.append((("processing", contract_purposes[0]), _records_advice(data)))
    return found


def _country(data: dict[str, Any]) -> Any:
    return mapping(mapping(data.get("controller")).get("address")).get("country")


def _records_advice(data: dict[str, Any]) -> str:
    """Orders without a statutory records purpose: what to add, for the controller's country."""
    country = _country(data)
    why = "this purpose takes orders or contracts, and the law keeps their records for years"
    if isinstance(country, str) and country in RECORD_ADVICE:
        duration, law = RECORD_ADVICE[country]
        return (
            f"{why} ({law}: {duration[1:-1]} years); add a purpose with legal_basis: "
            f"legal_obligation and retention: {{duration: {duration}}}, naming the law"
        )
    return (
        f"{why} (e.g. §257 HGB and §147 AO: 6 and 8 years; UK: 6 years); add a purpose "
        "with legal_basis: legal_obligation and retention: {statutory: commercial_records}"
    )
