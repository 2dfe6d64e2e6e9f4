"""Deutsche Rechtstexte: die Sätze der Datenschutzerklärung, der Cookie-Hinweise und des Impressums.

Geschrieben, wie deutsche Datenschutzerklärungen sprechen, mit den amtlichen Bezeichnungen und
der deutschen Zitierweise: "Art. 6 Abs. 1 lit. f DSGVO", "§ 25 Abs. 2 Nr. 2 TDDDG" (das TTDSG
heißt seit dem 14. Mai 2024 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz), "§ 5 DDG"
(das Digitale-Dienste-Gesetz löste am 14. Mai 2024 das Telemediengesetz ab; die
Impressumspflicht steht seitdem in § 5 DDG statt § 5 TMG), "§ 18 Abs. 2 MStV", "§ 36 VSBG".
Für Anbieter außerhalb Deutschlands (Österreich, Schweiz...) wird kein deutsches Gesetz
zitiert: die Bausteine wählen die Regel nach dem Sitzland, hier stehen nur die Wörter.

Die Funktionen erhalten Fakten, die die Bausteine entschieden haben (dieselben wie en.py), und
geben Text oder Spans zurück. Länder- und Zeitangaben kommen aus Babels Locale-Daten; Sätze mit
Ländernamen sind so gebaut, dass der Name im Nominativ steht ("in einem Drittland (Vereinigte
Staaten)"), weil Babel keine Fälle kennt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from babel import Locale
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
from ..wording import joined
from . import babel_duration

_LOCALE = Locale("de")

SLUGS = {
    "privacy": "datenschutz/",
    "cookies": "cookies/",
    "legal-notice": "impressum/",
    "history": "datenschutz/historie/",
    "version": "datenschutz/historie/",
}

# --- Aufzählungen, Fristen, Gesetzesname und Zitierweise --------------------------------------

# A colon and a semicolon between spans the builders put together (French puts a space
# before them).
COLON = ": "
SEMICOLON = "; "
AND = "und"
OR = "oder"


def duration(period: Duration) -> str:
    """'6 Monate', '1 Jahr und 6 Monate' (Babel/CLDR), für Speicher: Sitzung, bis gelöscht."""
    if period.is_session:
        return "bis zum Ende der Browsersitzung"
    if period.is_until_cleared:
        return "bis Sie ihn im Browser löschen"
    return babel_duration(period, "de", AND)


def law_name(eu: bool, uk: bool) -> str:
    if eu and uk:
        return "DSGVO bzw. UK GDPR"
    return "UK GDPR" if uk else "DSGVO"


_ARTICLE = re.compile(r"Art\. (\d+)((?:\(\w+\))*)")


def cite(article: str, law: str) -> str:
    """'Art. 6(1)(f)' -> 'Art. 6 Abs. 1 lit. f DSGVO'; 'Art. 12(5)' -> 'Art. 12 Abs. 5 DSGVO'."""
    match = _ARTICLE.fullmatch(article.strip())
    if match is None:
        return f"{article} {law}"
    parts = re.findall(r"\((\w+)\)", match.group(2))
    words = [f"Art. {match.group(1)}"]
    for part in parts:
        words.append(f"Abs. {part}" if part.isdigit() else f"lit. {part}")
    return f"{' '.join(words)} {law}"


BASIS = {
    LegalBasis.CONSENT: "Ihre Einwilligung",
    LegalBasis.CONTRACT: "die Erfüllung eines Vertrags mit Ihnen oder vorvertragliche Maßnahmen "
    "auf Ihre Anfrage",
    LegalBasis.LEGAL_OBLIGATION: "eine rechtliche Verpflichtung, der wir unterliegen",
    LegalBasis.VITAL_INTERESTS: "der Schutz lebenswichtiger Interessen",
    LegalBasis.PUBLIC_TASK: "die Wahrnehmung einer Aufgabe im öffentlichen Interesse",
    LegalBasis.LEGITIMATE_INTERESTS: "unsere berechtigten Interessen",
}

# --- Speicherdauer, Kontaktwege, Stand und Verweise ---------------------------------------------

AS_THE_LAW_REQUIRES = "so lange, wie es das Gesetz vorschreibt"
UNTIL = "bis {criteria}"
AFTER = "{duration} nach {start}"
RECEIVED = "Eingang Ihrer Nachricht"
CHANNEL = {
    "email": "per E-Mail an {link}",
    "form": "über unser {link}",
    "form_url": "über das Formular unter {link}",
    "phone": "telefonisch unter {link}",
    "post": "per Post an {address}",
}
CONTACT_FORM = "Kontaktformular"
PRIVACY_POLICY_LINK = "Datenschutzerklärung"
HISTORY_LINK = "Versionsgeschichte dieser Datenschutzerklärung"
DRAFT = "Entwurf: noch nicht veröffentlicht"
DRAFT_NOTICE = (
    "{draft}. Dieser Text gilt erst, wenn er veröffentlicht ist, und trägt dann das Datum der "
    "Veröffentlichung; bis dahin gilt die veröffentlichte Fassung in der {history}, sofern es "
    "eine gibt."
)
LAST_UPDATED = (
    "Stand: {date} (gültig ab diesem Tag). Alle früheren Fassungen bleiben in der {history} "
    "abrufbar."
)

# --- Beschwerde (Art. 77 DSGVO; Art. 77 UK GDPR; s.164A DPA 2018) -------------------------------

EDPB_MEMBERS = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_de"
ICO_COMPLAINTS = "https://ico.org.uk/make-a-complaint/"
ICO_HELPLINE = "+44 303 123 1113"  # ico.org.uk (0303 123 1113 aus dem Vereinigten Königreich)


def complain_eu(lead: Spans | None) -> Spans:
    """Art. 77 DSGVO; `lead`: die für uns zuständige Behörde, wenn wir in der EU sitzen."""
    spans: list[Inline] = [
        "Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren, "
        "insbesondere in dem EU- oder EWR-Staat Ihres gewöhnlichen Aufenthalts, Ihres "
        "Arbeitsplatzes oder des mutmaßlichen Verstoßes (Art. 77 DSGVO)."
    ]
    if lead:
        spans += [" Für uns zuständig ist: ", *lead, "."]
    return tuple(spans)


def complain_eu_no_lead(country: str) -> Spans:
    """Ohne Niederlassung in der Union keine federführende Behörde (Art. 56 DSGVO)."""
    return (
        f"Wir haben keine Niederlassung in der EU (Sitz: {country}), daher ist keine "
        "europäische Aufsichtsbehörde federführend für uns zuständig. Sie können sich bei der "
        "Aufsichtsbehörde des EU- oder EWR-Staats Ihres gewöhnlichen Aufenthalts, Ihres "
        "Arbeitsplatzes oder des mutmaßlichen Verstoßes beschweren (Art. 77 DSGVO). Der "
        "Europäische Datenschutzausschuss führt alle Behörden auf: ",
        Link("edpb.europa.eu", EDPB_MEMBERS),
        ".",
    )


def complain_ico() -> Spans:
    return (
        "Nach britischem Recht können Sie sich beim Information Commissioner's Office (ICO) "
        "beschweren, der Datenschutzbehörde des Vereinigten Königreichs (Art. 77 UK GDPR): "
        "online unter ",
        Link("ico.org.uk/make-a-complaint", ICO_COMPLAINTS),
        f" oder telefonisch unter {ICO_HELPLINE}.",
    )


def complaints_to_us_heading() -> str:
    return "Beschwerden bei uns"


def complaints_to_us(
    channels: Sequence[Spans], days: str | None, uk: bool, details: Spans | None = None
) -> Spans:
    """s.164A(2)-(5) DPA 2018; PIPEDA Grundsatz 4.10: wie, Bestätigung, Bearbeitung, Ergebnis."""
    spans: list[Inline] = []
    if channels:
        spans.append("Beschwerden über unseren Umgang mit Ihren Daten nehmen wir entgegen: ")
        spans += [*joined(channels, OR), "."]
    if details:
        spans += [" " if spans else "", *details]
    law = " (Section 164A Data Protection Act 2018)" if uk else ""
    within = days or ("30 Tage" if uk else None)
    if within:
        spans.append(
            f" Frist für unsere Eingangsbestätigung: {within}. Danach prüfen wir die Beschwerde "
            f"unverzüglich, halten Sie auf dem Laufenden und teilen Ihnen das Ergebnis mit{law}."
        )
    else:
        spans.append(" Wir prüfen jede Beschwerde unverzüglich und teilen Ihnen das Ergebnis mit.")
    return tuple(spans)


def data_held(country: str) -> str:
    return (
        f"Unser Sitz liegt außerhalb der EU ({country}); dort speichern wir Ihre Daten. Wenn Sie "
        "uns Daten geben, geben Sie sie uns unmittelbar dort; das ist keine Übermittlung an "
        "einen anderen Empfänger."
    )


# --- Herkunft und Bereitstellungspflicht (Art. 13 Abs. 2 lit. e, Art. 14 Abs. 2 lit. f DSGVO) --

FROM_YOU = "Von Ihnen."
FROM_BROWSER = "Ihr Browser übermittelt sie beim Aufruf jeder Seite automatisch."


def field_names(labels: Sequence[str]) -> str:
    """Die Feldnamen des Formulars, wie sie dort stehen (Substantive bleiben groß)."""
    words = list(labels)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {AND} " + words[-1]


def must_give_heading() -> str:
    return "Müssen Sie die Daten angeben?"


def provision(
    obligation: Obligation,
    automatic: bool,
    required_fields: Sequence[str],
    optional_fields: Sequence[str],
    consequence: Spans,
    kept_by_law: bool = False,
) -> Spans:
    """Art. 13 Abs. 2 lit. e DSGVO; `kept_by_law`: Aufbewahrungspflicht (Art. 6 Abs. 1 lit. c)."""
    if automatic:
        lead = (
            "Kein Gesetz und kein Vertrag schreibt es vor, aber ohne diese Daten kann Ihr "
            "Browser keine Seite abrufen."
        )
    elif kept_by_law and obligation is not Obligation.STATUTE:
        lead = (
            "Sie geben sie uns für einen Vertrag mit Ihnen; sobald wir sie haben, müssen wir sie "
            "von Gesetzes wegen aufbewahren."
            if obligation is Obligation.CONTRACT
            else "Die Angabe ist freiwillig; sobald wir die Daten haben, müssen wir sie von "
            "Gesetzes wegen aufbewahren."
        )
    elif obligation is Obligation.CONTRACT:
        lead = "Wir benötigen sie, um den Vertrag mit Ihnen zu schließen und zu erfüllen."
    elif obligation is Obligation.STATUTE:
        lead = "Ja, das Gesetz schreibt es vor."
    else:
        lead = "Nein, die Angabe ist freiwillig."
    spans: list[Inline] = [lead]
    if required_fields:
        spans.append(f" Im Formular benötigen wir: {field_names(required_fields)}")
        if optional_fields:
            spans.append(f"; freiwillig sind: {field_names(optional_fields)}")
        spans.append(".")
    return (*spans, " Ohne die Daten: ", *consequence)


# --- gesetzliche Aufbewahrung (Art. 6 Abs. 1 lit. c DSGVO) --------------------------------------

_RECORDS = {
    RecordKind.ACCOUNTING_VOUCHERS: "Rechnungen und andere Buchungsbelege",
    RecordKind.BUSINESS_LETTERS: "Handels- und Geschäftsbriefe, auch E-Mails zu Bestellungen",
    RecordKind.BUSINESS_RECORDS: "Bestell-, Zahlungs- und Umsatzsteuerunterlagen",
    RecordKind.ACCOUNTING_RECORDS: "Rechnungen und Buchhaltungsunterlagen",
}
_FROM = {
    CountedFrom.END_OF_CALENDAR_YEAR: "ab dem Ende des Kalenderjahres, aus dem sie stammen",
    CountedFrom.END_OF_FINANCIAL_YEAR: "ab dem Ende des Geschäftsjahres, aus dem sie stammen",
}
# The sources as German law cites them (declaration/statutory.py keeps one English form).
_SOURCES = {
    "§147(1) No. 4 and (3) AO, §257(1) No. 4 and (4) HGB": "§ 147 Abs. 1 Nr. 4, Abs. 3 AO, "
    "§ 257 Abs. 1 Nr. 4, Abs. 4 HGB",
    "§147(1) Nos. 2 and 3 and (3) AO, §257(1) Nos. 2 and 3 and (4) HGB": "§ 147 Abs. 1 Nr. 2 "
    "und 3, Abs. 3 AO, § 257 Abs. 1 Nr. 2 und 3, Abs. 4 HGB",
    "Code de commerce art. L123-22": "Art. L123-22 Code de commerce",
}


def _years(count: int) -> str:
    return f"{count} Jahr" if count == 1 else f"{count} Jahre"


def statutory_retention(periods: Sequence[RecordPeriod]) -> str:
    """'8 Jahre (Rechnungen ...) und 6 Jahre (...), ab dem Ende des Kalenderjahres (§ ...)'."""
    parts = [f"{_years(period.years)} ({_RECORDS[period.records]})" for period in periods]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {AND} " + parts[-1]
    sources = "; ".join(
        dict.fromkeys(_SOURCES.get(period.source, period.source) for period in periods)
    )
    return f"{joined}, {_FROM[periods[0].counted_from]} ({sources})"


def statutory_retention_short(periods: Sequence[RecordPeriod]) -> str:
    """'6 bis 8 Jahre': die gesetzliche Frist, keine Obergrenze."""
    shortest = min(period.years for period in periods)
    longest = max(period.years for period in periods)
    span = _years(longest) if shortest == longest else f"{shortest} bis {longest} Jahre"
    return f"{span}, wie gesetzlich vorgeschrieben"


# --- Hosting (Art. 13 Abs. 1 lit. e DSGVO) ------------------------------------------------------


def hosting_heading() -> str:
    return "Hosting dieser Website"


def hosting(
    name: Spans,
    country: str,
    role: str,
    logs: Sequence[tuple[Spans, Spans, Spans]],
    stores: Sequence[Spans],
) -> Spans:
    spans: list[Inline] = [
        *name,
        f" ({country}) betreibt als unser {role} die Server, die diese Website ausliefern. Ihr "
        "Browser verbindet sich bei jedem Seitenaufruf mit ihnen und übermittelt dabei Ihre "
        "IP-Adresse.",
    ]
    for data, purpose, kept in logs:
        spans += [" Protokolliert werden: ", *data, " (", *purpose, "); Speicherdauer: ", *kept]
        spans.append(".")
    if stores:
        spans += [" Außerdem speichert er für uns die Daten für: ", *joined(stores, AND), "."]
    return tuple(spans)


def self_hosted() -> str:
    return (
        "Die Server, die diese Website ausliefern, betreiben wir selbst; kein Hosting-Anbieter "
        "erhält Ihre IP-Adresse."
    )


# --- Drittlandübermittlungen (Kapitel V DSGVO) --------------------------------------------------

DPF_LIST = "https://www.dataprivacyframework.gov/list"


def dpf_transfer(name: Spans, country: str, uk: bool) -> Spans:
    """Durchführungsbeschluss (EU) 2023/1795; UK: SI 2023/1028 (UK Extension)."""
    if uk:
        decision = (
            "der UK Extension zum EU-U.S. Data Privacy Framework zertifiziert; für zertifizierte "
            "Unternehmen gelten die britischen Angemessenheitsvorschriften (Data Protection "
            "(Adequacy) (United States of America) Regulations 2023, Art. 45 UK GDPR)"
        )
    else:
        decision = (
            "dem EU-U.S. Data Privacy Framework zertifiziert. Für zertifizierte Unternehmen hat "
            "die Europäische Kommission ein angemessenes Datenschutzniveau festgestellt "
            "(Durchführungsbeschluss (EU) 2023/1795, Art. 45 DSGVO)"
        )
    return (
        *name,
        f" verarbeitet Daten in einem Drittland ({country}) und ist nach {decision}. Die "
        "Zertifizierung steht in der Liste des Frameworks: ",
        Link("dataprivacyframework.gov/list", DPF_LIST),
        ".",
    )


def safeguard_transfer(name: Spans, country: str, safeguards: str, copy: Spans | None) -> Spans:
    spans: list[Inline] = [
        *name,
        f" verarbeitet Daten in einem Drittland ({country}). Garantie: {safeguards}.",
    ]
    if copy:
        spans += [" Eine Kopie der Garantie erhalten Sie so: ", *copy]
    return tuple(spans)


# --- Rechte, deren Wortlaut von den Rechtsgrundlagen abhängt ------------------------------------


def portability(purposes: Sequence[tuple[Spans, bool]], cite: str) -> Spans:
    """Art. 20 DSGVO: nur Einwilligung oder Vertrag, jeweils benannt."""
    why = {True: "auf Grundlage Ihrer Einwilligung", False: "zur Erfüllung eines Vertrags"}
    bases = {consent for _, consent in purposes}
    names: list[Inline] = []
    for index, (link, consent) in enumerate(purposes):
        if index:
            names.append(f" {AND} " if index == len(purposes) - 1 else ", ")
        names.extend(link)
        if len(bases) > 1:
            names.append(f" ({why[consent]})")
    which = f" (verarbeitet {why[consent]})" if len(bases) == 1 else ""
    return (
        "Die Daten, die Sie uns für ",
        *names,
        f"{which} bereitgestellt haben, können Sie in einem strukturierten, gängigen und "
        f"maschinenlesbaren Format erhalten und an einen anderen Verantwortlichen übermitteln "
        f"lassen ({cite}).",
    )


def erasure(consent: bool, objection: bool, cite: str) -> str:
    reasons = ["wenn wir sie für ihren Zweck nicht mehr benötigen"]
    if consent:
        reasons.append("wenn Sie Ihre Einwilligung widerrufen")
    if objection:
        reasons.append("wenn Sie widersprechen und keine vorrangigen Gründe bestehen")
    listed = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + f" {OR} " + reasons[-1]
    return f"Sie können verlangen, dass wir Ihre Daten löschen, insbesondere {listed} ({cite})."


SCOPE_PROMISE = (
    "Auf dieser Website verarbeiten wir personenbezogene Daten nur so, wie diese Erklärung es "
    "beschreibt."
)

# --- Cookies: die Ausnahme vom Einwilligungserfordernis ----------------------------------------


def exemption(kind: str, citations: Sequence[str]) -> str:
    what = {
        "strictly_necessary": "unbedingt erforderlich für den von Ihnen gewünschten Dienst",
        "communication": "erforderlich, um eine Nachricht zu übertragen",
        "uk_statistics": "Statistik; Sie können widersprechen",
        "uk_appearance": "Darstellung; Sie können widersprechen",
    }[kind]
    cited = f" ({'; '.join(citations)})" if citations else ""
    return f"keine Einwilligung nötig: {what}{cited}"


def choice_kept_heading(stored: bool) -> str:
    return (
        "Wie lange wir Ihre Auswahl speichern" if stored else "Ihre Auswahl wird nicht gespeichert"
    )


def choice_kept(duration: str | None) -> Spans:
    if duration is None:
        return (
            "Wir speichern Ihre Auswahl nicht: Ein Klick lädt nur das Gewählte, nur dieses eine "
            "Mal, und beim nächsten Besuch fragen wir erneut.",
        )
    return (f"Speicherdauer Ihrer Auswahl: {duration}.",)


# --- CCPA (englische Hinweise; ein deutscher Text mit CCPA wird nicht veröffentlicht) ---------

CCPA_SEVERAL = (
    "Eine Datenart kann unter mehrere Kategorien fallen; sie steht dann unter jeder davon."
)


def toll_free(number: str) -> str:
    return f"gebührenfrei telefonisch unter {number}"


# --- Impressum, nach Sitzland ---------------------------------------------------------------------

_ROLES = {
    OfficerRole.MANAGING_DIRECTOR: ("Geschäftsführer", "Geschäftsführer"),
    OfficerRole.DIRECTOR: ("Director", "Directors"),
    OfficerRole.BOARD_MEMBER: ("Vorstand", "Vorstand"),
    OfficerRole.OWNER: ("Inhaber", "Inhaber"),
    OfficerRole.PARTNER: ("Gesellschafter", "Gesellschafter"),
    OfficerRole.PRESIDENT: ("Präsident", "Präsidenten"),
}


def role_label(role: OfficerRole | None, count: int) -> str:
    if role is None:
        return "Vertreten durch"
    return _ROLES[role][0 if count == 1 else 1]


NOTICE_INTRO = {
    "DE": "Angaben gemäß § 5 DDG und § 18 MStV.",
    "GB": "Angaben nach britischem Recht (Companies Act 2006 s. 82; SI 2015/17 regs. 24-25; "
    "Electronic Commerce (EC Directive) Regulations 2002 reg. 6).",
    "FR": "Angaben nach französischem Recht (Loi pour la confiance dans l'économie numérique, "
    "LCEN).",
    "EU": "Angaben nach Art. 5 der Richtlinie 2000/31/EG über den elektronischen Geschäftsverkehr.",
    "OTHER": "Wer diese Website anbietet.",
}
REGISTER_LABEL = {
    "DE": "Registergericht und Registernummer",
    "GB": "Registriert in",
    "FR": "RCS",
    "EU": "Register und Registernummer",
    "OTHER": "Register",
}
VAT_LABEL = {
    "DE": "Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG",
    "GB": "VAT Registration Number",
    "FR": "Umsatzsteuer-Identifikationsnummer (numéro de TVA)",
    "EU": "Umsatzsteuer-Identifikationsnummer",
    "OTHER": "Umsatzsteuer-Identifikationsnummer",
}
NOTICE_TITLE = "Impressum"
PROVIDER = "Anbieter"
CONTACT = "Kontakt"
LEGAL_FORM = "Rechtsform"
CONTACT_FORM_LABEL = "Kontaktformular"
WRITE_TO_US = "Schreiben Sie uns"
REGISTER = "Registereintrag"
VAT = "Umsatzsteuer"
SUPERVISION = "Aufsicht"
SUPERVISED_BY = "Zuständige Aufsichtsbehörde"
PROFESSIONAL_RULES = "Berufsrechtliche Regelungen"
PRIVACY = "Datenschutz"
NOTICE_TO_POLICY = "Wie wir mit personenbezogenen Daten umgehen, steht in unserer {link}."
COMPANY_NUMBER = "Company Number"
REGISTERED_OFFICE = "Sitz"
SHARE_CAPITAL = "Stammkapital bzw. Grundkapital"
PUBLICATION_DIRECTOR = "Directeur de la publication (Verantwortlicher für die Veröffentlichung)"
EDITORIAL_HEADING = "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"
HOST_HEADING = "Hosting-Anbieter"
DISPUTES_HEADING = "Verbraucherstreitbeilegung"


def disputes(participation: str, board: Spans | None) -> Spans:
    """§ 36 Abs. 1 VSBG: klares Ja oder Nein; bei Ja die Stelle mit Anschrift und Website."""
    if participation == "not_willing":
        return (
            "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer "
            "Verbraucherschlichtungsstelle teilzunehmen (§ 36 VSBG).",
        )
    verb = "verpflichtet" if participation == "obliged" else "bereit"
    return (
        f"Wir sind {verb}, an Streitbeilegungsverfahren vor dieser "
        "Verbraucherschlichtungsstelle teilzunehmen (§ 36 VSBG): ",
        *(board or ()),
        ".",
    )


# --- Übermittlungen und Zusammenfassung -----------------------------------------------------------


def transfers_intro(regions: str) -> str:
    return (
        f"Diese Empfänger verarbeiten personenbezogene Daten außerhalb {regions}. Was die "
        "Übermittlung jeweils zulässig macht:"
    )


def complain_to(eu: bool, uk: bool) -> str:
    if uk and not eu:
        return "sich beim Information Commissioner's Office beschweren"
    if uk:
        return (
            "sich bei einer Aufsichtsbehörde in der EU oder beim ICO im Vereinigten Königreich "
            "beschweren"
        )
    return "sich bei einer Aufsichtsbehörde beschweren"


# --- Änderungsliste: ein Satz je Änderung ---------------------------------------------------------


def change_host_named(names: str) -> str:
    return f"Wir nennen jetzt, wer diese Website hostet und was protokolliert wird: {names}"


def change_host_dropped(name: str) -> str:
    return f"{name} hostet diese Website nicht mehr"


def change_self_hosted() -> str:
    return "Wir betreiben die Server dieser Website jetzt selbst"


def change_representative(name: str, role: OfficerRole | None, before: OfficerRole | None) -> str:
    if role is None:
        return f"Impressum: {name} vertritt uns jetzt"
    if before is None:
        return f"Impressum: {name} ist jetzt als {role_label(role, 1)} genannt"
    return f"Impressum: {name} ist jetzt {role_label(role, 1)} (vorher: {role_label(before, 1)})"


def change_representative_left(name: str) -> str:
    return f"Impressum: {name} vertritt uns nicht mehr"


def change_editorial(name: str | None) -> str:
    if name is None:
        return "Impressum: Wir nennen keinen inhaltlich Verantwortlichen mehr"
    return f"Impressum: {name} ist jetzt inhaltlich verantwortlich (§ 18 Abs. 2 MStV)"


def change_disputes(participation: str | None) -> str:
    if participation is None:
        return "Impressum: Wir machen keine Angabe mehr zur Verbraucherstreitbeilegung"
    said = {
        "not_willing": "nicht bereit und nicht verpflichtet sind",
        "willing": "bereit sind",
        "obliged": "verpflichtet sind",
    }[participation]
    return (
        f"Impressum: Wir geben jetzt an, dass wir zur Teilnahme an der Verbraucherstreitbeilegung "
        f"{said} (§ 36 VSBG)"
    )


def change_no_lead_authority() -> str:
    return (
        "Wir nennen keine federführende Aufsichtsbehörde mehr: Sie können sich bei der Behörde "
        "Ihres Aufenthalts- oder Arbeitsorts beschweren"
    )


_SOURCE_WORDS = {
    "data_subject": "von Ihnen",
    "browser": "automatisch von Ihrem Browser",
}


def change_sources(purpose: str, sources: Sequence[str], before: Sequence[str]) -> str:
    def said(values: Sequence[str]) -> str:
        return f" {AND} ".join(_SOURCE_WORDS.get(value, f"aus {value}") for value in values)

    return f"{purpose}: Herkunft der Daten jetzt: {said(sources)} (vorher: {said(before)})"


def change_dpf(name: str, part: str, certified: bool) -> str:
    framework = {
        "eu_us": "dem EU-U.S. Data Privacy Framework",
        "uk_extension": "der UK Extension zum Data Privacy Framework",
        "swiss_us": "dem Swiss-U.S. Data Privacy Framework",
    }[part]
    if certified:
        return f"{name} ist jetzt als nach {framework} zertifiziert genannt"
    return f"{name} ist nicht mehr als nach {framework} zertifiziert genannt"


def change_no_copy(name: str) -> str:
    return (
        f"{name}: Es gibt keine Kopie einer Garantie mehr anzufordern, weil die Übermittlung auf "
        "einem Angemessenheitsbeschluss beruht"
    )


def change_host_contact(name: str) -> str:
    return f"Impressum: neue Anschrift oder Telefonnummer unseres Hosting-Anbieters {name}"


def change_complaint_channel(value: str, added: bool) -> str:
    if added:
        return f"Neuer Weg für Beschwerden bei uns: {value}"
    return f"Beschwerden nehmen wir nicht mehr über {value} entgegen"


def change_acknowledgement(within: str, before: str | None) -> str:
    if before is None:
        return f"Frist für unsere Eingangsbestätigung einer Beschwerde jetzt: {within}"
    return (
        f"Frist für unsere Eingangsbestätigung einer Beschwerde jetzt: {within} (vorher: {before})"
    )


def change_complaint_details() -> str:
    return "Wir haben die Beschreibung unseres Umgangs mit Beschwerden geändert"


def change_choice_kept(duration: str | None, before: str | None) -> str:
    if duration is None:
        return "Wir speichern Ihre Cookie-Auswahl nicht mehr: Sie werden jedes Mal gefragt"
    if before is None:
        return f"Speicherdauer Ihrer Cookie-Auswahl jetzt: {duration} (vorher nicht gespeichert)"
    return f"Speicherdauer Ihrer Cookie-Auswahl jetzt: {duration} (vorher: {before})"


def change_online_only(online_only: bool) -> str:
    if online_only:
        return "Anfragen aus Kalifornien jetzt per E-Mail oder Formular; wir sind nur online tätig"
    return "Anfragen aus Kalifornien jetzt auch über unsere gebührenfreie Telefonnummer"


# --- kurze feste Sätze ----------------------------------------------------------------------------

PURPOSES_INTRO = "Wir verarbeiten personenbezogene Daten nur zu den folgenden Zwecken."
CCPA_NON_DISCRIMINATION = (
    "Wir benachteiligen Sie nicht, wenn Sie diese Rechte ausüben, etwa indem wir Ihnen Waren "
    "oder Leistungen verweigern oder einen anderen Preis berechnen (§1798.125)."
)


def latest_change(history: Inline) -> Spans:
    return (
        "Das Datum oben ist das der letzten Änderung. Die ",
        history,
        " führt jede Fassung mit ihren Änderungen auf.",
    )


# --- Rahmen der Datenschutzerklärung --------------------------------------------------------------

PRIVACY_TITLE = "Datenschutzerklärung"
POLICY_INTRO = (
    "Diese Datenschutzerklärung erläutert, wie {controller} auf der Website {site} ({url}) mit "
    "personenbezogenen Daten umgeht. {promise}"
)
DATA_HEADING = "Welche personenbezogenen Daten wir verarbeiten"
DATA_INTRO = "Das sind alle Arten personenbezogener Daten, die wir verarbeiten:"
DATA_USED_FOR = "{label}, verwendet für: {purposes}."
SEARCH_NOT_KEPT = "Was Sie auf dieser Website suchen, speichern und protokollieren wir nicht."
CHANGES_HEADING = "Änderungen dieser Datenschutzerklärung"
HISTORY_WORD = "Versionsgeschichte"

# --- Länder: Babels deutsche Namen, in Sätzen im Nominativ ---------------------------------------


def country(code: str) -> str:
    """'Vereinigte Staaten', 'Deutschland'."""
    return str(_LOCALE.territories.get(code, code))


def country_in_sentence(code: str) -> str:
    """Die Sätze setzen den Namen in Klammern oder nach einem Doppelpunkt (Nominativ)."""
    return country(code)


# --- Verantwortlicher (Art. 13 Abs. 1 lit. a und b, Art. 27, Art. 37-39 DSGVO) -----------------

EMAIL = "E-Mail"
PHONE = "Telefon"
NAME = "Name"
CONTROLLER_HEADING = "Verantwortlicher"
CONTROLLER_IS = "Verantwortlicher im Sinne der Datenschutz-Grundverordnung ist {name}:"
DPO_HEADING = "Unser Datenschutzbeauftragter"
DPO_INTRO = (
    "Wir haben einen Datenschutzbeauftragten benannt. Sie erreichen ihn direkt bei allen Fragen "
    "zu Ihren personenbezogenen Daten:"
)


def representative_heading(uk: bool) -> str:
    return "Unser Vertreter im Vereinigten Königreich" if uk else "Unser Vertreter in der EU"


def representative(uk: bool) -> str:
    """Art. 27 DSGVO / UK GDPR."""
    if uk:
        return (
            "Wir haben keine Niederlassung im Vereinigten Königreich und haben daher dort einen "
            "Vertreter benannt (Art. 27 UK GDPR). Sie erreichen ihn bei allen Fragen zu dieser "
            "Erklärung:"
        )
    return (
        "Wir haben keine Niederlassung in der EU und haben daher dort einen Vertreter benannt "
        "(Art. 27 DSGVO). Sie erreichen ihn bei allen Fragen zu dieser Erklärung:"
    )


# --- Zwecke (Art. 13 Abs. 1 lit. c und d, Abs. 2 lit. a und e, Art. 9 DSGVO) --------------------

PURPOSES_HEADING = "Zwecke der Verarbeitung"
PURPOSE_ROWS = {
    "purpose": "Zweck",
    "data": "Daten",
    "sources": "Herkunft",
    "basis": "Rechtsgrundlage",
    "interest": "Unser berechtigtes Interesse",
    "special": "Besondere Kategorien personenbezogener Daten",
    "withdraw": "Widerruf der Einwilligung",
    "recipients": "Empfänger",
    "kept": "Speicherdauer",
}
WITHDRAW_ANY_TIME = "Sie können Ihre Einwilligung jederzeit widerrufen: {how}"
KEEP_IT = "{kept}."
FOR = "{period}"
NOBODY_OUTSIDE = "Niemand außerhalb von {us}."

_CONDITIONS = {
    "explicit_consent": "ausdrückliche Einwilligung",
    "employment_social_security": "Arbeitsrecht und Recht der sozialen Sicherheit",
    "vital_interests": "lebenswichtige Interessen",
    "not_for_profit_body": "Organisation ohne Gewinnerzielungsabsicht",
    "made_public": "von Ihnen offensichtlich öffentlich gemacht",
    "legal_claims": "Rechtsansprüche",
    "substantial_public_interest": "erhebliches öffentliches Interesse",
    "health_or_social_care": "Gesundheits- oder Sozialbereich",
    "public_health": "öffentliche Gesundheit",
    "archiving_research_statistics": "Archiv-, Forschungs- oder Statistikzwecke",
}


def special_condition(cited: str, condition: str) -> str:
    """Art. 9 Abs. 2 DSGVO: die Ausnahme und ihr Name."""
    name = _CONDITIONS.get(condition, condition.replace("_", " "))
    return f": verarbeitet nach {cited} ({name})."


# --- Empfänger und Übermittlungen (Art. 13 Abs. 1 lit. e und f, Kapitel V DSGVO) ---------------

RECIPIENTS_HEADING = "Empfänger Ihrer Daten"
NOBODY_RECEIVES = "Wir geben Ihre personenbezogenen Daten an niemanden außerhalb von {us} weiter."
RECIPIENTS_INTRO = (
    "Diese Unternehmen erhalten von uns personenbezogene Daten, zu den genannten Zwecken:"
)
RECIPIENTS_CAPTION = "Empfänger personenbezogener Daten"
RECIPIENTS_HEAD = (
    "Empfänger",
    "Rolle",
    "Tätigkeit für uns",
    "Ort",
    "Für welche Zwecke (welche Daten)",
)
RECIPIENT_ROLES = {
    RecipientRole.PROCESSOR: "Auftragsverarbeiter: verarbeitet die Daten nur nach unserer Weisung",
    RecipientRole.CONTROLLER: "Verantwortlicher: entscheidet selbst über die Verwendung der Daten",
    RecipientRole.JOINT_CONTROLLER: "gemeinsam Verantwortlicher: entscheidet mit uns über die "
    "Verwendung der Daten",
}
ROLE_NAMES = {
    RecipientRole.PROCESSOR: "Auftragsverarbeiter",
    RecipientRole.CONTROLLER: "Verantwortlicher",
    RecipientRole.JOINT_CONTROLLER: "gemeinsam Verantwortlicher",
}


def regions(eu: bool, uk: bool) -> str:
    """Im Genitiv, wie 'außerhalb' ihn verlangt."""
    return f" {AND} ".join(
        name for name, given in (("des EWR", eu), ("des Vereinigten Königreichs", uk)) if given
    )


def transfers_heading(regions: str) -> str:
    return f"Übermittlungen außerhalb {regions}"


FROM_THE_UK = "; für Übermittlungen aus dem Vereinigten Königreich: "
EU_SAFEGUARDS = {
    TransferMechanism.ADEQUACY: "ein Angemessenheitsbeschluss der Europäischen Kommission "
    "(Art. 45 DSGVO)",
    TransferMechanism.EU_US_DPF: "das EU-U.S. Data Privacy Framework, ein Angemessenheitsbeschluss "
    "der Europäischen Kommission (Art. 45 DSGVO)",
    TransferMechanism.SCC: "von der Europäischen Kommission erlassene Standardvertragsklauseln "
    "(Art. 46 Abs. 2 lit. c DSGVO)",
    TransferMechanism.BCR: "verbindliche interne Datenschutzvorschriften (Art. 46 Abs. 2 lit. b, "
    "Art. 47 DSGVO)",
    TransferMechanism.CODE_OF_CONDUCT: "genehmigte Verhaltensregeln (Art. 46 Abs. 2 lit. e DSGVO)",
    TransferMechanism.CERTIFICATION: "ein genehmigter Zertifizierungsmechanismus "
    "(Art. 46 Abs. 2 lit. f DSGVO)",
    TransferMechanism.ART49_CONSENT: "Ihre ausdrückliche Einwilligung in die Übermittlung "
    "(Art. 49 Abs. 1 lit. a DSGVO)",
    TransferMechanism.ART49_CONTRACT: "die Übermittlung ist für einen Vertrag mit Ihnen "
    "erforderlich (Art. 49 Abs. 1 lit. b DSGVO)",
}
UK_SAFEGUARDS = {
    UkTransferMechanism.UK_ADEQUACY: "britische Angemessenheitsvorschriften (Art. 45 UK GDPR)",
    UkTransferMechanism.UK_US_DATA_BRIDGE: "die UK-US Data Bridge, britische "
    "Angemessenheitsvorschriften (Art. 45 UK GDPR)",
    UkTransferMechanism.IDTA: "das International Data Transfer Agreement (IDTA) des ICO "
    "(Art. 46 UK GDPR)",
    UkTransferMechanism.UK_ADDENDUM: "das UK Addendum zu den EU-Standardvertragsklauseln "
    "(Art. 46 UK GDPR)",
    UkTransferMechanism.BCR: "verbindliche interne Datenschutzvorschriften (Art. 47 UK GDPR)",
    UkTransferMechanism.ART49_CONSENT: "Ihre ausdrückliche Einwilligung in die Übermittlung "
    "(Art. 49 Abs. 1 lit. a UK GDPR)",
    UkTransferMechanism.ART49_CONTRACT: "die Übermittlung ist für einen Vertrag mit Ihnen "
    "erforderlich (Art. 49 Abs. 1 lit. b UK GDPR)",
}

# --- Betroffenenrechte (Art. 12-22, 7 Abs. 3, 77 DSGVO) ------------------------------------------

RIGHTS_HEADING = "Betroffenenrechte"
RIGHTS_INTRO = (
    "Nach der {law} haben Sie die folgenden Rechte. Ihre Ausübung ist für Sie unentgeltlich "
    "({cite}); wie Sie sie ausüben, steht am Ende dieses Abschnitts."
)
RIGHT_HEADINGS = {
    "access": "Auskunftsrecht",
    "rectification": "Recht auf Berichtigung",
    "erasure": "Recht auf Löschung",
    "restriction": "Recht auf Einschränkung der Verarbeitung",
    "portability": "Recht auf Datenübertragbarkeit",
    "object": "Widerspruchsrecht",
    "withdraw": "Recht auf Widerruf der Einwilligung",
    "complaint": "Beschwerderecht bei einer Aufsichtsbehörde",
    "how": "So üben Sie Ihre Rechte aus",
}
ACCESS = (
    "Sie können Auskunft darüber verlangen, ob wir personenbezogene Daten über Sie verarbeiten, "
    "und wenn ja, eine Kopie dieser Daten mit den Informationen dieser Erklärung ({cite})."
)
RECTIFICATION = (
    "Sie können verlangen, dass wir unrichtige Daten über Sie berichtigen und unvollständige "
    "vervollständigen ({cite})."
)
RESTRICTION = (
    "Sie können verlangen, dass wir die Verarbeitung Ihrer Daten einschränken, sie also nur noch "
    "speichern, etwa solange wir ihre Richtigkeit prüfen ({cite})."
)
_OBJECT = (
    "Sie können aus Gründen, die sich aus Ihrer besonderen Situation ergeben, jederzeit der "
    "Verarbeitung Ihrer Daten für {{purposes}} widersprechen, die auf {interests} beruht. Wir "
    "verarbeiten sie dann nicht mehr, es sei denn, wir weisen zwingende schutzwürdige Gründe "
    "nach, die Ihre Interessen, Rechte und Freiheiten überwiegen, oder die Verarbeitung dient der "
    "Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen ({{cite}})."
)
OBJECT = {
    False: _OBJECT.format(interests="unseren berechtigten Interessen"),
    True: _OBJECT.format(
        interests="unseren berechtigten Interessen oder einer Aufgabe im öffentlichen Interesse"
    ),
}
COOKIE_STATEMENT_LINK = "Cookie-Hinweise"
WITHDRAW_STORAGE = "Cookies und ähnliche Technologien: wie in unseren {link} beschrieben."
WITHDRAW_INTRO = (
    "Soweit wir uns auf Ihre Einwilligung stützen, können Sie sie jederzeit widerrufen, so "
    "einfach, wie Sie sie erteilt haben. Der Widerruf berührt nicht die Rechtmäßigkeit der bis "
    "dahin erfolgten Verarbeitung ({cite}). So widerrufen Sie:"
)
HOW_INTRO = "Sie erreichen uns für Ihr Anliegen auf jedem dieser Wege:"
ANSWER_WITHIN = "Frist für unsere Antwort: {time} ab Eingang Ihres Antrags ({cite})."
VERIFICATION = "Damit wir Daten nur an die berechtigte Person herausgeben: {how}"

# --- automatisierte Entscheidungen (Art. 22, Art. 13 Abs. 2 lit. f DSGVO) ------------------------

AUTOMATED_HEADING = "Automatisierte Entscheidungsfindung"
NO_AUTOMATED = (
    "Wir treffen keine ausschließlich auf einer automatisierten Verarbeitung einschließlich "
    "Profiling beruhenden Entscheidungen, die Ihnen gegenüber rechtliche Wirkung entfalten oder "
    "Sie in ähnlicher Weise erheblich beeinträchtigen ({cite})."
)
AUTOMATED = (
    "Wir treffen Entscheidungen über Sie, die ausschließlich auf einer automatisierten "
    "Verarbeitung beruhen ({cite}):"
)
AUTOMATED_ROWS = {
    "logic": "Die involvierte Logik",
    "significance": "Tragweite für Sie",
    "consequences": "Angestrebte Auswirkungen",
}
AUTOMATED_REVIEW = (
    "Sie haben das Recht, das Eingreifen einer Person zu erwirken, Ihren Standpunkt darzulegen "
    "und die Entscheidung anzufechten."
)

# --- auf einen Blick ------------------------------------------------------------------------------

GLANCE_HEADING = "Auf einen Blick"
GLANCE_WHO = "Wer wir sind: {name}, {address}."
GLANCE_PURPOSE = "{purpose}: {data}; Speicherdauer: {kept}."
GLANCE_NOBODY = "Niemand außerhalb unseres Unternehmens erhält Ihre personenbezogenen Daten."
GLANCE_RECIPIENTS = "Weitere Empfänger: {names}."
GLANCE_NO_STORAGE = "Cookies: keine. Diese Website speichert nichts auf Ihrem Gerät."
GLANCE_NO_TRACKING = "Kein anderes Unternehmen verfolgt über diese Website Ihr Surfverhalten."
GLANCE_TRACKING = "Andere Unternehmen, die hier etwas auf Ihrem Gerät speichern: {names}."
GLANCE_RIGHTS = {
    "access": "Auskunft, Berichtigung und Löschung verlangen",
    "restrict": "die Verarbeitung einschränken lassen",
    "portability": "Ihre Daten mitnehmen",
    "object": "der Verarbeitung widersprechen",
    "withdraw": "Ihre Einwilligung widerrufen",
}
GLANCE_YOUR_RIGHTS = "{rights}: Sie können {can}. Schreiben Sie uns {ways}."


def glance_storage(count: int, consent: int) -> str:
    words = f"{count} {'Eintrag' if count == 1 else 'Einträge'}"
    if consent:
        words += f", davon {consent} nur mit Ihrer Einwilligung"
    return f"Cookies und ähnliche Technologien: {words}; Einzelheiten in den {{link}}."


# --- Cookies und ähnliche Technologien (Art. 5 Abs. 3 ePrivacy-RL; § 25 TDDDG; PECR reg. 6) -----
# Die Ausnahme vom Einwilligungserfordernis, nach Recht (geprüft 2026-12-04): § 25 Abs. 2 TDDDG
# (Nr. 1 Übertragung, Nr. 2 unbedingt erforderlich) für Anbieter mit Sitz in Deutschland; sonst in
# der EU die Richtlinie selbst (kein deutsches Gesetz für einen österreichischen Anbieter); PECR
# für das Vereinigte Königreich.

STORAGE_CITATIONS = {
    "DE": {
        StorageExemption.STRICTLY_NECESSARY: "§ 25 Abs. 2 Nr. 2 TDDDG",
        StorageExemption.COMMUNICATION: "§ 25 Abs. 2 Nr. 1 TDDDG",
    },
    "EU": {
        StorageExemption.STRICTLY_NECESSARY: "Art. 5 Abs. 3 Richtlinie 2002/58/EG",
        StorageExemption.COMMUNICATION: "Art. 5 Abs. 3 Richtlinie 2002/58/EG",
    },
    "FR": {
        StorageExemption.STRICTLY_NECESSARY: "Art. 82 des französischen Datenschutzgesetzes "
        "(loi Informatique et Libertés)",
        StorageExemption.COMMUNICATION: "Art. 82 des französischen Datenschutzgesetzes "
        "(loi Informatique et Libertés)",
    },
    "UK": {
        StorageExemption.STRICTLY_NECESSARY: "PECR reg. 6(4)(b)",
        StorageExemption.COMMUNICATION: "PECR reg. 6(4)(a)",
        StorageExemption.UK_STATISTICS: "PECR reg. 6 und Sch. A1",
        StorageExemption.UK_APPEARANCE: "PECR reg. 6 und Sch. A1",
    },
}
STORAGE_TYPES = {
    StorageType.COOKIE: "Cookie",
    StorageType.LOCAL_STORAGE: "Local Storage",
    StorageType.SESSION_STORAGE: "Session Storage",
    StorageType.INDEXED_DB: "IndexedDB",
    StorageType.CACHE_STORAGE: "Cache Storage",
    StorageType.PIXEL: "Zählpixel",
}
STORAGE_HEADING = "Cookies und ähnliche Technologien"
NO_STORAGE = (
    "Wir verwenden auf dieser Website keine Cookies und keine ähnlichen Technologien: kein Local "
    "Storage, kein Session Storage, keine IndexedDB, keinen Cache Storage und keine Zählpixel. "
    "Die Website speichert nichts auf Ihrem Gerät und liest nichts daraus aus; es gibt daher "
    "nichts, in das Sie einwilligen müssten."
)
STORAGE_INTRO = "Diese Website speichert folgende Einträge auf Ihrem Gerät oder liest sie aus:"
HOW_TO_CHOOSE = "Wie Sie zustimmen, ablehnen oder Ihre Auswahl ändern, steht in unseren {link}."
STORAGE_CAPTION = "Cookies und ähnliche Technologien auf dieser Website"
STORAGE_HEAD = ("Name", "Art", "Gesetzt von", "Zweck", "Speicherdauer", "Rechtsgrundlage")
FIRST_PARTY = "uns selbst"
THIRD_PARTY = "{name} (Drittanbieter)"
COOKIES_TITLE = "Cookie-Hinweise"
COOKIES_INTRO = (
    "Hier steht alles, was die Website {site} auf Ihrem Gerät speichert oder daraus ausliest: "
    "Cookies und ähnliche Technologien wie Local Storage und Zählpixel."
)
YOUR_PERSONAL_DATA = "Ihre personenbezogenen Daten"
COOKIES_TO_POLICY = (
    "Wie wir allgemein mit personenbezogenen Daten umgehen und welche Rechte Sie haben, steht in "
    "unserer {link}."
)
CHOICE_HEADING = "Ihre Entscheidung"


def consent_first(count: int) -> str:
    """Art. 5 Abs. 3 ePrivacy-RL, § 25 Abs. 1 TDDDG: nichts vor der Einwilligung."""
    it = "ihn" if count == 1 else "sie"
    return (
        f"Wir setzen {{names}} erst, wenn Sie zustimmen; bis dahin setzt und liest die Website "
        f"{it} nicht. Ablehnen ist so einfach wie Zustimmen."
    )


CHANGE_CHOICE_HEADING = "Auswahl ändern oder Einwilligung widerrufen"
CHANGE_CHOICE = (
    "Sie können Ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen, so einfach, "
    "wie Sie sie erteilt haben:"
)
REFUSE_HEADING = "Wenn Sie ablehnen"
REFUSE_INTRO = "Ohne Ihre Einwilligung funktioniert Folgendes nicht:"
TELL_US = "Teilen Sie es uns mit: {channel}"
UK_OBJECTION_HEADING = "Widerspruch gegen Statistik- und Darstellungsspeicher"
UK_OBJECTION = (
    "Britisches Recht (PECR, geändert durch den Data (Use and Access) Act 2025) erlaubt uns, "
    "{names} ohne vorherige Frage zu setzen, weil sie nur Besuche zählen oder Ihre Darstellung "
    "speichern. Sie können jederzeit widersprechen; dann hören wir damit auf. Schreiben Sie uns:"
)

# --- Versionsgeschichte und Fassungen (Art. 13 Abs. 3 DSGVO) -------------------------------------

HISTORY_TITLE = "Versionsgeschichte der Datenschutzerklärung"
HISTORY_INTRO = (
    "Jede Fassung unserer {policy}, die neueste zuerst, mit ihren Änderungen. Jede Fassung bleibt "
    "unter ihrer eigenen Adresse abrufbar."
)
FIRST = "Die erste veröffentlichte Fassung dieser Datenschutzerklärung."
FIRST_ONCE_RELEASED = (
    "Die erste veröffentlichte Fassung dieser Datenschutzerklärung, sobald sie veröffentlicht ist."
)
REVIEWED = "Keine Änderung (überprüft)"
IN_EFFECT_NOW = "Diese Fassung gilt derzeit."
DRAFT_WOULD_CHANGE = "Die Veröffentlichung dieses Entwurfs brächte diese Änderungen:"
DRAFT_PREVIEW = "{draft} (Vorschau)"
CURRENT_POLICY_LINK = "aktuelle Datenschutzerklärung"
VERSION_NOTICE = {
    True: "Dies ist die am {date} veröffentlichte Fassung unserer Datenschutzerklärung. Sie gilt "
    "derzeit und stimmt mit der {current} überein. Alle Fassungen: {history}.",
    False: "Dies ist die am {date} veröffentlichte Fassung unserer Datenschutzerklärung. Sie gilt "
    "nicht mehr; maßgeblich ist die {current}. Alle Fassungen: {history}.",
}


def reworded(title: str, heading: str) -> str:
    return f"Neu formuliert ({title}): {heading}"


# --- Tracking durch andere Unternehmen ------------------------------------------------------------

TRACKING_HEADING = "Tracking durch andere Unternehmen"
TRACKERS = (
    "Diese anderen Unternehmen speichern über diese Website Informationen auf Ihrem Gerät oder "
    "lesen sie aus und können so Ihr Verhalten über längere Zeit und über verschiedene Websites "
    "hinweg erfassen: {names}."
)
NO_TRACKERS = (
    "Kein anderes Unternehmen erfasst über diese Website Ihr Verhalten über längere Zeit oder "
    "über verschiedene Websites hinweg: Hier speichert kein anderes Unternehmen etwas auf Ihrem "
    "Gerät oder liest etwas daraus aus."
)
CONTACTED = (
    "Seiten dieser Website lassen Ihren Browser eine Verbindung zu den Servern von {names} "
    "aufbauen; diese erhalten dabei Ihre IP-Adresse und die Adresse der Seite. Der Build prüft "
    "das auf jeder Seite; der Transparenzbericht nennt jeden kontaktierten Server."
)

# --- Änderungsliste: die Sätze von changes.py, einer je Art von Änderung ------------------------

LAW_NAMES = {
    Jurisdiction.EU_GDPR: "die DSGVO",
    Jurisdiction.UK_GDPR: "die UK GDPR",
    Jurisdiction.EPRIVACY: "die EU-Regeln zu Cookies (ePrivacy-Richtlinie)",
    Jurisdiction.US_CA_CALOPPA: "den kalifornischen CalOPPA",
    Jurisdiction.US_CA_CCPA: "den kalifornischen CCPA",
    Jurisdiction.CA_PIPEDA: "das kanadische PIPEDA",
}
CHANGE_ROLES = {
    "processor": "Auftragsverarbeiter und handelt nur nach unserer Weisung",
    "controller": "Verantwortlicher und entscheidet selbst über die Verwendung der Daten",
    "joint_controller": "gemeinsam mit uns Verantwortlicher",
}
NOTICE_FIELDS = {
    "legal_form": "Rechtsform",
    "commercial_register": "Registereintrag",
    "registered_office": "Sitz",
    "vat_id": "Umsatzsteuer-Identifikationsnummer",
    "share_capital": "Stamm- bzw. Grundkapital",
    "publication_director": "Directeur de la publication",
    "regulator": "Aufsichtsbehörde",
}
STORAGE_FIELDS = {
    "type": "Art",
    "provider": "wer ihn setzt",
    "exemption": "warum keine Einwilligung nötig ist",
    "if_refused": "was eine Ablehnung bedeutet",
}
IN_REGION = {"eu": "in der EU", "uk": "im Vereinigten Königreich"}
SET_BY_US = "von uns gesetzt"
CHANGES = {
    "also_published": "Die Datenschutzerklärung erscheint jetzt auch auf {language}",
    "version_edit": "In der Fassung auf {language}: {line}",
    "version_reworded": "Die Fassung auf {language} ist neu formuliert",
    "not_published": "Die Datenschutzerklärung erscheint nicht mehr auf {language}",
    "law_added": "Die Erklärung berücksichtigt jetzt {law}",
    "law_removed": "Die Erklärung berücksichtigt {law} nicht mehr",
    "site_name": "Die Website heißt jetzt {name} (vorher: {before})",
    "site_url": "Neue Adresse der Website: {url}",
    "controller": "Verantwortlich für Ihre Daten ist jetzt {name} (vorher: {before})",
    "address": "Neue Postanschrift: {address}",
    "email": "Neue E-Mail-Adresse für Datenschutzfragen: {email}",
    "phone": "Neue Telefonnummer: {phone}",
    "no_phone": "Wir geben keine Telefonnummer mehr an",
    "notice": "Impressum: geändert: {fields}",
    "representative_gone": "Wir haben keinen Vertreter {where} mehr",
    "representative_new": "Neuer Vertreter {where}: {name}",
    "representative_now": "Unser Vertreter {where} ist jetzt {name}",
    "representative_contact": "Neue Kontaktdaten unseres Vertreters {where}",
    "dpo_new": "Wir haben einen Datenschutzbeauftragten benannt, erreichbar unter {email}",
    "dpo_gone": "Wir haben keinen Datenschutzbeauftragten mehr",
    "dpo_contact": "Neue Kontaktdaten unseres Datenschutzbeauftragten: {email}",
    "authority": "Für uns zuständige Aufsichtsbehörde jetzt: {name}",
    "category_new": "Neue Art personenbezogener Daten: {label}",
    "category_gone": "Nicht mehr verarbeitet: {label}",
    "category_label": "{before} heißt jetzt: {label}",
    "sensitive": "{label} gilt jetzt als sensibel ({kind})",
    "not_sensitive": "{label} gilt nicht mehr als sensibel",
    "purpose_new": "Neuer Zweck: {name} ({purpose})",
    "purpose_gone": "Zweck entfallen: {name} ({purpose})",
    "purpose_text": "{name}: neue Beschreibung: {purpose}",
    "basis": "{name}: Rechtsgrundlage jetzt {basis} (vorher: {before})",
    "interest": "{name}: unser berechtigtes Interesse jetzt: {interest}",
    "withdraw": "{name}: Widerruf der Einwilligung jetzt so: {how}",
    "consequence": "{name}: wenn Sie die Daten nicht angeben: {consequence}",
    "retention": "{name}: Speicherdauer jetzt {change}",
    "instead": "{after} (vorher: {before})",
    "special": "{name}: besondere Kategorien personenbezogener Daten jetzt nach {article}",
    "receives": "{recipient} erhält jetzt auch Daten für {name}",
    "no_longer_receives": "{recipient} erhält keine Daten mehr für {name}",
    "uses_more": "{name} verwendet jetzt auch: {labels}",
    "uses_less": "{name} verwendet nicht mehr: {labels}",
    "recipient_new": "Neuer Empfänger: {name} ({country})",
    "recipient_new_for": "Neuer Empfänger: {name} ({country}), für {uses}",
    "recipient_gone": "{name} erhält keine personenbezogenen Daten mehr",
    "renamed": "{before} heißt jetzt {name}",
    "moved": "{name} verarbeitet Daten jetzt hier: {country} (vorher: {before})",
    "role": "{name} ist jetzt {role}",
    "does": "{name} übernimmt für uns jetzt: {purpose}",
    "privacy_url": "Neue Adresse der Datenschutzerklärung von {name}: {url}",
    "connects": "Ihr Browser verbindet sich auf unseren Seiten jetzt mit den Servern von {name}",
    "no_longer_connects": "Ihr Browser verbindet sich nicht mehr mit den Servern von {name}",
    "transfer": "Übermittlungen an {name} beruhen jetzt auf: {safeguard}",
    "transfer_uk": "Übermittlungen an {name} aus dem Vereinigten Königreich beruhen jetzt auf: "
    "{safeguard}",
    "copy": "{name}: Kopie der Garantie jetzt so erhältlich: {how}",
    "storage_new": "Neu: {type} „{name}“ ({by}), {purpose}",
    "storage_gone": "Entfallen: {type} „{name}“",
    "storage_what": "{type} „{name}“",
    "storage_lasts": "{what}: Speicherdauer jetzt {duration} (vorher: {before})",
    "storage_consent": "{what}: wird jetzt nur mit Ihrer Einwilligung gesetzt",
    "storage_no_consent": "{what}: braucht keine Einwilligung mehr",
    "storage_purpose": "{what}: neuer Zweck: {purpose}",
    "storage_fields": "{what}: geändert: {fields}",
    "decisions_new": "Wir treffen jetzt automatisierte Entscheidungen über Sie: {logic}",
    "decisions_gone": "Wir treffen keine automatisierten Entscheidungen mehr über Sie",
    "decisions_changed": "Wir haben die Angaben zu unseren automatisierten Entscheidungen geändert",
    "channel_new": "Neuer Weg für Ihre Anfragen: {value}",
    "channel_gone": "Anfragen nehmen wir nicht mehr über {value} entgegen",
    "response": "Frist für unsere Antwort jetzt: {time} (vorher: {before})",
    "verification": "Wir haben geändert, wie wir prüfen, ob eine Anfrage von Ihnen stammt",
    "authorized_agent": "Wir haben geändert, wie ein Bevollmächtigter für Sie anfragen kann",
    "policy": "Wir haben geändert, wie wir Sie über Änderungen dieser Erklärung informieren",
    # Die Pflicht, die Daten bereitzustellen (Art. 13 Abs. 2 lit. e DSGVO), wie changes.py sie
    # unterscheidet.
    "obligation_browser": "{name}: Kein Gesetz und kein Vertrag verlangt die Daten; Ihr Browser "
    "sendet sie",
    "obligation_none": "{name}: Die Angabe der Daten ist freiwillig",
    "obligation_contract": "{name}: Wir geben jetzt an, dass wir die Daten für einen Vertrag "
    "benötigen",
    "obligation_law": "{name}: Wir geben jetzt an, dass das Gesetz die Angabe der Daten verlangt",
}
