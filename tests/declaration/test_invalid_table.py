# ruff: noqa: E501  (each expected message is one line, exactly as the owner reads it)
"""A table of invalid declarations: each edit of the example gives exactly these lines.

Each row changes the example declaration the way an owner might get it wrong and lists
the complete error output, so a message that loses its file, line, path or fix fails here.
"""

from __future__ import annotations

import pytest
from declaration import DeclarationError, load_declaration

ROWS = [
    pytest.param(
        [("  legal_name: Example Shop GmbH", "  legal_nmae: Example Shop GmbH")],
        [
            "content/privacy.yml:21 controller.legal_nmae: unknown key; did you mean legal_name? (keys allowed here: legal_name, legal_form, represented_by, address, email, phone, register, vat_id, registered_office, share_capital, publication_director, editorial_responsible, consumer_disputes, regulator, eu_representative, uk_representative)",
        ],
        id="key typo",
    ),
    pytest.param(
        [("storage: []", "cookies: []\nstorage: []")],
        [
            "content/privacy.yml:89 cookies: unknown key; remove it (keys allowed here: schema, site, jurisdictions, controller, dpo, supervisory_authority, data_categories, processing, recipients, storage, automated_decision_making, rights, ccpa, caloppa, pipeda, consent, policy)"
        ],
        id="unknown top-level key",
    ),
    pytest.param(
        [('postal_code: "10115"', "postal_code: 10115")],
        [
            'content/privacy.yml:24 controller.address.postal_code: expected text, got the number 10115; put it in quotes: "10115"'
        ],
        id="number where text is expected",
    ),
    pytest.param(
        [("{duration: P6M}", "{duration: 6 months}")],
        [
            'content/privacy.yml:67 processing[1].retention.duration: "6 months" is not an ISO 8601 duration; write P6M'
        ],
        id="duration in words",
    ),
    pytest.param(
        [("{duration: P14D}", "{duration: p14d}")],
        [
            'content/privacy.yml:57 processing[0].retention.duration: "p14d" is not an ISO 8601 duration; write P14D'
        ],
        id="duration in lower case",
    ),
    pytest.param(
        [("{duration: P14D}", "{duration: 14}")],
        [
            "content/privacy.yml:57 processing[0].retention.duration: the number 14 has no unit; write P14D for days or P14M for months"
        ],
        id="duration without unit",
    ),
    pytest.param(
        [("data: [contact, message]", "data: [contact, mesage]")],
        [
            'content/privacy.yml:61 processing[1].data[1]: unknown data category "mesage"; did you mean message? (declared in data_categories: contact, message, connection)'
        ],
        id="unknown data id",
    ),
    pytest.param(
        [
            (
                "    recipients: [webhost]\n    retention: {duration: P14D}",
                "    recipients: [webhost, cdn]\n    retention: {duration: P14D}",
            )
        ],
        [
            'content/privacy.yml:56 processing[0].recipients[1]: unknown recipient "cdn"; use one declared in recipients: webhost'
        ],
        id="unknown recipient id",
    ),
    pytest.param(
        [("    legitimate_interest: Running a secure, available website\n", "")],
        [
            'content/privacy.yml:48 processing[0].legitimate_interest: required because legal_basis is legitimate_interests; add legitimate_interest: the specific interest pursued, e.g. "Replying to enquiries about our products"'
        ],
        id="missing legitimate_interest",
    ),
    pytest.param(
        [("    legal_basis: legitimate_interests     #", "    legal_basis: contract     #")],
        [
            "content/privacy.yml:54 processing[0].legitimate_interest: given, but legal_basis is contract; remove it, or set legal_basis: legitimate_interests"
        ],
        id="legitimate_interest with another basis",
    ),
    pytest.param(
        [
            (
                "    legal_basis: legitimate_interests\n    legitimate_interest: Replying to enquiries about our products\n",
                "    legal_basis: consent\n",
            )
        ],
        [
            'content/privacy.yml:58 processing[1].consent: required because legal_basis is consent (GDPR Art. 7(3)); add consent: {withdraw: "how to withdraw, e.g. the unsubscribe link in each e-mail"}'
        ],
        id="consent without withdrawal",
    ),
    pytest.param(
        [("    country: DE\n", "    country: US\n")],
        [
            'content/privacy.yml:71 recipients[0].transfer: required because the United States is outside the EEA and eu_gdpr is declared; add transfer: {mechanism: scc, copy: "how people get a copy of the safeguard"}'
        ],
        id="US recipient without transfer",
    ),
    pytest.param(
        [
            (
                "    hosts: []   ",
                "    transfer: {mechanism: scc, copy: on request}\n    hosts: []   ",
            )
        ],
        [
            "content/privacy.yml:77 recipients[0].transfer: given, but Germany is inside the EEA, so no transfer safeguard is needed; remove it"
        ],
        id="transfer inside the EEA",
    ),
    pytest.param(
        [
            (
                "    country: DE\n",
                "    country: US\n    transfer: {mechanism: adequacy, copy: on request}\n",
            )
        ],
        [
            "content/privacy.yml:76 recipients[0].transfer.mechanism: the United States has no general EU adequacy decision; write eu_us_dpf if the recipient is certified under the EU-US Data Privacy Framework, otherwise scc"
        ],
        id="adequacy claimed for the US",
    ),
    pytest.param(
        [('"10115", city: Berlin, country: DE}', '"10115", city: Berlin, country: CH}')],
        [
            "content/privacy.yml:29 controller.editorial_responsible: given, but it is a rule of German law only; remove it",
            "content/privacy.yml:32 controller.consumer_disputes: given, but it is a rule of German law only; remove it",
            "content/privacy.yml:33 controller.eu_representative: required because the controller's country, Switzerland, is outside the EU/EEA and eu_gdpr is declared (Art. 27); add eu_representative: {name, address: {street, postal_code, city, country}, email}",
            "content/privacy.yml:38 supervisory_authority: given, but a controller outside the EU/EEA has no lead authority (GDPR Art. 56); the policy sends people to the authority where they live or work; remove it",
        ],
        id="controller outside the EU without representative",
    ),
    pytest.param(
        [("  name: Example Shop\n", "  name: Example Shop\n  name: Another Shop\n")],
        [
            "content/privacy.yml:13 site.name: duplicate key; it is first given on line 12; keep only one of them"
        ],
        id="duplicate key",
    ),
    pytest.param(
        [("  url: https://example-shop.test", "  url: http://example-shop.test")],
        [
            'content/privacy.yml:13 site.url: "http://example-shop.test" must use https (http only for localhost); write https://example-shop.test'
        ],
        id="http site URL",
    ),
    pytest.param(
        [("  url: https://example-shop.test", "  url: https://example-shop.test/blog/")],
        [
            'content/privacy.yml:13 site.url: "https://example-shop.test/blog/" must be the origin only, without a path, query or fragment; write https://example-shop.test'
        ],
        id="site URL with a path",
    ),
    pytest.param(
        [("  email: privacy@example-shop.test", "  email: privacy(at)example-shop.test")],
        [
            'content/privacy.yml:25 controller.email: "privacy(at)example-shop.test" is not a valid e-mail address (an email address must have an @-sign); write it like privacy@example.com'
        ],
        id="bad e-mail",
    ),
    pytest.param(
        [("    country: DE\n", "    country: UK\n")],
        [
            'content/privacy.yml:75 recipients[0].country: "UK" is not an ISO 3166-1 alpha-2 country code; write GB'
        ],
        id="country written as UK",
    ),
    pytest.param(
        [('"10115", city: Berlin, country: DE}', '"10115", city: Berlin, country: Germany}')],
        [
            'content/privacy.yml:24 controller.address.country: "Germany" is not an ISO 3166-1 alpha-2 country code; write DE'
        ],
        id="country written as a name",
    ),
    pytest.param(
        [("  languages: [en]", "  languages: [en")],
        [
            "content/privacy.yml:16: YAML syntax error: expected ',' or ']', but got '<scalar>' (in the [ ] list that starts on line 15); close the list with ]"
        ],
        id="YAML syntax error",
    ),
    pytest.param(
        [("  name: Example Shop\n", "  name: Example Shop\n\tbad: 1\n")],
        [
            "content/privacy.yml:13: YAML syntax error: found character '\\t' that cannot start any token; indent with spaces, not tabs"
        ],
        id="tab indentation",
    ),
    pytest.param(
        [("schema: 1", "schema: 2")],
        [
            "content/privacy.yml:9 schema: version 2 is not supported; this Discreet reads schema: 1 (convert the file, or update Discreet)"
        ],
        id="wrong schema version",
    ),
    pytest.param(
        [
            (
                "    legal_basis: legitimate_interests     #",
                "    legal_basis: legitimate_interest     #",
            )
        ],
        [
            'content/privacy.yml:53 processing[0].legal_basis: "legitimate_interest" is not a known legal basis; did you mean legitimate_interests? (expected one of: consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests)'
        ],
        id="legal basis typo",
    ),
    pytest.param(
        [("jurisdictions: [eu_gdpr,", "jurisdictions: [eu_gpdr,")],
        [
            'content/privacy.yml:18 jurisdictions[0]: "eu_gpdr" is not a known jurisdiction; did you mean eu_gdpr? (expected one of: eu_gdpr, uk_gdpr, eprivacy, us_ca_caloppa, us_ca_ccpa, ca_pipeda)'
        ],
        id="jurisdiction typo",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo: {appointed: true}")],
        [
            "content/privacy.yml:36 dpo.email: required because dpo.appointed is true; add email: the DPO's e-mail address"
        ],
        id="DPO appointed without e-mail",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo: {appointed: no}")],
        ['content/privacy.yml:36 dpo.appointed: expected true or false, got "no"'],
        id="yes is not a boolean",
    ),
    pytest.param(
        [
            (
                "    retention: {duration: P14D}\n",
                "    retention: {duration: P14D}\n    form: contact\n",
            )
        ],
        [
            'content/privacy.yml:52 processing[0].sources: the form "contact" collects data from the people who fill it in; add data_subject to sources',
            'content/privacy.yml:69 processing[1].form: form "contact" already belongs to processing[0]; each form collects data for one purpose, so remove it here or give the form another name',
        ],
        id="form used twice",
    ),
    pytest.param(
        [("  - id: contact_form", "  - id: hosting_logs")],
        [
            'content/privacy.yml:58 processing[1].id: "hosting_logs" is already the id of processing[0]; give each purpose its own id'
        ],
        id="duplicate purpose id",
    ),
    pytest.param(
        [("  first_party_hosts: []", "  first_party_hosts: [https://static.example-shop.test/]")],
        [
            'content/privacy.yml:14 site.first_party_hosts[0]: "https://static.example-shop.test/" is not a host name; write the bare host: static.example-shop.test'
        ],
        id="host with a scheme",
    ),
    pytest.param(
        [("  response_time: P1M", "  response_time: P6W")],
        [
            "content/privacy.yml:99 rights.response_time: P6W is longer than the one month that GDPR Art. 12(3) allows; write P1M or less"
        ],
        id="answer time too long",
    ),
    pytest.param(
        [("    purpose: Web hosting\n", "")],
        [
            "content/privacy.yml:71 recipients[0].purpose: missing; add purpose: (What it does with the data, e.g. Web hosting)"
        ],
        id="missing key",
    ),
    pytest.param(
        [("  languages: [en]", "  languages: en")],
        ['content/privacy.yml:15 site.languages: expected a list, got "en"; write [en]'],
        id="text where a list belongs",
    ),
    pytest.param(
        [("  languages: [en]", "  languages: [en, english, xx, en-XX]")],
        [
            'content/privacy.yml:15 site.languages[1]: "english" is not a language tag; write a code like en, de or en-GB',
            'content/privacy.yml:15 site.languages[2]: "xx" is not a language tag; write a code like en, de or en-GB',
            'content/privacy.yml:15 site.languages[3]: "en-XX" is not a language tag; write a code like en, de or en-GB',
        ],
        id="unknown language codes",
    ),
    pytest.param(
        [
            (
                '  address: {street: Examplestraße 1, postal_code: "10115", city: Berlin, country: DE}',
                "  address: Examplestraße 1, 10115 Berlin",
            )
        ],
        [
            'content/privacy.yml:24 controller.address: expected a mapping like {street, postal_code, city, country}, got "Examplestraße 1, 10115 Berlin"'
        ],
        id="text where a mapping belongs",
    ),
    pytest.param(
        [("    data: [contact, message]", "    data: [contact]")],
        [
            'content/privacy.yml:44 data_categories[1].id: "message" is declared but never used; list it in processing[].data, or remove it'
        ],
        id="unused data category",
    ),
    pytest.param(
        [("{duration: P14D}", "{criteria: as long as necessary}")],
        [
            'content/privacy.yml:57 processing[0].retention.criteria: "as long as necessary" does not say when the data is deleted; name the event that ends it (e.g. "you unsubscribe") or give a duration'
        ],
        id="vague retention",
    ),
    pytest.param(
        [
            (
                "    sources: [data_subject]\n",
                "    sources: [data_subjet]\n",
            )
        ],
        [
            'content/privacy.yml:62 processing[1].sources[0]: "data_subjet" is not a known source; did you mean data_subject? (write data_subject for data people give themselves, browser for what their browser sends by itself, or name the source in words, e.g. "the public trade register")',
        ],
        id="source typo",
    ),
    pytest.param(
        [
            (
                "storage: []",
                "storage:\n  - {name: _pk_id, type: cookie, provider: matomo, purpose: Count visits, duration: P13M, consent_required: true, if_refused: Nothing changes for you}",
            )
        ],
        [
            "content/privacy.yml:9 consent: required because storage[0] is set only with consent; add consent: {record_duration: P6M} (how long a consent choice is remembered), or {remembered: false} when no choice is stored",
            'content/privacy.yml:90 storage[0].provider: unknown provider "matomo"; write first_party when the site sets it itself, or the id of a recipient declared in recipients',
        ],
        id="storage provider unknown",
    ),
    # ePrivacy Art. 5(3), CNIL 2020-092: a choice has a duration only when it is stored.
    pytest.param(
        [
            (
                "storage: []",
                "storage:\n  - {name: pref, type: cookie, provider: first_party, purpose: Remember the player, duration: P1D, consent_required: true, if_refused: Nothing is remembered}\nconsent: {remembered: false, record_duration: P6M}",
            )
        ],
        [
            "content/privacy.yml:91 consent.record_duration: given, but remembered is false: no choice is stored, so none is kept for any time; remove it, or remove remembered: false if the choice is stored",
        ],
        id="a duration for a choice that is not stored",
    ),
    pytest.param(
        [
            (
                "storage: []",
                "storage:\n  - {name: pref, type: cookie, provider: first_party, purpose: Remember the player, duration: P1D, consent_required: true, if_refused: Nothing is remembered}\nconsent: {remembered: true}",
            )
        ],
        [
            "content/privacy.yml:91 consent.record_duration: required because a consent choice that is stored is kept for a time the cookie statement gives; add record_duration: P6M (how long the choice is remembered), or remembered: false when it is not stored",
        ],
        id="a stored choice without its duration",
    ),
    pytest.param(
        [
            (
                "storage: []",
                "storage:\n  - {name: theme, type: local_storage, provider: first_party, purpose: Remember dark mode, duration: session, consent_required: false}",
            )
        ],
        [
            "content/privacy.yml:90 storage[0].duration: local storage is not deleted when the browser closes; write until_cleared, or the period after which the site deletes it",
            "content/privacy.yml:90 storage[0].exemption: required because consent_required is false; add exemption: why no consent is needed: strictly_necessary, communication, uk_statistics, uk_appearance",
        ],
        id="storage without exemption",
    ),
    pytest.param(
        [("ccpa: {applies: false}", "ccpa: {applies: true}")],
        [
            "content/privacy.yml:44 data_categories[1].ccpa_category: required because ccpa.applies is true; add ccpa_category: its CCPA category, e.g. identifiers or internet_activity",
            "content/privacy.yml:103 ccpa.applies: is true, but us_ca_ccpa is not among the jurisdictions; add us_ca_ccpa, or set applies: false",
            "content/privacy.yml:103 ccpa.honors_gpc: required because ccpa.applies is true; add honors_gpc: true or false",
            "content/privacy.yml:103 ccpa.sells: required because ccpa.applies is true; add sells: true or false",
            "content/privacy.yml:103 ccpa.shares: required because ccpa.applies is true; add shares: true or false",
            "content/privacy.yml:103 ccpa.spi_beyond_7027m: required because ccpa.applies is true; add spi_beyond_7027m: true or false",
        ],
        id="ccpa applies but not declared",
    ),
    pytest.param(
        [
            (
                "jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa]",
                "jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa, us_ca_ccpa]",
            )
        ],
        [
            'content/privacy.yml:96 rights.channels: us_ca_ccpa requires a toll-free number for requests (Cal. Civ. Code §1798.130(a)(1)(A)); add {type: phone, value: "+1 800 ..."}, or set ccpa.online_only: true if you operate only online and deal with consumers directly',
            "content/privacy.yml:101 rights.authorized_agent: required because us_ca_ccpa is declared; add authorized_agent: how an authorized agent can make a request for someone",
            "content/privacy.yml:103 ccpa.applies: is false, but us_ca_ccpa is declared; set applies: true and fill in the ccpa fields, or remove us_ca_ccpa from jurisdictions",
        ],
        id="us_ca_ccpa without the ccpa block",
    ),
    pytest.param(
        [
            (
                "jurisdictions: [eu_gdpr, eprivacy, us_ca_caloppa]",
                "jurisdictions: [eu_gdpr, eprivacy]",
            )
        ],
        [
            "content/privacy.yml:104 caloppa: given, but us_ca_caloppa is not declared; remove it, or add us_ca_caloppa to jurisdictions"
        ],
        id="caloppa block without the jurisdiction",
    ),
    pytest.param(
        [("dpo: {appointed: false}", 'dpo: {appointed: "yes\\nno"}')],
        [r'content/privacy.yml:36 dpo.appointed: expected true or false, got "yes\nno"'],
        id="line break in a value stays on the problem's line",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo: {appointed: " + "A" * 300 + "}")],
        [
            f'content/privacy.yml:36 dpo.appointed: expected true or false, got "{"A" * 60}…" (300 characters)'
        ],
        id="a long value is shortened",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo: {appointed: false, 3: x, true: y, ~: z}")],
        [
            "content/privacy.yml:36 dpo.3: unknown key; remove it (keys allowed here: appointed, name, email, address, phone)",
            "content/privacy.yml:36 dpo.true: unknown key; remove it (keys allowed here: appointed, name, email, address, phone)",
            "content/privacy.yml:36 dpo.~: unknown key; remove it (keys allowed here: appointed, name, email, address, phone)",
        ],
        id="a number, true or ~ as a key is an unknown key",
    ),
    pytest.param(
        [("  name: Example Shop", "  name: Example <b>Shop</b>")],
        [
            'content/privacy.yml:12 site.name: "Example <b>Shop</b>" holds < or >, which every page would read as HTML; write the name as plain text'
        ],
        id="markup in the site name",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo\u200b: {appointed: false}")],
        [
            r"content/privacy.yml:36 dpo\u200b: unknown key; did you mean dpo? (keys allowed here: schema, site, jurisdictions, controller, dpo, supervisory_authority, data_categories, processing, recipients, storage, automated_decision_making, rights, ccpa, caloppa, pipeda, consent, policy)"
        ],
        id="an invisible character pasted into a key is shown",
    ),
]


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 25


@pytest.mark.parametrize(("edits", "expected"), ROWS)
def test_invalid_declaration(write_declaration, edits, expected) -> None:
    path = write_declaration(*edits)
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    assert str(caught.value).splitlines() == expected
    assert [str(problem) for problem in caught.value.problems] == expected
