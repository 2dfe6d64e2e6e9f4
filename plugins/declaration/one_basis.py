"""One purpose, one legal basis: why a list of bases is refused, in words an owner can act on.

GDPR Art. 6(1) lists six bases and Art. 13(1)(c) makes the policy name "the legal basis" of each
purpose. The EDPB holds that the basis is chosen before processing starts and cannot be swapped
or kept in reserve: a controller that asks for consent must stop when it is withdrawn, not carry
on under a contract or a legal obligation (EDPB Guidelines 05/2020 on consent, the part on
consent and the other lawful bases of Art. 6, taking up WP29's WP259 rev.01; paragraph numbers
not re-read for this rule, checked 2026-12-04). Consent beside contract or legal obligation is
the case that misleads people most: it promises a choice the business cannot honour.
"""

from __future__ import annotations

from typing import Any

from .vocab import LegalBasis

_BINDING = {LegalBasis.CONTRACT.value, LegalBasis.LEGAL_OBLIGATION.value}


def several_bases(value: list[Any]) -> str:
    """The message for `legal_basis: [..., ...]`."""
    given = [str(item) for item in value]
    if LegalBasis.CONSENT.value in given and _BINDING & set(given):
        other = next(basis for basis in given if basis in _BINDING)
        return (
            f"consent and {other} cannot both carry one purpose: consent can be withdrawn at any "
            f"time, and a {other.replace('_', ' ')} does not end when it is (GDPR Art. 6(1), "
            "Art. 7(3); EDPB Guidelines 05/2020: no swapping or back-up basis); make two "
            "purposes, each with its own legal_basis, or keep only the one the processing "
            "really rests on"
        )
    return (
        "a purpose rests on one legal basis (GDPR Art. 6(1), Art. 13(1)(c)); write one of "
        + ", ".join(basis.value for basis in LegalBasis)
        + ", or split the purpose in two"
    )
