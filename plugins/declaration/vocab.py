"""The fixed words of the declaration: every enumerated value an owner may write.

Each enum's values are exactly what goes in privacy.yml. Labels and legal
references live beside the values so that the policy pages and the checks
name things the same way.
"""

from __future__ import annotations

from enum import StrEnum


class Jurisdiction(StrEnum):
    """A body of law whose disclosures the policy must make."""

    EU_GDPR = "eu_gdpr"
    UK_GDPR = "uk_gdpr"
    EPRIVACY = "eprivacy"
    US_CA_CALOPPA = "us_ca_caloppa"
    US_CA_CCPA = "us_ca_ccpa"
    CA_PIPEDA = "ca_pipeda"


class LegalBasis(StrEnum):
    """GDPR Art. 6(1) legal basis of a processing purpose."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"

    @property
    def article(self) -> str:
        """'Art. 6(1)(f)' for legitimate_interests, and so on."""
        return f"Art. 6(1)({'abcdef'[list(LegalBasis).index(self)]})"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class RecipientRole(StrEnum):
    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"


class StorageType(StrEnum):
    """Kinds of storage on the visitor's device that ePrivacy Art. 5(3) covers."""

    COOKIE = "cookie"
    LOCAL_STORAGE = "local_storage"
    SESSION_STORAGE = "session_storage"
    INDEXED_DB = "indexed_db"
    CACHE_STORAGE = "cache_storage"
    PIXEL = "pixel"

    @property
    def label(self) -> str:
        return {"indexed_db": "IndexedDB"}.get(self.value, self.value.replace("_", " "))


class StorageExemption(StrEnum):
    """Why a storage item needs no consent (ePrivacy Art. 5(3); UK PECR Sch. A1)."""

    STRICTLY_NECESSARY = "strictly_necessary"
    COMMUNICATION = "communication"
    UK_STATISTICS = "uk_statistics"
    UK_APPEARANCE = "uk_appearance"

    @property
    def uk_only(self) -> bool:
        return self.value.startswith("uk_")


class TransferMechanism(StrEnum):
    """Safeguard for a transfer out of the EEA (GDPR Art. 45, 46, 49)."""

    ADEQUACY = "adequacy"
    EU_US_DPF = "eu_us_dpf"
    SCC = "scc"
    BCR = "bcr"
    CODE_OF_CONDUCT = "code_of_conduct"
    CERTIFICATION = "certification"
    ART49_CONSENT = "art49_consent"
    ART49_CONTRACT = "art49_contract"


class UkTransferMechanism(StrEnum):
    """Safeguard for a transfer out of the UK (UK GDPR Art. 45, 46, 49)."""

    UK_ADEQUACY = "uk_adequacy"
    UK_US_DATA_BRIDGE = "uk_us_data_bridge"
    IDTA = "idta"
    UK_ADDENDUM = "uk_addendum"
    BCR = "bcr"
    ART49_CONSENT = "art49_consent"
    ART49_CONTRACT = "art49_contract"


class ChannelType(StrEnum):
    """How people reach the controller to use their rights."""

    EMAIL = "email"
    FORM = "form"
    POSTAL = "postal"
    PHONE = "phone"


class CcpaCategory(StrEnum):
    """Categories of personal information, Cal. Civ. Code 1798.140(v)(1)."""

    IDENTIFIERS = "identifiers"
    CUSTOMER_RECORDS = "customer_records"
    PROTECTED_CLASSIFICATIONS = "protected_classifications"
    COMMERCIAL_INFORMATION = "commercial_information"
    BIOMETRIC_INFORMATION = "biometric_information"
    INTERNET_ACTIVITY = "internet_activity"
    GEOLOCATION = "geolocation"
    SENSORY_DATA = "sensory_data"
    PROFESSIONAL_INFORMATION = "professional_information"
    EDUCATION_INFORMATION = "education_information"
    INFERENCES = "inferences"
    SENSITIVE_PERSONAL_INFORMATION = "sensitive_personal_information"

    @property
    def label(self) -> str:
        """The statutory name, as a CCPA notice must use it."""
        return _CCPA_LABELS[self]


_CCPA_LABELS = {
    CcpaCategory.IDENTIFIERS: "Identifiers",
    CcpaCategory.CUSTOMER_RECORDS: "Personal information categories listed in the "
    "California Customer Records statute (Cal. Civ. Code § 1798.80(e))",
    CcpaCategory.PROTECTED_CLASSIFICATIONS: "Characteristics of protected classifications "
    "under California or federal law",
    CcpaCategory.COMMERCIAL_INFORMATION: "Commercial information",
    CcpaCategory.BIOMETRIC_INFORMATION: "Biometric information",
    CcpaCategory.INTERNET_ACTIVITY: "Internet or other electronic network activity information",
    CcpaCategory.GEOLOCATION: "Geolocation data",
    CcpaCategory.SENSORY_DATA: "Audio, electronic, visual, thermal, olfactory, or similar "
    "information",
    CcpaCategory.PROFESSIONAL_INFORMATION: "Professional or employment-related information",
    CcpaCategory.EDUCATION_INFORMATION: "Non-public education information",
    CcpaCategory.INFERENCES: "Inferences drawn from other personal information",
    CcpaCategory.SENSITIVE_PERSONAL_INFORMATION: "Sensitive personal information",
}


class SensitiveKind(StrEnum):
    """GDPR Art. 9(1) special categories and CCPA 1798.140(ae) sensitive personal information."""

    RACIAL_OR_ETHNIC_ORIGIN = "racial_or_ethnic_origin"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious_or_philosophical_beliefs"
    TRADE_UNION_MEMBERSHIP = "trade_union_membership"
    GENETIC_DATA = "genetic_data"
    BIOMETRIC_DATA = "biometric_data"
    HEALTH = "health"
    SEX_LIFE_OR_SEXUAL_ORIENTATION = "sex_life_or_sexual_orientation"
    GOVERNMENT_ID = "government_id"
    ACCOUNT_LOGIN = "account_login"
    FINANCIAL_ACCOUNT = "financial_account"
    PRECISE_GEOLOCATION = "precise_geolocation"
    COMMUNICATIONS_CONTENT = "communications_content"
    CITIZENSHIP_OR_IMMIGRATION_STATUS = "citizenship_or_immigration_status"
    NEURAL_DATA = "neural_data"

    @property
    def gdpr_special(self) -> bool:
        """A special category of GDPR Art. 9(1), which needs an Art. 9(2) condition."""
        return self in _GDPR_SPECIAL

    @property
    def ccpa_sensitive(self) -> bool:
        """Sensitive personal information under the CCPA."""
        return self is not SensitiveKind.POLITICAL_OPINIONS

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


_GDPR_SPECIAL = frozenset(list(SensitiveKind)[:8])


class SpecialCategoryCondition(StrEnum):
    """GDPR Art. 9(2) condition that allows processing special-category data."""

    EXPLICIT_CONSENT = "explicit_consent"
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"
    VITAL_INTERESTS = "vital_interests"
    NOT_FOR_PROFIT_BODY = "not_for_profit_body"
    MADE_PUBLIC = "made_public"
    LEGAL_CLAIMS = "legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"
    HEALTH_OR_SOCIAL_CARE = "health_or_social_care"
    PUBLIC_HEALTH = "public_health"
    ARCHIVING_RESEARCH_STATISTICS = "archiving_research_statistics"

    @property
    def article(self) -> str:
        """'Art. 9(2)(a)' for explicit_consent, and so on."""
        return f"Art. 9(2)({'abcdefghij'[list(SpecialCategoryCondition).index(self)]})"


class CspDirective(StrEnum):
    """Content-Security-Policy directives a recipient's hosts may be allowed in (CSP Level 3)."""

    FRAME_SRC = "frame-src"
    SCRIPT_SRC = "script-src"
    STYLE_SRC = "style-src"
    IMG_SRC = "img-src"
    FONT_SRC = "font-src"
    CONNECT_SRC = "connect-src"
    MEDIA_SRC = "media-src"
    FORM_ACTION = "form-action"


class Obligation(StrEnum):
    """Whether people must give the data (GDPR Art. 13(2)(e)): no duty, a contract, or a law."""

    NONE = "none"
    CONTRACT = "contract"
    STATUTE = "statute"


class StatutoryRecords(StrEnum):
    """Records a law obliges the business to keep, for a period set by the controller's country."""

    COMMERCIAL_RECORDS = "commercial_records"


class DpfPart(StrEnum):
    """Parts of the Data Privacy Framework program a US organisation can certify under
    (dataprivacyframework.gov/list, checked 2026-12-03)."""

    EU_US = "eu_us"
    UK_EXTENSION = "uk_extension"
    SWISS_US = "swiss_us"


class OfficerRole(StrEnum):
    """The role in which a person legally represents the business (legal notice)."""

    MANAGING_DIRECTOR = "managing_director"
    DIRECTOR = "director"
    BOARD_MEMBER = "board_member"
    OWNER = "owner"
    PARTNER = "partner"
    PRESIDENT = "president"


class DisputeParticipation(StrEnum):
    """Whether the business takes part in consumer dispute resolution (§36 VSBG)."""

    NOT_WILLING = "not_willing"
    WILLING = "willing"
    OBLIGED = "obliged"
