# ruff: noqa: E501  (expected messages are single lines, as the owner reads them)
"""Problems with the file itself: each is one line, and nothing else is attempted after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from declaration import DeclarationError, load_declaration


def _error(path: Path) -> list[str]:
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    return str(caught.value).splitlines()


def test_missing_file(write_declaration) -> None:
    write_declaration()
    assert _error(Path("content/missing.yml")) == [
        "content/missing.yml: file not found; create it from the declaration example"
    ]


def test_a_folder_instead_of_a_file(write_declaration) -> None:
    write_declaration()
    assert _error(Path("content")) == [
        "content: is a folder; give the path of the declaration file"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file(write_declaration, text: str) -> None:
    assert _error(write_declaration(text=text)) == [
        "content/privacy.yml: the file is empty; write the declaration in it, starting with schema: 1"
    ]


def test_not_utf8(write_declaration) -> None:
    path = write_declaration()
    path.write_bytes(b"schema: 1\nsite:\n  name: Caf\xe9\n")
    assert _error(path) == [
        "content/privacy.yml:3: byte 0xE9 is not UTF-8 text; save the file as UTF-8"
    ]


def test_a_list_instead_of_a_mapping(write_declaration) -> None:
    assert _error(write_declaration(text="- schema: 1\n- site: {}\n")) == [
        "content/privacy.yml:1: the file must hold a mapping of keys (schema:, site:, controller: ...), not a list"
    ]


def test_a_long_single_value_instead_of_a_mapping(write_declaration) -> None:
    assert _error(write_declaration(text="x" * 200_000)) == [
        f'content/privacy.yml:1: the file must hold a mapping of keys (schema:, site:, controller: ...), not a single value, "{"x" * 60}…" (200000 characters)'
    ]


def test_two_documents(write_declaration, example_text) -> None:
    assert _error(write_declaration(text=example_text + "---\nschema: 1\n")) == [
        "content/privacy.yml:109: the file holds more than one YAML document; remove the extra ---"
    ]


def test_unquoted_colon_in_a_value(write_declaration) -> None:
    path = write_declaration(("  name: Example Shop\n", "  name: Shop: the best\n"))
    assert _error(path) == [
        'content/privacy.yml:12: YAML syntax error: mapping values are not allowed here; put the value in quotes when it contains ": "'
    ]


def test_unclosed_quote(write_declaration) -> None:
    path = write_declaration(
        ("change_notification: We publish", 'change_notification: "We publish')
    )
    assert _error(path) == [
        "content/privacy.yml:109: YAML syntax error: found unexpected end of stream (in the quoted text that starts on line 108); close the quote"
    ]


def test_a_python_tag_is_refused(write_declaration) -> None:
    path = write_declaration(("  name: Example Shop\n", "  name: !!python/name:os.system x\n"))
    (line,) = _error(path)
    assert line.startswith("content/privacy.yml:12: could not determine a constructor")
    assert line.endswith("remove the tag and write a plain value")


def test_wrong_version_stops_before_anything_else(write_declaration) -> None:
    path = write_declaration(
        ("schema: 1", "schema: 2"),
        ("  url: https://example-shop.test", "  url: ftp://example-shop.test"),
    )
    assert _error(path) == [
        "content/privacy.yml:9 schema: version 2 is not supported; this Discreet reads schema: 1 (convert the file, or update Discreet)"
    ]


def test_version_as_text_is_one_problem_among_others(write_declaration) -> None:
    path = write_declaration(
        ("schema: 1", 'schema: "1"'),
        ("  url: https://example-shop.test", "  url: ftp://example-shop.test"),
    )
    assert _error(path) == [
        'content/privacy.yml:9 schema: expected the number 1, got "1"; write schema: 1',
        'content/privacy.yml:13 site.url: "ftp://example-shop.test" must use https (http only for localhost); write https://example-shop.test',
    ]


def test_a_number_too_long_to_read_is_named(write_declaration) -> None:
    path = write_declaration(("dpo: {appointed: false}", "dpo: {appointed: " + "9" * 5000 + "}"))
    assert _error(path) == [
        "content/privacy.yml:36: a number of 5000 digits is far too long for any value here; shorten it, or put it in quotes if it is text"
    ]


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b"])
def test_an_invisible_control_character_is_named(write_declaration, character: str) -> None:
    path = write_declaration(("  name: Example Shop\n", f"  name: Example{character}Shop\n"))
    assert _error(path) == [
        f"content/privacy.yml:12: the character U+{ord(character):04X} is not allowed in YAML text; delete it (most editors do not show it)"
    ]


def test_runaway_nesting_is_named(write_declaration) -> None:
    path = write_declaration(("dpo: {appointed: false}", "dpo: " + "[" * 5000 + "]" * 5000))
    assert _error(path) == [
        "content/privacy.yml: lists or mappings are nested far too deeply (a declaration needs fewer than 10 levels); look for runaway [ or { brackets"
    ]


def test_deep_nesting_is_named_at_its_line(write_declaration) -> None:
    nested = "".join("\n" + "  " * level + "-" for level in range(1, 300))
    path = write_declaration(("dpo: {appointed: false}", "dpo:" + nested))
    assert _error(path) == [
        "content/privacy.yml:137: lists or mappings are nested far too deeply (a declaration needs fewer than 10 levels); look for runaway [ or { brackets"
    ]


def test_aliases_that_expand_without_end_are_refused_quickly(write_declaration) -> None:
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 10):
        bomb += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n"
    path = write_declaration(text="schema: 1\n" + bomb)
    assert _error(path) == [
        "content/privacy.yml:7 a5: the *aliases expand to more than 100000 entries; write the repeated parts out, or use fewer aliases inside anchors"
    ]


def test_an_undefined_alias_is_named_as_such(write_declaration) -> None:
    path = write_declaration(("dpo: {appointed: false}", "dpo: *officer"))
    assert _error(path) == [
        "content/privacy.yml:36: YAML syntax error: found undefined alias 'officer'; define the &anchor before using the *alias"
    ]


def test_a_merge_key_needs_a_mapping(write_declaration) -> None:
    path = write_declaration(("dpo: {appointed: false}", "dpo: {<<: [1, 2]}"))
    assert _error(path) == [
        "content/privacy.yml:36: expected a mapping for merging, but found scalar; after <<: write the *alias of an &anchored mapping"
    ]


def test_an_anchor_defined_twice_is_one_line(write_declaration, capfd) -> None:
    path = write_declaration(("dpo: {appointed: false}", "dpo: &a {appointed: false}\nx: &a 1"))
    assert _error(path) == [
        "content/privacy.yml:37 x: the anchor &a is already defined on line 36; give each anchor its own name",
        "content/privacy.yml:37 x: unknown key; remove it (keys allowed here: schema, site, jurisdictions, controller, dpo, supervisory_authority, data_categories, processing, recipients, storage, automated_decision_making, rights, ccpa, caloppa, pipeda, consent, policy)",
    ]
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026-02-30", '"2026-02-30" looks like a date but is not one; write a real date, or put the text in quotes'),
        ("2026-11-29T25:00:00", '"2026-11-29T25:00:00" looks like a date but is not one; write a real date, or put the text in quotes'),
        ("!!int abc", '"abc" cannot be read as !!int; remove the tag and write a plain value'),
        ("!!bool maybe", '"maybe" cannot be read as !!bool; remove the tag and write a plain value'),
        ("!!float abc", '"abc" cannot be read as !!float; remove the tag and write a plain value'),
    ],
)  # fmt: skip
def test_a_value_yaml_cannot_construct_is_named(
    write_declaration, value: str, problem: str
) -> None:
    path = write_declaration(("dpo: {appointed: false}", f"dpo: {{appointed: {value}}}"))
    assert _error(path) == [f"content/privacy.yml:36: {problem}"]


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("%YAML 1.3", "the %YAML directive names a version this reader does not know; remove the %YAML line"),
        ("%YAML 2.0", "YAML syntax error: found incompatible YAML document (version 1.* is required); remove the %YAML line"),
    ],
)  # fmt: skip
def test_an_unknown_yaml_version_is_named(
    write_declaration, example_text, directive, problem
) -> None:
    path = write_declaration(text=f"{directive}\n---\n{example_text}")
    assert _error(path) == [f"content/privacy.yml:1: {problem}"]
