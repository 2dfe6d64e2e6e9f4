"""English legal wording: the sentences of issue 13's rules, in plain, short English.

Each function receives facts already decided by the section builders and returns
spans (text, declared values, links). No function decides whether a rule applies.
Citations are part of the wording because each language cites in its own style.
"""

from __future__ import annotations

from collections.abc import Sequence

from declaration import Obligation, OfficerRole
from declaration.statutory import CountedFrom, RecordKind, RecordPeriod

from ..document import Inline, Link, Spans

# --- complaints (GDPR Art. 77; UK GDPR Art. 77; DPA 2018 s.164A) ---------------------------

EDPB_MEMBERS = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"
ICO_COMPLAINTS = "https://ico.org.uk/make-a-complaint/"
ICO_HELPLINE = "0303 123 1113"  # ico.org.uk, checked 2026-12-03


def complain_eu(lead: Spans | None) -> Spans:
    """Art. 77 GDPR; `lead` names the authority responsible for us, when we are in the EU."""
    spans: list[Inline] = [
        "You can complain to a data protection authority, in particular in the EU or EEA "
        "country where you live or work, or where you think the infringement happened "
        "(Art. 77 GDPR)."
    ]
    if lead:
        spans += [" The authority responsible for us is ", *lead, "."]
    return tuple(spans)


def complain_eu_no_lead(country: str) -> Spans:
    """A controller outside the EU/EEA has no lead authority (GDPR Art. 56 needs an
    establishment in the Union); Art. 77(1) lets people complain where they live or work."""
    return (
        f"We are established in {country}, so no EU authority leads on our processing. You can "
        "complain to the data protection authority of the EU or EEA country where you live or "
        "work, or where you think the infringement happened (Art. 77 GDPR). The European Data "
        "Protection Board lists them: ",
        Link("edpb.europa.eu", EDPB_MEMBERS),
        ".",
    )


def complain_ico() -> Spans:
    """UK GDPR Art. 77: in the UK the supervisory authority is the Information Commissioner."""
    return (
        "You can complain to the Information Commissioner's Office (ICO), the UK's data "
        "protection authority (Art. 77 UK GDPR): online at ",
        Link("ico.org.uk/make-a-complaint", ICO_COMPLAINTS),
        f", or by phone on {ICO_HELPLINE}.",
    )


def complaints_to_us_heading() -> str:
    return "Complaints to us"


def complaints_to_us(
    channels: Sequence[Spans], days: str | None, uk: bool, details: Spans | None = None
) -> Spans:
    """DPA 2018 s.164A(2)-(5): how to complain, acknowledgement, enquiries, progress, outcome;
    PIPEDA Principle 4.10: we investigate every complaint. `details`: the owner's own words
    (the whole procedure, in releases made when it was one text)."""
    spans: list[Inline] = []
    if channels:
        spans += ["You can complain to us about how we handle your personal data: "]
        for index, channel in enumerate(channels):
            if index:
                spans.append(", or " if index == len(channels) - 1 else ", ")
            spans.extend(channel)
        spans.append(".")
    if details:
        spans += [" " if spans else "", *details]
    law = " (section 164A of the Data Protection Act 2018)" if uk else ""
    within = days or ("30 days" if uk else None)
    if within:
        spans.append(
            f" We acknowledge your complaint within {within}, look into it without undue delay, "
            f"keep you informed of progress, and tell you the outcome{law}."
        )
    else:
        spans.append(" We look into every complaint without undue delay and tell you the outcome.")
    return tuple(spans)


# --- where the data is held (controller outside the EU/EEA) --------------------------------


def data_held(country: str) -> str:
    return (
        f"We are established in {country} and hold your personal data there. When you give us "
        f"data, you give it to us in {country} directly; that is not a transfer to another "
        "recipient."
    )


# --- sources and "must you give it?" (GDPR Art. 13(2)(e), 14(2)(f)) -------------------------

FROM_YOU = "From you."
FROM_BROWSER = "Your browser sends it automatically when you open a page."


def field_names(labels: Sequence[str]) -> str:
    """'your e-mail address and your message' from form labels."""
    words = [label[:1].lower() + label[1:] for label in labels]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def must_give_heading() -> str:
    return "Must you give it?"


def provision(
    obligation: Obligation,
    automatic: bool,
    required_fields: Sequence[str],
    optional_fields: Sequence[str],
    consequence: Spans,
) -> Spans:
    if automatic:
        lead = "No law or contract requires it, but your browser sends it to open any page."
    elif obligation is Obligation.CONTRACT:
        lead = "We need it to make and carry out the contract with you; no law requires it."
    elif obligation is Obligation.STATUTE:
        lead = "Yes: the law requires it."
    else:
        lead = "No: giving it is up to you."
    spans: list[Inline] = [lead]
    if required_fields:
        spans.append(f" On the form, we need {field_names(required_fields)}")
        if optional_fields:
            spans.append(f"; {field_names(optional_fields)} you can leave out")
        spans.append(".")
    return (*spans, " Without it: ", *consequence)


# --- statutory retention (Art. 6(1)(c) GDPR) -------------------------------------------------

_RECORDS = {
    RecordKind.ACCOUNTING_VOUCHERS: "invoices and other accounting vouchers",
    RecordKind.BUSINESS_LETTERS: "order letters and e-mails",
    RecordKind.BUSINESS_RECORDS: "order, payment and VAT records",
    RecordKind.ACCOUNTING_RECORDS: "invoices and accounting records",
}
_FROM = {
    CountedFrom.END_OF_CALENDAR_YEAR: "the end of the calendar year they are from",
    CountedFrom.END_OF_FINANCIAL_YEAR: "the end of the financial year they are from",
}


def statutory_retention(periods: Sequence[RecordPeriod]) -> str:
    """'8 years for invoices ..., 6 years for ..., counted from ... (§...)'."""
    parts = [f"{period.years} years ({_RECORDS[period.records]})" for period in periods]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    sources = "; ".join(dict.fromkeys(period.source for period in periods))
    return f"{joined}, counted from {_FROM[periods[0].counted_from]} ({sources})"


def statutory_retention_short(periods: Sequence[RecordPeriod]) -> str:
    longest = max(period.years for period in periods)
    return f"up to {longest} years, as the law requires"  # callers put "for" in front


# --- the host (GDPR Art. 13(1)(e)) -----------------------------------------------------------


def hosting_heading() -> str:
    return "Where this website is hosted"


def hosting(
    name: Spans, country: str, role: str, logs: Sequence[Spans], stores: Sequence[Spans]
) -> Spans:
    """`logs`: what the server logs and for how long; `stores`: other purposes it serves."""
    spans: list[Inline] = [
        *name,
        f" ({country}) runs the servers that deliver this website, as our {role}. Your browser "
        "connects to them for every page, which gives them your IP address.",
    ]
    for log in logs:
        spans += [" It logs ", *log, "."]
    if stores:
        spans.append(" It also stores for us the data of ")
        for index, store in enumerate(stores):
            if index:
                spans.append(" and " if index == len(stores) - 1 else ", ")
            spans.extend(store)
        spans.append(".")
    return tuple(spans)


def self_hosted() -> str:
    return (
        "We run the servers that deliver this website ourselves; no hosting company receives "
        "your IP address."
    )


# --- transfers: adequacy, the Data Privacy Framework, safeguards with a copy ----------------

DPF_LIST = "https://www.dataprivacyframework.gov/list"


def dpf_transfer(name: Spans, country: str, uk: bool) -> Spans:
    """Commission Implementing Decision (EU) 2023/1795; UK: SI 2023/1028 (the UK extension)."""
    if uk:
        decision = (
            "the UK Extension to the EU-US Data Privacy Framework, under which UK adequacy "
            "regulations cover certified organisations (the Data Protection (Adequacy) "
            "(United States of America) Regulations 2023, Art. 45 UK GDPR)"
        )
    else:
        decision = (
            "the EU-US Data Privacy Framework. For certified organisations, the European "
            "Commission decided that the United States protects personal data adequately "
            "(Implementing Decision (EU) 2023/1795, Art. 45 GDPR)"
        )
    return (
        *name,
        f" processes data in {country} and is certified under {decision}. Its certification is "
        "on the Framework's list: ",
        Link("dataprivacyframework.gov/list", DPF_LIST),
        ".",
    )


def safeguard_transfer(name: Spans, country: str, safeguards: str, copy: Spans | None) -> Spans:
    spans: list[Inline] = [*name, f" processes data in {country}. Safeguard: {safeguards}."]
    if copy:
        spans += [" To get a copy of the safeguard: ", *copy]
    return tuple(spans)


# --- rights whose wording depends on the legal bases ----------------------------------------


def portability(purposes: Spans, consent: bool, contract: bool, cite: str) -> Spans:
    why = " and ".join(
        w for w, on in (("with your consent", consent), ("for a contract with you", contract)) if on
    )
    return (
        "For the data you gave us for ",
        *purposes,
        f", which we process {why}, you have the right to receive it in a structured, commonly "
        f"used, machine-readable format, and to have it sent to another controller ({cite}).",
    )


def erasure(consent: bool, objection: bool, cite: str) -> str:
    reasons = ["when we no longer need it for its purpose"]
    if consent:
        reasons.append("when you withdraw your consent")
    if objection:
        reasons.append("when you object and we have no overriding grounds")
    listed = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + ", or " + reasons[-1]
    return f"You have the right to have your data deleted, in particular {listed} ({cite})."


# --- scope of the policy ---------------------------------------------------------------------

SCOPE_PROMISE = (
    "On this website, we do nothing with personal data that this policy does not describe."
)

# --- cookies: the exemption each law gives ---------------------------------------------------


def exemption(kind: str, citations: Sequence[str]) -> str:
    what = {
        "strictly_necessary": "strictly necessary for the service you ask for",
        "communication": "necessary to transmit a communication",
        "uk_statistics": "statistics; you can object",
        "uk_appearance": "appearance; you can object",
    }[kind]
    cited = f" ({'; '.join(citations)})" if citations else ""
    return f"no consent needed: {what}{cited}"


# --- CCPA ------------------------------------------------------------------------------------

CCPA_SEVERAL = (
    "One kind of data can fall into several categories; it is then listed under each of them."
)


def toll_free(number: str) -> str:
    return f"by calling us toll-free at {number}"


# --- the legal notice, by country ------------------------------------------------------------

_ROLES = {
    OfficerRole.MANAGING_DIRECTOR: ("Managing director", "Managing directors"),
    OfficerRole.DIRECTOR: ("Director", "Directors"),
    OfficerRole.BOARD_MEMBER: ("Management board", "Management board"),
    OfficerRole.OWNER: ("Owner", "Owners"),
    OfficerRole.PARTNER: ("Partner", "Partners"),
    OfficerRole.PRESIDENT: ("President", "Presidents"),
}


def role_label(role: OfficerRole | None, count: int) -> str:
    """`None`: a release made before roles were declared."""
    if role is None:
        return "Represented by"
    return _ROLES[role][0 if count == 1 else 1]


NOTICE_INTRO = {
    "DE": "Who provides this website (§5 DDG, §18 MStV).",
    "GB": "Who provides this website (Companies Act 2006 s.82; SI 2015/17 regs. 24-25; "
    "E-Commerce Regulations 2002 reg. 6).",
    "FR": "Who provides and hosts this website (LCEN art. 6, III).",
    "EU": "Who provides this website (Directive 2000/31/EC, Art. 5).",
    "OTHER": "Who provides this website.",
}
REGISTER_LABEL = {
    "DE": "Commercial register",
    "GB": "Registered in",
    "FR": "RCS",
    "EU": "Trade register",
    "OTHER": "Register",
}
VAT_LABEL = {
    "DE": "VAT ID (§27a UStG)",
    "GB": "VAT registration number",
    "FR": "VAT number",
    "EU": "VAT ID",
    "OTHER": "VAT ID",
}
COMPANY_NUMBER = "Company number"
REGISTERED_OFFICE = "Registered office"
SHARE_CAPITAL = "Share capital"
PUBLICATION_DIRECTOR = "Directeur de la publication (publishing director)"
EDITORIAL_HEADING = "Responsible for the content (§18(2) MStV)"
HOST_HEADING = "Host"
DISPUTES_HEADING = "Consumer dispute resolution"


def disputes(participation: str, board: Spans | None) -> Spans:
    """§36(1) VSBG: a clear yes or no, and the board with address and website when yes."""
    if participation == "not_willing":
        return (
            "We are neither willing nor obliged to take part in dispute resolution proceedings "
            "before a consumer arbitration board (§36 VSBG).",
        )
    verb = "are obliged" if participation == "obliged" else "are willing"
    return (
        f"We {verb} to take part in dispute resolution proceedings before this consumer "
        "arbitration board (§36 VSBG): ",
        *(board or ()),
        ".",
    )
