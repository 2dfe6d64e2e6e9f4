"""Loading valid declarations: the example, the site's own file, and the query API on top."""

from __future__ import annotations

import json
from datetime import datetime

import pycountry
import pytest
from declaration import (
    CcpaCategory,
    Declaration,
    DeclarationError,
    Duration,
    Jurisdiction,
    LegalBasis,
    Obligation,
    Officer,
    OfficerRole,
    RecipientRole,
    load_declaration,
)
from declaration.languages import language_codes
from pydantic import ValidationError


@pytest.fixture(scope="module")
def example(example_path) -> Declaration:
    return load_declaration(example_path)


def test_example_loads_with_its_values(example: Declaration) -> None:
    assert example.schema_version == 1
    assert example.site.name == "Example Shop"
    assert example.site.url == "https://example-shop.test"
    assert example.site.host == "example-shop.test"
    assert example.site.languages == ("en",)
    assert example.site.default_language == "en"
    assert example.jurisdictions == (
        Jurisdiction.EU_GDPR,
        Jurisdiction.EPRIVACY,
        Jurisdiction.US_CA_CALOPPA,
    )
    assert example.applies("eu_gdpr") and not example.applies(Jurisdiction.UK_GDPR)
    controller = example.controller
    assert controller.legal_name == "Example Shop GmbH"
    assert controller.represented_by == (
        Officer(name="Erika Example", role=OfficerRole.MANAGING_DIRECTOR),
    )
    assert controller.address.street == "Examplestraße 1"
    assert controller.address.postal_code == "10115"
    assert controller.address.country == "DE"
    assert controller.phone == "+49 30 0000 0000"
    assert controller.commercial_register is not None
    assert controller.commercial_register.number == "HRB 00000"
    assert controller.eu_representative is None
    assert example.dpo.appointed is False
    assert example.supervisory_authority is not None
    assert example.supervisory_authority.url == "https://www.datenschutz-berlin.de"
    assert [c.id for c in example.data_categories] == ["contact", "message", "connection"]
    assert [p.id for p in example.processing] == ["hosting_logs", "contact_form"]
    assert example.storage == ()
    assert example.automated_decision_making.used is False
    assert example.ccpa.applies is False
    assert example.caloppa is not None
    assert example.caloppa.dnt_response.startswith("We do not track visitors")
    assert example.policy.change_notification.startswith("We publish every change")


def test_processing_entries_are_typed(example: Declaration) -> None:
    logs, contact = example.processing
    assert logs.legal_basis is LegalBasis.LEGITIMATE_INTERESTS
    assert logs.legal_basis.article == "Art. 6(1)(f)"
    assert logs.legitimate_interest == "Running a secure, available website"
    assert logs.sources == ("browser",)
    assert logs.provision is not None and logs.provision.obligation is Obligation.NONE
    assert logs.retention.duration == Duration(iso="P14D", days=14)
    assert str(logs.retention.duration) == "14 days"
    assert logs.form is None and logs.scripts == ()
    assert contact.form == "contact"
    assert contact.retention.duration is not None
    assert contact.retention.duration.iso == "P6M"
    assert str(contact.retention.duration) == "6 months"
    assert contact.retention.after is None
    assert contact.retention_start == "we receive your message"  # the inbox's one rule


def test_lookups(example: Declaration) -> None:
    contact_form = example.processing_for_form("contact")
    assert contact_form is not None and contact_form.id == "contact_form"
    assert example.processing_for_form("newsletter") is None
    assert example.processing_by_id("hosting_logs").purpose.startswith("Deliver the website")
    webhost = example.recipient("webhost")
    assert webhost.role is RecipientRole.PROCESSOR
    assert webhost.country_name == "Germany" and not webhost.outside_eea
    assert example.data_category("contact").ccpa_category == (CcpaCategory.IDENTIFIERS,)
    assert example.data_category("message").ccpa_category == ()
    assert [c.id for c in example.data_of(contact_form)] == ["contact", "message"]
    assert [r.id for r in example.recipients_of(contact_form)] == ["webhost"]
    assert example.legal_bases == {LegalBasis.LEGITIMATE_INTERESTS}
    with pytest.raises(KeyError, match="no recipient with id 'nobody'"):
        example.recipient("nobody")
    with pytest.raises(KeyError, match="no data category"):
        example.data_category("nothing")


def test_declaration_is_immutable(example: Declaration) -> None:
    with pytest.raises(ValidationError):
        example.site.name = "Changed"  # type: ignore[misc]
    assert isinstance(example.processing, tuple)
    assert isinstance(example.processing[0].data, tuple)


def test_json_dict_keeps_the_file_order_and_iso_durations(example: Declaration) -> None:
    data = example.to_json_dict()
    assert list(data)[:5] == ["schema", "site", "jurisdictions", "controller", "dpo"]
    assert list(data)[-1] == "policy"
    assert data["schema"] == 1
    assert data["controller"]["register"] == {"court": "Amtsgericht Example", "number": "HRB 00000"}
    assert data["processing"][0]["retention"]["duration"] == "P14D"
    assert data["processing"][1]["retention"]["duration"] == "P6M"
    assert data["rights"]["response_time"] == "P1M"
    assert data["jurisdictions"] == ["eu_gdpr", "eprivacy", "us_ca_caloppa"]
    assert json.loads(json.dumps(data)) == data


def test_json_dict_loads_back_as_the_same_declaration(example: Declaration, tmp_path) -> None:
    """JSON is YAML: /privacy/policy.json is itself a valid declaration file."""
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(example.to_json_dict()), encoding="utf-8")
    assert load_declaration(path) == example


def test_the_site_declaration_loads_and_marks_its_placeholders(site_declaration_path) -> None:
    declaration = load_declaration(site_declaration_path)
    assert declaration.processing_for_form("contact") is not None
    assert declaration.site.host == "example-shop.test"
    text = site_declaration_path.read_text(encoding="utf-8")
    for value in (
        "name: Example Shop ",
        "url: https://example-shop.test ",
        "legal_name: Example Shop GmbH",
        "street: Examplestraße 1",
        "email: privacy@example-shop.test",
        "vat_id: DE000000000",
        "name: Example Hosting AG",
    ):
        line = next(line for line in text.splitlines() if value in line)
        assert "# PLACEHOLDER" in line, line


def test_site_url_is_normalised_and_host_lower_case(write_declaration) -> None:
    path = write_declaration(
        ("  url: https://example-shop.test", "  url: https://Example-Shop.TEST/")
    )
    site = load_declaration(path).site
    assert site.url == "https://example-shop.test"
    assert site.host == "example-shop.test"


def test_localhost_may_use_http_and_a_port(write_declaration) -> None:
    path = write_declaration(("  url: https://example-shop.test", "  url: http://localhost:8000"))
    assert load_declaration(path).site.host == "localhost"


def test_hosts_match_exactly_or_by_wildcard(write_declaration) -> None:
    path = write_declaration(
        ("  first_party_hosts: []", "  first_party_hosts: ['*.static.example-shop.test']"),
        ("    hosts: []", "    hosts: [cdn.hosting.example.test, '*.img.example.test']"),
    )
    declaration = load_declaration(path)
    assert declaration.site.is_first_party("example-shop.test")
    assert declaration.site.is_first_party("a.static.example-shop.test")
    assert not declaration.site.is_first_party("static.example-shop.test.evil.test")
    assert declaration.recipient_for_host("CDN.hosting.example.test") is not None
    assert declaration.recipient_for_host("x.img.example.test") == declaration.recipient("webhost")
    assert declaration.recipient_for_host("img.example.test") is None
    assert declaration.recipient_for_host("tracker.example.test") is None


def test_retention_cutoff_for_the_inbox(example: Declaration) -> None:
    contact = example.processing_for_form("contact")
    assert contact is not None and contact.retention.duration is not None
    assert contact.retention.duration.cutoff(datetime(2024, 8, 31, 12)) == datetime(2024, 2, 29, 12)


def test_the_same_bytes_are_validated_once(example_path, tmp_path) -> None:
    """Three plugins load the declaration in one build: one parse, one (frozen) object."""
    copy = tmp_path / "privacy.yml"
    copy.write_bytes(example_path.read_bytes())
    first = load_declaration(copy)
    assert load_declaration(copy) is first
    assert load_declaration(example_path) is first  # a release is a byte-for-byte copy
    with pytest.raises(ValidationError):
        first.site.name = "Changed"  # shared, so it must not change
    copy.write_text(copy.read_text("utf-8").replace("Example Shop", "Other Shop", 1), "utf-8")
    changed = load_declaration(copy)
    assert changed is not first and changed.site.name != first.site.name


def test_a_broken_file_is_reported_on_every_load(tmp_path) -> None:
    broken = tmp_path / "privacy.yml"
    broken.write_text("schema: 1\nsite: {}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DeclarationError):
            load_declaration(broken)


def test_language_codes_are_pycountrys_and_ordinary_tags_load(example_path, tmp_path) -> None:
    """site.languages is checked against pycountry's data, read without its 8,000 objects."""
    known = {code for language in pycountry.languages for code in _codes_of(language)}
    assert language_codes() == known and {"en", "de", "gsw", "deu"} <= known
    copy = tmp_path / "privacy.yml"
    for tag in ("de-AT", "gsw"):  # one language each: its plain texts need no translation
        text = example_path.read_text("utf-8").replace("languages: [en]", f"languages: [{tag}]")
        copy.write_text(text, "utf-8")
        assert load_declaration(copy).site.languages == (tag,)


def _codes_of(language) -> list[str]:
    return [getattr(language, key) for key in ("alpha_2", "alpha_3") if hasattr(language, key)]
