"""The typed, immutable declaration: what privacy.yml says, field by field.

Field names are those of the declaration file. Each field's description is
what the JSON Schema shows an editor, so it says what to write and when the
field is required. Rules that join several fields (ids that must exist, fields
required by a jurisdiction) are checked in `checks.py`, on the same data, so
that all mistakes are reported together.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from .countries import EEA, country_name
from .errors import Loc
from .one_basis import several_bases
from .prose import put, values_of_prose
from .scalars import (
    Country,
    Email,
    Flag,
    Host,
    Identifier,
    Language,
    Period,
    Phone,
    PlainName,
    Prose,
    SiteUrl,
    Slug,
    StorageDuration,
    Text,
    WebUrl,
    choice,
    prose,
)
from .vocab import (
    CcpaCategory,
    ChannelType,
    CspDirective,
    DisputeParticipation,
    DpfPart,
    Jurisdiction,
    LegalBasis,
    Obligation,
    OfficerRole,
    RecipientRole,
    SensitiveKind,
    SpecialCategoryCondition,
    StatutoryRecords,
    StorageExemption,
    StorageType,
    TransferMechanism,
    UkTransferMechanism,
)

SCHEMA_VERSION = 1
DATA_SUBJECT = "data_subject"
BROWSER = "browser"  # a source: the visitor's browser sends it with every request
FIRST_PARTY = "first_party"

# A source of data: data_subject or browser (words of the file, never translated), or a source
# named in prose, once per language on a site of several.
SourceText = Annotated[str, *prose(DATA_SUBJECT, BROWSER)]


T = TypeVar("T")

# A list in the file is an immutable tuple in the model; NonEmpty when the file must list one.
NonEmpty = Annotated[tuple[T, ...], Field(min_length=1)]

# Enumerated values, each reported with 'did you mean' for near misses.
CcpaCategoryValue = Annotated[CcpaCategory, *choice(CcpaCategory, "CCPA category")]
SensitiveKindValue = Annotated[SensitiveKind, *choice(SensitiveKind, "kind of sensitive data")]
LegalBasisValue = Annotated[LegalBasis, *choice(LegalBasis, "legal basis", several_bases)]
SpecialCategoryConditionValue = Annotated[
    SpecialCategoryCondition, *choice(SpecialCategoryCondition, "Art. 9(2) condition")
]
TransferMechanismValue = Annotated[
    TransferMechanism, *choice(TransferMechanism, "transfer mechanism")
]
UkTransferMechanismValue = Annotated[
    UkTransferMechanism, *choice(UkTransferMechanism, "UK transfer mechanism")
]
RecipientRoleValue = Annotated[RecipientRole, *choice(RecipientRole, "role")]
StorageTypeValue = Annotated[StorageType, *choice(StorageType, "storage type")]
StorageExemptionValue = Annotated[StorageExemption, *choice(StorageExemption, "exemption")]
ChannelTypeValue = Annotated[ChannelType, *choice(ChannelType, "channel type")]
JurisdictionValue = Annotated[Jurisdiction, *choice(Jurisdiction, "jurisdiction")]
CspDirectiveValue = Annotated[CspDirective, *choice(CspDirective, "CSP directive")]
ObligationValue = Annotated[Obligation, *choice(Obligation, "obligation")]
StatutoryRecordsValue = Annotated[StatutoryRecords, *choice(StatutoryRecords, "statutory records")]
DpfPartValue = Annotated[DpfPart, *choice(DpfPart, "Data Privacy Framework part")]
OfficerRoleValue = Annotated[OfficerRole, *choice(OfficerRole, "role")]
DisputeParticipationValue = Annotated[
    DisputeParticipation, *choice(DisputeParticipation, "participation")
]


class _OneOrList:
    """Schema of a list field that also takes one value alone: {"anyOf": [item, list]}."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        return {"anyOf": [schema["items"], schema], "default": []}


def _one_as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# A list in the model; in the file one value alone, or a list of them.
OneOrList = Annotated[tuple[T, ...], BeforeValidator(_one_as_list), _OneOrList()]


def host_matches(pattern: str, host: str) -> bool:
    """True when `host` is `pattern`, or a subdomain of it for a `*.` pattern."""
    host = host.lower().rstrip(".")
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return host == pattern


class Part(BaseModel):
    """Base of every part of the declaration: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Site(Part):
    name: PlainName = Field(description="The site's name as visitors know it, as plain text.")
    url: SiteUrl = Field(
        description="The site's own origin, e.g. https://example.com: https (http only for "
        "localhost), no path. Every other host is a third party."
    )
    first_party_hosts: tuple[Host, ...] = Field(
        default=(),
        description="Optional: more hosts that belong to the owner (e.g. static.example.com, or "
        "*.example.com for all subdomains). Bare hosts, no scheme or path.",
    )
    languages: NonEmpty[Language] = Field(
        description="Languages the policy is published in, as language tags (en, de, en-GB); "
        "the first one is the default."
    )
    hosted_by: tuple[Identifier, ...] = Field(
        default=(),
        description="Who runs the servers that deliver the site and see every visitor's IP "
        "address: ids of recipients (web host, CDN, static host), or first_party when you run "
        "the server yourself. Required.",
    )

    @cached_property
    def host(self) -> str:
        """The site's host name, lower-case, without port."""
        return urlsplit(self.url).hostname or ""

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def is_first_party(self, host: str) -> bool:
        """True for the site's own host and the declared first-party hosts."""
        return host_matches(self.host, host) or any(
            host_matches(pattern, host) for pattern in self.first_party_hosts
        )


class Address(Part):
    street: Text = Field(description="Street and number.")
    postal_code: Text = Field(description='Postal code, in quotes when it is a number: "10115".')
    city: Text = Field(description="City or town.")
    region: Text | None = Field(
        default=None,
        description="State, province or county, by code or name (e.g. CA for California). "
        "Required where the country's postal format has one (US, CA, AU, ES, IT...).",
    )
    country: Country = Field(description="ISO 3166-1 alpha-2 country code, e.g. DE, GB, US.")


class Representative(Part):
    name: Text = Field(description="Name of the representative (a person or a company).")
    address: Address = Field(description="Postal address of the representative.")
    email: Email = Field(description="E-mail address at which people reach the representative.")
    phone: Phone | None = Field(default=None, description="Optional: phone number.")


class Register(Part):
    court: Text = Field(description="The register or registry court, e.g. Amtsgericht Berlin.")
    number: Text = Field(description="The registration number, e.g. HRB 12345.")


class Regulator(Part):
    name: Text = Field(description="Supervisory authority or professional chamber.")
    url: WebUrl | None = Field(default=None, description="Optional: its web address.")
    professional_rules: Prose | None = Field(
        default=None,
        description="Optional: professional title, where it was awarded, and the rules that apply.",
    )


class Officer(Part):
    name: Text = Field(description="Full name of the person.")
    role: OfficerRoleValue | None = Field(
        default=None,
        description="Required: the role in which they represent the business: "
        "managing_director (GmbH: Geschäftsführer), director (UK company), board_member (AG: "
        "Vorstand), owner (sole trader), partner, president (SAS: président). Only releases "
        "made before roles existed lack it.",
    )


class Person(Part):
    name: Text = Field(description="Full name of the person.")
    address: Address = Field(description="Their postal address.")


class DisputeBoard(Part):
    name: Text = Field(description="Name of the consumer dispute resolution body.")
    address: Text = Field(description="Its postal address, on one line.")
    url: WebUrl = Field(description="Its web address.")


class ConsumerDisputes(Part):
    participation: DisputeParticipationValue = Field(
        description="not_willing, willing or obliged to take part in dispute resolution before "
        "a consumer arbitration board (§36 VSBG)."
    )
    board: DisputeBoard | None = Field(
        default=None,
        description="The consumer arbitration board. Required when willing or obliged, and "
        "only then.",
    )


class Controller(Part):
    legal_name: Text = Field(
        description="Full legal name of the business responsible for the data."
    )
    legal_form: Text | None = Field(
        default=None, description="Optional (legal notice): legal form, e.g. GmbH, Ltd, LLC."
    )
    represented_by: tuple[Officer, ...] = Field(
        default=(),
        description="Legal notice: the people who legally represent it, each with name and role. "
        "Required for companies in Germany (§5(1) No. 1 DDG).",
    )
    address: Address = Field(description="Postal address of the business.")
    email: Email = Field(description="E-mail address for privacy questions and requests.")
    phone: Phone | None = Field(default=None, description="Optional: phone number.")
    commercial_register: Register | None = Field(
        default=None,
        alias="register",
        description="Legal notice: commercial register entry. Required for German registered "
        "forms (GmbH...), UK companies, French sociétés, every Dutch business (KvK number) and "
        "Austrian forms entered in the Firmenbuch (FN number).",
    )
    vat_id: Text | None = Field(
        default=None, description="Legal notice: VAT identification number, when it has one."
    )
    registered_office: Address | None = Field(
        default=None,
        description="Legal notice: the registered office, when it differs from address (UK "
        "companies, French sociétés).",
    )
    share_capital: Text | None = Field(
        default=None,
        description="Legal notice: share capital, e.g. '10 000 €'. Required for French sociétés "
        "(LCEN art. 6).",
    )
    publication_director: Text | None = Field(
        default=None,
        description="Legal notice: the directeur de la publication. Required in France (LCEN "
        "art. 6).",
    )
    editorial_responsible: Person | None = Field(
        default=None,
        description="Legal notice: the person responsible for the journalistic-editorial "
        "content such as the blog, with name and address. Required in Germany (§18(2) MStV).",
    )
    consumer_disputes: ConsumerDisputes | None = Field(
        default=None,
        description="Legal notice: whether the business takes part in consumer dispute "
        "resolution. Required in Germany (§36 VSBG).",
    )
    regulator: Regulator | None = Field(
        default=None,
        description="Optional (legal notice): authority or chamber that supervises the business.",
    )
    eu_representative: Representative | None = Field(
        default=None,
        description="Representative in the EU (GDPR Art. 27). Required when eu_gdpr is declared "
        "and the controller's address is outside the EU/EEA; otherwise leave it null.",
    )
    uk_representative: Representative | None = Field(
        default=None,
        description="Representative in the UK (UK GDPR Art. 27). Required when uk_gdpr is "
        "declared and the controller's address is outside the UK; otherwise leave it null.",
    )


class Dpo(Part):
    appointed: Flag = Field(description="Whether a data protection officer is appointed.")
    name: Text | None = Field(default=None, description="Optional, only when appointed: name.")
    email: Email | None = Field(
        default=None, description="Required when appointed: e-mail address."
    )
    address: Address | None = Field(
        default=None, description="Optional, only when appointed: postal address."
    )
    phone: Phone | None = Field(default=None, description="Optional, only when appointed: phone.")


class SupervisoryAuthority(Part):
    name: Text = Field(description="The data protection authority people may complain to.")
    url: WebUrl = Field(description="Its web address.")


class DataCategory(Part):
    id: Identifier = Field(description="Short id that processing[].data refers to, e.g. contact.")
    label: Prose = Field(
        description="What the data is, in plain words, e.g. Name and e-mail address."
    )
    ccpa_category: OneOrList[CcpaCategoryValue] = Field(
        default=(),
        description="CCPA categories of personal information this data belongs to: one, or a "
        "list when it belongs to several. Required when ccpa.applies is true.",
    )
    sensitive: SensitiveKindValue | None = Field(
        default=None,
        description="Optional: the kind of sensitive data this is (GDPR Art. 9 special category "
        "or CCPA sensitive personal information). Leave it out for ordinary data.",
    )


class ConsentDetails(Part):
    withdraw: Prose = Field(
        description="How people withdraw their consent, e.g. 'the unsubscribe link in each e-mail'."
    )


class Provision(Part):
    obligation: ObligationValue = Field(
        description="What obliges people to give the data: none (it is up to them), contract "
        "(needed to make or carry out a contract with them) or statute (a law requires it)."
    )
    consequence: Prose = Field(description="What happens if they do not give it.")


class Retention(Part):
    duration: Period | None = Field(
        default=None,
        description="How long the data is kept, as an ISO 8601 duration: P14D, P6M, P1Y. Required "
        "unless criteria is given, and always for a purpose with a form.",
    )
    after: Prose | None = Field(
        default=None,
        description="Optional: the event the duration counts from, e.g. 'the order is delivered'. "
        "Not with a form: the contact inbox counts from when it receives a message.",
    )
    criteria: Prose | None = Field(
        default=None,
        description="When no fixed duration fits: the event that ends keeping the data, e.g. "
        "'you unsubscribe'. Never 'as long as necessary'.",
    )
    statutory: StatutoryRecordsValue | None = Field(
        default=None,
        description="Records a law obliges you to keep: commercial_records. The periods are "
        "those of the controller's country (Germany, the UK, France); use it with legal_basis: "
        "legal_obligation.",
    )


# Where a form's retention period starts: the contact inbox deletes each message a fixed time
# after it received it, the one moment it knows. The form, the thanks page and the policy all
# say it with these words.
RECEIVED = "we receive your message"


class FinancialIncentive(Part):
    terms: Prose = Field(description="What is offered for the data, and on which terms.")
    withdraw: Prose = Field(description="How people withdraw from the incentive.")


class Processing(Part):
    id: Identifier = Field(
        description="Short id of this purpose; the policy anchor is #purpose-<id>."
    )
    title: Prose | None = Field(
        default=None,
        description="A short title for the purpose, e.g. Newsletter; defaults to the id in words "
        "(contact_form: Contact form). Required on a site of several languages.",
    )
    purpose: Prose = Field(description="What the data is used for, in one plain sentence.")
    data: NonEmpty[Identifier] = Field(description="Ids of data_categories used.")
    sources: NonEmpty[SourceText] = Field(
        description="Where the data comes from: data_subject when people give it themselves, "
        "browser when their browser sends it automatically (server logs); otherwise name the "
        "source in words (GDPR Art. 14)."
    )
    legal_basis: LegalBasisValue = Field(description="GDPR Art. 6(1) legal basis.")
    legitimate_interest: Prose | None = Field(
        default=None,
        description="The specific interest pursued. Required when legal_basis is "
        "legitimate_interests, and only then.",
    )
    consent: ConsentDetails | None = Field(
        default=None,
        description="Required when legal_basis is consent, and only then: how to withdraw it.",
    )
    special_category_condition: SpecialCategoryConditionValue | None = Field(
        default=None,
        description="GDPR Art. 9(2) condition. Required under eu_gdpr or uk_gdpr when the "
        "purpose uses a data category whose sensitive kind is a GDPR special category.",
    )
    provision: Provision | None = Field(
        default=None,
        description="Whether people must provide the data, and the consequence if they do not. "
        "Required when sources include data_subject or browser (GDPR Art. 13(2)(e)).",
    )
    recipients: tuple[Identifier, ...] = Field(
        default=(), description="Ids of recipients that receive this data."
    )
    retention: Retention = Field(description="How long the data is kept.")
    form: Identifier | None = Field(
        default=None,
        description="Optional: name of the site form that collects data for this purpose "
        "(e.g. contact). Each form name belongs to one purpose.",
    )
    scripts: tuple[Slug, ...] = Field(
        default=(),
        description="Optional: tracker script families this purpose runs on the site, named as "
        "the privacy guard names them (e.g. matomo for self-hosted analytics).",
    )
    ccpa_purpose: Prose | None = Field(
        default=None,
        description="Optional: the business or commercial purpose in CCPA terms; defaults to "
        "purpose.",
    )
    ccpa_financial_incentive: FinancialIncentive | None = Field(
        default=None,
        description="Optional: a financial incentive offered for the data (CCPA §7016), e.g. a "
        "newsletter discount.",
    )

    @property
    def heading(self) -> str:
        """The purpose's short title: the declared one, or its id in words."""
        if self.title:
            return self.title
        words = self.id.replace("_", " ").strip()
        return words[:1].upper() + words[1:]

    @property
    def retention_start(self) -> str | None:
        """The event the retention period counts from, in words: the declared `after`, or, for
        a purpose with a form, when the inbox receives the message."""
        return self.retention.after or (RECEIVED if self.form else None)


class Transfer(Part):
    mechanism: TransferMechanismValue | None = Field(
        default=None,
        description="Safeguard for the transfer out of the EEA (GDPR Art. 45/46/49). Required "
        "under eu_gdpr for a recipient outside the EEA.",
    )
    uk: UkTransferMechanismValue | None = Field(
        default=None,
        description="Safeguard for the transfer out of the UK. Required under uk_gdpr for a "
        "recipient outside the UK.",
    )
    copy_instructions: Prose | None = Field(
        default=None,
        alias="copy",
        description="How people get a copy of the safeguard, e.g. 'e-mail privacy@example.com'. "
        "Required for safeguards of GDPR Art. 46 (scc, bcr, code_of_conduct, certification, "
        "idta, uk_addendum), and only for them: an adequacy decision has no copy.",
    )


class Recipient(Part):
    service: Slug | None = Field(
        default=None,
        description="Optional: a service of the catalogue (plugins/service_catalogue), e.g. "
        "youtube. Fills id, name, country, role, privacy_url, hosts, csp, transfer and the "
        "storage items it sets from the catalogue; any field written here overrides it.",
    )
    id: Identifier = Field(description="Short id that processing[].recipients refers to.")
    name: Text = Field(description="Name of the company or body that receives data.")
    role: RecipientRoleValue = Field(
        description="processor (acts on the owner's instructions), controller or joint_controller."
    )
    purpose: Prose = Field(description="What it does with the data, e.g. Web hosting.")
    country: Country = Field(description="Where it processes the data: ISO 3166-1 alpha-2 code.")
    privacy_url: WebUrl | None = Field(
        default=None,
        description="Its privacy policy. Required when it provides a storage item.",
    )
    address: Address | None = Field(
        default=None,
        description="Its postal address. Required for the host of a French site (LCEN art. 6).",
    )
    phone: Phone | None = Field(
        default=None,
        description="Its phone number. Required for the host of a French site (LCEN art. 6).",
    )
    dpf: tuple[DpfPartValue, ...] = Field(
        default=(),
        description="The parts of the Data Privacy Framework it is certified under, as its entry "
        "on dataprivacyframework.gov/list shows: eu_us, uk_extension, swiss_us.",
    )
    hosts: tuple[Host, ...] = Field(
        default=(),
        description="Hosts the built site contacts for this recipient (script, font, form "
        "target...). Bare hosts; *.example.com covers all subdomains.",
    )
    transfer: Transfer | None = Field(
        default=None,
        description="Safeguard for a transfer abroad. Required for a country outside the EEA "
        "(under eu_gdpr) or outside the UK (under uk_gdpr); otherwise leave it out.",
    )
    csp: tuple[CspDirectiveValue, ...] = Field(
        default=(),
        description="Optional: the Content-Security-Policy directives its hosts are allowed in, "
        "e.g. [frame-src] for a video player; a service fills it. Empty: they are allowed "
        "everywhere (default-src, img-src, style-src, script-src).",
    )
    storage_confirmed: Flag | None = Field(
        default=None,
        description="With a service whose storage the catalogue cannot list in full: true once "
        "storage lists every item it sets (see its cookie policy).",
    )

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def outside_eea(self) -> bool:
        return self.country not in EEA

    def matches_host(self, host: str) -> bool:
        return any(host_matches(pattern, host) for pattern in self.hosts)


class StorageItem(Part):
    name: Text = Field(description="Name of the cookie or storage key, e.g. theme.")
    type: StorageTypeValue = Field(description="Kind of storage.")
    provider: Identifier = Field(
        description="first_party when the site itself sets it, otherwise the id of a recipient."
    )
    purpose: Prose = Field(description="Why it is stored, in plain words.")
    duration: StorageDuration = Field(
        description="How long it lasts: ISO 8601 duration (P1Y), session, or until_cleared."
    )
    consent_required: Flag = Field(description="Whether it is set only after consent.")
    exemption: StorageExemptionValue | None = Field(
        default=None,
        description="Why no consent is needed. Required when consent_required is false, and "
        "only then; uk_statistics and uk_appearance only under uk_gdpr without eprivacy.",
    )
    if_refused: Prose | None = Field(
        default=None,
        description="What does not work when consent is refused. Required when consent_required "
        "is true, and only then.",
    )


class AutomatedDecisions(Part):
    used: Flag = Field(description="Whether decisions with legal or similar effect are automated.")
    logic: Prose | None = Field(default=None, description="Required when used: the logic involved.")
    significance: Prose | None = Field(
        default=None, description="Required when used: what it means for the person."
    )
    consequences: Prose | None = Field(
        default=None, description="Required when used: the envisaged consequences."
    )


class Channel(Part):
    type: ChannelTypeValue = Field(description="email, form, postal or phone.")
    value: Text = Field(
        description="The address: an e-mail address, a site path like /contact/ or https URL, "
        "a postal address, or a phone number."
    )


class ComplaintProcedure(Part):
    channels: tuple[Channel, ...] = Field(
        default=(),
        description="Required: where people send a complaint, at least one way; under uk_gdpr "
        "at least one electronic way (email or form) and one other (postal or phone), DPA 2018 "
        "s.164A(2).",
    )
    acknowledge_within: Period | None = Field(
        default=None,
        description="How soon you acknowledge a complaint. Required under uk_gdpr, at most P30D "
        "(DPA 2018 s.164A(3)).",
    )
    details: Prose | None = Field(
        default=None,
        description="Optional: anything more people should know about complaints, in one or two "
        "plain sentences (e.g. who handles them). Releases made when the procedure was one text "
        "keep that text here.",
    )


class Rights(Part):
    channels: NonEmpty[Channel] = Field(
        description="How people send requests about their data. Two or more when ccpa.applies."
    )
    response_time: Period = Field(
        description="How soon requests are answered: at most P1M under eu_gdpr/uk_gdpr, at most "
        "P45D under us_ca_ccpa."
    )
    verification: Prose | None = Field(
        default=None,
        description="How a requester's identity is verified. Required when ccpa.applies.",
    )
    authorized_agent: Prose | None = Field(
        default=None,
        description="How an authorized agent can act for someone. Required with us_ca_ccpa.",
    )
    complaint_procedure: ComplaintProcedure | None = Field(
        default=None,
        description="How people complain to the owner, and how soon complaints are acknowledged. "
        "Required with uk_gdpr (DPA 2018 s.164A) and ca_pipeda (Principle 4.10).",
    )


class Ccpa(Part):
    applies: Flag = Field(
        description="Whether the CCPA/CPRA applies (revenue, volume or data-sale thresholds). "
        "Must be true exactly when us_ca_ccpa is declared."
    )
    sells: Flag | None = Field(
        default=None, description="Required when applies: whether personal information is sold."
    )
    shares: Flag | None = Field(
        default=None,
        description="Required when applies: whether it is shared for cross-context advertising.",
    )
    honors_gpc: Flag | None = Field(
        default=None,
        description="Required when applies: whether Global Privacy Control signals are honored.",
    )
    knows_sells_under16: Flag | None = Field(
        default=None,
        description="Required when it sells or shares: whether it knowingly sells or shares "
        "data of consumers under 16.",
    )
    spi_beyond_7027m: Flag | None = Field(
        default=None,
        description="Required when applies: whether sensitive personal information is used "
        "beyond the purposes allowed by CCPA regulation §7027(m).",
    )
    online_only: Flag | None = Field(
        default=None,
        description="Optional: true when the business operates exclusively online and has a "
        "direct relationship with its consumers; then an e-mail address replaces the toll-free "
        "number (Cal. Civ. Code §1798.130(a)(1)(A)).",
    )
    metrics_url: WebUrl | None = Field(
        default=None,
        description="Optional: link to request metrics (only for 10 million consumers a year).",
    )


class Caloppa(Part):
    dnt_response: Prose = Field(description="How the site responds to Do Not Track signals.")
    review_process: Prose | None = Field(
        default=None, description="Optional: how people review and request changes to their data."
    )


class PrivacyOfficer(Part):
    title: Prose = Field(description="Title of the person accountable, e.g. Privacy Officer.")
    name: Text | None = Field(default=None, description="Optional: their name.")
    address: Address = Field(description="Postal address for complaints and inquiries.")
    email: Email = Field(description="E-mail address for complaints and inquiries.")


class Pipeda(Part):
    privacy_officer: PrivacyOfficer = Field(description="Who is accountable (Principle 4.1).")


class ConsentRecord(Part):
    remembered: bool = Field(
        default=True,
        description="Whether the site stores a visitor's consent choice so as not to ask again. "
        "false when nothing is stored: each choice is a click that loads only what it names "
        "(the embeds' click-to-load) and is asked again next time; then leave out "
        "record_duration.",
    )
    record_duration: Period | None = Field(
        default=None,
        description="How long a stored consent choice is remembered, e.g. P6M; required unless "
        "remembered is false.",
    )


class Policy(Part):
    change_notification: Prose = Field(description="How people are told when the policy changes.")


class Texts:
    """What a Declaration needs to be read in another language: the file's data as validated,
    with every text per language as written, and the language versions made so far.

    Two declarations are equal only when their texts in every language are: a Declaration
    compares this too (pydantic compares private attributes), so two files that differ in one
    German purpose differ however they are read.
    """

    def __init__(self, data: dict[str, Any], language: str, versions: dict[str, Any]) -> None:
        self.data = data
        self.language = language
        self.versions = versions  # language -> Declaration, shared by all versions of one file

    @cached_property
    def per_language(self) -> dict[Loc, dict[str, str]]:
        """Every prose value, language -> text (a plain text is the default language's)."""
        default = next(iter(self.versions.values())).site.default_language
        return {
            loc: {key: text.strip() for key, text in value.items()}
            if isinstance(value, dict)
            else {default: value.strip()}
            for loc, value in values_of_prose(self.data, Declaration)
        }

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Texts)
            and self.language == other.language
            and self.per_language == other.per_language
        )

    __hash__ = None  # type: ignore[assignment]


class Declaration(Part):
    """Everything the site declares about personal data (content/privacy.yml)."""

    _texts: Texts | None = PrivateAttr(default=None)

    model_config = ConfigDict(
        title="Discreet privacy declaration",
        json_schema_extra={"description": "content/privacy.yml of a Discreet site."},
    )

    schema_version: int = Field(
        default=SCHEMA_VERSION,
        alias="schema",
        description=f"Version of this format; write {SCHEMA_VERSION}.",
    )
    site: Site = Field(description="The site the policy covers.")
    jurisdictions: NonEmpty[JurisdictionValue] = Field(
        description="Laws whose disclosures the policy makes."
    )
    controller: Controller = Field(description="Who is responsible for the personal data.")
    dpo: Dpo = Field(description="Data protection officer; {appointed: false} when there is none.")
    supervisory_authority: SupervisoryAuthority | None = Field(
        default=None,
        description="The data protection authority responsible for you (your lead authority). "
        "Required with eu_gdpr when the controller is in the EU/EEA; a controller outside it "
        "has none (GDPR Art. 56), so leave it out.",
    )
    data_categories: NonEmpty[DataCategory] = Field(
        description="Every kind of personal data the site handles."
    )
    processing: NonEmpty[Processing] = Field(
        description="One entry per purpose for which personal data is processed."
    )
    recipients: tuple[Recipient, ...] = Field(
        description="Everyone outside the owner who receives personal data; [] for nobody."
    )
    storage: tuple[StorageItem, ...] = Field(
        description="Cookies, local storage and pixels; [] means the site stores nothing."
    )
    automated_decision_making: AutomatedDecisions = Field(
        description="Automated decisions (GDPR Art. 22); {used: false} when there are none."
    )
    rights: Rights = Field(description="How people use their rights.")
    ccpa: Ccpa = Field(description="California CCPA/CPRA; {applies: false} when it does not apply.")
    caloppa: Caloppa | None = Field(
        default=None, description="California CalOPPA. Required with us_ca_caloppa, and only then."
    )
    pipeda: Pipeda | None = Field(
        default=None, description="Canada PIPEDA. Required with ca_pipeda, and only then."
    )
    consent: ConsentRecord | None = Field(
        default=None,
        description="Consent records. Required when any storage item needs consent.",
    )
    policy: Policy = Field(description="About the policy itself.")

    @property
    def language(self) -> str:
        """The language every text of this object is in: the site's default language, or the
        one asked of in_language."""
        return self._texts.language if self._texts else self.site.default_language

    def in_language(self, language: str) -> Declaration:
        """The same declaration with every text (purposes, labels, notes...) in `language`, one
        of site.languages; everything else is the same. Made once per language, then kept."""
        if language == self.language:
            return self
        if language not in self.site.languages:
            raise ValueError(
                f"{language!r} is not one of the site's languages "
                f"({', '.join(self.site.languages)})"
            )
        if self._texts is None:
            raise ValueError(
                "this Declaration was not read by load_declaration or load_release, so it has "
                f"its texts in {self.language} only"
            )
        versions = self._texts.versions
        if language not in versions:
            versions[language] = read_in(self._texts.data, language, versions)
        return versions[language]

    def applies(self, jurisdiction: Jurisdiction | str) -> bool:
        return jurisdiction in self.jurisdictions

    def data_category(self, id: str) -> DataCategory:
        return _by_id(self.data_categories, id, "data category")

    def recipient(self, id: str) -> Recipient:
        return _by_id(self.recipients, id, "recipient")

    def processing_by_id(self, id: str) -> Processing:
        return _by_id(self.processing, id, "processing purpose")

    def processing_for_form(self, form: str) -> Processing | None:
        """The purpose a site form collects for, or None when no purpose names that form."""
        return next((entry for entry in self.processing if entry.form == form), None)

    def data_of(self, entry: Processing) -> list[DataCategory]:
        return [self.data_category(id) for id in entry.data]

    def recipients_of(self, entry: Processing) -> list[Recipient]:
        return [self.recipient(id) for id in entry.recipients]

    def recipient_for_host(self, host: str) -> Recipient | None:
        """The recipient that declares `host` (exactly or by a *. pattern), if any."""
        return next((r for r in self.recipients if r.matches_host(host)), None)

    @property
    def hosts(self) -> list[Recipient]:
        """The recipients whose servers deliver the site (none when the owner runs them)."""
        return [self.recipient(id) for id in self.site.hosted_by if id != FIRST_PARTY]

    @property
    def legal_bases(self) -> frozenset[LegalBasis]:
        return frozenset(entry.legal_basis for entry in self.processing)

    def to_json_dict(self) -> dict[str, Any]:
        """The declaration as JSON data: field order of the file, durations as ISO strings, and
        on a site of several languages each text in all of them, as the file has it."""
        data = self.model_dump(mode="json", by_alias=True)
        if self._texts is not None and len(self.site.languages) > 1:
            for loc, texts in self._texts.per_language.items():
                put(data, loc, texts)
        return data


def read_in(data: dict[str, Any], language: str, versions: dict[str, Any]) -> Declaration:
    """The declaration of the file's `data` (without its schema key) with every text in
    `language` ("": the default one); pydantic's ValidationError when `data` is not valid."""
    declaration = Declaration.model_validate(data, context={"language": language})
    language = language or declaration.site.default_language
    declaration._texts = Texts(data, language, versions)
    versions[language] = declaration
    return declaration


def _by_id(items: tuple[Any, ...], id: str, what: str) -> Any:
    for item in items:
        if item.id == id:
            return item
    raise KeyError(f"no {what} with id {id!r}")
