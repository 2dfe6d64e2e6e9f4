"""Rédaction juridique en français : les phrases des règles, écrites pour un lecteur français.

Written natively in French (never sentence by sentence from en.py), with the terms of the
French versions of the texts: "responsable du traitement", "sous-traitant", "autorité de
contrôle", "introduire une réclamation" (RGPD, version française, JO L 119 du 4.5.2016), and
French citations ("article 6, paragraphe 1, point f), du RGPD"). Same functions and constants
as en.py: each receives facts already decided by the section builders and returns spans.

Sources checked 2026-12-04 (the `search` tool):
- Cookies: article 82 de la loi n° 78-17 du 6 janvier 1978 (loi Informatique et Libertés);
  CNIL, délibération n° 2020-091 du 17 septembre 2020 (lignes directrices) and n° 2020-092
  du 17 septembre 2020 (recommandation), https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388197
- Mentions légales: loi n° 2004-575 du 21 juin 2004 (LCEN), article 6, III, 1, a) to d)
  (éditeur, directeur de la publication, hébergeur: nom, adresse, téléphone), checked in the
  consolidated Légifrance text the search corpus holds, which predates the loi n° 2024-449 du
  21 mai 2024 (SREN). A secondary source (stop-wise.biz, "LCEN after the SREN law") says SREN
  moved these duties to a new article 1-1; declaration/imprint_rules.py could not verify that
  either. So the page cites the law, not an article number, until Légifrance is checked.
- Records: article L123-22 du code de commerce (documents comptables et pièces
  justificatives : dix ans), codes-et-lois.fr / Légifrance text.
- Médiation de la consommation: article L612-1 du code de la consommation (Légifrance via
  doctrine.fr), coordinates on the site: L616-1 and R616-1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pycountry
from babel import Locale
from babel.numbers import format_decimal
from babel.units import format_unit
from declaration import (
    Jurisdiction,
    LegalBasis,
    Obligation,
    OfficerRole,
    RecipientRole,
    StorageExemption,
    StorageType,
    TransferMechanism,
    UkTransferMechanism,
)
from declaration.durations import Duration
from declaration.statutory import CountedFrom, RecordKind, RecordPeriod

from ..document import Inline, Link, Spans
from ..wording import join, joined

_LOCALE = Locale("fr")
NB = "\u00a0"  # espace insécable avant « : » et dans « » (typographie française)
NN = "\u202f"  # espace fine insécable avant ; ? !

# --- pays : nom français et préposition (« en France », « au Canada », « aux États-Unis ») ---
# Babel (CLDR) gives the French name; the preposition follows the name's gender and number.
# Names whose first word ends in -e yet are masculine (le Mexique, le Royaume-Uni...);
# singular names ending in -s (le Laos); islands and city-states without article (à Malte).
_MASCULINE = {"BZ", "GB", "KH", "MX", "MZ", "ZW"}
_SINGULAR_S = {"HN", "LA"}
_NO_ARTICLE = {"CY", "DM", "KI", "MC", "MT", "MU", "MV", "NR", "SC", "SG", "TO", "TV"}


_FRENCH_NAMES = {name: code for code, name in _LOCALE.territories.items() if code.isalpha()}


def _country_code(country: str) -> str | None:
    """The ISO code for a code, a French name or an English one ('the United States')."""
    if len(country) == 2 and country.isupper():
        return country
    if country in _FRENCH_NAMES:
        return _FRENCH_NAMES[country]
    name = country.removeprefix("the ")
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def country_name(country: str) -> str:
    """'Allemagne', 'États-Unis', from a code or an English name."""
    code = _country_code(country)
    return _LOCALE.territories.get(code, country) if code else country


def in_country(country: str) -> str:
    """'en France', 'au Canada', 'aux États-Unis', 'à Singapour', 'en Iran'."""
    code = _country_code(country)
    name = country_name(country)
    if code in _NO_ARTICLE:
        return f"à {name}"
    if name.endswith("s") and code not in _SINGULAR_S:  # les Pays-Bas, les Philippines...
        return f"aux {name}"
    vowel = name[:1].lower() in "aeiouyéèêîô"
    head = re.split(r"[ -]", name)[0]  # la Corée du Sud, la Nouvelle-Zélande
    feminine = head.endswith("e") and code not in _MASCULINE
    return f"en {name}" if vowel or feminine else f"au {name}"


def _years(count: int) -> str:
    """'1 an', '10 ans', the number as Babel writes it in French."""
    return f"{format_decimal(count, locale=_LOCALE)}{NB}an{'s' if count > 1 else ''}"


_ARTICLE = re.compile(r"Art\. (\d+)((?:\(\w+\))*)\s*(GDPR and UK GDPR|UK GDPR|GDPR)?")
_LAWS = {"GDPR": " du RGPD", "UK GDPR": " du UK GDPR", "GDPR and UK GDPR": " du RGPD et du UK GDPR"}


def french_citation(cite: str) -> str:
    """'Art. 6(1)(f) GDPR' -> 'article 6, paragraphe 1, point f), du RGPD'.

    The builders cite in English today; a French page writes a citation as the French
    version of the regulation does. Anything else (a statute's own citation) stays as given.
    """

    def one(match: re.Match[str]) -> str:
        number, parts, law = match.groups()
        pieces = re.findall(r"\((\w+)\)", parts or "")
        text = f"article {number}"
        if pieces:
            text += f", paragraphe {pieces[0]}"
        if len(pieces) > 1:
            text += f", point {pieces[1]})"
        if law:
            text += ("," if pieces else "") + _LAWS[law]
        return text

    return _ARTICLE.sub(one, cite)


# --- réclamations (article 77 du RGPD ; UK GDPR art. 77 ; DPA 2018 s.164A) ------------------

EDPB_MEMBERS = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"
ICO_COMPLAINTS = "https://ico.org.uk/make-a-complaint/"
ICO_HELPLINE = "0303 123 1113"  # ico.org.uk, checked 2026-12-03 (as en.py)


def complain_eu(lead: Spans | None) -> Spans:
    """Article 77, paragraphe 1, du RGPD; `lead`: the authority that leads for us."""
    spans: list[Inline] = [
        "Vous avez le droit d’introduire une réclamation auprès d’une autorité de contrôle, "
        "en particulier dans l’État membre de l’Union européenne ou de l’EEE où se trouve votre "
        "résidence habituelle ou votre lieu de travail, ou dans celui où la violation aurait été "
        "commise (article 77 du RGPD)."
    ]
    if lead:
        # The authority's name as it calls itself, declared; no article put before it.
        spans += [f" L’autorité de contrôle dont nous relevons{NB}: ", *lead, "."]
    return tuple(spans)


def complain_eu_no_lead(country: str) -> Spans:
    """No establishment in the Union: no lead authority (article 56 du RGPD)."""
    return (
        f"Nous sommes établis {in_country(country)}{NB}: aucune autorité de contrôle de l’Union "
        "n’est donc chef de file pour nos traitements. Vous pouvez introduire une réclamation "
        "auprès de l’autorité de protection des données de l’État membre de l’Union européenne "
        "ou de l’EEE où se trouve votre résidence habituelle ou votre lieu de travail, ou de "
        "celui où la violation aurait été commise (article 77 du RGPD). Le Comité européen de "
        f"la protection des données en publie la liste{NB}: ",
        Link("edpb.europa.eu", EDPB_MEMBERS),
        ".",
    )


def complain_ico() -> Spans:
    """UK GDPR art. 77: the Information Commissioner, under the name it uses itself."""
    return (
        "Vous pouvez introduire une réclamation auprès de l’Information Commissioner’s Office "
        "(ICO), l’autorité de protection des données du Royaume-Uni (article 77 du UK GDPR), "
        f"en ligne{NB}: ",
        Link("ico.org.uk/make-a-complaint", ICO_COMPLAINTS),
        f", ou par téléphone au {ICO_HELPLINE}.",
    )


def complaints_to_us_heading() -> str:
    return "Nous adresser une réclamation"


def complaints_to_us(
    channels: Sequence[Spans], days: str | None, uk: bool, details: Spans | None = None
) -> Spans:
    """DPA 2018 s.164A(2)-(5) (accusé de réception, suivi, issue); PIPEDA principe 4.10."""
    spans: list[Inline] = []
    if channels:
        spans += [
            "Vous pouvez nous adresser une réclamation sur la manière dont nous traitons vos "
            f"données personnelles{NB}: "
        ]
        spans += [*joined(channels, "ou"), "."]
    if details:
        spans += [" " if spans else "", *details]
    law = " (article 164A du Data Protection Act 2018 britannique)" if uk else ""
    within = days or (f"30{NB}jours" if uk else None)
    if within:
        spans.append(
            f" Nous en accusons réception dans un délai de {within}, l’examinons sans retard "
            f"injustifié, vous informons de son avancement et vous en communiquons l’issue{law}."
        )
    else:
        spans.append(
            " Nous examinons chaque réclamation sans retard injustifié et vous en communiquons "
            "l’issue."
        )
    return tuple(spans)


# --- lieu de conservation (responsable établi hors de l’UE/EEE) ------------------------------


def data_held(country: str) -> str:
    where = in_country(country)
    return (
        f"Nous sommes établis {where} et y conservons vos données personnelles. Lorsque vous "
        f"nous communiquez des données, vous nous les remettez directement {where}{NB}: il ne "
        "s’agit pas d’un transfert vers un autre destinataire."
    )


# --- source des données et caractère obligatoire (article 13, paragraphe 2, point e), du RGPD ;
# article 14, paragraphe 2, point f)) -------------------------------------------------------

FROM_YOU = "Auprès de vous."
FROM_BROWSER = "Votre navigateur les transmet automatiquement à l’ouverture d’une page."


def field_names(labels: Sequence[str]) -> str:
    """'votre adresse électronique et votre message', from the form's labels."""
    words = [label[:1].lower() + label[1:] for label in labels]
    return join(words, "et")


def must_give_heading() -> str:
    return f"Devez-vous nous les fournir{NN}?"


def provision(
    obligation: Obligation,
    automatic: bool,
    required_fields: Sequence[str],
    optional_fields: Sequence[str],
    consequence: Spans,
    kept_by_law: bool = False,
) -> Spans:
    """Article 13, paragraphe 2, point e): caractère réglementaire ou contractuel, obligation de
    fournir, conséquences de la non-fourniture. `kept_by_law`: the duty to keep is ours
    (article 6, paragraphe 1, point c)), not the visitor's."""
    if automatic:
        lead = (
            "Aucune loi ni aucun contrat ne l’exige, mais votre navigateur les transmet pour "
            "afficher n’importe quelle page."
        )
    elif kept_by_law and obligation is not Obligation.STATUTE:
        lead = (
            f"Vous nous les fournissez dans le cadre d’un contrat avec vous{NN}; une fois en "
            "notre possession, la loi nous oblige à les conserver."
            if obligation is Obligation.CONTRACT
            else f"Vous êtes libre de les fournir{NN}; une fois en notre possession, la loi nous "
            "oblige à les conserver."
        )
    elif obligation is Obligation.CONTRACT:
        lead = "Elles nous sont nécessaires pour conclure et exécuter le contrat avec vous."
    elif obligation is Obligation.STATUTE:
        lead = f"Oui{NB}: la loi l’exige."
    else:
        lead = f"Non{NB}: vous êtes libre de les fournir."
    spans: list[Inline] = [lead]
    if required_fields:
        spans.append(
            f" Dans le formulaire, les champs obligatoires sont{NB}: {field_names(required_fields)}"
        )
        if optional_fields:
            spans.append(f"{NN}; sont facultatifs{NB}: {field_names(optional_fields)}")
        spans.append(".")
    return (*spans, f" À défaut{NB}: ", *consequence)


# --- conservation imposée par la loi (article 6, paragraphe 1, point c), du RGPD) -----------

_RECORDS = {
    RecordKind.ACCOUNTING_VOUCHERS: "factures et autres pièces comptables",
    RecordKind.BUSINESS_LETTERS: "lettres et courriels commerciaux",
    RecordKind.BUSINESS_RECORDS: "registres des commandes, des paiements et de la TVA",
    RecordKind.ACCOUNTING_RECORDS: "documents comptables et pièces justificatives, dont les "
    "factures",
}
_FROM = {
    CountedFrom.END_OF_CALENDAR_YEAR: "la fin de l’année civile à laquelle ils se rapportent",
    CountedFrom.END_OF_FINANCIAL_YEAR: "la clôture de l’exercice auquel ils se rapportent",
}
# French law cited the French way; another country's statute keeps its own citation.
_SOURCES = {"Code de commerce art. L123-22": "article L123-22 du code de commerce"}


def statutory_retention(periods: Sequence[RecordPeriod]) -> str:
    """'10 ans (documents comptables ...), à compter de la clôture de l’exercice ... (article
    L123-22 du code de commerce)'."""
    parts = [f"{_years(period.years)} ({_RECORDS[period.records]})" for period in periods]
    sources = f"{NN}; ".join(
        dict.fromkeys(_SOURCES.get(period.source, period.source) for period in periods)
    )
    return f"{join(parts, 'et')}, à compter de {_FROM[periods[0].counted_from]} ({sources})"


def statutory_retention_short(periods: Sequence[RecordPeriod]) -> str:
    """'10 ans', '6 à 8 ans': the period the law sets, never "jusqu’à" (it is no ceiling)."""
    shortest = min(period.years for period in periods)
    longest = max(period.years for period in periods)
    span = (
        _years(longest)
        if shortest == longest
        else f"{format_decimal(shortest, locale=_LOCALE)} à {_years(longest)}"
    )
    return f"{span}, comme la loi l’exige"


# --- l’hébergeur (article 13, paragraphe 1, point e), du RGPD : les destinataires) ---------

_HOST_ROLES = {
    "processor": "sous-traitant",
    "controller": "responsable du traitement",
    "joint controller": "responsable conjoint du traitement",
}


def hosting_heading() -> str:
    return "Hébergement de ce site"


def hosting(
    name: Spans,
    country: str,
    role: str,
    logs: Sequence[tuple[Spans, Spans, Spans]],
    stores: Sequence[Spans],
) -> Spans:
    """`logs`: (ce qui est journalisé, la finalité, la durée) ; `stores`: other purposes'
    data it keeps for us. The role is the GDPR's French term (article 4, points 7 et 8)."""
    spans: list[Inline] = [
        *name,
        f" ({country_name(country)}) exploite les serveurs qui diffusent ce site, en qualité de "
        f"{_HOST_ROLES.get(role, role)}. Votre navigateur s’y connecte pour chaque page, ce qui "
        "lui transmet votre adresse IP.",
    ]
    for data, purpose, kept in logs:
        spans += [f" Pour la finalité «{NB}", *purpose, f"{NB}», cet hébergeur journalise{NB}: "]
        spans += [*data, f"{NN}; il conserve ces journaux ", *kept, "."]
    if stores:
        spans.append(f" Il conserve également pour nous les données traitées pour{NB}: ")
        spans += [*joined(stores, "et"), "."]
    return tuple(spans)


def self_hosted() -> str:
    return (
        f"Nous exploitons nous-mêmes les serveurs qui diffusent ce site{NN}; aucun hébergeur ne "
        "reçoit votre adresse IP."
    )


# --- transferts : décision d’adéquation, Data Privacy Framework, garanties appropriées ------

DPF_LIST = "https://www.dataprivacyframework.gov/list"


def dpf_transfer(name: Spans, country: str, uk: bool) -> Spans:
    """Décision d’exécution (UE) 2023/1795 de la Commission (article 45 du RGPD); UK:
    SI 2023/1028 (the UK Extension)."""
    if uk:
        decision = (
            "de l’extension britannique (UK Extension) du cadre de protection des données "
            "UE-États-Unis, au titre de laquelle la réglementation britannique d’adéquation couvre "
            "les organisations certifiées (Data Protection (Adequacy) (United States of America) "
            "Regulations 2023, article 45 du UK GDPR)"
        )
    else:
        decision = (
            "du cadre de protection des données UE-États-Unis (EU-US Data Privacy Framework). "
            "Pour les organisations certifiées, la Commission européenne a constaté que les "
            "États-Unis assurent un niveau de protection adéquat des données personnelles "
            "(décision d’exécution (UE) 2023/1795, article 45 du RGPD)"
        )
    return (
        *name,
        f" traite des données {in_country(country)} et dispose d’une certification au titre "
        f"{decision}. Sa certification figure sur la liste officielle du cadre{NB}: ",
        Link("dataprivacyframework.gov/list", DPF_LIST),
        ".",
    )


def safeguard_transfer(name: Spans, country: str, safeguards: str, copy: Spans | None) -> Spans:
    """Article 46 du RGPD; article 13, paragraphe 1, point f): how to obtain a copy."""
    spans: list[Inline] = [
        *name,
        f" traite des données {in_country(country)}. Garantie appropriée{NB}: {safeguards}.",
    ]
    if copy:
        spans += [f" Pour en obtenir une copie{NB}: ", *copy]
    return tuple(spans)


# --- droits dont la formulation dépend des bases légales ------------------------------------


def portability(purposes: Sequence[tuple[Spans, bool]], cite: str) -> Spans:
    """Article 20 du RGPD: only data processed on consent or a contract; each basis named
    with its own purposes."""
    why = {True: "avec votre consentement", False: "pour exécuter un contrat avec vous"}
    bases = {consent for _, consent in purposes}
    several = len(bases) > 1
    names = joined(
        [(*link, f" ({why[consent]})") if several else link for link, consent in purposes], "et"
    )
    which = "" if several else f", que nous traitons {why[next(iter(bases))]}"
    return (
        "Vous avez le droit de recevoir, dans un format structuré, couramment utilisé et lisible "
        "par machine, les données que vous nous avez fournies, et de les faire transmettre à un "
        f"autre responsable du traitement ({french_citation(cite)}). Ce droit porte sur les "
        f"données des finalités suivantes{which}{NB}: ",
        *names,
        ".",
    )


def erasure(consent: bool, objection: bool, cite: str) -> str:
    """Article 17, paragraphe 1, points a) à c), du RGPD."""
    reasons = ["lorsqu’elles ne sont plus nécessaires au regard de leur finalité"]
    if consent:
        reasons.append("lorsque vous retirez votre consentement")
    if objection:
        reasons.append(
            "lorsque vous vous opposez au traitement et qu’il n’existe pas de motif légitime "
            "impérieux pour le poursuivre"
        )
    return (
        "Vous avez le droit d’obtenir l’effacement de vos données, notamment "
        f"{join(reasons, 'ou')} ({french_citation(cite)})."
    )


# --- portée de la politique -----------------------------------------------------------------

SCOPE_PROMISE = (
    "Sur ce site, nous ne traitons aucune donnée personnelle d’une manière que la présente "
    "politique ne décrit pas."
)

# --- cookies : l’exemption que prévoit chaque loi -------------------------------------------
# Article 82 de la loi Informatique et Libertés (transposing article 5, paragraphe 3, de la
# directive 2002/58/CE): no consent for a tracker whose exclusive purpose is to enable or
# facilitate communication by electronic means, or that is strictly necessary for an online
# service expressly requested by the user; the CNIL's lignes directrices (délibération
# n° 2020-091) read these two exemptions.
_CITED = {
    "Art. 5(3) ePrivacy Directive": "article 5, paragraphe 3, de la directive 2002/58/CE",
    "§25(2) No. 1 TDDDG": "§ 25, al. 2, no 1, TDDDG (Allemagne)",
    "§25(2) No. 2 TDDDG": "§ 25, al. 2, no 2, TDDDG (Allemagne)",
}


def exemption(kind: str, citations: Sequence[str]) -> str:
    what = {
        "strictly_necessary": "strictement nécessaire au service que vous demandez expressément",
        "communication": "sert exclusivement à permettre la communication par voie électronique",
        "uk_statistics": f"statistiques{NN}; vous pouvez vous y opposer",
        "uk_appearance": f"apparence du site{NN}; vous pouvez vous y opposer",
    }[kind]
    cited = [_CITED.get(citation, citation) for citation in citations]
    shown = f" ({f'{NN}; '.join(cited)})" if cited else ""
    return f"dispensé de consentement{NB}: {what}{shown}"


# --- cookies : durée de conservation du choix (article 82 ; CNIL, délibération n° 2020-092,
# recommandation : conserver le choix, y compris un refus, pendant une durée limitée) -------


def choice_kept_heading(stored: bool) -> str:
    if stored:
        return "Combien de temps nous conservons votre choix"
    return "Votre choix n’est pas enregistré"


def choice_kept(duration: str | None) -> Spans:
    """`duration`: how long the stored choice is kept; None when nothing is stored."""
    if duration is None:
        return (
            f"Nous n’enregistrons pas votre choix{NB}: un clic ne charge que ce que vous avez "
            "choisi, une seule fois, et la question vous sera reposée la prochaine fois.",
        )
    return (f"Nous conservons votre choix pendant {duration}.",)


# --- CCPA -----------------------------------------------------------------------------------

CCPA_SEVERAL = (
    f"Une même donnée peut relever de plusieurs catégories{NN}; elle figure alors sous chacune "
    "d’elles."
)


def toll_free(number: str) -> str:
    return f"en nous appelant gratuitement au {number}"


# --- mentions légales, selon le pays --------------------------------------------------------
# Masculine generic titles, as French legal texts and the commercial registers write them.
_ROLES = {
    OfficerRole.MANAGING_DIRECTOR: ("Gérant", "Gérants"),
    OfficerRole.DIRECTOR: ("Administrateur", "Administrateurs"),
    OfficerRole.BOARD_MEMBER: ("Directoire", "Directoire"),
    OfficerRole.OWNER: ("Exploitant", "Exploitants"),
    OfficerRole.PARTNER: ("Associé", "Associés"),
    OfficerRole.PRESIDENT: ("Président", "Présidents"),
}


def role_label(role: OfficerRole | None, count: int) -> str:
    """`None`: a release made before roles were declared."""
    if role is None:
        return "Représenté par"
    return _ROLES[role][0 if count == 1 else 1]


NOTICE_INTRO = {
    "DE": "Qui édite ce site (§ 5 DDG, § 18 MStV, droit allemand).",
    "GB": f"Qui édite ce site (Companies Act 2006, s. 82{NN}; SI 2015/17, reg. 24-25{NN}; "
    "Electronic Commerce (EC Directive) Regulations 2002, reg. 6, droit britannique).",
    # The law, without an article number: art. 6, III or 1-1 since SREN (module docstring).
    "FR": f"Qui édite et héberge ce site (loi n°{NB}2004-575 du 21 juin 2004 "
    "pour la confiance dans l’économie numérique, LCEN).",
    "EU": "Qui édite ce site (article 5 de la directive 2000/31/CE sur le commerce électronique).",
    "OTHER": "Qui édite ce site.",
}
REGISTER_LABEL = {
    "DE": "Registre du commerce (Handelsregister)",
    "GB": "Immatriculation",
    "FR": "Immatriculation",
    "EU": "Registre du commerce",
    "OTHER": "Registre",
}
VAT_LABEL = {
    "DE": "Numéro de TVA (§ 27a UStG)",
    "GB": "Numéro de TVA (VAT registration number)",
    "FR": "Numéro de TVA intracommunautaire",
    "EU": "Numéro de TVA intracommunautaire",
    "OTHER": "Numéro de TVA",
}
COMPANY_NUMBER = "Numéro d’immatriculation"
REGISTERED_OFFICE = "Siège social"
SHARE_CAPITAL = "Capital social"
PUBLICATION_DIRECTOR = "Directeur de la publication"
EDITORIAL_HEADING = "Responsable du contenu (§ 18, al. 2, MStV)"
HOST_HEADING = "Hébergeur"
DISPUTES_HEADING = "Règlement des litiges de consommation"
NOTICE_TITLE = "Mentions légales"
PROVIDER = "Éditeur du site"
CONTACT = "Contact"
LEGAL_FORM = "Forme juridique"
CONTACT_FORM_LABEL = "Formulaire de contact"
WRITE_TO_US = "nous écrire"
REGISTER = "Immatriculation"
VAT = "TVA"
SUPERVISION = "Profession réglementée"
SUPERVISED_BY = "Ordre professionnel ou autorité de tutelle"
PROFESSIONAL_RULES = "Règles professionnelles"
PRIVACY = "Données personnelles"
NOTICE_TO_POLICY = (
    "La manière dont nous traitons les données personnelles est décrite dans notre {link}."
)


def disputes(participation: str, board: Spans | None) -> Spans:
    """§ 36, al. 1, VSBG (German law, for a business established in Germany): a clear yes or
    no, and the board with its address and website when yes."""
    # The German board is a Verbraucherschlichtungsstelle: in French, an entité de règlement
    # extrajudiciaire des litiges de consommation (directive 2013/11/UE's term).
    if participation == "not_willing":
        return (
            "Nous ne sommes ni disposés ni tenus à participer à une procédure de règlement "
            "extrajudiciaire des litiges devant une entité de règlement des litiges de "
            "consommation (Verbraucherschlichtungsstelle, § 36 VSBG).",
        )
    verb = "sommes tenus" if participation == "obliged" else "sommes disposés"
    return (
        f"Nous {verb} à participer à une procédure de règlement extrajudiciaire des litiges "
        "devant l’entité de règlement des litiges de consommation suivante "
        f"(Verbraucherschlichtungsstelle, § 36 VSBG){NB}: ",
        *(board or ()),
        ".",
    )


# --- transferts et résumé -------------------------------------------------------------------


def transfers_intro(regions: str) -> str:
    """Chapitre V du RGPD: adequacy (article 45) is no safeguard (article 46); neither named."""
    return (
        f"Ces destinataires traitent des données personnelles hors {_regions(regions)}. Pour "
        f"chacun, ce qui rend le transfert licite{NB}:"
    )


def _regions(regions: str) -> str:
    """The builders name the regions in English ('the EU/EEA', 'the UK')."""
    known = {
        "the EU/EEA": "de l’UE et de l’EEE",
        "the UK": "du Royaume-Uni",
        "the EU/EEA and the UK": "de l’UE, de l’EEE et du Royaume-Uni",
    }
    return known.get(regions, f"de {regions}")


def complain_to(eu: bool, uk: bool) -> str:
    """Le résumé : article 77 du RGPD ; l’ICO seul sous le UK GDPR."""
    if uk and not eu:
        return "introduire une réclamation auprès de l’Information Commissioner’s Office"
    if uk:
        return (
            "introduire une réclamation auprès d’une autorité de contrôle de l’UE ou de l’ICO au "
            "Royaume-Uni"
        )
    return "introduire une réclamation auprès d’une autorité de contrôle"


# --- liste des modifications : une phrase simple par changement -----------------------------


def change_host_named(names: str) -> str:
    return f"Nous indiquons désormais qui héberge ce site et ce qu’il journalise{NB}: {names}"


def change_host_dropped(name: str) -> str:
    return f"{name} n’héberge plus ce site"


def change_self_hosted() -> str:
    return "Nous exploitons désormais nous-mêmes les serveurs qui diffusent ce site"


def change_representative(name: str, role: OfficerRole | None, before: OfficerRole | None) -> str:
    if role is None:
        return f"Mentions légales{NB}: {name} nous représente désormais"
    label = role_label(role, 1).lower()
    if before is None:
        return f"Mentions légales{NB}: {name} est désormais indiqué comme {label}"
    earlier = role_label(before, 1).lower()
    return f"Mentions légales{NB}: {name} est désormais {label} (auparavant{NB}: {earlier})"


def change_representative_left(name: str) -> str:
    return f"Mentions légales{NB}: {name} ne nous représente plus"


def change_editorial(name: str | None) -> str:
    if name is None:
        return f"Mentions légales{NB}: nous n’indiquons plus de responsable du contenu"
    return (
        f"Mentions légales{NB}: {name} est désormais indiqué comme responsable du contenu "
        "(§ 18, al. 2, MStV)"
    )


def change_disputes(participation: str | None) -> str:
    if participation is None:
        return (
            f"Mentions légales{NB}: nous n’indiquons plus si nous participons au règlement des "
            "litiges de consommation"
        )
    said = {
        "not_willing": "ne sommes ni disposés ni tenus à participer",
        "willing": "sommes disposés à participer",
        "obliged": "sommes tenus de participer",
    }[participation]
    return (
        f"Mentions légales{NB}: nous indiquons désormais que nous {said} au règlement des litiges "
        "de consommation (§ 36 VSBG)"
    )


def change_no_lead_authority() -> str:
    return (
        f"Nous n’indiquons plus d’autorité de contrôle chef de file{NB}: vous pouvez introduire "
        "une réclamation auprès de l’autorité du pays où vous résidez ou travaillez"
    )


_SOURCE_WORDS = {
    "data_subject": "vous nous les communiquez",
    "browser": "votre navigateur les transmet automatiquement",
}


def change_sources(purpose: str, sources: Sequence[str], before: Sequence[str]) -> str:
    def said(values: Sequence[str]) -> str:
        return " et ".join(
            _SOURCE_WORDS.get(value, f"elles viennent de {value}") for value in values
        )

    return (
        f"{purpose}{NB}: origine des données désormais{NB}: {said(sources)} "
        f"(auparavant{NB}: {said(before)})"
    )


def change_dpf(name: str, part: str, certified: bool) -> str:
    framework = {
        "eu_us": "du cadre de protection des données UE-États-Unis",
        "uk_extension": "de l’extension britannique du cadre de protection des données",
        "swiss_us": "du cadre de protection des données Suisse-États-Unis",
    }[part]
    now = "est désormais" if certified else "n’est plus"
    return f"{name} {now} indiqué comme certifié au titre {framework}"


def change_no_copy(name: str) -> str:
    return (
        f"{name}{NB}: il n’y a plus de copie d’une garantie à demander, le transfert reposant sur "
        "une décision d’adéquation"
    )


def change_host_contact(name: str) -> str:
    return f"Mentions légales{NB}: nouvelle adresse ou nouveau téléphone de notre hébergeur {name}"


def change_complaint_channel(value: str, added: bool) -> str:
    if added:
        return f"Nouveau moyen de nous adresser une réclamation{NB}: {value}"
    return f"Nous ne recevons plus de réclamations à l’adresse {value}"


def change_acknowledgement(within: str, before: str | None) -> str:
    if before is None:
        return (
            "Nous indiquons désormais que nous accusons réception de chaque réclamation dans un "
            f"délai de {within}"
        )
    return (
        f"Nous accusons désormais réception des réclamations dans un délai de {within} au lieu "
        f"de {before}"
    )


def change_complaint_details() -> str:
    return "Nous avons modifié ce que nous disons du traitement des réclamations"


def change_choice_kept(duration: str | None, before: str | None) -> str:
    """How long a consent choice is kept changed; None: it is (or was) not stored."""
    if duration is None:
        return (
            f"Nous n’enregistrons plus votre choix en matière de cookies{NB}: la question vous "
            "est posée à chaque fois"
        )
    if before is None:
        return (
            f"Nous conservons désormais votre choix en matière de cookies pendant {duration}"
            f"{NN}; auparavant, il n’était pas enregistré"
        )
    return (
        f"Nous conservons désormais votre choix en matière de cookies pendant {duration} au "
        f"lieu de {before}"
    )


def change_online_only(online_only: bool) -> str:
    if online_only:
        return (
            "Les résidents de Californie envoient désormais leurs demandes par courriel ou par "
            f"formulaire{NB}: notre activité est exclusivement en ligne"
        )
    return (
        "Les résidents de Californie peuvent désormais aussi adresser leurs demandes à notre "
        "numéro gratuit"
    )


# --- phrases courtes ------------------------------------------------------------------------

PURPOSES_INTRO = "Nous traitons des données personnelles uniquement pour les finalités suivantes."
CCPA_NON_DISCRIMINATION = (
    "Nous ne vous traiterons pas de manière discriminatoire et n’exercerons aucune représaille "
    "parce que vous exercez ces droits, par exemple en vous refusant des biens ou des services ou "
    "en vous appliquant un prix différent (§1798.125)."
)


def latest_change(history: Inline) -> Spans:
    return (
        "La date indiquée en haut de page est celle de la dernière modification. Chaque version "
        f"et ce qui a changé dans chacune{NB}: ",
        history,
        ".",
    )


# === Names lang-policy-de is adding to en.py (issue 14): the pages' frame and every section ===
# Written ahead from their announced draft, so French pages follow as soon as the builders
# call them; placeholders ({name}, {link}...) are the builders', kept as en.py has them.

# --- adresses des pages : slugs français (/confidentialite/, /mentions-legales/) ------------

SLUGS = {
    "privacy": "confidentialite/",
    "cookies": "cookies/",
    "legal-notice": "mentions-legales/",
    "history": "confidentialite/historique/",
    "version": "confidentialite/versions/",
}

# --- listes, durées, nom du règlement et citations ------------------------------------------

AND = "et"
OR = "ou"
_UNITS = {
    "years": "duration-year",
    "months": "duration-month",
    "weeks": "duration-week",
    "days": "duration-day",
    "hours": "duration-hour",
    "minutes": "duration-minute",
    "seconds": "duration-second",
}


def duration(period: Duration) -> str:
    """'6 mois', '1 an et 6 mois', 'la durée de la session de navigation' (Babel, CLDR units)."""
    if period.is_session:
        return "la durée de la session de navigation"
    if period.is_until_cleared:
        return "jusqu’à ce que vous l’effaciez"
    parts = [
        format_unit(getattr(period, unit), name, length="long", locale=_LOCALE)
        for unit, name in _UNITS.items()
        if getattr(period, unit)
    ]
    return join(parts, AND)


def law_name(eu: bool, uk: bool) -> str:
    if eu and uk:
        return "RGPD et UK GDPR"
    return "UK GDPR" if uk else "RGPD"


def cite(article: str, law: str) -> str:
    """'Art. 12(5)' and 'RGPD' -> 'article 12, paragraphe 5, du RGPD'."""
    of_law = {
        "RGPD": "du RGPD",
        "UK GDPR": "du UK GDPR",
        "RGPD et UK GDPR": "du RGPD et du UK GDPR",
    }
    cited = french_citation(article)
    comma = "," if "(" in article else ""
    return f"{cited}{comma} {of_law.get(law, 'de ' + law)}"


BASIS = {
    LegalBasis.CONSENT: "votre consentement",
    LegalBasis.CONTRACT: "l’exécution d’un contrat avec vous, ou de mesures précontractuelles "
    "prises à votre demande",
    LegalBasis.LEGAL_OBLIGATION: "le respect d’une obligation légale à laquelle nous sommes soumis",
    LegalBasis.VITAL_INTERESTS: "la sauvegarde des intérêts vitaux d’une personne",
    LegalBasis.PUBLIC_TASK: "l’exécution d’une mission d’intérêt public",
    LegalBasis.LEGITIMATE_INTERESTS: "nos intérêts légitimes",
}

# --- conservation, moyens de contact, dates et liens communs à toutes les pages -------------

AS_THE_LAW_REQUIRES = "aussi longtemps que la loi l’exige"
UNTIL = "jusqu’à {criteria}"
AFTER = "{duration} après {start}"
RECEIVED = "la réception de votre message"  # the inbox's one rule: counted from receipt
CHANNEL = {
    "email": "par courriel à {link}",
    "form": "par notre {link}",
    "form_url": "par le formulaire à l’adresse {link}",
    "phone": "par téléphone au {link}",
    "post": "par courrier à {address}",
}
CONTACT_FORM = "formulaire de contact"
PRIVACY_POLICY_LINK = "politique de confidentialité"
HISTORY_LINK = "historique de cette politique"
DRAFT = f"Projet{NB}: pas encore en vigueur"
DRAFT_NOTICE = (
    "{draft}. Ce texte n’entrera en vigueur, à la date de sa publication, qu’une fois publié"
    f"{NN}; d’ici là, c’est la version publiée figurant dans l’{{history}} qui s’applique, s’il "
    "en existe une."
)
LAST_UPDATED = (
    f"Dernière mise à jour{NB}: {{date}} (en vigueur depuis cette date). Toutes les versions "
    "antérieures restent consultables dans l’{history}."
)

# --- le cadre de la politique de confidentialité --------------------------------------------

PRIVACY_TITLE = "Politique de confidentialité"
POLICY_INTRO = (
    "La présente politique explique comment {controller} traite les données personnelles sur le "
    "site {site}, à l’adresse {url}. {promise}"
)
DATA_HEADING = "Les données personnelles que nous traitons"
DATA_INTRO = f"Voici toutes les catégories de données personnelles que nous traitons{NB}:"
DATA_USED_FOR = f"{{label}}, utilisées pour{NB}: {{purposes}}."
SEARCH_NOT_KEPT = "Nous n’enregistrons ni ne journalisons ce que vous recherchez sur ce site."
CHANGES_HEADING = "Modifications de la présente politique"
HISTORY_WORD = "historique"

# --- pays ------------------------------------------------------------------------------------


def country(code: str) -> str:
    """'États-Unis', in a list or in brackets."""
    return country_name(code)


def country_in_sentence(code: str) -> str:
    """The French name; the sentences of this module add its preposition (in_country)."""
    return country_name(code)


# --- qui est responsable (article 13, paragraphe 1, points a) et b), articles 27 et 37 à 39) -

EMAIL = "Courriel"
PHONE = "Téléphone"
NAME = "Nom"
CONTROLLER_HEADING = "Qui est responsable de vos données"
CONTROLLER_IS = f"Le responsable du traitement de vos données personnelles est {{name}}{NB}:"
DPO_HEADING = "Notre délégué à la protection des données"
DPO_INTRO = (
    "Nous avons désigné un délégué à la protection des données (DPO). Vous pouvez le contacter "
    f"directement pour toute question relative à vos données personnelles{NB}:"
)


def representative_heading(uk: bool) -> str:
    return f"Notre représentant {'au Royaume-Uni' if uk else 'dans l’Union européenne'}"


def representative(uk: bool) -> str:
    """Article 27 du RGPD / du UK GDPR."""
    where, law = ("au Royaume-Uni", "du UK GDPR") if uk else ("dans l’Union", "du RGPD")
    return (
        f"N’étant pas établis {where}, nous y avons désigné un représentant (article 27 {law}). "
        f"Vous pouvez vous adresser à lui pour toute question relative à la présente politique{NB}:"
    )


# --- finalités (article 13, paragraphe 1, points c) et d), paragraphe 2, points a) et e) ;
# article 9) -------------------------------------------------------------------------------------

PURPOSES_HEADING = "Pourquoi nous utilisons vos données"
PURPOSE_ROWS = {
    "purpose": "Finalité",
    "data": "Données",
    "sources": "Origine",
    "basis": "Base légale",
    "interest": "Notre intérêt légitime",
    "special": "Catégories particulières de données",
    "withdraw": "Retrait du consentement",
    "recipients": "Destinataires",
    "kept": "Durée de conservation",
}
WITHDRAW_ANY_TIME = f"Vous pouvez retirer votre consentement à tout moment{NB}: {{how}}"
KEEP_IT = "Nous les conservons {kept}."
FOR = "pendant {period}"
NOBODY_OUTSIDE = "Personne en dehors de {us}."
_CONDITIONS = {
    "explicit_consent": "consentement explicite",
    "employment_social_security": "droit du travail, de la sécurité sociale et de la protection "
    "sociale",
    "vital_interests": "sauvegarde des intérêts vitaux",
    "not_for_profit_body": "organisme à but non lucratif, pour ses membres",
    "made_public": "données manifestement rendues publiques par vous",
    "legal_claims": "constatation, exercice ou défense de droits en justice",
    "substantial_public_interest": "motifs d’intérêt public important",
    "health_or_social_care": "médecine préventive, diagnostics médicaux, soins ou protection "
    "sociale",
    "public_health": "santé publique",
    "archiving_research_statistics": "archivage, recherche scientifique ou historique, ou "
    "statistiques",
}


def special_condition(cited: str, condition: str) -> str:
    """Article 9, paragraphe 2: the condition's point and its words in the French version."""
    condition = _CONDITIONS.get(condition, condition)
    return f"{NB}: traitées en vertu de l’{french_citation(cited)} ({condition})."


# --- destinataires et transferts (article 13, paragraphe 1, points e) et f) ; chapitre V) ---

RECIPIENTS_HEADING = "Qui reçoit vos données"
NOBODY_RECEIVES = "Nous ne communiquons vos données personnelles à personne en dehors de {us}."
RECIPIENTS_INTRO = (
    f"Ces entreprises reçoivent de notre part des données personnelles, pour les finalités "
    f"indiquées{NB}:"
)
RECIPIENTS_CAPTION = "Destinataires des données personnelles"
RECIPIENTS_HEAD = (
    "Destinataire",
    "Qualité",
    "Ce qu’il fait",
    "Lieu",
    "Pour quelles finalités (quelles données)",
)
RECIPIENT_ROLES = {
    RecipientRole.PROCESSOR: f"sous-traitant{NB}: traite les données uniquement sur nos "
    "instructions",
    RecipientRole.CONTROLLER: f"responsable du traitement{NB}: décide lui-même de l’usage qu’il "
    "fait des données",
    RecipientRole.JOINT_CONTROLLER: f"responsable conjoint du traitement{NB}: décide avec nous "
    "de l’usage des données",
}
ROLE_NAMES = {
    RecipientRole.PROCESSOR: "sous-traitant",
    RecipientRole.CONTROLLER: "responsable du traitement",
    RecipientRole.JOINT_CONTROLLER: "responsable conjoint du traitement",
}


def regions(eu: bool, uk: bool) -> str:
    return join([name for name, given in (("l’EEE", eu), ("le Royaume-Uni", uk)) if given], AND)


def transfers_heading(regions: str) -> str:
    return f"Transferts hors de {regions}"


FROM_THE_UK = f"{NN}; pour les transferts depuis le Royaume-Uni{NB}: "
EU_SAFEGUARDS = {
    TransferMechanism.ADEQUACY: "une décision d’adéquation de la Commission européenne "
    "(article 45 du RGPD)",
    TransferMechanism.EU_US_DPF: "le cadre de protection des données UE-États-Unis, décision "
    "d’adéquation de la Commission européenne (article 45 du RGPD)",
    TransferMechanism.SCC: "des clauses types de protection des données adoptées par la "
    "Commission européenne (article 46, paragraphe 2, point c), du RGPD)",
    TransferMechanism.BCR: "des règles d’entreprise contraignantes (article 46, paragraphe 2, "
    "point b), et article 47 du RGPD)",
    TransferMechanism.CODE_OF_CONDUCT: "un code de conduite approuvé (article 46, paragraphe 2, "
    "point e), du RGPD)",
    TransferMechanism.CERTIFICATION: "un mécanisme de certification approuvé (article 46, "
    "paragraphe 2, point f), du RGPD)",
    TransferMechanism.ART49_CONSENT: "votre consentement explicite au transfert (article 49, "
    "paragraphe 1, point a), du RGPD)",
    TransferMechanism.ART49_CONTRACT: "la nécessité du transfert pour l’exécution d’un contrat "
    "avec vous (article 49, paragraphe 1, point b), du RGPD)",
}
UK_SAFEGUARDS = {
    UkTransferMechanism.UK_ADEQUACY: "la réglementation britannique d’adéquation (article 45 du "
    "UK GDPR)",
    UkTransferMechanism.UK_US_DATA_BRIDGE: f"le «{NB}UK-US data bridge{NB}», réglementation "
    "britannique d’adéquation (article 45 du UK GDPR)",
    UkTransferMechanism.IDTA: "l’International Data Transfer Agreement (IDTA) publié par l’ICO "
    "(article 46 du UK GDPR)",
    UkTransferMechanism.UK_ADDENDUM: "l’avenant britannique (UK Addendum) aux clauses types de "
    "l’UE (article 46 du UK GDPR)",
    UkTransferMechanism.BCR: "des règles d’entreprise contraignantes (article 47 du UK GDPR)",
    UkTransferMechanism.ART49_CONSENT: "votre consentement explicite au transfert (article 49, "
    "paragraphe 1, point a), du UK GDPR)",
    UkTransferMechanism.ART49_CONTRACT: "la nécessité du transfert pour l’exécution d’un contrat "
    "avec vous (article 49, paragraphe 1, point b), du UK GDPR)",
}

# --- droits (articles 12 à 22, 7, paragraphe 3, et 77 du RGPD) ------------------------------

RIGHTS_HEADING = "Vos droits"
RIGHTS_INTRO = (
    "En vertu du {law}, vous disposez des droits ci-dessous. Leur exercice est gratuit ({cite})"
    f"{NN}; la manière de les exercer est expliquée à la fin de cette partie."
)
RIGHT_HEADINGS = {
    "access": "Droit d’accès",
    "rectification": "Droit de rectification",
    "erasure": "Droit à l’effacement",
    "restriction": "Droit à la limitation du traitement",
    "portability": "Droit à la portabilité des données",
    "object": "Droit d’opposition",
    "withdraw": "Droit de retirer votre consentement",
    "complaint": "Droit d’introduire une réclamation",
    "how": "Comment exercer vos droits",
}
ACCESS = (
    "Vous avez le droit de savoir si nous traitons des données personnelles vous concernant et, "
    "le cas échéant, d’en obtenir une copie ainsi que les informations figurant dans la présente "
    "politique ({cite})."
)
RECTIFICATION = (
    "Vous avez le droit d’obtenir la rectification des données inexactes vous concernant et que "
    "les données incomplètes soient complétées ({cite})."
)
RESTRICTION = (
    "Vous avez le droit d’obtenir la limitation du traitement de vos données, de sorte que nous "
    "ne fassions que les conserver, par exemple le temps de vérifier leur exactitude ({cite})."
)
_OBJECT = (
    "Vous avez le droit de vous opposer à tout moment, pour des raisons tenant à votre situation "
    "particulière, au traitement de vos données pour {{purposes}}, fondé sur {interests}. Nous "
    "cessons alors le traitement, à moins de démontrer des motifs légitimes et impérieux qui "
    "prévalent sur vos intérêts, droits et libertés, ou d’en avoir besoin pour la constatation, "
    "l’exercice ou la défense de droits en justice ({{cite}})."
)
OBJECT = {  # selon qu’une finalité repose sur une mission d’intérêt public (article 6, § 1, e))
    False: _OBJECT.format(interests="nos intérêts légitimes"),
    True: _OBJECT.format(interests="nos intérêts légitimes ou une mission d’intérêt public"),
}
COOKIE_STATEMENT_LINK = "politique relative aux cookies"
WITHDRAW_STORAGE = f"Cookies et traceurs similaires{NB}: comme l’explique notre {{link}}."
WITHDRAW_INTRO = (
    "Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment, aussi "
    "simplement que vous l’avez donné. Le retrait ne compromet pas la licéité du traitement "
    f"effectué avant ce retrait ({{cite}}). Comment faire{NB}:"
)
HOW_INTRO = f"Adressez-nous votre demande par l’un de ces moyens{NB}:"
ANSWER_WITHIN = (
    "Nous vous répondons dans un délai de {time} à compter de la réception de votre demande "
    "({cite})."
)
VERIFICATION = (
    f"Pour nous assurer de ne communiquer les données qu’à la personne concernée{NB}: {{how}}"
)

# --- décision individuelle automatisée (article 22 ; article 13, paragraphe 2, point f)) ----

AUTOMATED_HEADING = "Décision individuelle automatisée"
NO_AUTOMATED = (
    f"Nous ne prenons aucune décision automatisée à votre égard{NB}: aucune décision produisant "
    "des effets juridiques vous concernant ou vous affectant de manière significative de façon "
    "similaire n’est fondée exclusivement sur un traitement automatisé, y compris le profilage "
    "({cite})."
)
AUTOMATED = (
    "Nous prenons à votre égard des décisions fondées exclusivement sur un traitement automatisé "
    f"({{cite}}){NB}:"
)
AUTOMATED_ROWS = {
    "logic": "La logique sous-jacente",
    "significance": "Ce que cela signifie pour vous",
    "consequences": "Les conséquences",
}
AUTOMATED_REVIEW = (
    "Vous avez le droit d’obtenir une intervention humaine, d’exprimer votre point de vue et de "
    "contester la décision."
)

# --- en bref ---------------------------------------------------------------------------------

GLANCE_HEADING = "En bref"
GLANCE_WHO = f"Qui sommes-nous{NN}? {{name}}, {{address}}."
GLANCE_PURPOSE = f"{{purpose}}{NB}: {{data}}{NN}; conservées {{kept}}."
GLANCE_NOBODY = "Personne en dehors de nous ne reçoit vos données personnelles."
GLANCE_RECIPIENTS = f"Qui d’autre les reçoit{NB}: {{names}}."
GLANCE_NO_STORAGE = f"Cookies{NB}: aucun. Ce site n’enregistre rien sur votre appareil."
GLANCE_NO_TRACKING = (
    "Aucune autre entreprise ne suit, par l’intermédiaire de ce site, votre navigation sur "
    "d’autres sites."
)
GLANCE_TRACKING = (
    f"Autres entreprises qui déposent ici des traceurs sur votre appareil{NB}: {{names}}."
)
GLANCE_RIGHTS = {
    "access": "consulter, rectifier et effacer vos données",
    "restrict": "en limiter l’utilisation",
    "portability": "les récupérer",
    "object": "vous opposer à leur utilisation",
    "withdraw": "retirer votre consentement",
}
GLANCE_YOUR_RIGHTS = f"{{rights}}{NB}: vous pouvez {{can}}. Adressez-vous à nous {{ways}}."


def glance_storage(count: int, consent: int) -> str:
    """The summary's line on storage; `{link}` is the cookie statement."""
    words = f"{count} traceur{'s' if count > 1 else ''}"
    if consent:
        words += f", dont {consent} uniquement avec votre consentement"
    return f"Cookies et traceurs similaires{NB}: {words}{NN}; voir notre {{link}}."


# --- cookies et traceurs (article 82 de la loi Informatique et Libertés ; CNIL, délibérations
# n° 2020-091 et 2020-092) ------------------------------------------------------------------------

STORAGE_CITATIONS = {
    "DE": {
        StorageExemption.STRICTLY_NECESSARY: "§ 25, al. 2, no 2, TDDDG (Allemagne)",
        StorageExemption.COMMUNICATION: "§ 25, al. 2, no 1, TDDDG (Allemagne)",
    },
    "EU": {
        StorageExemption.STRICTLY_NECESSARY: "article 5, paragraphe 3, de la directive 2002/58/CE",
        StorageExemption.COMMUNICATION: "article 5, paragraphe 3, de la directive 2002/58/CE",
    },
    "UK": {
        StorageExemption.STRICTLY_NECESSARY: "PECR, reg. 6(4)(b) (Royaume-Uni)",
        StorageExemption.COMMUNICATION: "PECR, reg. 6(4)(a) (Royaume-Uni)",
        StorageExemption.UK_STATISTICS: "PECR, reg. 6 et annexe A1 (Royaume-Uni)",
        StorageExemption.UK_APPEARANCE: "PECR, reg. 6 et annexe A1 (Royaume-Uni)",
    },
    # A controller in France: article 82 of the loi Informatique et Libertés, as the CNIL's
    # lignes directrices (délibération n° 2020-091) read its two exemptions.
    "FR": {
        StorageExemption.STRICTLY_NECESSARY: "article 82 de la loi Informatique et Libertés",
        StorageExemption.COMMUNICATION: "article 82 de la loi Informatique et Libertés",
    },
}
STORAGE_TYPES = {
    StorageType.COOKIE: "cookie",
    StorageType.LOCAL_STORAGE: "stockage local (local storage)",
    StorageType.SESSION_STORAGE: "stockage de session (session storage)",
    StorageType.INDEXED_DB: "IndexedDB",
    StorageType.CACHE_STORAGE: "cache du navigateur (cache storage)",
    StorageType.PIXEL: "pixel",
}
STORAGE_HEADING = "Cookies et traceurs similaires"
NO_STORAGE = (
    "Nous n’utilisons sur ce site ni cookies ni traceurs similaires (stockage local, stockage de "
    "session, IndexedDB, cache du navigateur, pixels). Le site n’enregistre rien sur votre "
    f"appareil et n’y lit rien{NB}: il n’y a donc rien à consentir."
)
STORAGE_INTRO = f"Ce site enregistre sur votre appareil, ou y lit, les éléments suivants{NB}:"
HOW_TO_CHOOSE = f"Pour accepter, refuser ou modifier votre choix{NB}: voir notre {{link}}."
STORAGE_CAPTION = "Cookies et traceurs similaires sur ce site"
STORAGE_HEAD = ("Nom", "Type", "Déposé par", "Finalité", "Durée de vie", "Base légale")
FIRST_PARTY = "nous (traceur interne)"
THIRD_PARTY = "{name} (traceur tiers)"
COOKIES_TITLE = "Politique relative aux cookies"
COOKIES_INTRO = (
    "Cette page recense tout ce que le site {site} enregistre sur votre appareil ou y lit"
    f"{NB}: les cookies et les technologies similaires, comme le stockage local et les pixels."
)
YOUR_PERSONAL_DATA = "Vos données personnelles"
COOKIES_TO_POLICY = (
    "La manière dont nous traitons les données personnelles en général, et vos droits, sont "
    "décrits dans notre {link}."
)
CHOICE_HEADING = "Votre choix"


def consent_first(count: int) -> str:
    """Article 82: nothing before consent; refusing as easy as accepting (CNIL 2020-092)."""
    them = "le" if count == 1 else "les"
    return (
        f"Nous ne déposons {{names}} qu’après votre accord{NN}; d’ici là, le site ne {them} dépose "
        f"ni ne {them} lit. Refuser est aussi simple qu’accepter."
    )


CHANGE_CHOICE_HEADING = "Modifier ou retirer votre choix"
CHANGE_CHOICE = (
    "Vous pouvez retirer votre consentement à tout moment, pour l’avenir, aussi simplement que "
    f"vous l’avez donné{NB}:"
)
REFUSE_HEADING = "Si vous refusez"
REFUSE_INTRO = f"Sans votre consentement, voici ce qui ne fonctionne pas{NB}:"
TELL_US = "Dites-le-nous {channel}"
UK_OBJECTION_HEADING = "Vous opposer aux traceurs de statistiques et d’apparence"
UK_OBJECTION = (
    "Le droit britannique (PECR, modifiées par le Data (Use and Access) Act 2025) nous permet de "
    "déposer {names} sans vous le demander au préalable, car ils servent uniquement à compter les "
    "visites ou à mémoriser l’apparence du site pour vous. Vous pouvez vous y opposer à tout "
    f"moment, et nous cessons alors. Dites-le-nous{NB}:"
)

# --- historique et pages des versions (article 13, paragraphe 3 : changements annoncés, datés)

HISTORY_TITLE = "Historique de la politique de confidentialité"
HISTORY_INTRO = (
    "Toutes les versions de notre {policy}, de la plus récente à la plus ancienne, avec ce qui a "
    "changé dans chacune. Chaque version reste consultable à sa propre adresse."
)
FIRST = "Première version publiée de cette politique."
FIRST_ONCE_RELEASED = "Première version publiée de cette politique, une fois publiée."
REVIEWED = "Aucune modification (relue)"
IN_EFFECT_NOW = "C’est la version actuellement en vigueur."
DRAFT_WOULD_CHANGE = f"Publier ce projet apporterait les modifications suivantes{NB}:"
DRAFT_PREVIEW = "{draft} (aperçu)"
CURRENT_POLICY_LINK = "politique de confidentialité en vigueur"
VERSION_NOTICE = {  # selon que la version est celle en vigueur
    True: "Ceci est la version de notre politique de confidentialité publiée le {date}. C’est la "
    f"version en vigueur, identique à la {{current}}. Toutes les versions{NB}: {{history}}.",
    False: "Ceci est la version de notre politique de confidentialité publiée le {date}. Elle "
    f"n’est plus en vigueur{NN}; consultez la {{current}}. Toutes les versions{NB}: {{history}}.",
}


def reworded(title: str, heading: str) -> str:
    """A change no other line names: the section whose words changed."""
    return f"Reformulation dans la rubrique «{NB}{heading}{NB}» ({title[:1].lower()}{title[1:]})"


# --- pistage par d’autres entreprises -------------------------------------------------------

TRACKING_HEADING = "Pistage par d’autres entreprises"
TRACKERS = (
    "Ces autres entreprises déposent ou lisent des traceurs sur votre appareil par l’intermédiaire "
    "de ce site, ce qui leur permet de recueillir des informations sur votre navigation au fil du "
    f"temps et sur d’autres sites{NB}: {{names}}."
)
NO_TRACKERS = (
    "Aucune autre entreprise ne recueille, par l’intermédiaire de ce site, d’informations "
    "permettant de vous identifier sur votre navigation au fil du temps et sur d’autres sites"
    f"{NB}: aucune autre entreprise ne dépose ni ne lit ici de traceur sur votre appareil."
)
CONTACTED = (
    "Des pages de ce site amènent votre navigateur à se connecter aux serveurs de {names}, ce qui "
    "leur transmet votre adresse IP et l’adresse de la page. La génération du site le vérifie "
    "sur chaque page, et le rapport de transparence recense chaque serveur contacté."
)

# Between spans the builders put together: French typography's spaces before : and ;
COLON = NB + ": "
SEMICOLON = NN + "; "

# --- la liste des modifications : une phrase par type de changement (changes.py) ------------

LAW_NAMES = {
    Jurisdiction.EU_GDPR: "le RGPD",
    Jurisdiction.UK_GDPR: "le UK GDPR",
    Jurisdiction.EPRIVACY: f"les règles européennes sur les cookies (directive «{NB}vie privée "
    f"et communications électroniques{NB}»)",
    Jurisdiction.US_CA_CALOPPA: "la loi californienne CalOPPA",
    Jurisdiction.US_CA_CCPA: "la loi californienne CCPA",
    Jurisdiction.CA_PIPEDA: "la loi canadienne LPRPDE (PIPEDA)",
}
CHANGE_ROLES = {
    "processor": "sous-traitant, agissant uniquement sur nos instructions",
    "controller": "responsable du traitement, décidant lui-même de l’usage des données",
    "joint_controller": "responsable conjoint du traitement, décidant avec nous de l’usage des "
    "données",
}
NOTICE_FIELDS = {
    "legal_form": "notre forme juridique",
    "commercial_register": "notre immatriculation",
    "registered_office": "notre siège social",
    "vat_id": "notre numéro de TVA",
    "share_capital": "notre capital social",
    "publication_director": "notre directeur de la publication",
    "regulator": "notre ordre professionnel ou autorité de tutelle",
}
STORAGE_FIELDS = {
    "type": "son type",
    "provider": "qui le dépose",
    "exemption": "pourquoi il est dispensé de consentement",
    "if_refused": "ce qu’implique un refus",
}
IN_REGION = {"eu": "dans l’Union européenne", "uk": "au Royaume-Uni"}
SET_BY_US = "déposé par nous"
CHANGES = {
    "also_published": "La politique est désormais publiée aussi en {language}",
    "version_edit": f"Dans la version en {{language}}{NB}: {{line}}",
    "version_reworded": "La version en {language} a été reformulée",
    "not_published": "La politique n’est plus publiée en {language}",
    "law_added": "La politique couvre désormais {law}",
    "law_removed": "La politique ne couvre plus {law}",
    "site_name": f"Le site s’appelle désormais {{name}} (auparavant{NB}: {{before}})",
    "site_url": "L’adresse du site est désormais {url}",
    "controller": "Le responsable du traitement de vos données est désormais {name} "
    f"(auparavant{NB}: {{before}})",
    "address": "Notre adresse postale est désormais {address}",
    "email": "Notre adresse électronique pour les questions de confidentialité est désormais "
    "{email}",
    "phone": "Notre numéro de téléphone est désormais {phone}",
    "no_phone": "Nous n’indiquons plus de numéro de téléphone",
    "notice": f"Mentions légales{NB}: modification de {{fields}}",
    "representative_gone": "Nous n’avons plus de représentant {where}",
    "representative_new": f"Nouveau représentant {{where}}{NB}: {{name}}",
    "representative_now": "Notre représentant {where} est désormais {name}",
    "representative_contact": "Nouvelles coordonnées de notre représentant {where}",
    "dpo_new": "Nous avons désigné un délégué à la protection des données, joignable à {email}",
    "dpo_gone": "Nous n’avons plus de délégué à la protection des données",
    "dpo_contact": f"Nouvelles coordonnées de notre délégué à la protection des données{NB}: "
    "{email}",
    "authority": "L’autorité de contrôle dont nous relevons est désormais {name}",
    "category_new": f"Nouvelle catégorie de données personnelles{NB}: {{label}}",
    "category_gone": f"Nous ne traitons plus{NB}: {{label}}",
    "category_label": f"{{before}} est désormais décrit ainsi{NB}: {{label}}",
    "sensitive": "{label} relève désormais des catégories particulières de données ({kind})",
    "not_sensitive": "{label} ne relève plus des catégories particulières de données",
    "purpose_new": f"Nouvelle finalité{NB}: {{name}} ({{purpose}})",
    "purpose_gone": f"Finalité supprimée{NB}: {{name}} ({{purpose}})",
    "purpose_text": f"{{name}} est désormais décrite ainsi{NB}: {{purpose}}",
    "basis": "{name} repose désormais sur {basis} au lieu de {before}",
    "interest": f"{{name}}{NB}: notre intérêt légitime est désormais{NB}: {{interest}}",
    "withdraw": f"{{name}}{NB}: vous retirez désormais votre consentement {{how}}",
    "consequence": f"{{name}}{NB}: si vous ne fournissez pas les données{NB}: {{consequence}}",
    "retention": f"{{name}}{NB}: les données sont désormais conservées {{change}}",
    "instead": "{after} au lieu de {before}",
    "special": f"{{name}}{NB}: les catégories particulières de données sont désormais traitées "
    "en vertu de l’{article}",
    "receives": "{recipient} reçoit désormais aussi des données pour {name}",
    "no_longer_receives": "{recipient} ne reçoit plus de données pour {name}",
    "uses_more": f"{{name}} utilise désormais aussi{NB}: {{labels}}",
    "uses_less": f"{{name}} n’utilise plus{NB}: {{labels}}",
    "recipient_new": f"Nouveau destinataire{NB}: {{name}} ({{country}})",
    "recipient_new_for": f"Nouveau destinataire{NB}: {{name}} ({{country}}), pour {{uses}}",
    "recipient_gone": "{name} ne reçoit plus de données personnelles",
    "renamed": "{before} s’appelle désormais {name}",
    "moved": f"{{name}} traite désormais les données dans le pays suivant{NB}: {{country}} "
    f"(auparavant{NB}: {{before}})",
    "role": f"{{name}} intervient désormais en qualité de{NB}: {{role}}",
    "does": f"{{name}} fait désormais ceci pour nous{NB}: {{purpose}}",
    "privacy_url": f"Nouvelle adresse de la politique de confidentialité de {{name}}{NB}: {{url}}",
    "connects": "Sur nos pages, votre navigateur se connecte désormais aux serveurs de {name}",
    "no_longer_connects": "Votre navigateur ne se connecte plus aux serveurs de {name}",
    "transfer": f"Les transferts vers {{name}} reposent désormais sur{NB}: {{safeguard}}",
    "transfer_uk": "Les transferts vers {name} depuis le Royaume-Uni reposent désormais sur"
    f"{NB}: {{safeguard}}",
    "copy": f"{{name}}{NB}: pour obtenir désormais une copie de la garantie{NB}: {{how}}",
    "storage_new": f"Nouveau traceur ({{type}}){NB}: {{name}} ({{by}}), {{purpose}}",
    "storage_gone": f"Traceur supprimé ({{type}}){NB}: {{name}}",
    "storage_what": "Le traceur {name} ({type})",
    "storage_lasts": "{what} dure désormais {duration} au lieu de {before}",
    "storage_consent": "{what} n’est désormais déposé qu’avec votre consentement",
    "storage_no_consent": "{what} n’est plus soumis à votre consentement",
    "storage_purpose": f"{{what}} sert désormais à{NB}: {{purpose}}",
    "storage_fields": f"{{what}}{NB}: modification de {{fields}}",
    "decisions_new": "Nous prenons désormais des décisions automatisées vous concernant"
    f"{NB}: {{logic}}",
    "decisions_gone": "Nous ne prenons plus de décisions automatisées vous concernant",
    "decisions_changed": "Nous avons modifié ce que nous disons de nos décisions automatisées",
    "channel_new": f"Nouveau moyen de nous adresser une demande{NB}: {{value}}",
    "channel_gone": "Nous ne recevons plus de demandes à l’adresse {value}",
    "response": "Nous répondons désormais aux demandes dans un délai de {time} au lieu de {before}",
    "verification": "Nous avons modifié la manière dont nous vérifions qu’une demande vient de "
    "vous",
    "authorized_agent": "Nous avons modifié la manière dont un mandataire peut faire une demande "
    "pour vous",
    "policy": "Nous avons modifié la manière dont nous vous informons des modifications de la "
    "présente politique",
    # L’obligation de fournir les données (art. 13, paragraphe 2, point e), du RGPD), selon ce
    # que changes.py distingue.
    "obligation_browser": f"{{name}}{NB}: aucune loi ni aucun contrat n’exige ces données{NN}; "
    "votre navigateur les transmet de lui-même",
    "obligation_none": f"{{name}}{NB}: vous n’êtes pas tenu de fournir ces données{NN}; "
    "c’est facultatif",
    "obligation_contract": f"{{name}}{NB}: nous indiquons désormais que ces données nous sont "
    "nécessaires pour un contrat avec vous",
    "obligation_law": f"{{name}}{NB}: nous indiquons désormais que la loi vous oblige à fournir "
    "ces données",
}
