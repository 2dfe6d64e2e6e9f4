"""Every problem in one run: structure, types and cross-references together, in file order."""

from __future__ import annotations

import pytest
from declaration import DeclarationError, Problem, load_declaration


def test_all_errors_are_reported_at_once_in_file_order(write_declaration) -> None:
    path = write_declaration(
        ("  name: Example Shop\n", "  name: Example Shop\n  name: Twice\n"),  # duplicate key
        ("  url: https://example-shop.test", "  url: http://example-shop.test"),  # bad URL
        ("  legal_form: GmbH", "  legal_from: GmbH"),  # typo in a key
        ("  email: privacy@example-shop.test", "  email: privacy-at-example-shop.test"),
        ("    data: [connection]", "    data: [conection]"),  # unknown id
        ("    legitimate_interest: Replying to enquiries about our products\n", ""),
        ("{duration: P6M}", "{duration: 6 months}"),  # bad duration
        ("    country: DE\n", "    country: US\n"),  # transfer needed
        ("  response_time: P1M", "  response_time: P2M"),  # longer than GDPR allows
    )
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    problems = caught.value.problems
    assert [(p.line, p.path) for p in problems] == [
        (13, "site.name"),
        (14, "site.url"),
        (23, "controller.legal_from"),
        (26, "controller.email"),
        (52, "processing[0].data[0]"),
        (59, "processing[1].legitimate_interest"),
        (67, "processing[1].retention.duration"),
        (71, "recipients[0].transfer"),
        (99, "rights.response_time"),
    ]
    assert all(p.file == "content/privacy.yml" for p in problems)
    assert str(caught.value) == "\n".join(str(p) for p in problems)
    unknown = problems[4].message
    assert unknown.startswith('unknown data category "conection"; did you mean connection?')


def test_the_typo_of_an_id_is_not_also_reported_as_unused(write_declaration) -> None:
    path = write_declaration(("    data: [connection]", "    data: [conection]"))
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    assert [p.path for p in caught.value.problems] == ["processing[0].data[0]"]


def test_a_misspelt_key_is_not_also_reported_as_missing(write_declaration) -> None:
    path = write_declaration(("  legal_name: Example Shop GmbH", "  legalname: Example Shop GmbH"))
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    assert [p.path for p in caught.value.problems] == ["controller.legalname"]


def test_problem_formats_without_line_or_path() -> None:
    assert str(Problem("privacy.yml", None, "", "file not found")) == "privacy.yml: file not found"
    assert str(Problem("privacy.yml", 3, "", "bad")) == "privacy.yml:3: bad"
    assert str(Problem("privacy.yml", 3, "site.url", "bad")) == "privacy.yml:3 site.url: bad"
