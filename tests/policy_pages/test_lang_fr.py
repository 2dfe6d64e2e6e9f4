"""French legal wording (policy_pages/lang/fr.py), on the French fixture site's declaration.

The pages of a French business are built from its declaration through the wording module of
its language: the sentences that module writes must be French, with the French texts' own
terms and citations, and no sentence of en.py may reach them.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from declaration import (
    Declaration,
    Jurisdiction,
    StatutoryRecords,
    StorageExemption,
    load_declaration,
)
from declaration.durations import parse_duration
from declaration.statutory import record_periods
from policy_pages.cookies import exemption_citations
from policy_pages.document import text_of
from policy_pages.lang import en, fr, words_for
from policy_pages.legal_notice import legal_notice
from policy_pages.privacy_policy import privacy_policy
from sitebuild import SITES

ATELIER = SITES / "atelier-lyon"


@pytest.fixture(scope="module")
def declaration() -> Declaration:
    return load_declaration(ATELIER / "privacy.yml")


def english_sentences() -> set[str]:
    """Every piece of English that en.py writes: its string literals of three words or more."""
    tree = ast.parse(Path(en.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip(" .,:;")
            if len(text) >= 20 and text.count(" ") >= 2 and not text.startswith("http"):
                found.add(text)
    return found


def test_french_provides_every_name_english_has() -> None:
    for name in vars(en):
        if name.startswith("__") or name in {"annotations", "Sequence"}:
            continue
        assert hasattr(fr, name), f"fr.py lacks {name}, which en.py has"
        english, french = getattr(en, name), getattr(fr, name)
        assert callable(english) == callable(french), name
        if isinstance(english, dict):  # French may know more (STORAGE_CITATIONS["FR"])
            assert english.keys() <= french.keys(), name


def test_the_french_pages_speak_french_with_french_citations(declaration: Declaration) -> None:
    assert words_for(declaration) is fr
    notice = text_of(legal_notice(declaration))
    policy = text_of(privacy_policy(declaration, None))
    for expected in (
        "Qui édite et héberge ce site (loi n°\u00a02004-575 du 21 juin 2004",
        "Gérant",
        "Capital social",
        "Immatriculation",
        "Numéro de TVA intracommunautaire",
        "Directeur de la publication",
        "Hébergeur",
    ):
        assert expected in notice
    for expected in (
        "introduire une réclamation auprès d’une autorité de contrôle",
        "(article 77 du RGPD)",
        "dont nous relevons\u00a0: Commission nationale de l'informatique et des libertés (CNIL)",
        "en qualité de sous-traitant",
        "(article 17 du RGPD)",
        "Nous traitons des données personnelles uniquement pour les finalités suivantes.",
        "Non\u00a0: vous êtes libre de les fournir.",
    ):
        assert expected in policy
    leaked = [sentence for sentence in english_sentences() if sentence in notice + policy]
    assert leaked == []


@pytest.mark.parametrize(
    ("country", "said"),
    [
        ("FR", "en France"),
        ("the United States", "aux États-Unis"),
        ("GB", "au Royaume-Uni"),
        ("CA", "au Canada"),
        ("KR", "en Corée du Sud"),
        ("IL", "en Israël"),
        ("MX", "au Mexique"),
        ("SG", "à Singapour"),
    ],
)
def test_countries_take_their_french_preposition(country: str, said: str) -> None:
    assert fr.in_country(country) == said


def test_citations_are_written_as_the_french_regulation_writes_them() -> None:
    assert fr.french_citation("Art. 6(1)(f) GDPR") == "article 6, paragraphe 1, point f), du RGPD"
    assert fr.french_citation("Art. 12(3) GDPR") == "article 12, paragraphe 3, du RGPD"
    assert fr.portability([(("Demandes",), True)], "Art. 20 GDPR")[0].endswith(
        "(article 20 du RGPD). Ce droit porte sur les données des finalités suivantes, que nous "
        "traitons avec votre consentement\u00a0: "
    )


def test_periods_and_citations_for_the_new_page_frame() -> None:
    """The names lang-policy-de moves into en.py, in French: durations from CLDR's units."""
    assert fr.cite("Art. 12(5)", fr.law_name(eu=True, uk=False)) == (
        "article 12, paragraphe 5, du RGPD"
    )
    assert fr.cite("Art. 15", fr.law_name(eu=True, uk=True)) == "article 15 du RGPD et du UK GDPR"
    assert [fr.duration(parse_duration(text)) for text in ("P1Y6M", "P14D", "P1M")] == [
        "1\u00a0an et 6\u00a0mois",
        "14\u00a0jours",
        "1\u00a0mois",
    ]


def test_french_records_are_kept_as_the_code_de_commerce_says() -> None:
    periods = record_periods(StatutoryRecords.COMMERCIAL_RECORDS, "FR")
    assert fr.statutory_retention(periods) == (
        "10\u00a0ans (documents comptables et pièces justificatives, dont les factures), à "
        "compter de la clôture de l’exercice auquel ils se rapportent (article L123-22 du code "
        "de commerce)"
    )
    assert fr.statutory_retention_short(periods) == "10\u00a0ans, comme la loi l’exige"


def test_a_french_business_cites_article_82_for_storage_without_consent(
    declaration: Declaration,
) -> None:
    """France transposes ePrivacy Art. 5(3) in article 82 of the loi Informatique et Libertés;
    a provider there cites it, in every page language."""
    assert exemption_citations(declaration, StorageExemption.STRICTLY_NECESSARY) == [
        "article 82 de la loi Informatique et Libertés"
    ]
    assert exemption_citations(declaration.in_language("fr"), StorageExemption.COMMUNICATION) == [
        "article 82 de la loi Informatique et Libertés"
    ]
    assert en.STORAGE_CITATIONS["FR"][StorageExemption.COMMUNICATION].startswith("Art. 82 of ")


def test_the_change_list_is_french_with_the_same_places_to_fill() -> None:
    """changes.py fills the same {places} in every language's sentence of a change."""

    def places(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for kind, english in en.CHANGES.items():
        french = fr.CHANGES[kind]
        assert places(french) == places(english), kind
        assert french != english, kind
    assert fr.CHANGES["law_added"].format(law=fr.LAW_NAMES[Jurisdiction.EU_GDPR]) == (
        "La politique couvre désormais le RGPD"
    )
