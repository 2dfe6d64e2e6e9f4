"""English legal wording: the sentences of issue 13's rules, in plain, short English.

Each function receives facts already decided by the section builders and returns
spans (text, declared values, links). No function decides whether a rule applies.
Citations are part of the wording because each language cites in its own style.
"""

from __future__ import annotations

from collections.abc import Sequence

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

# --- the pages' addresses (wording.policy_url puts /<lang>/ in front unless it is the default)

SLUGS = {
    "privacy": "privacy/",
    "cookies": "cookies/",
    "legal-notice": "legal-notice/",
    "history": "privacy/history/",
    "version": "privacy/versions/",
}

# --- lists, durations, the law's name and citations ----------------------------------------

# A colon and a semicolon between spans the builders put together (French puts a space
# before them).
COLON = ": "
SEMICOLON = "; "
AND = "and"
OR = "or"


def duration(period: Duration) -> str:
    """'6 months', '1 year and 6 months', 'the browser session'."""
    return str(period)


def law_name(eu: bool, uk: bool) -> str:
    if eu and uk:
        return "GDPR and UK GDPR"
    return "UK GDPR" if uk else "GDPR"


def cite(article: str, law: str) -> str:
    """'Art. 15' or 'Art. 12(5)' (the English way of writing them) and the law's name."""
    return f"{article} {law}"


BASIS = {
    LegalBasis.CONSENT: "your consent",
    LegalBasis.CONTRACT: "a contract with you, or steps you ask for before one",
    LegalBasis.LEGAL_OBLIGATION: "a legal obligation we are under",
    LegalBasis.VITAL_INTERESTS: "protecting someone's vital interests",
    LegalBasis.PUBLIC_TASK: "a task in the public interest",
    LegalBasis.LEGITIMATE_INTERESTS: "our legitimate interests",
}

# --- retention, contact channels, dates and links every page uses ---------------------------

AS_THE_LAW_REQUIRES = "as the law requires"
UNTIL = "until {criteria}"
AFTER = "{duration} after {start}"
RECEIVED = "we receive your message"  # the inbox's one rule: counted from receipt
CHANNEL = {
    "email": "by e-mail to {link}",
    "form": "with our {link}",
    "form_url": "with the form at {link}",
    "phone": "by phone at {link}",
    "post": "by post to {address}",
}
CONTACT_FORM = "contact form"
PRIVACY_POLICY_LINK = "privacy policy"
HISTORY_LINK = "history of this policy"
DRAFT = "Draft: not yet released"
DRAFT_NOTICE = (
    "{draft}. This text takes effect, with the date of its release, only when it is released; "
    "until then the released version in the {history} applies, if there is one."
)
LAST_UPDATED = (
    "Last updated: {date} (effective as of that date). Every earlier version stays readable in "
    "the {history}."
)

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
    kept_by_law: bool = False,
) -> Spans:
    """GDPR Art. 13(2)(e). `kept_by_law`: records the law obliges us to keep once we have them
    (Art. 6(1)(c)): the duty is ours, not yours, and the sentence says so."""
    if automatic:
        lead = "No law or contract requires it, but your browser sends it to open any page."
    elif kept_by_law and obligation is not Obligation.STATUTE:
        lead = (
            "You give it to us for a contract with you; once we have it, the law requires us "
            "to keep it."
            if obligation is Obligation.CONTRACT
            else "Giving it is up to you; once we have it, the law requires us to keep it."
        )
    elif obligation is Obligation.CONTRACT:
        lead = "We need it to make and carry out the contract with you."
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
    """'6 years', or '6 to 8 years' when the law sets several periods; callers put "for" in
    front. Never "up to": the law sets how long we must keep them, not a ceiling."""
    shortest = min(period.years for period in periods)
    longest = max(period.years for period in periods)
    span = f"{longest}" if shortest == longest else f"{shortest} to {longest}"
    return f"{span} years, as the law requires"


# --- the host (GDPR Art. 13(1)(e)) -----------------------------------------------------------


def hosting_heading() -> str:
    return "Where this website is hosted"


def hosting(
    name: Spans,
    country: str,
    role: str,
    logs: Sequence[tuple[Spans, Spans, Spans]],
    stores: Sequence[Spans],
) -> Spans:
    """`logs`: (what it logs, the purpose's link, how long it keeps them) for each purpose its
    logs serve; `stores`: the other purposes whose data it keeps for us."""
    spans: list[Inline] = [
        *name,
        f" ({country}) runs the servers that deliver this website, as our {role}. Your browser "
        "connects to them for every page, which gives them your IP address.",
    ]
    for data, purpose, kept in logs:
        spans += [" It logs ", *data, " (", *purpose, ") and keeps these logs ", *kept, "."]
    if stores:
        spans += [" It also stores for us the data of ", *joined(stores, AND), "."]
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


def portability(purposes: Sequence[tuple[Spans, bool]], cite: str) -> Spans:
    """Art. 20: `purposes` are (the purpose's link, whether it relies on consent rather than a
    contract); each basis is named with its own purposes, never "consent or a contract"."""
    why = {True: "with your consent", False: "for a contract with you"}
    bases = {consent for _, consent in purposes}
    names: list[Inline] = []
    for index, (link, consent) in enumerate(purposes):
        if index:
            names.append(" and " if index == len(purposes) - 1 else ", ")
        names.extend(link)
        if len(bases) > 1:
            names.append(f" ({why[consent]})")
    which = f", which we process {why[consent]}," if len(bases) == 1 else ","
    return (
        "For the data you gave us for ",
        *names,
        f"{which} you have the right to receive it in a structured, commonly used, "
        f"machine-readable format, and to have it sent to another controller ({cite}).",
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


# --- cookies: how long a consent choice is kept (ePrivacy Art. 5(3); CNIL 2020-092) ---------
# A stored choice is itself stored on the device and kept for a time; a click that loads one
# thing, once, stores nothing, and the statement says that instead of a duration.


def choice_kept_heading(stored: bool) -> str:
    return "How long we remember your choice" if stored else "Your choice is not stored"


def choice_kept(duration: str | None) -> Spans:
    """`duration`: how long the stored choice is remembered; None when none is stored."""
    if duration is None:
        return (
            "We do not store your choice: a click loads only what you chose, that once, and you "
            "are asked again next time.",
        )
    return (f"We remember your choice for {duration}.",)


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
NOTICE_TITLE = "Legal notice"
PROVIDER = "Provider"
CONTACT = "Contact"
LEGAL_FORM = "Legal form"
CONTACT_FORM_LABEL = "Contact form"
WRITE_TO_US = "write to us"
REGISTER = "Register"
VAT = "VAT"
SUPERVISION = "Supervision"
SUPERVISED_BY = "Supervised by"
PROFESSIONAL_RULES = "Professional rules"
PRIVACY = "Privacy"
NOTICE_TO_POLICY = "How we handle personal data is set out in our {link}."
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


# --- transfers and the summary ---------------------------------------------------------------


def transfers_intro(regions: str) -> str:
    """Chapter V: adequacy (Art. 45) is not a safeguard (Art. 46); the intro names neither."""
    return (
        f"These recipients process personal data outside {regions}. For each, what makes the "
        "transfer lawful:"
    )


def complain_to(eu: bool, uk: bool) -> str:
    """The summary's words for Art. 77: the ICO alone under the UK GDPR."""
    if uk and not eu:
        return "complain to the Information Commissioner's Office"
    if uk:
        return "complain to a supervisory authority in the EU or to the ICO in the UK"
    return "complain to a supervisory authority"


# --- the change list: one plain sentence per change of the new fields -------------------------


def change_host_named(names: str) -> str:
    return f"We now name who hosts this website and what it logs: {names}"


def change_host_dropped(name: str) -> str:
    return f"{name} no longer hosts this website"


def change_self_hosted() -> str:
    return "We now run the servers that deliver this website ourselves"


def change_representative(name: str, role: OfficerRole | None, before: OfficerRole | None) -> str:
    if role is None:
        return f"Legal notice: {name} now represents us"
    label = role_label(role, 1).lower()
    if before is None:
        return f"Legal notice: {name} is now named as {label}"
    return f"Legal notice: {name} is now {label} (before: {role_label(before, 1).lower()})"


def change_representative_left(name: str) -> str:
    return f"Legal notice: {name} no longer represents us"


def change_editorial(name: str | None) -> str:
    if name is None:
        return "Legal notice: we no longer name who is responsible for the content"
    return f"Legal notice: {name} is now named as responsible for the content (§18(2) MStV)"


def change_disputes(participation: str | None) -> str:
    if participation is None:
        return (
            "Legal notice: we no longer state whether we take part in consumer dispute resolution"
        )
    said = {
        "not_willing": "are neither willing nor obliged to take part",
        "willing": "are willing to take part",
        "obliged": "are obliged to take part",
    }[participation]
    return f"Legal notice: we now state that we {said} in consumer dispute resolution (§36 VSBG)"


def change_no_lead_authority() -> str:
    return (
        "We no longer name a lead supervisory authority: you can complain to the authority where "
        "you live or work"
    )


_SOURCE_WORDS = {
    "data_subject": "you give it to us",
    "browser": "your browser sends it automatically",
}


def change_sources(purpose: str, sources: Sequence[str], before: Sequence[str]) -> str:
    def said(values: Sequence[str]) -> str:
        return " and ".join(_SOURCE_WORDS.get(value, f"from {value}") for value in values)

    return f"{purpose}: where the data comes from is now: {said(sources)} (before: {said(before)})"


def change_dpf(name: str, part: str, certified: bool) -> str:
    framework = {
        "eu_us": "the EU-US Data Privacy Framework",
        "uk_extension": "the UK Extension to the Data Privacy Framework",
        "swiss_us": "the Swiss-US Data Privacy Framework",
    }[part]
    if certified:
        return f"{name} is now named as certified under {framework}"
    return f"{name} is no longer named as certified under {framework}"


def change_no_copy(name: str) -> str:
    return (
        f"{name}: there is no longer a copy of a safeguard to ask for: the transfer relies on "
        "an adequacy decision"
    )


def change_host_contact(name: str) -> str:
    return f"Legal notice: new address or phone number of our host {name}"


def change_complaint_channel(value: str, added: bool) -> str:
    if added:
        return f"New way to complain to us: {value}"
    return f"We no longer take complaints at {value}"


def change_acknowledgement(within: str, before: str | None) -> str:
    if before is None:
        return f"We now say that we acknowledge every complaint within {within}"
    return f"We now acknowledge complaints within {within} instead of {before}"


def change_complaint_details() -> str:
    return "We changed what we say about how we handle complaints"


def change_choice_kept(duration: str | None, before: str | None) -> str:
    """How long a consent choice is remembered changed; None: it is (or was) not stored."""
    if duration is None:
        return "We no longer store your cookie choice: you are asked each time"
    if before is None:
        return f"We now remember your cookie choice for {duration}; before, it was not stored"
    return f"We now remember your cookie choice for {duration} instead of {before}"


def change_online_only(online_only: bool) -> str:
    if online_only:
        return "Californians now send requests by e-mail or form; we operate only online"
    return "Californians can now also send requests to our toll-free number"


# --- short fixed sentences -----------------------------------------------------------------------

PURPOSES_INTRO = "We process personal data only for the purposes below."
CCPA_NON_DISCRIMINATION = (
    "We will not discriminate or retaliate against you for using these rights, for example by "
    "denying you goods or services or charging you a different price (§1798.125)."
)


def latest_change(history: Inline) -> Spans:
    return (
        "The date at the top is the date of the latest change. The ",
        history,
        " lists every version and what changed in each.",
    )


# --- the privacy policy's frame ------------------------------------------------------------------

PRIVACY_TITLE = "Privacy policy"
POLICY_INTRO = (
    "This policy explains how {controller} handles personal data on the website {site} at "
    "{url}. {promise}"
)
DATA_HEADING = "The personal data we process"
DATA_INTRO = "These are all the kinds of personal data we process:"
DATA_USED_FOR = "{label}, used for: {purposes}."
SEARCH_NOT_KEPT = "We neither store nor log what you search for on this site."
CHANGES_HEADING = "Changes to this policy"
HISTORY_WORD = "history"

# --- countries: names in lists and in sentences (declaration.countries, pycountry's English) ---


def country(code: str) -> str:
    """'United States', in a list or in brackets."""
    from declaration.countries import country_name  # inside: a language module's names are
    # its wording only (tests/policy_pages/test_lang_fr.py compares them)

    return country_name(code)


def country_in_sentence(code: str) -> str:
    """'the United States', 'Germany', as a sentence says it."""
    from declaration.countries import country_in_sentence

    return country_in_sentence(code)


# --- who is responsible (GDPR Art. 13(1)(a)-(b), Art. 27, Art. 37-39) ------------------------

EMAIL = "E-mail"
PHONE = "Phone"
NAME = "Name"
CONTROLLER_HEADING = "Who is responsible for your data"
CONTROLLER_IS = "The controller responsible for your personal data is {name}:"
DPO_HEADING = "Our Data Protection Officer"
DPO_INTRO = (
    "We have appointed a Data Protection Officer (DPO). You can contact them directly about "
    "anything concerning your personal data:"
)


def representative_heading(uk: bool) -> str:
    return f"Our representative in {'the UK' if uk else 'the EU'}"


def representative(uk: bool) -> str:
    """Art. 27 GDPR / UK GDPR."""
    where, law = ("the UK", "UK GDPR") if uk else ("the EU", "GDPR")
    return (
        f"We are established outside {where}, so we have appointed a representative there "
        f"(Art. 27 {law}). You can contact them about anything in this policy:"
    )


# --- purposes (GDPR Art. 13(1)(c)-(d), 13(2)(a), (e), Art. 9) ---------------------------------

PURPOSES_HEADING = "What we use your data for"
PURPOSE_ROWS = {
    "purpose": "What for",
    "data": "Data",
    "sources": "Where it comes from",
    "basis": "Legal basis",
    "interest": "Our legitimate interest",
    "special": "Special category data",
    "withdraw": "Withdrawing consent",
    "recipients": "Who receives it",
    "kept": "How long we keep it",
}
WITHDRAW_ANY_TIME = "You can withdraw your consent at any time: {how}"
KEEP_IT = "We keep it {kept}."
FOR = "for {period}"
NOBODY_OUTSIDE = "Nobody outside {us}."


def special_condition(cited: str, condition: str) -> str:
    """Art. 9(2): the condition's article and its name ('explicit consent')."""
    return f": processed under {cited} ({condition.replace('_', ' ')})."


# --- recipients and transfers (GDPR Art. 13(1)(e)-(f), Chapter V) -----------------------------

RECIPIENTS_HEADING = "Who receives your data"
NOBODY_RECEIVES = "We give your personal data to nobody outside {us}."
RECIPIENTS_INTRO = "These companies receive personal data from us, for the purposes shown:"
RECIPIENTS_CAPTION = "Recipients of personal data"
RECIPIENTS_HEAD = ("Recipient", "Role", "What they do", "Where", "For which purposes (which data)")
RECIPIENT_ROLES = {
    RecipientRole.PROCESSOR: "processor: handles the data only on our instructions",
    RecipientRole.CONTROLLER: "controller: decides for itself how it uses the data",
    RecipientRole.JOINT_CONTROLLER: "joint controller: decides with us how the data is used",
}
ROLE_NAMES = {
    RecipientRole.PROCESSOR: "processor",
    RecipientRole.CONTROLLER: "controller",
    RecipientRole.JOINT_CONTROLLER: "joint controller",
}


def regions(eu: bool, uk: bool) -> str:
    return " and ".join(name for name, given in (("the EEA", eu), ("the UK", uk)) if given)


def transfers_heading(regions: str) -> str:
    return f"Transfers outside {regions}"


FROM_THE_UK = "; for transfers from the UK: "
EU_SAFEGUARDS = {
    TransferMechanism.ADEQUACY: "an adequacy decision of the European Commission (Art. 45 GDPR)",
    TransferMechanism.EU_US_DPF: "the EU-US Data Privacy Framework, an adequacy decision of the "
    "European Commission (Art. 45 GDPR)",
    TransferMechanism.SCC: "standard contractual clauses adopted by the European Commission "
    "(Art. 46(2)(c) GDPR)",
    TransferMechanism.BCR: "binding corporate rules (Art. 46(2)(b) and 47 GDPR)",
    TransferMechanism.CODE_OF_CONDUCT: "an approved code of conduct (Art. 46(2)(e) GDPR)",
    TransferMechanism.CERTIFICATION: "an approved certification (Art. 46(2)(f) GDPR)",
    TransferMechanism.ART49_CONSENT: "your explicit consent to the transfer (Art. 49(1)(a) GDPR)",
    TransferMechanism.ART49_CONTRACT: "the transfer being necessary for a contract with you "
    "(Art. 49(1)(b) GDPR)",
}
UK_SAFEGUARDS = {
    UkTransferMechanism.UK_ADEQUACY: "UK adequacy regulations (Art. 45 UK GDPR)",
    UkTransferMechanism.UK_US_DATA_BRIDGE: "the UK-US data bridge, UK adequacy regulations "
    "(Art. 45 UK GDPR)",
    UkTransferMechanism.IDTA: "the International Data Transfer Agreement (IDTA) issued by the "
    "ICO (Art. 46 UK GDPR)",
    UkTransferMechanism.UK_ADDENDUM: "the UK Addendum to the EU standard contractual clauses "
    "(Art. 46 UK GDPR)",
    UkTransferMechanism.BCR: "binding corporate rules (Art. 47 UK GDPR)",
    UkTransferMechanism.ART49_CONSENT: "your explicit consent to the transfer "
    "(Art. 49(1)(a) UK GDPR)",
    UkTransferMechanism.ART49_CONTRACT: "the transfer being necessary for a contract with you "
    "(Art. 49(1)(b) UK GDPR)",
}

# --- rights (GDPR Art. 12-22, 7(3), 77) ---------------------------------------------------------

RIGHTS_HEADING = "Your rights"
RIGHTS_INTRO = (
    "Under the {law} you have the rights below. Using them costs you nothing ({cite}); how to "
    "use them is at the end of this part."
)
RIGHT_HEADINGS = {
    "access": "Right of access",
    "rectification": "Right to rectification",
    "erasure": "Right to erasure",
    "restriction": "Right to restriction of processing",
    "portability": "Right to data portability",
    "object": "Right to object",
    "withdraw": "Right to withdraw consent",
    "complaint": "Right to lodge a complaint",
    "how": "How to use your rights",
}
ACCESS = (
    "You have the right to know whether we process personal data about you and, if we do, to get "
    "a copy of it together with the information in this policy ({cite})."
)
RECTIFICATION = (
    "You have the right to have incorrect data about you corrected, and incomplete data "
    "completed ({cite})."
)
RESTRICTION = (
    "You have the right to have us restrict the processing of your data, so that we only store "
    "it, for example while we check whether it is correct ({cite})."
)
_OBJECT = (
    "You have the right to object, at any time and on grounds relating to your particular "
    "situation, to the processing of your data for {{purposes}}, which relies on {interests}. "
    "We then stop, unless we demonstrate compelling legitimate grounds that override your "
    "interests, rights and freedoms, or need the data to establish, exercise or defend legal "
    "claims ({{cite}})."
)
OBJECT = {  # by whether a purpose relies on a task in the public interest (Art. 6(1)(e))
    False: _OBJECT.format(interests="our legitimate interests"),
    True: _OBJECT.format(interests="our legitimate interests or a task in the public interest"),
}
COOKIE_STATEMENT_LINK = "cookie statement"
WITHDRAW_STORAGE = "Cookies and similar storage: as the {link} explains."
WITHDRAW_INTRO = (
    "Where we rely on your consent, you can withdraw your consent at any time, as easily as you "
    "gave it. Withdrawing does not affect the lawfulness of the processing before the "
    "withdrawal ({cite}). How:"
)
HOW_INTRO = "Send us your request in any of these ways:"
ANSWER_WITHIN = "We answer within {time} of receiving your request ({cite})."
VERIFICATION = "To make sure we give data only to the person it belongs to: {how}"

# --- automated decisions (GDPR Art. 22, 13(2)(f)) ---------------------------------------------

AUTOMATED_HEADING = "Automated decision-making"
NO_AUTOMATED = (
    "We make no automated decisions about you: no decision with legal or similarly significant "
    "effects on you is based solely on automated processing, including profiling ({cite})."
)
AUTOMATED = "We make automated decisions about you, based solely on automated processing ({cite}):"
AUTOMATED_ROWS = {
    "logic": "The logic involved",
    "significance": "What it means for you",
    "consequences": "The consequences",
}
AUTOMATED_REVIEW = (
    "You have the right to have a person review the decision, to give your point of view and to "
    "contest the decision."
)

# --- at a glance -------------------------------------------------------------------------------

GLANCE_HEADING = "At a glance"
GLANCE_WHO = "Who we are: {name}, {address}."
GLANCE_PURPOSE = "{purpose}: {data}; kept {kept}."
GLANCE_NOBODY = "Nobody outside us receives your personal data."
GLANCE_RECIPIENTS = "Who else receives it: {names}."
GLANCE_NO_STORAGE = "Cookies: none. This site stores nothing on your device."
GLANCE_NO_TRACKING = "No other company tracks your visits across websites through this site."
GLANCE_TRACKING = "Other companies that set storage on your device here: {names}."
GLANCE_RIGHTS = {
    "access": "see, correct and delete your data",
    "restrict": "restrict its use",
    "portability": "take it with you",
    "object": "object to its use",
    "withdraw": "withdraw your consent",
}
GLANCE_YOUR_RIGHTS = "{rights}: you can {can}. Ask us {ways}."


def glance_storage(count: int, consent: int) -> str:
    """The summary's line on storage; `{link}` is the cookie statement."""
    words = f"{count} item{'s' if count != 1 else ''}"
    if consent:
        words += f", {consent} of them only with your consent"
    return f"Cookies and similar storage: {words}; see the {{link}}."


# --- cookies and similar storage (ePrivacy Art. 5(3); §25 TDDDG; PECR reg. 6) ----------------
# The provision that exempts each kind of storage from consent, by law (checked 2026-12-03):
# Germany's §25(2) TDDDG (No. 1: transmission, No. 2: strictly necessary) implements ePrivacy
# Art. 5(3) for providers established there; elsewhere in the EU the Directive's own words;
# the UK's PECR reg. 6(4)(a)/(b), and Sch. A1 for statistics and appearance (DUAA 2025 s.112);
# France's article 82 of the loi n° 78-17 (Informatique et Libertés) for a provider there.

STORAGE_CITATIONS = {
    "DE": {
        StorageExemption.STRICTLY_NECESSARY: "§25(2) No. 2 TDDDG",
        StorageExemption.COMMUNICATION: "§25(2) No. 1 TDDDG",
    },
    "EU": {
        StorageExemption.STRICTLY_NECESSARY: "Art. 5(3) ePrivacy Directive",
        StorageExemption.COMMUNICATION: "Art. 5(3) ePrivacy Directive",
    },
    "FR": {
        StorageExemption.STRICTLY_NECESSARY: "Art. 82 of France's Data Protection Act "
        "(loi Informatique et Libertés)",
        StorageExemption.COMMUNICATION: "Art. 82 of France's Data Protection Act "
        "(loi Informatique et Libertés)",
    },
    "UK": {
        StorageExemption.STRICTLY_NECESSARY: "PECR reg. 6(4)(b)",
        StorageExemption.COMMUNICATION: "PECR reg. 6(4)(a)",
        StorageExemption.UK_STATISTICS: "PECR reg. 6 and Sch. A1",
        StorageExemption.UK_APPEARANCE: "PECR reg. 6 and Sch. A1",
    },
}
STORAGE_TYPES = {kind: kind.label for kind in StorageType}
STORAGE_HEADING = "Cookies and similar storage"
NO_STORAGE = (
    "We do not use cookies or any similar storage on this website: no local storage, session "
    "storage, IndexedDB, cache storage or tracking pixels. The site stores nothing on your "
    "device and reads nothing from it, so there is nothing to consent to."
)
STORAGE_INTRO = "This site stores these items on your device, or reads them from it:"
HOW_TO_CHOOSE = "How to accept, refuse or change your choice: see the {link}."
STORAGE_CAPTION = "Cookies and similar storage on this site"
STORAGE_HEAD = ("Name", "Type", "Set by", "Purpose", "How long it lasts", "Legal basis")
FIRST_PARTY = "us (first party)"
THIRD_PARTY = "{name} (third party)"
COOKIES_TITLE = "Cookie statement"
COOKIES_INTRO = (
    "This statement lists everything the website {site} stores on your device or reads from "
    "it: cookies, and similar technologies such as local storage and pixels."
)
YOUR_PERSONAL_DATA = "Your personal data"
COOKIES_TO_POLICY = (
    "How we handle personal data in general, and your rights, are set out in our {link}."
)
CHOICE_HEADING = "Your choice"


def consent_first(count: int) -> str:
    """ePrivacy Art. 5(3): nothing before consent; refusing as easy as agreeing. `{names}`."""
    them = "it" if count == 1 else "them"
    return (
        f"We set {{names}} only after you agree; until then the site neither sets nor reads "
        f"{them}. Refusing is as easy as agreeing."
    )


CHANGE_CHOICE_HEADING = "Changing or withdrawing your choice"
CHANGE_CHOICE = (
    "You can withdraw your consent at any time, with effect for the future, as easily as you "
    "gave it:"
)
REFUSE_HEADING = "If you refuse"
REFUSE_INTRO = "Without your consent, this is what does not work:"
TELL_US = "Tell us {channel}"
UK_OBJECTION_HEADING = "Objecting to statistics and appearance storage"
UK_OBJECTION = (
    "UK law (PECR, as amended by the Data (Use and Access) Act 2025) lets us set {names} "
    "without asking first, because they only count visits or remember how the site looks for "
    "you. You can object at any time, and we then stop. Tell us:"
)

# --- the history and the versions' pages (GDPR Art. 13(3): changes announced, dated) ----------

HISTORY_TITLE = "Privacy policy history"
HISTORY_INTRO = (
    "Every version of our {policy}, newest first, with what changed in each. Each version stays "
    "readable at its own address."
)
FIRST = "The first published version of this policy."
FIRST_ONCE_RELEASED = "The first published version of this policy, once it is released."
REVIEWED = "No change (reviewed)"  # a release made with --unchanged, e.g. the CCPA's yearly review
IN_EFFECT_NOW = "This is the version in effect now."
DRAFT_WOULD_CHANGE = "Releasing this draft would make these changes:"
DRAFT_PREVIEW = "{draft} (preview)"
CURRENT_POLICY_LINK = "current privacy policy"
VERSION_NOTICE = {  # by whether the version is the one in effect
    True: "This is the version of our privacy policy released on {date}. It is the version in "
    "effect now, the same as the {current}. Every version: {history}.",
    False: "This is the version of our privacy policy released on {date}. It is no longer in "
    "effect; read the {current}. Every version: {history}.",
}


def reworded(title: str, heading: str) -> str:
    """A change no other line names: the section whose words changed."""
    return f"Reworded in the {title.lower()}: {heading}"


# --- tracking by other companies (every policy; CalOPPA §22575(b)(6) where it applies) -------

TRACKING_HEADING = "Tracking by other companies"
TRACKERS = (
    "These other companies set or read storage on your device through this site, which lets "
    "them collect information about your online activities over time and across different "
    "websites: {names}."
)
NO_TRACKERS = (
    "No other company collects personally identifiable information about your online activities "
    "over time and across different websites through this site: no other company sets or reads "
    "storage on your device here."
)
CONTACTED = (
    "Pages of this site make your browser connect to the servers of {names}, which gives them "
    "your IP address and the address of the page. The build checks this against every page: "
    "the transparency report lists each server contacted."
)

# --- the change list: the sentences of changes.py, one per kind of change ----------------------

LAW_NAMES = {
    Jurisdiction.EU_GDPR: "the EU GDPR",
    Jurisdiction.UK_GDPR: "the UK GDPR",
    Jurisdiction.EPRIVACY: "the EU ePrivacy rules on cookies",
    Jurisdiction.US_CA_CALOPPA: "California's CalOPPA",
    Jurisdiction.US_CA_CCPA: "California's CCPA",
    Jurisdiction.CA_PIPEDA: "Canada's PIPEDA",
}
CHANGE_ROLES = {
    "processor": "processor, acting only on our instructions",
    "controller": "controller, deciding for itself how it uses the data",
    "joint_controller": "joint controller, deciding with us how the data is used",
}
NOTICE_FIELDS = {
    "legal_form": "our legal form",
    "commercial_register": "our register entry",
    "registered_office": "our registered office",
    "vat_id": "our VAT ID",
    "share_capital": "our share capital",
    "publication_director": "our directeur de la publication",
    "regulator": "who supervises us",
}
STORAGE_FIELDS = {
    "type": "its type",
    "provider": "who sets it",
    "exemption": "why it needs no consent",
    "if_refused": "what refusing it means",
}
IN_REGION = {"eu": "in the EU", "uk": "in the UK"}
SET_BY_US = "set by us"
CHANGES = {
    "also_published": "The policy is now also published in {language}",
    "version_edit": "In the {language} version: {line}",
    "version_reworded": "The {language} version is reworded",
    "not_published": "The policy is no longer published in {language}",
    "law_added": "The policy now covers {law}",
    "law_removed": "The policy no longer covers {law}",
    "site_name": "The site is now called {name} (before: {before})",
    "site_url": "The site's address is now {url}",
    "controller": "The business responsible for your data is now {name} (before: {before})",
    "address": "Our postal address is now {address}",
    "email": "Our e-mail address for privacy questions is now {email}",
    "phone": "Our phone number is now {phone}",
    "no_phone": "We no longer give a phone number",
    "notice": "Legal notice: {fields} changed",
    "representative_gone": "We no longer have a representative {where}",
    "representative_new": "New representative {where}: {name}",
    "representative_now": "Our representative {where} is now {name}",
    "representative_contact": "New contact details for our representative {where}",
    "dpo_new": "We appointed a Data Protection Officer, reachable at {email}",
    "dpo_gone": "We no longer have a Data Protection Officer",
    "dpo_contact": "New contact details for our Data Protection Officer: {email}",
    "authority": "The supervisory authority responsible for us is now {name}",
    "category_new": "New kind of personal data: {label}",
    "category_gone": "We no longer process: {label}",
    "category_label": "{before} is now described as: {label}",
    "sensitive": "{label} is now marked as sensitive ({kind})",
    "not_sensitive": "{label} is no longer marked as sensitive",
    "purpose_new": "New purpose: {name} ({purpose})",
    "purpose_gone": "Purpose removed: {name} ({purpose})",
    "purpose_text": "{name} is now described as: {purpose}",
    "basis": "{name} now relies on {basis} instead of {before}",
    "interest": "{name}: our legitimate interest is now: {interest}",
    "withdraw": "{name}: you now withdraw your consent through {how}",
    "consequence": "{name}: if you do not give the data: {consequence}",
    "retention": "{name} data is now kept {change}",
    "instead": "{after} instead of {before}",
    "special": "{name}: special category data is now processed under {article}",
    "receives": "{recipient} now also receives data for {name}",
    "no_longer_receives": "{recipient} no longer receives data for {name}",
    "uses_more": "{name} now also uses: {labels}",
    "uses_less": "{name} no longer uses: {labels}",
    "recipient_new": "New recipient: {name} ({country})",
    "recipient_new_for": "New recipient: {name} ({country}), for {uses}",
    "recipient_gone": "{name} no longer receives personal data",
    "renamed": "{before} is now called {name}",
    "moved": "{name} now processes data in {country} instead of {before}",
    "role": "{name} is now a {role}",
    "does": "{name} now does this for us: {purpose}",
    "privacy_url": "{name} has a new privacy policy address: {url}",
    "connects": "Your browser now connects to the servers of {name} on our pages",
    "no_longer_connects": "Your browser no longer connects to the servers of {name}",
    "transfer": "Transfers to {name} now rely on {safeguard}",
    "transfer_uk": "Transfers to {name} from the UK now rely on {safeguard}",
    "copy": "{name}: to get a copy of the transfer safeguard now: {how}",
    "storage_new": "New {type}: {name} ({by}), {purpose}",
    "storage_gone": "{type} removed: {name}",
    "storage_what": "The {type} {name}",
    "storage_lasts": "{what} now lasts {duration} instead of {before}",
    "storage_consent": "{what} is now set only with your consent",
    "storage_no_consent": "{what} no longer needs your consent",
    "storage_purpose": "{what} is now used to: {purpose}",
    "storage_fields": "{what}: {fields} changed",
    "decisions_new": "We now make automated decisions about you: {logic}",
    "decisions_gone": "We no longer make automated decisions about you",
    "decisions_changed": "We changed what we say about our automated decisions",
    "channel_new": "New way to send us a request: {value}",
    "channel_gone": "We no longer take requests at {value}",
    "response": "We now answer requests within {time} instead of {before}",
    "verification": "We changed how we check that a request comes from you",
    "authorized_agent": "We changed how an authorized agent makes a request for you",
    "policy": "We changed how we tell you about changes to this policy",
    # A purpose's obligation to give the data (GDPR Art. 13(2)(e)), by what changes.py decides.
    "obligation_browser": "{name}: no law or contract requires the data; your browser sends it "
    "by itself",
    "obligation_none": "{name}: you are not obliged to give the data; giving it is up to you",
    "obligation_contract": "{name}: we now say that we need the data for a contract with you",
    "obligation_law": "{name}: we now say that the law requires you to give the data",
}
