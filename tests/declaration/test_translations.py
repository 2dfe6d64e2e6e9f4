"""Texts per language: a site of several languages writes every prose text in each of them.

The declaration is the example's, turned into a German-first site whose texts are written in
German and English; each test changes one thing and reads what the loader says.
"""

from __future__ import annotations

import json

import pytest
from bilingual import bilingual
from declaration import DeclarationError, load_declaration
from embedsite import youtube_declaration


def _problems(path) -> list[str]:
    with pytest.raises(DeclarationError) as caught:
        load_declaration(path)
    return [str(problem) for problem in caught.value.problems]


def _line(path, fragment: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def test_a_german_first_site_reads_its_default_texts_in_german(
    write_declaration, example_text
) -> None:
    declaration = load_declaration(write_declaration(text=bilingual(example_text)))
    assert declaration.site.languages == ("de", "en")
    assert declaration.language == "de"
    contact = declaration.processing_by_id("contact_form")
    assert contact.purpose == "Die Fragen beantworten, die Sie uns über das Kontaktformular senden"
    assert type(contact.purpose) is str and contact.heading == "Kontaktformular"
    assert declaration.data_category("contact").label == "Name und E-Mail-Adresse"


def test_in_language_gives_every_text_in_that_language_and_nothing_else_changes(
    write_declaration, example_text
) -> None:
    declaration = load_declaration(write_declaration(text=bilingual(example_text)))
    english = declaration.in_language("en")
    assert english.language == "en" and english.site.languages == ("de", "en")
    assert english.processing_by_id("contact_form").purpose == (
        "Answer the questions you send us with the contact form"
    )
    assert english.recipient("webhost").purpose == "Web hosting"
    assert english.policy.change_notification.startswith("We publish every change")
    assert english.processing[0].sources == ("browser",)  # a keyword, not prose
    assert english.in_language("de") is declaration  # one object per language, both ways
    assert english.in_language("en") is english
    assert english.controller == declaration.controller  # names and addresses: written once
    assert english != declaration  # the same file read in another language
    with pytest.raises(ValueError, match="'fr' is not one of the site's languages"):
        declaration.in_language("fr")


def test_a_missing_german_purpose_is_named_with_its_line_and_field(
    write_declaration, example_text
) -> None:
    purpose = "Die Fragen beantworten, die Sie uns über das Kontaktformular senden"
    path = write_declaration(
        (f'{{de: "{purpose}", en: "Answer', '{en: "Answer'),
        ('{de: "Webhosting", en: "Web hosting"}', '{en: "Web hosting"}'),
        text=bilingual(example_text),
    )
    answer, hosting = _line(path, '{en: "Answer'), _line(path, '{en: "Web hosting')
    assert _problems(path) == [
        f"content/privacy.yml:{answer} "
        "processing[1].purpose: "
        "no de text (German); add de: with the purpose in German",
        f"content/privacy.yml:{hosting} "
        "recipients[0].purpose: "
        "no de text (German); add de: with the purpose in German",
    ]


def test_a_plain_text_on_a_site_of_two_languages_counts_as_the_default_one(
    write_declaration, example_text
) -> None:
    path = write_declaration(
        (
            'consequence: {de: "Wir können Ihnen nicht antworten", en: "We cannot reply"}',
            "consequence: Wir können Ihnen nicht antworten",
        ),
        text=bilingual(example_text),
    )
    assert _problems(path) == [
        f"content/privacy.yml:{_line(path, 'consequence: Wir können')} "
        "processing[1].provision.consequence: no en text (English); a plain text counts as de "
        "(German), so write consequence: {de: <this text>, en: <the consequence in English>}"
    ]


def test_a_language_the_site_does_not_declare_is_refused(write_declaration, example_text) -> None:
    path = write_declaration(
        ('en: "Web hosting"}', 'en: "Web hosting", fr: Hébergement web, EN: Hosting}'),
        ('{de: "Kontaktformular", en: "Contact form"}', '{de: "Kontaktformular", en: 5}'),
        text=bilingual(example_text),
    )
    line = _line(path, "fr: Hébergement web")
    assert _problems(path) == [
        f"content/privacy.yml:{_line(path, 'en: 5')} processing[1].title.en: expected text, "
        "got the number 5",
        f'content/privacy.yml:{line} recipients[0].purpose.EN: "EN" is not a language of the '
        "site; did you mean en? (site.languages: de, en)",
        f'content/privacy.yml:{line} recipients[0].purpose.fr: "fr" is not a language of the '
        "site (site.languages: de, en); remove it, or add it to site.languages",
    ]


def test_one_language_takes_plain_texts_or_a_mapping_of_that_language_only(
    write_declaration, example_text
) -> None:
    assert load_declaration(write_declaration()).in_language("en").language == "en"
    path = write_declaration(("purpose: Web hosting", "purpose: {en: Web hosting}"))
    assert load_declaration(path).recipient("webhost").purpose == "Web hosting"
    path = write_declaration(("purpose: Web hosting", "purpose: {de: Webhosting}"))
    line = _line(path, "purpose: {de: Webhosting}")
    assert _problems(path) == [
        f"content/privacy.yml:{line} recipients[0].purpose: no en text (English); add en: with "
        "the purpose in English",
        f'content/privacy.yml:{line} recipients[0].purpose.de: "de" is not a language of the '
        "site (site.languages: en); remove it, or add it to site.languages",
    ]


def test_names_and_addresses_are_written_once(write_declaration, example_text) -> None:
    path = write_declaration(
        ("name: Example Hosting AG", "name: {de: Beispiel AG, en: Example AG}"),
        text=bilingual(example_text),
    )
    assert _problems(path) == [
        f"content/privacy.yml:{_line(path, 'name: {de: Beispiel AG')} recipients[0].name: is the "
        "same in every language (names, addresses, numbers and codes are not translated); write "
        "it once, as plain text"
    ]


def test_every_language_is_held_to_the_rules_that_read_the_text(
    write_declaration, example_text
) -> None:
    """The English text of a German-first site is read by the rules too ("as long as
    necessary" says nothing about when data is deleted)."""
    path = write_declaration(
        (
            "retention: {duration: P14D}",
            'retention: {criteria: {de: "Bis der Zweck erfüllt ist", en: "As long as necessary"}}',
        ),
        text=bilingual(example_text),
    )
    problems = _problems(path)
    assert len(problems) == 1 and "processing[0].retention.criteria" in problems[0]
    assert '"as long as necessary" does not say when the data is deleted' in problems[0]


def test_the_json_of_a_bilingual_declaration_keeps_both_languages(
    write_declaration, example_text, tmp_path
) -> None:
    declaration = load_declaration(write_declaration(text=bilingual(example_text)))
    data = declaration.to_json_dict()
    assert data["recipients"][0]["purpose"] == {"de": "Webhosting", "en": "Web hosting"}
    assert data["rights"]["channels"][0]["value"] == "privacy@example-shop.test"
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_declaration(path) == declaration
    changed = json.loads(path.read_text("utf-8"))
    changed["recipients"][0]["purpose"]["en"] = "Hosting"
    path.write_text(json.dumps(changed), encoding="utf-8")
    assert load_declaration(path) != declaration  # only the English text differs


def test_a_purpose_of_a_site_of_two_languages_has_a_title_in_each(
    write_declaration, example_text
) -> None:
    path = write_declaration(
        ('    title: {de: "Server-Protokolle", en: "Server logs"}\n', ""),
        text=bilingual(example_text),
    )
    assert _problems(path) == [
        f"content/privacy.yml:{_line(path, '- id: hosting_logs')} processing[0].title: required "
        "because the site has several languages and a purpose without a title is headed by its "
        "id in words, the same in each; add title: {de: ..., en: ...}"
    ]


def test_a_catalogue_text_is_english_and_a_french_site_writes_its_own(write_declaration) -> None:
    """`service: youtube` fills the recipient's purpose from the catalogue, which is English."""
    path = write_declaration(text=youtube_declaration().replace("[en]", "[fr]", 1))
    assert _problems(path) == [
        f"content/privacy.yml:{_line(path, '- service: youtube')} recipients[0].purpose: the "
        'service catalogue has this text in English only ("Shows the videos on this site that '
        'you choose to play"); write purpose: {fr: ...} in this entry yourself'
    ]
    english = write_declaration(text=youtube_declaration().replace("[en]", "[en-GB]", 1))
    assert load_declaration(english).recipient("youtube").purpose.startswith("Shows the videos")
