"""Statutory record-keeping periods by the controller's country: facts, no sentences.

A business that takes orders must keep its commercial records for years; a policy
that promises to delete order correspondence after six months says something
untrue. Each period names its source; the wording modules turn it into sentences.
Checked 2026-12-03:
- DE: §147(1), (3), (4) AO and §257(1), (4), (5) HGB as amended by the Fourth Bureaucracy
  Relief Act (BEG IV, BGBl. 2024 I No. 323): accounting vouchers (invoices) 8 years,
  business letters 6 years, counted from the end of the calendar year (§147(4) AO, §257(5)
  HGB: the period begins with the close of the calendar year in which the record was made),
  which the policy cites with the periods.
- GB: VAT Act 1994 Sch. 11 para. 6(3) (VAT records, 6 years) and Finance Act 1998 Sch. 18
  para. 21 (company tax records, 6 years from the end of the accounting period).
- FR: Code de commerce art. L123-22 (accounting documents and vouchers, 10 years).
- NL: the fiscal duty to keep the administration for 7 years (Algemene wet inzake
  rijksbelastingen, art. 52(4)); the 7 years checked 2026-12-04 against Dutch accountants'
  summaries of the Belastingdienst's rules (e.g. https://www.wolterskluwer.com/nl-nl/
  expert-insights/fiscale-bewaarplicht-7-punten-waar-je-niet-omheen-kunt), the statute's own
  text and where its period starts not read: so the kit advises the period (RECORD_ADVICE)
  instead of stating it with a start in the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .vocab import StatutoryRecords


class RecordKind(StrEnum):
    ACCOUNTING_VOUCHERS = "accounting_vouchers"
    BUSINESS_LETTERS = "business_letters"
    BUSINESS_RECORDS = "business_records"
    ACCOUNTING_RECORDS = "accounting_records"


class CountedFrom(StrEnum):
    END_OF_CALENDAR_YEAR = "end_of_calendar_year"
    END_OF_FINANCIAL_YEAR = "end_of_financial_year"


@dataclass(frozen=True)
class RecordPeriod:
    records: RecordKind
    years: int
    counted_from: CountedFrom
    source: str  # the citation, as the policy prints it


_COMMERCIAL_RECORDS: dict[str, tuple[RecordPeriod, ...]] = {
    "DE": (
        RecordPeriod(
            RecordKind.ACCOUNTING_VOUCHERS,
            8,
            CountedFrom.END_OF_CALENDAR_YEAR,
            "§147(1) No. 4, (3) and (4) AO, §257(1) No. 4, (4) and (5) HGB",
        ),
        RecordPeriod(
            RecordKind.BUSINESS_LETTERS,
            6,
            CountedFrom.END_OF_CALENDAR_YEAR,
            "§147(1) Nos. 2 and 3, (3) and (4) AO, §257(1) Nos. 2 and 3, (4) and (5) HGB",
        ),
    ),
    "GB": (
        RecordPeriod(
            RecordKind.BUSINESS_RECORDS,
            6,
            CountedFrom.END_OF_FINANCIAL_YEAR,
            "VAT Act 1994 Sch. 11 para. 6(3), Finance Act 1998 Sch. 18 para. 21",
        ),
    ),
    "FR": (
        RecordPeriod(
            RecordKind.ACCOUNTING_RECORDS,
            10,
            CountedFrom.END_OF_FINANCIAL_YEAR,
            "Code de commerce art. L123-22",
        ),
    ),
}


# Countries whose period the kit can advise but not state in the policy: (duration, law).
RECORD_ADVICE: dict[str, tuple[str, str]] = {
    "NL": ("P7Y", "art. 52(4) Algemene wet inzake rijksbelastingen"),
}


def record_periods(records: StatutoryRecords, country: str) -> tuple[RecordPeriod, ...]:
    """The periods the controller's country sets; () when the kit does not know them."""
    if records is StatutoryRecords.COMMERCIAL_RECORDS:
        return _COMMERCIAL_RECORDS.get(country, ())
    return ()


def known_countries(records: StatutoryRecords) -> list[str]:
    return sorted(_COMMERCIAL_RECORDS) if records is StatutoryRecords.COMMERCIAL_RECORDS else []
