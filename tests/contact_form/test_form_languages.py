"""The form's labels in each language, as the privacy policy names them (GDPR Art. 13(2)(e):
which data one must give): the theme's catalogue translates the kit's own labels; a label the
owner wrote stays as written."""

from __future__ import annotations

from contact_form.fields import published_fields, published_fields_in
from sitebuild import ROOT

THEME = {"THEME": str(ROOT / "theme")}


def test_the_kits_labels_are_named_in_the_policys_language() -> None:
    assert published_fields(THEME) == (
        ("Your e-mail address", "Your message"),
        ("Your name", "Subject"),
    )
    assert published_fields(THEME, "de") == (
        ("Ihre E-Mail-Adresse", "Ihre Nachricht"),
        ("Ihr Name", "Betreff"),
    )
    assert published_fields(THEME, "fr") == (
        ("Votre adresse électronique", "Votre message"),
        ("Votre nom", "Objet"),
    )


def test_an_owners_own_label_stays_as_written() -> None:
    fields = [
        {"name": "email", "label": "Ihre Mailadresse", "type": "email", "required": True},
        {"name": "message", "label": "Your message", "type": "textarea", "required": True},
    ]
    assert published_fields({**THEME, "CONTACT_FIELDS": fields}, "de") == (
        ("Ihre Mailadresse", "Ihre Nachricht"),
        (),
    )


def test_the_labels_in_several_languages_at_once_are_each_languages() -> None:
    """What policy_pages asks once a build: the fields read once, shown in every language."""
    languages = [None, "de", "fr"]
    assert published_fields_in(THEME, languages) == {
        lang: published_fields(THEME, lang) for lang in languages
    }
    assert published_fields_in({**THEME, "CONTACT_FIELDS": "not a list"}, languages) is None
