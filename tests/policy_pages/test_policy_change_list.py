"""The change list between two releases: one plain sentence per change, never a text diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from declaration import Declaration, load_declaration, load_release
from policy_pages.changes import change_list
from policy_pages.history import describe_changes
from policybuild import EXAMPLE, Edit, example

NEWSLETTER = (
    (
        "\nrecipients:\n",
        """
  - id: newsletter
    purpose: Send you our monthly newsletter
    data: [contact]
    sources: [data_subject]
    legal_basis: consent
    consent: {withdraw: the unsubscribe link in every newsletter}
    provision: {obligation: none, consequence: You do not get the newsletter}
    recipients: [mailer]
    retention: {criteria: you unsubscribe}

recipients:
""",
    ),
    (
        "  # A third party that the site loads",
        """\
  - id: mailer
    name: Example Newsletter Inc.
    role: processor
    purpose: Newsletter delivery
    country: US
    transfer: {mechanism: scc, copy: ask us for a copy}
  # A third party that the site loads""",
    ),
)
COLOUR_SCHEME = (
    "storage: []",
    "storage:\n  - {name: colour_scheme, type: local_storage, provider: first_party, purpose: "
    "Remember your colours, duration: until_cleared, consent_required: false, "
    "exemption: strictly_necessary}",
)
TO_CONSENT = (
    "    legal_basis: legitimate_interests\n    legitimate_interest: Replying to enquiries about "
    "our products\n",
    "    legal_basis: consent\n    consent: {withdraw: an e-mail to us}\n",
)

CASES = [
    pytest.param(
        NEWSLETTER,
        [
            "New purpose: Newsletter (Send you our monthly newsletter)",
            "New recipient: Example Newsletter Inc. (United States), for Newsletter",
        ],
        id="new-purpose-and-recipient",
    ),
    pytest.param(
        [("retention: {duration: P6M}", "retention: {duration: P3M}")],
        ["Contact form data is now kept 3 months instead of 6"],
        id="shorter-retention",
    ),
    pytest.param(
        [("retention: {duration: P14D}", "retention: {duration: P1M}")],
        ["Server logs data is now kept 1 month instead of 14 days"],
        id="retention-in-another-unit",
    ),
    pytest.param(
        [("retention: {duration: P14D}", "retention: {criteria: the attack is investigated}")],
        ["Server logs data is now kept until the attack is investigated instead of 14 days"],
        id="retention-until-an-event",
    ),
    pytest.param(
        [TO_CONSENT],
        ["Contact form now relies on your consent instead of our legitimate interests"],
        id="legal-basis",
    ),
    pytest.param(
        [
            ("    country: DE\n    privacy_url", "    country: CH\n    privacy_url"),
            (
                "    hosts: []                             #",
                "    transfer: {mechanism: adequacy}\n    hosts: [] #",
            ),
        ],
        [
            "Example Hosting AG now processes data in Switzerland instead of Germany",
            "Transfers to Example Hosting AG now rely on an adequacy decision of the European "
            "Commission (Art. 45 GDPR)",
        ],
        id="recipient-moves-abroad",
    ),
    pytest.param(
        [COLOUR_SCHEME],
        ["New local storage: colour_scheme (set by us), Remember your colours"],
        id="storage-added",
    ),
    pytest.param(
        [("  email: privacy@example-shop.test", "  email: hello@example-shop.test")],
        ["Our e-mail address for privacy questions is now hello@example-shop.test"],
        id="controller-email",
    ),
    pytest.param(
        [("dpo: {appointed: false}", "dpo: {appointed: true, email: dpo@example-shop.test}")],
        ["We appointed a Data Protection Officer, reachable at dpo@example-shop.test"],
        id="dpo-appointed",
    ),
    pytest.param(
        [("    data: [contact, message]", "    data: [contact, message, connection]")],
        ["Contact form now also uses: IP address, browser, requested page, time"],
        id="purpose-uses-more-data",
    ),
    pytest.param(
        [
            ("us_ca_caloppa]   #", "us_ca_caloppa, ca_pipeda]   #"),
            (
                "  authorized_agent: null ",
                "  complaint_procedure: {channels: [{type: email, value: po@example-shop.test}]}\n"
                "pipeda: {privacy_officer: {title: Privacy "
                "Officer, email: po@example-shop.test, address: {street: 1 Example Street, "
                'postal_code: "K1A 0B1", city: Ottawa, region: ON, country: CA}}}\n#',
            ),
        ],
        [
            "The policy now covers Canada's PIPEDA",
            "New way to complain to us: po@example-shop.test",
        ],
        id="jurisdiction-added",
    ),
]


def declared(tmp_path: Path, name: str, *edits: Edit) -> Declaration:
    path = tmp_path / name
    path.write_text(example(*edits), encoding="utf-8")
    return load_declaration(path)


@pytest.mark.parametrize(("edits", "expected"), CASES)
def test_each_kind_of_change_has_its_words(
    tmp_path: Path, edits: list[Edit], expected: list[str]
) -> None:
    before = declared(tmp_path, "before.yml")
    after = declared(tmp_path, "after.yml", *edits)
    assert change_list(before, after) == expected


def test_removing_is_said_too(tmp_path: Path) -> None:
    before = declared(tmp_path, "before.yml", COLOUR_SCHEME, *NEWSLETTER)
    after = declared(tmp_path, "after.yml")
    assert change_list(before, after) == [
        "Purpose removed: Newsletter (Send you our monthly newsletter)",
        "Example Newsletter Inc. no longer receives personal data",
        "Local storage removed: colour_scheme",
    ]


def test_a_reordered_declaration_has_no_changes(tmp_path: Path) -> None:
    before = declared(tmp_path, "before.yml", *NEWSLETTER)
    text = example(*NEWSLETTER)
    hosting = text[text.index("  - id: hosting_logs") : text.index("  - id: contact_form")]
    reordered = text.replace(hosting, "").replace(
        "  - id: newsletter", hosting + "  - id: newsletter"
    )
    path = tmp_path / "after.yml"
    path.write_text(reordered, encoding="utf-8")
    assert change_list(before, load_declaration(path)) == []


def test_a_recipient_the_browser_starts_to_contact_is_a_change(tmp_path: Path) -> None:
    before = declared(tmp_path, "before.yml")
    after = declared(
        tmp_path,
        "after.yml",
        ("    hosts: []                             #", "    hosts: [a.test] #"),
    )
    assert change_list(before, after) == [
        "Your browser now connects to the servers of Example Hosting AG on our pages"
    ]


def test_a_change_without_words_of_its_own_names_the_reworded_section(tmp_path: Path) -> None:
    before = declared(tmp_path, "before.yml")
    after = declared(
        tmp_path, "after.yml", ("    privacy_url: https://hosting.example.test/privacy\n", "")
    )
    assert change_list(before, after) == []
    assert describe_changes(before, after) == [
        "Reworded in the privacy policy: Who receives your data"
    ]


OLD_RELEASE = Path(__file__).parent / "fixtures" / "release-before-issue-13.yml"


def test_an_old_release_loads_and_its_change_list_says_what_really_changed() -> None:
    """A release written before issue 13 (provision.required, represented_by as names, no host,
    no German notice fields) is read as it was published; the changes are facts, not formats."""
    old = load_release(OLD_RELEASE)
    assert old.controller.represented_by[0].role is None
    new = load_declaration(EXAMPLE)
    assert change_list(old, new) == [
        "We now name who hosts this website and what it logs: Example Hosting AG (Germany)",
        "Legal notice: Erika Example is now named as managing director",
        "Legal notice: Max Example is now named as responsible for the content (§18(2) MStV)",
        "Legal notice: we now state that we are neither willing nor obliged to take part in "
        "consumer dispute resolution (§36 VSBG)",
        "Server logs: where the data comes from is now: your browser sends it automatically "
        "(before: you give it to us)",
        "Server logs: no law or contract requires the data; your browser sends it by itself",
        "Contact form: you are not obliged to give the data; giving it is up to you",
        "Contact form: if you do not give the data: We cannot reply",
        # issue 12: the inbox counts from receipt, and the policy now says so
        "Contact form data is now kept 6 months after we receive your message instead of "
        "6 months after the enquiry is answered",
    ]


def test_a_complaint_procedure_told_in_one_text_becomes_its_channels(tmp_path: Path) -> None:
    old_text = example(("  authorized_agent: null ", "  complaint_procedure: Write to us\n  # "))
    (tmp_path / "old.yml").write_text(old_text, encoding="utf-8")
    old = load_release(tmp_path / "old.yml")
    assert old.rights.complaint_procedure is not None
    assert old.rights.complaint_procedure.details == "Write to us"
    new = declared(
        tmp_path,
        "new.yml",
        (
            "  authorized_agent: null ",
            "  complaint_procedure: {channels: [{type: email, value: privacy@example-shop.test}, "
            '{type: postal, value: "Examplestraße 1, 10115 Berlin"}], acknowledge_within: P30D}'
            "\n  # ",
        ),
    )
    assert change_list(old, new) == [
        "New way to complain to us: privacy@example-shop.test",
        "New way to complain to us: Examplestraße 1, 10115 Berlin",
        "We now say that we acknowledge every complaint within 30 days",
    ]


def test_a_consent_choice_stored_or_not_is_a_change(tmp_path: Path) -> None:
    choice = (
        "storage:\n  - {name: pref, type: cookie, provider: first_party, purpose: Remember the "
        "player, duration: P1D, consent_required: true, if_refused: Nothing is remembered}\n"
        "consent: "
    )
    stored = declared(tmp_path, "stored.yml", ("storage: []", choice + "{record_duration: P6M}"))
    not_stored = declared(tmp_path, "not.yml", ("storage: []", choice + "{remembered: false}"))
    assert change_list(stored, not_stored) == [
        "We no longer store your cookie choice: you are asked each time"
    ]
    assert change_list(not_stored, stored) == [
        "We now remember your cookie choice for 6 months; before, it was not stored"
    ]
