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
- Mentions légales: loi n° 2004-575 du 21 juin 2004 (LCEN), formerly article 6, III, 1;
  since the loi n° 2024-449 du 21 mai 2024 (SREN, in force 23 May 2024) the same duties
  (éditeur, directeur de la publication, hébergeur: nom, adresse, téléphone) sit in its
  article 1-1. Numbering from a secondary source (stop-wise.biz, "LCEN after the SREN law");
  the consolidated Légifrance text in the search corpus predates SREN, so the old text
  (art. 6, III, 1, a) to d)) was checked there, not the new number.
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
from declaration import Obligation, OfficerRole
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


def _country_code(country: str) -> str | None:
    """The ISO code for a code or an English name as the builders pass it ('the United States')."""
    if len(country) == 2 and country.isupper():
        return country
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
        spans.append(f" Dans le formulaire, nous avons besoin de {field_names(required_fields)}")
        if optional_fields:
            spans.append(f"{NN}; vous pouvez omettre {field_names(optional_fields)}")
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
    # LCEN art. 1-1 since the loi SREN (formerly art. 6, III, 1): see the module docstring.
    "FR": f"Qui édite et héberge ce site (article 1-1 de la loi n°{NB}2004-575 du 21 juin 2004 "
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


def disputes(participation: str, board: Spans | None) -> Spans:
    """§ 36, al. 1, VSBG (German law, for a business established in Germany): a clear yes or
    no, and the board with its address and website when yes."""
    if participation == "not_willing":
        return (
            "Nous ne sommes ni disposés ni tenus à participer à une procédure de règlement des "
            "litiges devant un organe de conciliation des consommateurs (§ 36 VSBG).",
        )
    verb = "sommes tenus" if participation == "obliged" else "sommes disposés"
    return (
        f"Nous {verb} à participer à une procédure de règlement des litiges devant l’organe de "
        f"conciliation des consommateurs suivant (§ 36 VSBG){NB}: ",
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


def change_obligation(purpose: str, obligation: Obligation, automatic: bool = False) -> str:
    """`automatic`: data the browser sends by itself (server logs)."""
    if obligation is Obligation.NONE and automatic:
        return (
            f"{purpose}{NB}: aucune loi ni aucun contrat n’exige ces données{NN}; votre navigateur "
            "les transmet de lui-même"
        )
    if obligation is Obligation.NONE:
        return f"{purpose}{NB}: vous n’êtes pas tenu de fournir ces données{NN}; c’est facultatif"
    if obligation is Obligation.CONTRACT:
        return (
            f"{purpose}{NB}: nous indiquons désormais que ces données nous sont nécessaires pour "
            "un contrat avec vous"
        )
    return f"{purpose}{NB}: nous indiquons désormais que la loi vous oblige à fournir ces données"


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
